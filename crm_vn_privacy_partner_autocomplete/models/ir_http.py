from odoo import models


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    def session_info(self):
        """Whether the web client may send what a user types to the autocomplete services (off by default)."""
        info = super().session_info()
        info["crm_vn_partner_autocomplete"] = self.env["res.partner"]._crm_vn_autocomplete_enabled()
        return info
