from odoo import api, models
from odoo.osv import expression


class MailFollowers(models.Model):
    _inherit = "mail.followers"

    @api.model
    def _crm_vn_guarded_models(self):
        """Models whose records a salesperson may not all read: the followers of a record they cannot read are
        hidden from them (who follows a customer tells that the customer exists, who owns it and their emails).
        Extension point: add-ons with owned documents add their models."""
        return ["res.partner", "crm.lead"]

    @api.model
    def _crm_vn_document_domain(self):
        """Followers of documents the current user may read, for the guarded models (None: no restriction)."""
        if self.env.su:
            return None
        parts = [[("res_model", "not in", self._crm_vn_guarded_models())]]
        for model in self._crm_vn_guarded_models():
            if model in self.env:
                parts.append([("res_model", "=", model), ("res_id", "in", self.env[model]._search([]))])
        return expression.OR(parts)

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None, **kwargs):
        restriction = self._crm_vn_document_domain()
        if restriction is not None:
            domain = expression.AND([domain, restriction])
        return super()._search(domain, offset=offset, limit=limit, order=order, **kwargs)

    def _check_access(self, operation):
        result = super()._check_access(operation)
        if result or operation != "read" or self.env.su or not self._ids:
            return result
        restriction = self._crm_vn_document_domain()
        # sudo: which of these followers name a readable document; the documents are searched as the user above
        forbidden = self - self.sudo().search([("id", "in", self.ids), *restriction]).with_env(self.env)
        if forbidden:
            return forbidden, lambda: self.env["ir.rule"]._make_access_error(operation, forbidden)
        return None
