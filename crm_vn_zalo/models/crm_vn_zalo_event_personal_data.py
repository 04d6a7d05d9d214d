from odoo import models


class CrmVnZaloEvent(models.Model):
    """What the customer sent on Zalo, as received: exported, deleted by the anonymisation."""

    _name = "crm.vn.zalo.event"
    _inherit = ["crm.vn.zalo.event", "crm.vn.personal.data.mixin"]

    _crm_vn_pd_key = "zalo_events"
    _crm_vn_pd_sequence = 46
    _crm_vn_pd_order = "id"
    _crm_vn_pd_delete = True

    def _crm_vn_pd_anonymize_label(self):
        return self.env._("Zalo events deleted")
