from odoo import api, fields, models
from odoo.tools import email_normalize


class MailingTrace(models.Model):
    """Traces of marketing emails, counted per address for the daily limit of Decree 91/2020/NĐ-CP.

    ``email`` holds the address as it was written ("Name <a@b.vn>" or "A@B.vn"):
    ``crm_vn_email_normalized`` is the form the limit counts on.
    """

    _name = "mailing.trace"
    _inherit = ["mailing.trace", "crm.vn.personal.data.mixin"]

    failure_type = fields.Selection(
        selection_add=[
            ("mail_vn_consent", "No Marketing Consent"),
            ("mail_vn_limit", "Daily Marketing Limit Reached"),
        ],
        ondelete={"mail_vn_consent": "set null", "mail_vn_limit": "set null"},
    )
    crm_vn_email_normalized = fields.Char(
        "Normalized Email",
        compute="_compute_crm_vn_email_normalized",
        store=True,
        index="btree_not_null",
        crm_vn_workflow=True,
    )

    @api.depends("email")
    def _compute_crm_vn_email_normalized(self):
        for trace in self:
            trace.crm_vn_email_normalized = email_normalize(trace.email or "", strict=False) or False

    # ------------------------------------------------------------
    # Personal data (crm_vn_privacy's declarative mixin)
    # ------------------------------------------------------------
    # Marketing emails sent to the customer's addresses in its personal data: exported (mailing, status, opening,
    # click); the anonymisation keeps the traces for the mailings' statistics without the address, and deletes the
    # emails themselves (kept when the mailing keeps archives, or still queued).

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
