from odoo import api, models
from odoo.exceptions import UserError


class IrAttachment(models.Model):
    """The files proving a consent (crm.vn.consent's Evidence) are kept with it: not deleted nor overwritten."""

    _inherit = "ir.attachment"

    def _crm_vn_consent_evidence(self):
        if not self.ids:
            return self.env["crm.vn.consent"]
        # sudo: whether a file is evidence does not depend on who asks.
        return self.env["crm.vn.consent"].sudo().search([("attachment_ids", "in", self.ids)], limit=1)

    def _crm_vn_check_not_evidence(self):
        if not self.env.su and self._crm_vn_consent_evidence():
            raise UserError(
                self.env._(
                    "This file is the evidence of a customer's consent: it is kept with the consent record and "
                    "cannot be deleted or replaced."
                )
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_consent_evidence(self):
        self._crm_vn_check_not_evidence()

    def write(self, vals):
        if {"datas", "raw", "db_datas", "store_fname", "url"}.intersection(vals):
            self._crm_vn_check_not_evidence()
        return super().write(vals)
