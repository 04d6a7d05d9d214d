"""SLA arithmetic (tools/sla.py): pure Python, no database."""

from datetime import date, datetime, timedelta

from odoo.tests import BaseCase, tagged

from odoo.addons.crm_vn_feedback.tools.sla import (
    add_working_hours,
    holiday_dates,
    working_hours_between,
)

# Monday to Friday, 08:00-12:00 and 13:00-17:00 local time (Asia/Ho_Chi_Minh, UTC+7)
OFFICE = [(day, 8, 12) for day in range(5)] + [(day, 13, 17) for day in range(5)]


def utc(local_text):
    """Naive UTC of a Hà Nội wall-clock time written 'YYYY-MM-DD HH:MM'."""
    return datetime.strptime(local_text, "%Y-%m-%d %H:%M") - timedelta(hours=7)


@tagged("post_install", "-at_install", "crm_vn_feedback")
class TestAddWorkingHours(BaseCase):
    def test_table(self):
        holidays = holiday_dates([2026, 2027])
        # (case, local start, working hours, local deadline)
        table = [
            ("inside the morning", "2026-03-02 09:00", 2, "2026-03-02 11:00"),
            ("across lunch", "2026-03-02 11:00", 2, "2026-03-02 14:00"),
            ("received at lunch", "2026-03-02 12:30", 1, "2026-03-02 14:00"),
            ("across the night", "2026-03-02 16:00", 2, "2026-03-03 09:00"),
            ("received at night", "2026-03-02 20:00", 1, "2026-03-03 09:00"),
            ("received before opening", "2026-03-03 06:00", 1, "2026-03-03 09:00"),
            ("ends exactly at closing", "2026-03-02 16:00", 1, "2026-03-02 17:00"),
            ("ends exactly at lunch", "2026-03-02 08:00", 4, "2026-03-02 12:00"),
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
                self.assertEqual(
                    add_working_hours(utc(start), hours, OFFICE, holidays),
                    utc(expected),
                )

    def test_without_holidays(self):
        # the same Friday without the holiday list: Monday 27 April counts
        self.assertEqual(add_working_hours(utc("2026-04-24 16:00"), 2, OFFICE), utc("2026-04-27 09:00"))

    def test_zero_hours_is_now(self):
        start = utc("2026-03-07 23:00")  # even outside working time
        self.assertEqual(add_working_hours(start, 0, OFFICE), start)

    def test_overlapping_attendance_is_merged(self):
        overlapping = [(0, 8, 12), (0, 10, 14), (0, 14, 15)]
        self.assertEqual(add_working_hours(utc("2026-03-02 08:00"), 7, overlapping), utc("2026-03-02 15:00"))
        # the following Monday, not twice the overlap on the same day
        self.assertEqual(add_working_hours(utc("2026-03-02 08:00"), 8, overlapping), utc("2026-03-09 09:00"))

    def test_other_time_zone(self):
        # the same office hours in UTC end seven hours later in UTC than in Hà Nội
        self.assertEqual(
            add_working_hours(datetime(2026, 3, 2, 8), 1, OFFICE, tz="UTC"),
            datetime(2026, 3, 2, 9),
        )

    def test_daylight_saving_follows_the_wall_clock(self):
        # Paris moves to summer time on Sunday 29 March 2026: 09:00 local is 08:00 UTC before
        # and 07:00 UTC after
        friday = datetime(2026, 3, 27, 15, 0)  # 16:00 in Paris
        self.assertEqual(add_working_hours(friday, 2, OFFICE, tz="Europe/Paris"), datetime(2026, 3, 30, 7, 0))

    def test_bad_input(self):
        with self.assertRaises(ValueError):
            add_working_hours(utc("2026-03-02 08:00"), -1, OFFICE)
        with self.assertRaises(ValueError):
            add_working_hours(utc("2026-03-02 08:00"), 1, [])
        with self.assertRaises(ValueError):
            # zero-length intervals are no working time
            add_working_hours(utc("2026-03-02 08:00"), 1, [(0, 8, 8)])
        # every Monday of the next four years off, and only Mondays worked
        mondays = {date(2026, 3, 2) + timedelta(weeks=week) for week in range(4 * 53)}
        with self.assertRaises(ValueError):
            add_working_hours(utc("2026-03-02 08:00"), 1, [(0, 8, 17)], mondays)


@tagged("post_install", "-at_install", "crm_vn_feedback")
class TestWorkingHoursBetween(BaseCase):
    def test_table(self):
        holidays = holiday_dates([2026, 2027])
        table = [
            ("same morning", "2026-03-02 09:00", "2026-03-02 11:00", 2),
            ("lunch does not count", "2026-03-02 11:00", "2026-03-02 14:00", 2),
            ("night does not count", "2026-03-02 16:00", "2026-03-03 09:00", 2),
            ("weekend does not count", "2026-03-06 08:00", "2026-03-09 17:00", 16),
            ("Tết does not count", "2027-02-04 08:00", "2027-02-12 17:00", 16),
            ("end before start", "2026-03-03 09:00", "2026-03-02 09:00", 0),
            ("all in a weekend", "2026-03-07 08:00", "2026-03-08 17:00", 0),
        ]
        for case, start, end, hours in table:
            with self.subTest(case=case):
                self.assertAlmostEqual(working_hours_between(utc(start), utc(end), OFFICE, holidays), hours)

    def test_round_trip(self):
        holidays = holiday_dates([2026, 2027])
        starts = ["2026-03-02 08:00", "2026-04-24 10:15", "2027-02-03 13:30", "2026-12-31 16:45"]
        for start in starts:
            for hours in (0.25, 1, 3.5, 8, 17, 40, 100):
                with self.subTest(start=start, hours=hours):
                    deadline = add_working_hours(utc(start), hours, OFFICE, holidays)
                    self.assertAlmostEqual(working_hours_between(utc(start), deadline, OFFICE, holidays), hours)


@tagged("post_install", "-at_install", "crm_vn_feedback")
class TestHolidayDates(BaseCase):
    def test_years_and_extra(self):
        company_day = date(2026, 6, 1)
        days = holiday_dates([2026, 2027], extra=[company_day])
        self.assertIn(company_day, days)
        self.assertIn(date(2026, 4, 27), days)  # in lieu of Hùng Kings' day
        self.assertIn(date(2027, 2, 11), days)  # in lieu of Tết's Sunday
        self.assertNotIn(date(2026, 4, 26), holiday_dates([2025]))
        self.assertEqual(holiday_dates([]), set())
