from odoo import models


class SmsComposer(models.TransientModel):
    """SMS campaigns to a mailing list: subscribers of an opt-in list consented by subscribing."""

    _inherit = "sms.composer"

    def _crm_vn_subscribed_record_ids(self, records):
        return super()._crm_vn_subscribed_record_ids(records) | self.mailing_id._crm_vn_opt_in_subscriber_ids(
            records._name, records.ids
        )

    def _prepare_mass_sms_values(self, records):
        """SMS Marketing's override may run below crm_vn_privacy's (module order): it then wrote the campaign's
        traces with "Opted Out" before crm_vn_privacy gave the SMS its reason. The trace takes the SMS's reason."""
        values = super()._prepare_mass_sms_values(records)
        for sms_values in values.values():
            for command in sms_values.get("mailing_trace_ids") or ():
                trace = command[2]
                if trace.get("trace_status") == "cancel" and trace.get("failure_type") != sms_values["failure_type"]:
                    trace["failure_type"] = sms_values["failure_type"]
        return values
