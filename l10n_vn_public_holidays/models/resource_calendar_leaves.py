from odoo import fields, models

from ..tools.holidays import HUNG_KINGS, LABOUR, NATIONAL, NEW_YEAR, REUNIFICATION, TET

HOLIDAYS = [
    (NEW_YEAR, "New Year's Day"),
    (TET, "Lunar New Year (Tết)"),
    (HUNG_KINGS, "Hùng Kings' Commemoration Day"),
    (REUNIFICATION, "Reunification Day"),
    (LABOUR, "International Labour Day"),
    (NATIONAL, "National Day"),
]


class ResourceCalendarLeaves(models.Model):
    _inherit = "resource.calendar.leaves"

    l10n_vn_holiday = fields.Selection(
        HOLIDAYS,
        "Vietnamese Public Holiday",
        readonly=True,
        help="Written by the yearly job of Vietnamese public holidays. Move or delete the day here when the "
        "government changes it: the job does not write a year again once it is written.",
    )
