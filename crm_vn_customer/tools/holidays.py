"""Vietnamese public holidays of a year (pure Python, no ORM).

Labour Code 2019, article 112: New Year (1 Jan), Tết (5 days: the last day of
the lunar year and the first 4 days of the new one, the government's usual
choice), Hùng Kings' day (10th day of the 3rd lunar month), Reunification day
(30 Apr), Labour day (1 May) and National day (2 Sep and one adjacent day,
1 Sep by default). A holiday falling on a weekly rest day is compensated on
the next working day. Each year the government may move days: the company's
calendar (resource.calendar.leaves) stays the place to adjust them:
``whole_days_off`` turns its time off into days.
"""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from .lunar import hung_kings_day, lunar_new_year

# Codes, translated by the models that show them.
NEW_YEAR = "new_year"
TET = "tet"
HUNG_KINGS = "hung_kings"
REUNIFICATION = "reunification"
LABOUR = "labour"
NATIONAL = "national"


def vn_public_holidays(year: int, weekly_rest=(5, 6), compensate=True) -> list[tuple[date, str]]:
    """Return the sorted (date, code) public holidays of ``year``.

    :param weekly_rest: weekdays off (Monday = 0), Saturday and Sunday by default.
    :param compensate: add the compensatory day for holidays on a rest day.
    """
    tet = lunar_new_year(year)
    days = [(date(year, 1, 1), NEW_YEAR)]
    days += [(tet + timedelta(days=offset), TET) for offset in range(-1, 4)]
    days += [
        (hung_kings_day(year), HUNG_KINGS),
        (date(year, 4, 30), REUNIFICATION),
        (date(year, 5, 1), LABOUR),
        (date(year, 9, 1), NATIONAL),
        (date(year, 9, 2), NATIONAL),
    ]
    days.sort()
    if not compensate:
        return days
    taken = {day for day, __ in days}
    result = list(days)
    for day, code in days:
        if day.weekday() not in weekly_rest:
            continue
        substitute = day + timedelta(days=1)
        while substitute.weekday() in weekly_rest or substitute in taken:
            substitute += timedelta(days=1)
        taken.add(substitute)
        result.append((substitute, code))
    return sorted(result)


def add_working_days(start_date: date, days: int, holidays=(), weekly_rest=(5, 6)) -> date:
    """Return the date ``days`` working days after ``start_date``.

    A working day is a day whose weekday is not in ``weekly_rest`` (Monday = 0)
    and which is not in ``holidays`` (a collection of dates). The start date
    itself is never counted, whatever it is: a request received on Friday with
    2 working days to answer is due on the next Tuesday. ``days`` = 0 returns
    ``start_date`` unchanged.
    """
    if days < 0:
        raise ValueError("days must be zero or positive")
    if len(set(weekly_rest)) >= 7:
        raise ValueError("at least one weekday must be a working day")
    holidays = set(holidays)
    day = start_date
    remaining = days
    while remaining:
        day += timedelta(days=1)
        if day.weekday() not in weekly_rest and day not in holidays:
            remaining -= 1
    return day


def whole_days_off(periods, tz_name="Asia/Ho_Chi_Minh") -> set[date]:
    """Return the days wholly covered by ``periods`` in the time zone ``tz_name``.

    :param periods: (start, stop) naive UTC datetimes, as Odoo stores them
        (a time off entered for one day runs from 00:00 to 23:59:59 local time).
    A day is covered when a period starts at or before its midnight and ends at
    23:59 or later: a half day off leaves the day a working day.
    """
    zone = ZoneInfo(tz_name or "UTC")
    days = set()
    for start, stop in periods:
        local_start = start.replace(tzinfo=ZoneInfo("UTC")).astimezone(zone).replace(tzinfo=None)
        local_stop = stop.replace(tzinfo=ZoneInfo("UTC")).astimezone(zone).replace(tzinfo=None)
        day = local_start.date() if local_start.time() == time.min else local_start.date() + timedelta(days=1)
        while datetime.combine(day, time(23, 59)) <= local_stop:
            days.add(day)
            day += timedelta(days=1)
    return days
