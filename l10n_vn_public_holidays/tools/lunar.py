"""Vietnamese lunar calendar (pure Python, no ORM).

Astronomical computation of new moons and solar terms (the algorithm
published by Hồ Ngọc Đức, after Jean Meeus, "Astronomical Algorithms"), in
Vietnam's time zone (UTC+7), so that Tết and the Hùng Kings' day are computed
for any year instead of being typed in by hand. Valid for 1800-2199.
"""

import math
from datetime import date

TIME_ZONE = 7.0  # Vietnam: UTC+7 (the lunar calendar used in Vietnam since 1968)


def _jd_from_date(day: date) -> int:
    return day.toordinal() + 1721425


def _date_from_jd(jd: int) -> date:
    return date.fromordinal(jd - 1721425)


def _new_moon(k: int) -> float:
    """Julian day (UT) of the k-th new moon after 1900-01-01."""
    t = k / 1236.85
    t2, t3 = t * t, t * t * t
    dr = math.pi / 180
    jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
    jd1 += 0.00033 * math.sin((166.56 + 132.87 * t - 0.009173 * t2) * dr)
    m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3
    mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3
    f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3
    c1 = (0.1734 - 0.000393 * t) * math.sin(m * dr) + 0.0021 * math.sin(2 * dr * m)
    c1 = c1 - 0.4068 * math.sin(mpr * dr) + 0.0161 * math.sin(dr * 2 * mpr)
    c1 = c1 - 0.0004 * math.sin(dr * 3 * mpr)
    c1 = c1 + 0.0104 * math.sin(dr * 2 * f) - 0.0051 * math.sin(dr * (m + mpr))
    c1 = c1 - 0.0074 * math.sin(dr * (m - mpr)) + 0.0004 * math.sin(dr * (2 * f + m))
    c1 = c1 - 0.0004 * math.sin(dr * (2 * f - m)) - 0.0006 * math.sin(dr * (2 * f + mpr))
    c1 = c1 + 0.0010 * math.sin(dr * (2 * f - mpr)) + 0.0005 * math.sin(dr * (2 * mpr + m))
    if t < -11:
        deltat = 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
    else:
        deltat = -0.000278 + 0.000265 * t + 0.000262 * t2
    return jd1 + c1 - deltat


def _sun_longitude(jdn: float) -> float:
    """Sun's longitude (radians, 0..2pi) at Julian day ``jdn`` (UT)."""
    t = (jdn - 2451545.0) / 36525
    t2 = t * t
    dr = math.pi / 180
    m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2
    l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2
    dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * math.sin(dr * m)
    dl += (0.019993 - 0.000101 * t) * math.sin(dr * 2 * m) + 0.000290 * math.sin(dr * 3 * m)
    longitude = (l0 + dl) * dr
    return longitude - math.pi * 2 * math.floor(longitude / (math.pi * 2))


def _new_moon_day(k: int) -> int:
    return math.floor(_new_moon(k) + 0.5 + TIME_ZONE / 24)


def _sun_sector(day_number: int) -> int:
    """Which of the 12 major solar terms sectors the sun is in at local midnight."""
    return math.floor(_sun_longitude(day_number - 0.5 - TIME_ZONE / 24) / math.pi * 6)


def _lunar_month_11(year: int) -> int:
    """Julian day number of the start of the 11th lunar month (the one holding the winter solstice)."""
    off = _jd_from_date(date(year, 12, 31)) - 2415021
    k = math.floor(off / 29.530588853)
    nm = _new_moon_day(k)
    if _sun_sector(nm) >= 9:
        nm = _new_moon_day(k - 1)
    return nm


def _leap_month_offset(a11: int) -> int:
    k = math.floor((a11 - 2415021.076998695) / 29.530588853 + 0.5)
    i = 1
    arc = _sun_sector(_new_moon_day(k + i))
    while True:
        last = arc
        i += 1
        arc = _sun_sector(_new_moon_day(k + i))
        if arc == last or i >= 14:
            return i - 1


def lunar_to_solar(lunar_year: int, lunar_month: int, lunar_day: int, leap: bool = False) -> date:
    """Gregorian date of a day of the Vietnamese lunar calendar."""
    if lunar_month < 11:
        a11 = _lunar_month_11(lunar_year - 1)
        b11 = _lunar_month_11(lunar_year)
    else:
        a11 = _lunar_month_11(lunar_year)
        b11 = _lunar_month_11(lunar_year + 1)
    k = math.floor(0.5 + (a11 - 2415021.076998695) / 29.530588853)
    offset = lunar_month - 11
    if offset < 0:
        offset += 12
    if b11 - a11 > 365:
        leap_offset = _leap_month_offset(a11)
        leap_month = leap_offset - 2
        if leap_month < 0:
            leap_month += 12
        if leap and lunar_month != leap_month:
            raise ValueError(f"{lunar_year} has no leap month {lunar_month}")
        if leap or offset >= leap_offset:
            offset += 1
    elif leap:
        raise ValueError(f"{lunar_year} has no leap month")
    return _date_from_jd(_new_moon_day(k + offset) + lunar_day - 1)


def lunar_new_year(year: int) -> date:
    """Tết Nguyên Đán: the first day of the first lunar month of ``year``."""
    return lunar_to_solar(year, 1, 1)


def hung_kings_day(year: int) -> date:
    """Giỗ Tổ Hùng Vương: the 10th day of the 3rd lunar month."""
    return lunar_to_solar(year, 3, 10)
