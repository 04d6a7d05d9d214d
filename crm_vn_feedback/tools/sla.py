"""Working-time arithmetic for SLA deadlines (pure Python, no ORM).

Times come in and go out as naive UTC datetimes, as Odoo stores them; the
clock only runs inside the working intervals of the local calendar, on days
that are not holidays. Whole days are skipped at once, so a deadline weeks
away costs a few dozen steps.
"""

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from .holidays import vn_public_holidays

MAX_DAYS = 3 * 366  # no working time in three years: the calendar is wrong


def _zone(tz):
    return ZoneInfo(tz) if isinstance(tz, str) else tz


def _schedule(attendance):
    """{weekday: [(start, end) in hours, merged and sorted]} of positive intervals."""
    days = {}
    for weekday, hour_from, hour_to in attendance:
        if hour_to > hour_from:
            days.setdefault(int(weekday), []).append((float(hour_from), float(hour_to)))
    if not days:
        raise ValueError("calendar has no working hours")
    for weekday, intervals in days.items():
        intervals.sort()
        merged = [intervals[0]]
        for start, end in intervals[1:]:
            if start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        days[weekday] = merged
    return days


def _to_local(moment, zone):
    return moment.replace(tzinfo=timezone.utc).astimezone(zone).replace(tzinfo=None)


def _to_utc(moment, zone):
    return moment.replace(tzinfo=zone).astimezone(timezone.utc).replace(tzinfo=None, microsecond=0)


def _at(day, hours):
    return datetime.combine(day, datetime.min.time()) + timedelta(hours=hours)


def add_working_hours(start, hours, attendance, holidays=(), tz="Asia/Ho_Chi_Minh"):
    """Return the naive-UTC datetime when ``hours`` working hours have elapsed after ``start``.

    :param start: naive UTC datetime
    :param hours: working hours to add (>= 0)
    :param attendance: (weekday, hour_from, hour_to) in local time, Monday = 0
    :param holidays: local dates without working time
    :param tz: IANA time-zone name or tzinfo of the calendar
    """
    if hours < 0:
        raise ValueError("hours must not be negative")
    days = _schedule(attendance)
    if not hours:
        return start
    zone = _zone(tz)
    holidays = set(holidays)
    local = _to_local(start, zone)
    remaining = timedelta(hours=hours)
    day = local.date()
    for __ in range(MAX_DAYS):
        if day not in holidays:
            for hour_from, hour_to in days.get(day.weekday(), ()):
                begin, end = _at(day, hour_from), _at(day, hour_to)
                begin = max(begin, local)
                if begin >= end:
                    continue
                if end - begin >= remaining:
                    return _to_utc(begin + remaining, zone)
                remaining -= end - begin
        day += timedelta(days=1)
    raise ValueError("no working time within three years: check the calendar and the holidays")


def working_hours_between(start, end, attendance, holidays=(), tz="Asia/Ho_Chi_Minh"):
    """Working hours (float) between two naive-UTC datetimes (0 if ``end`` <= ``start``)."""
    days = _schedule(attendance)
    if end <= start:
        return 0.0
    zone = _zone(tz)
    holidays = set(holidays)
    local_start, local_end = _to_local(start, zone), _to_local(end, zone)
    total = timedelta()
    day = local_start.date()
    while day <= local_end.date():
        if day not in holidays:
            for hour_from, hour_to in days.get(day.weekday(), ()):
                begin = max(_at(day, hour_from), local_start)
                finish = min(_at(day, hour_to), local_end)
                if finish > begin:
                    total += finish - begin
        day += timedelta(days=1)
    return total.total_seconds() / 3600.0


def holiday_dates(years, extra=()) -> set[date]:
    """Local dates off: Vietnamese public holidays of each year in ``years`` plus ``extra``."""
    dates = set(extra)
    for year in years:
        dates.update(day for day, __ in vn_public_holidays(year))
    return dates
