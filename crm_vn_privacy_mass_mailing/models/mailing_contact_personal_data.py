from odoo import models


class MailingContact(models.Model):
    """Mailing-list contacts at the customer's addresses in its personal data: exported with their subscriptions,
    deleted with them by the anonymisation (the opt-outs stay on the blacklist, see
    ``res.partner._crm_vn_anonymize_opt_outs``)."""

    _name = "mailing.contact"
    _inherit = ["mailing.contact", "crm.vn.personal.data.mixin"]

    _crm_vn_pd_key = "mailing_contacts"
    _crm_vn_pd_export_key = "mailing_subscriptions"
    _crm_vn_pd_sequence = 80
    _crm_vn_pd_order = "id"
    _crm_vn_pd_delete = True

    def _crm_vn_pd_records(self, customer, partners, emails, numbers):
        return self.with_context(active_test=False).search(
            [("email_normalized", "in", sorted(emails))], order=self._crm_vn_pd_order
        )

    def _crm_vn_pd_export_values(self, records, customer):
        subscriptions = self.env["mailing.subscription"].search([("contact_id", "in", records.ids)], order="id")
        return [
            {
                "name": contact.name or False,
                "email": contact.email,
                "lists": [
                    {
                        "list": subscription.list_id.name,
                        "subscribed_on": subscription.create_date and subscription.create_date.isoformat(),
                        "opted_out": subscription.opt_out,
                        "opted_out_on": subscription.opt_out_datetime and subscription.opt_out_datetime.isoformat(),
                    }
                    for subscription in subscriptions
                    if subscription.contact_id == contact
                ],
            }
            for contact in records
        ]

    def _crm_vn_pd_anonymize_label(self):
        return self.env._("Mailing-list contacts deleted")
