from odoo import models


class SmsComposer(models.TransientModel):
    """SMS campaigns to a mailing list: subscribers of an opt-in list consented by subscribing."""

    _inherit = "sms.composer"

    def _crm_vn_subscribed_record_ids(self, records):
        return super()._crm_vn_subscribed_record_ids(records) | self.mailing_id._crm_vn_opt_in_subscriber_ids(
            records._name, records.ids
        )
