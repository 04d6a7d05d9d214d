from odoo import api, fields, models
from odoo.tools import email_normalize


class MailingTrace(models.Model):
    """Traces of marketing emails, counted per address for the daily limit of Decree 91/2020/NĐ-CP.

    ``email`` holds the address as it was written ("Name <a@b.vn>" or "A@B.vn"):
    ``crm_vn_email_normalized`` is the form the limit counts on.
    """

    _inherit = "mailing.trace"

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
