"""SLA deadlines from the company's working calendar and its time off (resource.calendar's arithmetic)."""

from datetime import datetime, timedelta

from odoo import Command
from odoo.tests import tagged

from .common import CrmVnFeedbackCommon


def utc(local_text):
    """Naive UTC of a Hà Nội wall-clock time written 'YYYY-MM-DD HH:MM'."""
    return datetime.strptime(local_text, "%Y-%m-%d %H:%M") - timedelta(hours=7)


@tagged("post_install", "-at_install", "crm_vn_feedback")
class TestSlaWorkingHours(CrmVnFeedbackCommon):
    """Monday to Friday, 08:00-12:00 and 13:00-17:00 in Hà Nội (the common calendar), Vietnamese public holidays of
    2026 and 2027 written as the company's time off."""

    def add(self, start, hours, company=None):
        return (company or self.env.company)._crm_vn_feedback_add_hours(utc(start), hours)

    def test_table(self):
        # (case, local start, working hours, local deadline); the holidays are the government's calendar
        table = [
            ("inside the morning", "2026-03-02 09:00", 2, "2026-03-02 11:00"),
            ("across lunch", "2026-03-02 11:00", 2, "2026-03-02 14:00"),
            ("received at lunch", "2026-03-02 12:30", 1, "2026-03-02 14:00"),
            ("across the night", "2026-03-02 16:00", 2, "2026-03-03 09:00"),
            ("received at night", "2026-03-02 20:00", 1, "2026-03-03 09:00"),
            ("received before opening", "2026-03-03 06:00", 1, "2026-03-03 09:00"),
            ("ends exactly at closing", "2026-03-02 16:00", 1, "2026-03-02 17:00"),
            ("a full working day", "2026-03-02 08:00", 8, "2026-03-02 17:00"),
            ("across the weekend", "2026-03-06 16:00", 2, "2026-03-09 09:00"),
            ("received on Saturday", "2026-03-07 10:00", 1, "2026-03-09 09:00"),
            ("a working week", "2026-03-02 08:00", 40, "2026-03-06 17:00"),
            ("minutes", "2026-03-02 09:10", 0.5, "2026-03-02 09:40"),
            # Hùng Kings' day 2026 is Sunday 26 April: Monday 27 is the day off in lieu
            ("Hùng Kings' day", "2026-04-24 16:00", 2, "2026-04-28 09:00"),
            # 30 April (Thursday) and 1 May (Friday), then the weekend
            ("Reunification and Labour day", "2026-04-29 16:00", 2, "2026-05-04 09:00"),
            # Tết 2027: 5-9 February, plus 10 and 11 in lieu of Saturday 6 and Sunday 7
            ("Tết 2027", "2027-02-04 16:00", 2, "2027-02-12 09:00"),
            ("received during Tết", "2027-02-08 10:00", 1, "2027-02-12 09:00"),
            ("National day 2026 (1-2 September)", "2026-08-31 16:00", 2, "2026-09-03 09:00"),
            ("New Year's day 2027 (Friday)", "2026-12-31 16:00", 2, "2027-01-04 09:00"),
        ]
        for case, start, hours, expected in table:
            with self.subTest(case=case):
                self.assertEqual(self.add(start, hours), utc(expected))

    def test_a_day_off_entered_once(self):
        """A day the government moves, or the company's own day off, is entered once as time off of the
        calendar: the SLA clock stops on it; a holiday deleted there counts again."""
        self.assertEqual(self.add("2026-06-01 16:00", 2), utc("2026-06-02 09:00"))
        self.env["resource.calendar.leaves"].create(
            {
                "name": "Nghỉ bù",
                "company_id": self.env.company.id,
                "date_from": utc("2026-06-02 00:00"),
                "date_to": utc("2026-06-02 23:59"),
            }
        )
        self.assertEqual(self.add("2026-06-01 16:00", 2), utc("2026-06-03 09:00"))
        self.env["resource.calendar.leaves"].search(
            [("company_id", "=", self.env.company.id), ("l10n_vn_holiday", "=", "hung_kings")]
        ).unlink()
        self.assertEqual(self.add("2026-04-24 16:00", 2), utc("2026-04-27 09:00"))

    def test_other_company_time_off_does_not_count(self):
        other = self.env["res.company"].create({"name": "Chi nhánh Đà Nẵng"})
        leave = (
            self.env["resource.calendar.leaves"]
            .with_company(other)
            .create(
                {
                    "name": "Other company's day off",
                    "calendar_id": False,
                    "date_from": utc("2026-06-02 00:00"),
                    "date_to": utc("2026-06-02 23:59"),
                }
            )
        )
        leave.flush_recordset()
        leave.write({"company_id": other.id})
        self.env.flush_all()
        self.assertEqual(leave.company_id, other)
        self.assertEqual(self.add("2026-06-01 16:00", 2), utc("2026-06-02 09:00"))

    def test_zero_hours_is_now(self):
        self.assertEqual(self.add("2026-03-07 23:00", 0), utc("2026-03-07 23:00"))

    def test_daylight_saving_follows_the_wall_clock(self):
        # Paris moves to summer time on Sunday 29 March 2026: 09:00 local is 08:00 UTC before and 07:00 UTC after
        self.calendar.tz = "Europe/Paris"
        friday = datetime(2026, 3, 27, 15, 0)  # 16:00 in Paris
        self.assertEqual(self.env.company._crm_vn_feedback_add_hours(friday, 2), datetime(2026, 3, 30, 7, 0))

    def test_two_week_calendar_uses_both_weeks(self):
        """An alternating calendar: odd weeks Monday-Friday, even weeks Monday only (Odoo's week types)."""
        self.calendar.write(
            {
                "two_weeks_calendar": True,
                "attendance_ids": [Command.clear()]
                + [
                    Command.create(
                        {
                            "name": f"{week} {day}",
                            "dayofweek": str(day),
                            "hour_from": 8,
                            "hour_to": 17,
                            "week_type": week,
                        }
                    )
                    for week, days in (("0", range(5)), ("1", range(1)))
                    for day in days
                ],
            }
        )
        start = utc("2026-03-02 08:00")
        deadline = self.env.company._crm_vn_feedback_add_hours(start, 9 * 5 + 9 + 1)
        # 45 h of one week and 9 h of the other, whichever comes first: the 55th hour is on Monday 16 March (a
        # calendar read as if every week were the first would end on Tuesday 10 March)
        self.assertEqual(deadline, utc("2026-03-16 09:00"))

    def test_no_working_time_runs_round_the_clock(self):
        self.env.company.crm_vn_feedback_calendar_id = self.env["resource.calendar"].create(
            {"name": "Không có giờ làm", "attendance_ids": [Command.clear()]}
        )
        self.env.company.resource_calendar_id.attendance_ids = [Command.clear()]
        self.assertEqual(self.add("2026-03-07 23:00", 5), utc("2026-03-08 04:00"))

    def test_vietnamese_office_hours_keep_the_holidays_in_a_company_elsewhere(self):
        """The office hours installed for feedback are Vietnam's, holidays included, even in a company set up in
        another country (a demo database's "YourCompany"): the calendar is flagged *Vietnamese Public Holidays*."""
        office = self.env.ref("crm_vn_feedback.resource_calendar_vn_office")
        self.assertTrue(office.l10n_vn_public_holidays)
        company = self.env.company
        company.country_id = self.env.ref("base.us")
        self.env["resource.calendar.leaves"].search(
            [("company_id", "=", company.id), ("l10n_vn_holiday", "!=", False)]
        ).unlink()
        office.company_id = company
        company.crm_vn_feedback_calendar_id = office
        office._l10n_vn_write_public_holidays(years=(2026,))
        # Friday 24 April 2026, 16:00 + 2 working hours: Tuesday 28 April, 09:00 (Hùng Kings' day and its day in lieu)
        self.assertEqual(self.add("2026-04-24 16:00", 2), utc("2026-04-28 09:00"))
