"""Vietnamese public holidays of a year (pure Python, no ORM).

Labour Code 2019, article 112: New Year (1 Jan), Tết (5 days: the last day of
the lunar year and the first 4 days of the new one, the government's usual
choice), Hùng Kings' day (10th day of the 3rd lunar month), Reunification day
(30 Apr), Labour day (1 May) and National day (2 Sep and one adjacent day,
1 Sep by default). A holiday falling on a weekly rest day is compensated on
the next working day. Each year the government may move days: the days are
written as time off of the working calendars (resource.calendar.leaves), where
such a change is entered once.
"""

from datetime import date, timedelta

from .lunar import hung_kings_day, lunar_new_year

# The time zone of Vietnam: the one name the suite uses (the lunar calendar is computed in UTC+7 too).
VN_TZ = "Asia/Ho_Chi_Minh"

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
