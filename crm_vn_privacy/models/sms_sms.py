from odoo import fields, models


class SmsSms(models.Model):
    """Why a marketing SMS was not sent, instead of Odoo's generic "Opted Out" (wizard/sms_composer.py)."""

    _inherit = "sms.sms"

    failure_type = fields.Selection(
        selection_add=[
            ("sms_vn_consent", "No Marketing Consent"),
            ("sms_vn_limit", "Daily Marketing Limit Reached"),
        ],
        ondelete={"sms_vn_consent": "set null", "sms_vn_limit": "set null"},
    )
