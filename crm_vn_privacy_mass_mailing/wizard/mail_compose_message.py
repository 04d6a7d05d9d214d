from odoo import models


class MailComposeMessage(models.TransientModel):
    """Emails of a mailing (Email Marketing) follow the customer's consent and the daily limit.

    Applied where Odoo cancels blacklisted, opted-out and duplicate emails of a
    mailing: the refused ones are created cancelled, with their reason ("No
    Marketing Consent", "Daily Marketing Limit Reached") on the mailing's traces.
    Emails sent in batch without a mailing (a notice to a selection of records)
    are not marketing and are left alone.
    """

    _inherit = "mail.compose.message"

    def _process_mail_values_state(self, mail_values_dict):
        mail_values_dict = super()._process_mail_values_state(mail_values_dict)
        if self.composition_mode != "mass_mail" or not self.mass_mailing_id:
            return mail_values_dict
        pending = {res_id: values for res_id, values in mail_values_dict.items() if values.get("state") != "cancel"}
        if not pending:
            return mail_values_dict
        recipients_info = self._get_recipients_data(pending)
        recipients = {res_id: info["mail_to_normalized"] for res_id, info in recipients_info.items()}
        subscribed = self.mass_mailing_id._crm_vn_opt_in_subscriber_ids(self.model, list(recipients))
        refusals = self.env["res.partner"]._crm_vn_mailing_refusals(self.model, recipients, subscribed)
        for res_id, failure_type in refusals.items():
            mail_values_dict[res_id].update({"state": "cancel", "failure_type": failure_type})
        return mail_values_dict
