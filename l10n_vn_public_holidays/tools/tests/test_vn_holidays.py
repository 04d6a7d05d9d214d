"""Plain pytest, no Odoo: ``python -m pytest -p no:odoo l10n_vn_public_holidays/tools/tests``."""

from datetime import date
from unittest import TestCase

from odoo.addons.l10n_vn_public_holidays.tools.holidays import vn_public_holidays
from odoo.addons.l10n_vn_public_holidays.tools.lunar import hung_kings_day, lunar_new_year, lunar_to_solar


class TestLunarCalendar(TestCase):
    def test_tet_and_hung_kings(self):
        # (year, Tết, Hùng Kings' day) as published by the government
        table = [
            (2020, date(2020, 1, 25), date(2020, 4, 2)),
            (2021, date(2021, 2, 12), date(2021, 4, 21)),
            (2022, date(2022, 2, 1), date(2022, 4, 10)),
            (2023, date(2023, 1, 22), date(2023, 4, 29)),
            (2024, date(2024, 2, 10), date(2024, 4, 18)),
            (2025, date(2025, 1, 29), date(2025, 4, 7)),
            (2026, date(2026, 2, 17), date(2026, 4, 26)),
            (2027, date(2027, 2, 6), date(2027, 4, 16)),
        ]
        for year, tet, hung in table:
            with self.subTest(year=year):
                self.assertEqual(lunar_new_year(year), tet)
                self.assertEqual(hung_kings_day(year), hung)

    def test_vietnam_differs_from_china(self):
        # 2030: the new moon falls before midnight in Hà Nội (UTC+7), after it in Beijing
        self.assertEqual(lunar_new_year(2030), date(2030, 2, 2))

    def test_leap_month(self):
        # 2023 had a leap 2nd month: 1/3 lunar fell on 20 April, leap 2/2 on 22 March
        self.assertEqual(lunar_to_solar(2023, 2, 1, leap=True), date(2023, 3, 22))
        self.assertEqual(lunar_to_solar(2023, 3, 1), date(2023, 4, 20))
        with self.assertRaises(ValueError):
            lunar_to_solar(2024, 2, 1, leap=True)


class TestPublicHolidays(TestCase):
    def test_2026(self):
        days = vn_public_holidays(2026, compensate=False)
        self.assertEqual(
            [day for day, __ in days],
            [
                date(2026, 1, 1),
                date(2026, 2, 16),
                date(2026, 2, 17),
                date(2026, 2, 18),
                date(2026, 2, 19),
                date(2026, 2, 20),
                date(2026, 4, 26),
                date(2026, 4, 30),
                date(2026, 5, 1),
                date(2026, 9, 1),
                date(2026, 9, 2),
            ],
        )

    def test_compensatory_days(self):
        # 2026: Hùng Kings' day is a Sunday -> Monday 27 April is off
        days = dict(vn_public_holidays(2026))
        self.assertEqual(days[date(2026, 4, 27)], "hung_kings")
        # 2027: 1 May is a Saturday -> Monday 3 May
        self.assertIn(date(2027, 5, 3), dict(vn_public_holidays(2027)))
        # with a six-day week only Sundays are compensated
        six_day_week = dict(vn_public_holidays(2027, weekly_rest=(6,)))
        self.assertNotIn(date(2027, 5, 3), six_day_week)
