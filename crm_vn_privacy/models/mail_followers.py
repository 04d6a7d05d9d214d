from odoo import api, models


class MailFollowers(models.Model):
    _inherit = "mail.followers"

    @api.model
    def _crm_vn_guarded_models(self):
        return [*super()._crm_vn_guarded_models(), "crm.vn.data.request"]
