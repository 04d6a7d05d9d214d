from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    crm_vn_duplicate_policy = fields.Selection(related="company_id.crm_vn_duplicate_policy", readonly=False)
    crm_vn_duplicate_threshold = fields.Integer(related="company_id.crm_vn_duplicate_threshold", readonly=False)
    crm_vn_duplicate_import_mode = fields.Selection(related="company_id.crm_vn_duplicate_import_mode", readonly=False)
