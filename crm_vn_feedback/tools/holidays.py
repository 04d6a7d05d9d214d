"""Vietnamese public holidays: moved to ``crm_vn_customer.tools.holidays``; re-exported here."""

from odoo.addons.crm_vn_customer.tools.holidays import (
    HUNG_KINGS,
    LABOUR,
    NATIONAL,
    NEW_YEAR,
    REUNIFICATION,
    TET,
    add_working_days,
    vn_public_holidays,
)

__all__ = [
    "HUNG_KINGS",
    "LABOUR",
    "NATIONAL",
    "NEW_YEAR",
    "REUNIFICATION",
    "TET",
    "add_working_days",
    "vn_public_holidays",
]
