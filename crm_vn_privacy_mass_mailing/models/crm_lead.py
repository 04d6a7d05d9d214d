from odoo import models


class CrmLead(models.Model):
    _inherit = "crm.lead"

    def _mailing_get_default_domain(self, mailing):
        """A new mailing on leads targets those whose customer consented to marketing email."""
        return [("partner_id.consent_marketing_email", "=", True), ("partner_id.vn_do_not_call", "=", False)]
