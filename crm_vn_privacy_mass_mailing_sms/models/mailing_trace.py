from odoo import fields, models


class MailingTrace(models.Model):
    """SMS of a campaign not sent for lack of consent or over the daily limit show it in the statistics."""

    _inherit = "mailing.trace"

    failure_type = fields.Selection(
        selection_add=[
            ("sms_vn_consent", "No Marketing Consent"),
            ("sms_vn_limit", "Daily Marketing Limit Reached"),
        ],
        ondelete={"sms_vn_consent": "set null", "sms_vn_limit": "set null"},
    )
