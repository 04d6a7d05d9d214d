"""Today in Vietnam: the one definition the suite's scheduled jobs use.

A job runs as its cron user (OdooBot, whose zone is often Europe/Brussels) with no language or zone in its context:
``fields.Date.context_today`` would give Brussels' date, a day behind Vietnam's from 17:00 UTC. The jobs (birthdays,
escalations, legal deadlines, ZNS greetings) work on Vietnam's day. Screens keep the reader's day (Odoo's
``context_today``), which is Vietnam's for a user in Vietnam.

Pure Python: moments are naive UTC datetimes, as Odoo stores them.
"""

from datetime import date, datetime, time

import pytz

from odoo.addons.l10n_vn_public_holidays.tools.holidays import VN_TZ

VIETNAM = pytz.timezone(VN_TZ)


def today_in_vietnam(moment: datetime | None = None) -> date:
    """The date in Vietnam at ``moment`` (naive UTC; now by default)."""
    moment = moment or datetime.utcnow()
    return pytz.utc.localize(moment).astimezone(VIETNAM).date()


def vietnam_day_start(day: date) -> datetime:
    """Midnight of ``day`` in Vietnam, as a naive UTC datetime (to compare with Odoo's stored datetimes)."""
    return VIETNAM.localize(datetime.combine(day, time.min)).astimezone(pytz.utc).replace(tzinfo=None)
