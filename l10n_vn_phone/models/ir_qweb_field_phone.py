from markupsafe import escape

from odoo import api, models

from ..tools.phone import format_vn_phone


class IrQwebFieldPhone(models.AbstractModel):
    """``t-options="{'widget': 'phone'}"``: a phone number in a report as Vietnamese staff read it (the national form
    of a Vietnamese number, see tools/phone.py); stored E.164."""

    _name = "ir.qweb.field.phone"
    _description = "Qweb Field Phone"
    _inherit = "ir.qweb.field"

    @api.model
    def value_to_html(self, value, options):
        return escape(format_vn_phone(value))
