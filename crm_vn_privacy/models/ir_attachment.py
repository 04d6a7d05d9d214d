from odoo import api, models
from odoo.exceptions import UserError


class IrAttachment(models.Model):
    """The files proving a consent (crm.vn.consent's Evidence) are kept with it: not deleted nor overwritten.

    A personal data export (crm.vn.data.request's ``export_file``) is read by sales administrators only: it gathers
    every salesperson's records on the customer, while salespeople handle (and read) the request itself. Odoo checks
    a binary field's groups when a file is downloaded, not when the attachment is read by id or searched: both are
    filtered here.
    """

    _inherit = "ir.attachment"

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        query = super()._search(domain, offset, limit, order)
        if self.env.su or self.env.user.has_group("sales_team.group_sale_manager"):
            return query
        ids = list(query)
        if not ids:
            return query
        exports = set(
            self.sudo()._search(
                [("id", "in", ids), ("res_model", "=", "crm.vn.data.request"), ("res_field", "=", "export_file")]
            )
        )
        if not exports:
            return query
        return self.browse([id_ for id_ in ids if id_ not in exports])._as_query(order)

    def _crm_vn_consent_evidence(self):
        if not self.ids:
            return self.env["crm.vn.consent"]
        # sudo: whether a file is evidence does not depend on who asks.
        return self.env["crm.vn.consent"].sudo().search([("attachment_ids", "in", self.ids)], limit=1)

    def _crm_vn_check_not_evidence(self):
        # Settings administrators keep Odoo's own file operations (moving the filestore to or from the database).
        if not self.env.su and not self.env.user._is_system() and self._crm_vn_consent_evidence():
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
