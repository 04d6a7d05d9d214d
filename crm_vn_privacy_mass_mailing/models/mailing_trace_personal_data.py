from odoo import models


class MailingTrace(models.Model):
    """Marketing emails sent to the customer's addresses in its personal data: exported (mailing, status, opening,
    click); the anonymisation keeps the traces for the mailings' statistics without the address, and deletes the
    emails themselves (kept when the mailing keeps archives, or still queued)."""

    _name = "mailing.trace"
    _inherit = ["mailing.trace", "crm.vn.personal.data.mixin"]

    _crm_vn_pd_key = "mailing_traces"
    _crm_vn_pd_export_key = "marketing_emails"
    _crm_vn_pd_sequence = 90
    _crm_vn_pd_order = "id"
    _crm_vn_pd_empty = ("email",)

    def _crm_vn_pd_records(self, customer, partners, emails, numbers):
        return self.search(
            [("trace_type", "=", "mail"), ("crm_vn_email_normalized", "in", sorted(emails))],
            order=self._crm_vn_pd_order,
        )

    def _crm_vn_pd_export_values(self, records, customer):
        return [
            {
                "mailing": trace.mass_mailing_id.subject or trace.mass_mailing_id.name or False,
                "email": trace.email,
                "date": trace.create_date.isoformat(),
                "status": trace.trace_status,
                "failure": trace.failure_type or False,
                "opened": trace.open_datetime and trace.open_datetime.isoformat(),
                "clicked": trace.links_click_datetime and trace.links_click_datetime.isoformat(),
            }
            for trace in records
        ]

    def _crm_vn_pd_anonymize(self, customer):
        self.mail_mail_id.unlink()
        return super()._crm_vn_pd_anonymize(customer)

    def _crm_vn_pd_anonymize_label(self):
        return self.env._("Marketing email traces whose address was removed")
