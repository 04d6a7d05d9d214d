from odoo import models


class ResPartner(models.Model):
    """Mailing-list subscriptions and marketing emails in the personal data export of a customer."""

    _inherit = "res.partner"

    def _crm_vn_personal_data(self):
        data = super()._crm_vn_personal_data()
        emails = self._crm_vn_mailing_emails()
        contacts = (
            self.env["mailing.contact"]
            .with_context(active_test=False)
            .search([("email_normalized", "in", emails)], order="id")
        )
        subscriptions = self.env["mailing.subscription"].search([("contact_id", "in", contacts.ids)], order="id")
        data["mailing_subscriptions"] = [
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
            for contact in contacts
        ]
        traces = self.env["mailing.trace"].search(
            [("trace_type", "=", "mail"), ("crm_vn_email_normalized", "in", emails)], order="id"
        )
        data["marketing_emails"] = [
            {
                "mailing": trace.mass_mailing_id.subject or trace.mass_mailing_id.name or False,
                "email": trace.email,
                "date": trace.create_date.isoformat(),
                "status": trace.trace_status,
                "failure": trace.failure_type or False,
                "opened": trace.open_datetime and trace.open_datetime.isoformat(),
                "clicked": trace.links_click_datetime and trace.links_click_datetime.isoformat(),
            }
            for trace in traces
        ]
        return data

    def _crm_vn_mailing_emails(self):
        """Normalized email addresses of this customer and its contacts."""
        partners = self.with_context(active_test=False)._crm_vn_personal_data_partners()
        return [email for email in partners.mapped("email_normalized") if email]
