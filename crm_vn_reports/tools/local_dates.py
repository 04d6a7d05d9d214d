"""Days and months of the reports, counted in Vietnam time (Odoo stores datetimes in UTC).

An order confirmed on 1 April at 06:00 in Hà Nội is 31 March 23:00 UTC: cast to
a date as stored, it would count in March. The SQL views cast through these
expressions instead; ``CURRENT_DATE`` would depend on the database server's
time zone.
"""

from odoo.tools import SQL

from odoo.addons.l10n_vn_public_holidays.tools.holidays import VN_TZ

REPORT_TZ = VN_TZ


def local_date(column):
    """SQL: the Vietnamese date of a UTC timestamp column (``column`` is an ``SQL``)."""
    return SQL("((%s) AT TIME ZONE 'UTC' AT TIME ZONE %s)::date", column, REPORT_TZ)


def local_today():
    """SQL: today's date in Vietnam."""
    return SQL("(now() AT TIME ZONE %s)::date", REPORT_TZ)
