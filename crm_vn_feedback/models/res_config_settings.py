from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    crm_vn_feedback_calendar_id = fields.Many2one(related="company_id.crm_vn_feedback_calendar_id", readonly=False)
    crm_vn_feedback_at_risk_hours = fields.Float(related="company_id.crm_vn_feedback_at_risk_hours", readonly=False)
    crm_vn_feedback_alias_id = fields.Many2one(
        "mail.alias", compute="_compute_crm_vn_feedback_alias_id", string="Feedback Email Alias"
    )

    def _compute_crm_vn_feedback_alias_id(self):
        alias = self.env.ref("crm_vn_feedback.mail_alias_feedback", raise_if_not_found=False)
        for settings in self:
            settings.crm_vn_feedback_alias_id = alias
