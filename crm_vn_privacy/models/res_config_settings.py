from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    # Time limits of personal data requests (checked on the company: 1 to the legal maximum)
    crm_vn_dsr_answer_days = fields.Integer(related="company_id.crm_vn_dsr_answer_days", readonly=False)
    crm_vn_dsr_completion_days = fields.Integer(related="company_id.crm_vn_dsr_completion_days", readonly=False)
    crm_vn_dsr_processor_days = fields.Integer(related="company_id.crm_vn_dsr_processor_days", readonly=False)
