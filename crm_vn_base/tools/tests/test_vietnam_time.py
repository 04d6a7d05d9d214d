from datetime import date, datetime

from odoo.addons.crm_vn_base.tools.vietnam_time import today_in_vietnam, vietnam_day_start


def test_vietnam_is_seven_hours_ahead_of_utc():
    # 16:59 UTC is 23:59 in Hanoi, 17:00 UTC already the next day (Brussels is still on the first)
    assert today_in_vietnam(datetime(2026, 12, 4, 16, 59)) == date(2026, 12, 4)
    assert today_in_vietnam(datetime(2026, 12, 4, 17, 0)) == date(2026, 12, 5)
    assert today_in_vietnam(datetime(2026, 12, 31, 23, 30)) == date(2027, 1, 1)


def test_day_start_is_five_pm_utc_the_day_before():
    assert vietnam_day_start(date(2026, 12, 5)) == datetime(2026, 12, 4, 17, 0)
    assert vietnam_day_start(date(2027, 1, 1)) == datetime(2026, 12, 31, 17, 0)
