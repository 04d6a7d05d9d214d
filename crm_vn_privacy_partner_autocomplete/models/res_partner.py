from odoo import api, models

from .res_config_settings import PARAM


class ResPartner(models.Model):
    _inherit = "res.partner"

    @api.model
    def _crm_vn_autocomplete_enabled(self):
        # sudo: a system parameter every user's web client learns (session info)
        return self.env["ir.config_parameter"].sudo().get_param(PARAM) in ("True", "1")

    @api.model
    def autocomplete(self, query, timeout=15):
        """No lookup on the internet of what a user typed unless the company turned it on."""
        if not self._crm_vn_autocomplete_enabled():
            return []
        return super().autocomplete(query, timeout=timeout)

    @api.model
    def enrich_company(self, company_domain, partner_gid, vat, timeout=15):
        if not self._crm_vn_autocomplete_enabled():
            return {}
        return super().enrich_company(company_domain, partner_gid, vat, timeout=timeout)

    @api.model
    def read_by_vat(self, vat, timeout=15):
        if not self._crm_vn_autocomplete_enabled():
            return []
        return super().read_by_vat(vat, timeout=timeout)

    def _update_autocomplete_data(self, vat):
        if not self._crm_vn_autocomplete_enabled():
            return None
        return super()._update_autocomplete_data(vat)

    @api.model
    def _get_view(self, view_id=None, view_type="form", **options):
        """The company name and tax id are plain text fields while autocomplete is off (Odoo's widget suggests
        companies from the internet as one types)."""
        arch, view = super()._get_view(view_id, view_type, **options)
        if view_type == "form" and not self._crm_vn_autocomplete_enabled():
            for node in arch.xpath("//field[@widget='field_partner_autocomplete']"):
                node.attrib.pop("widget")
        return arch, view
