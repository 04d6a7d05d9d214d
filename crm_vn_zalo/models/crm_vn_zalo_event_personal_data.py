from odoo import models


class CrmVnZaloEvent(models.Model):
    """What the customer sent on Zalo, as received: exported; the anonymisation empties it (text, customer, error)
    and keeps the hashed key, so that the same event sent again is recognised and does not bring the person back."""

    _name = "crm.vn.zalo.event"
    _inherit = ["crm.vn.zalo.event", "crm.vn.personal.data.mixin"]

    _crm_vn_pd_key = "zalo_events"
    _crm_vn_pd_sequence = 46
    _crm_vn_pd_order = "id"
    _crm_vn_pd_export_exclude = ("event_key",)
    _crm_vn_pd_empty = ("payload", "partner_id", "error")

    def _crm_vn_pd_anonymize_label(self):
        return self.env._("Zalo events emptied (kept only to recognise them if sent again)")
