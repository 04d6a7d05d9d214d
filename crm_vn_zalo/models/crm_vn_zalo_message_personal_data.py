from odoo import models


class CrmVnZaloMessage(models.Model):
    """Zalo messages in a customer's personal data: exported; anonymisation keeps that a message was sent (costs,
    daily limits) without the number, the Zalo user, the parameters or the text."""

    _name = "crm.vn.zalo.message"
    _inherit = ["crm.vn.zalo.message", "crm.vn.personal.data.mixin"]

    _crm_vn_pd_key = "zalo_messages"
    _crm_vn_pd_sequence = 45
    _crm_vn_pd_order = "id"
    _crm_vn_pd_export_exclude = ("tracking_id",)
    _crm_vn_pd_empty = ("phone", "zalo_user_id", "params", "body")

    def _crm_vn_pd_anonymize_label(self):
        return self.env._("Zalo messages kept without number, user or text")
