"""Hours and daily limits of advertising messages and calls (Decree 91/2020/NĐ-CP), in Vietnam time.

Pure Python: ``moment`` arguments are naive UTC datetimes, as Odoo stores them.
"""

from datetime import datetime, time, timedelta

import pytz

from odoo.addons.l10n_vn_public_holidays.tools.holidays import VN_TZ

TZ = pytz.timezone(VN_TZ)
# [start hour, end hour) in Vietnam time.
SMS_HOURS = (7, 22)
CALL_HOURS = (8, 17)
# At most this many per person and 24 hours.
SMS_PER_DAY = 3
EMAILS_PER_DAY = 3
CALLS_PER_DAY = 1


def within_hours(hours, moment):
    """Is ``moment`` (naive UTC) within ``hours`` (start, end) in Vietnam?"""
    local = pytz.utc.localize(moment).astimezone(TZ)
    return hours[0] <= local.hour < hours[1]


def next_opening(hours, moment):
    """The first moment (naive UTC) at or after ``moment`` within ``hours`` in Vietnam."""
    if within_hours(hours, moment):
        return moment
    local = pytz.utc.localize(moment).astimezone(TZ)
    day = local.date() if local.hour < hours[0] else local.date() + timedelta(days=1)
    opening = TZ.localize(datetime.combine(day, time(hours[0])))
    return opening.astimezone(pytz.utc).replace(tzinfo=None)
