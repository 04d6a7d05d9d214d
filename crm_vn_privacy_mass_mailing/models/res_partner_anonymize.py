from odoo import models

from odoo.addons.crm_vn_privacy.models.res_partner_anonymize import ANONYMIZE_CONTEXT


class ResPartner(models.Model):
    """Mailing contacts and traces in the anonymisation of a customer.

    The customer's mailing-list contacts (same email address) are deleted with
    their subscriptions; the traces of the emails sent stay for the mailings'
    statistics, without the address; the emails themselves are deleted.
    """

    _inherit = "res.partner"

    def _crm_vn_anonymize(self):
        # The addresses are read before the customer's own anonymisation empties them.
        emails = self.with_context(**ANONYMIZE_CONTEXT)._crm_vn_mailing_emails()
        # Before the core's: an opt-out is kept while another record still holds the address.
        contacts = (
            self.env["mailing.contact"].with_context(**ANONYMIZE_CONTEXT).search([("email_normalized", "in", emails)])
        )
        mailing_contacts = len(contacts)
        contacts.unlink()
        counts = super()._crm_vn_anonymize()
        counts["mailing_contacts"] = mailing_contacts
        traces = self.env["mailing.trace"].search([("crm_vn_email_normalized", "in", emails)])
        # The emails themselves (kept when the mailing keeps archives, or still queued) go.
        traces.mail_mail_id.unlink()
        traces.write({"email": False})
        counts["mailing_traces"] = len(traces)
        return counts

    def _crm_vn_anonymize_labels(self):
        return super()._crm_vn_anonymize_labels() | {
            "mailing_contacts": self.env._("Mailing-list contacts deleted"),
            "mailing_traces": self.env._("Marketing email traces whose address was removed"),
        }
