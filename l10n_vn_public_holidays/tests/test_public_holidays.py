from datetime import datetime

from freezegun import freeze_time

from odoo import Command
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install", "l10n_vn_public_holidays")
@freeze_time("2026-03-01 10:00:00")
class TestPublicHolidays(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, lang="en_US"))
        cls.vn = cls.env.ref("base.vn")
        cls.Leaves = cls.env["resource.calendar.leaves"]

    def _company(self, **vals):
        with freeze_time("2026-03-01 10:00:00"):
            return self.env["res.company"].create({"name": "Công ty TNHH An Phát", **vals})

    def _holidays(self, company):
        leaves = self.Leaves.search([("company_id", "=", company.id), ("l10n_vn_holiday", "!=", False)])
        return [(leave.l10n_vn_holiday, leave.date_from, leave.date_to) for leave in leaves.sorted("date_from")]

    def test_vietnamese_company_gets_this_year_and_next(self):
        company = self._company(country_id=self.vn.id)
        holidays = self._holidays(company)
        # Tết 2026 (from the government's calendar: 16-20 February), in UTC: 00:00 in Hà Nội is 17:00 the day before
        self.assertIn(("tet", datetime(2026, 2, 15, 17, 0), datetime(2026, 2, 20, 16, 59, 59)), holidays)
        # Hùng Kings' day 2026 is a Sunday (26 April): Monday 27 April is the day in lieu
        self.assertIn(("hung_kings", datetime(2026, 4, 25, 17, 0), datetime(2026, 4, 27, 16, 59, 59)), holidays)
        # 2027: Tết on 6 February (days 5-9, and 10-11 in lieu of the weekend), 1 May a Saturday -> Monday 3 May
        self.assertIn(("tet", datetime(2027, 2, 4, 17, 0), datetime(2027, 2, 11, 16, 59, 59)), holidays)
        self.assertIn(("labour", datetime(2027, 5, 2, 17, 0), datetime(2027, 5, 3, 16, 59, 59)), holidays)
        self.assertEqual(
            {leave[1].year for leave in holidays}, {2025, 2026, 2027}, "1 January starts in UTC the day before"
        )
        self.assertEqual(len([h for h in holidays if h[0] == "new_year"]), 2)
        leaves = self.Leaves.search([("company_id", "=", company.id), ("l10n_vn_holiday", "!=", False)])
        self.assertFalse(leaves.calendar_id, "time off of every working calendar of the company")
        self.assertFalse(leaves.resource_id)
        self.assertEqual(set(leaves.mapped("time_type")), {"leave"})

    def test_written_once_and_changes_kept(self):
        company = self._company(country_id=self.vn.id)
        count = len(self._holidays(company))
        # the government moves a day: the administrator edits it once; the yearly job keeps the change
        national = self.Leaves.search([("company_id", "=", company.id), ("l10n_vn_holiday", "=", "national")])
        national[:1].unlink()
        self.env["res.company"]._cron_l10n_vn_public_holidays()
        company._l10n_vn_write_public_holidays()
        self.assertEqual(len(self._holidays(company)), count - 1)

    def test_company_outside_vietnam(self):
        company = self._company(country_id=self.env.ref("base.fr").id)
        self.assertFalse(self._holidays(company))
        company.country_id = self.vn
        self.assertTrue(self._holidays(company), "a company moved to Vietnam gets the holidays")

    def test_working_time_comes_from_the_calendar(self):
        """resource.calendar does the arithmetic: the day after the last day of Tết is the next working day."""
        company = self._company(country_id=self.vn.id)
        calendar = self.env["resource.calendar"].create(
            {
                "name": "Giờ hành chính",
                "company_id": company.id,
                "tz": "Asia/Ho_Chi_Minh",
                "attendance_ids": [
                    Command.create({"name": str(day), "dayofweek": str(day), "hour_from": 8, "hour_to": 17})
                    for day in range(5)
                ],
            }
        )
        # Friday 13 February 2026, 17:00 in Hà Nội (10:00 UTC): one working day later is Monday 23 February
        end = calendar.plan_days(1, datetime(2026, 2, 13, 10, 0, 1), compute_leaves=True)
        self.assertEqual(end, datetime(2026, 2, 23, 10, 0))
        # 9 working hours (a day of 8-17) from Friday 24 April 17:00: Tuesday 28 April 17:00 (Hùng Kings' day on
        # Sunday 26 April, Monday 27 in lieu)
        end = calendar.plan_hours(9, datetime(2026, 4, 24, 10, 0), compute_leaves=True)
        self.assertEqual(end, datetime(2026, 4, 28, 10, 0))

    def test_six_day_week(self):
        """A company working on Saturdays gets no day in lieu for a holiday on a Saturday."""
        calendar = self.env["resource.calendar"].create(
            {
                "name": "Thứ Hai - Thứ Bảy",
                "attendance_ids": [
                    Command.create({"name": str(day), "dayofweek": str(day), "hour_from": 8, "hour_to": 17})
                    for day in range(6)
                ],
            }
        )
        company = self._company(country_id=self.vn.id, resource_calendar_id=calendar.id)
        labour_2027 = [h for h in self._holidays(company) if h[0] == "labour" and h[1].year == 2027]
        self.assertEqual(labour_2027, [("labour", datetime(2027, 4, 30, 17, 0), datetime(2027, 5, 1, 16, 59, 59))])

    def test_calendar_of_a_company_elsewhere(self):
        """A calendar flagged *Vietnamese Public Holidays* in a company set up in another country gets them as its own
        time off (and only it); a Vietnamese company's calendars need no flag (the whole company has them)."""
        company = self._company(country_id=self.env.ref("base.us").id)
        other = self.env["resource.calendar"].create({"name": "Văn phòng Mỹ", "company_id": company.id})
        with freeze_time("2026-03-01 10:00:00"):
            calendar = self.env["resource.calendar"].create(
                {
                    "name": "Nhóm Việt Nam",
                    "company_id": company.id,
                    "tz": "Asia/Ho_Chi_Minh",
                    "l10n_vn_public_holidays": True,
                    "attendance_ids": [
                        Command.clear(),
                        *[
                            Command.create({"name": str(day), "dayofweek": str(day), "hour_from": 8, "hour_to": 17})
                            for day in range(5)
                        ],
                    ],
                }
            )
        leaves = self.Leaves.search([("calendar_id", "=", calendar.id), ("l10n_vn_holiday", "!=", False)])
        self.assertEqual(set(leaves.mapped("company_id")), {company})
        self.assertIn(datetime(2026, 2, 15, 17, 0), leaves.mapped("date_from"))
        whole_company = [("calendar_id", "=", False), ("company_id", "=", company.id), ("l10n_vn_holiday", "!=", False)]
        self.assertFalse(self.Leaves.search(whole_company), "the company is not in Vietnam: only the flagged calendar")
        # Friday 13 February 2026 17:00 in Hà Nội: one working day later is Monday 23 February in that calendar only
        self.assertEqual(
            calendar.plan_days(1, datetime(2026, 2, 13, 10, 0, 1), compute_leaves=True), datetime(2026, 2, 23, 10, 0)
        )
        other.attendance_ids = [
            Command.clear(),
            *[Command.create({"name": str(d), "dayofweek": str(d), "hour_from": 8, "hour_to": 17}) for d in range(5)],
        ]
        other.tz = "Asia/Ho_Chi_Minh"
        # The company's own time off, as the suite's deadlines read it (resource.calendar alone would also count
        # the company-wide time off of every other company the reader sees, e.g. a Vietnamese demo company's).
        own_leaves = [("time_type", "=", "leave"), ("company_id", "in", [False, company.id])]
        self.assertEqual(
            other.plan_days(1, datetime(2026, 2, 13, 10, 0, 1), compute_leaves=True, domain=own_leaves),
            datetime(2026, 2, 16, 10, 0),
        )
