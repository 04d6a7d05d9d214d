from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    crm_vn_churn_days = fields.Integer(related="company_id.crm_vn_churn_days", readonly=False)
