from odoo import fields, models


class MailMail(models.Model):
    """Why a marketing email was not sent: no consent, or the daily limit (see the mail composer)."""

    _inherit = "mail.mail"

    failure_type = fields.Selection(
        selection_add=[
            ("mail_vn_consent", "No Marketing Consent"),
            ("mail_vn_limit", "Daily Marketing Limit Reached"),
        ],
        ondelete={"mail_vn_consent": "set null", "mail_vn_limit": "set null"},
    )
