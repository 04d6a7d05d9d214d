from odoo import fields, models


class CrmVnConsent(models.Model):
    _name = "crm.vn.consent"
    _description = "Personal Data Consent"

    partner_id = fields.Many2one("res.partner", required=True, ondelete="cascade", index=True)
