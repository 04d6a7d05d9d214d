from odoo import api, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    @api.model_create_multi
    def create(self, vals_list):
        return super().create([self._vn_fill_from_commune(vals) for vals in vals_list])

    def write(self, vals):
        return super().write(self._vn_fill_from_commune(vals))

    @api.model
    def _vn_fill_from_commune(self, vals):
        """Return ``vals`` completed with the city name and province of the commune it sets (as the form does).

        base_address_extended fills them in the form only; an import or an RPC call giving just ``city_id`` would
        otherwise leave an address without a city name or a province. Values given explicitly are kept.
        """
        if not vals.get("city_id"):
            return vals
        vals = dict(vals)
        # sudo: portal users may set their address without reading res.city; only its name and province are copied.
        commune = self.env["res.city"].browse(vals["city_id"]).sudo()
        vals.setdefault("city", commune.name)
        if commune.state_id:
            vals.setdefault("state_id", commune.state_id.id)
        if commune.country_id:
            vals.setdefault("country_id", commune.country_id.id)
        return vals
