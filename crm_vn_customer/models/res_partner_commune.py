from collections import defaultdict

from odoo import api, models

from ..tools.communes import KEY_KINDS, commune_name_keys, typed_commune_keys


class ResPartner(models.Model):
    _inherit = "res.partner"

    @api.model_create_multi
    def create(self, vals_list):
        partners = super().create([self._vn_fill_from_commune(vals) for vals in vals_list])
        partners._vn_link_communes()
        return partners

    def write(self, vals):
        result = super().write(self._vn_fill_from_commune(vals))
        if not vals.get("city_id") and {"city", "state_id", "country_id"} & vals.keys():
            self._vn_link_communes()
        return result

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

    def _vn_link_communes(self):
        """Set the commune of Vietnamese addresses whose city text names one of their province's communes.

        Only once Vietnam chooses its communes from the list (``enforce_cities``), for addresses in a province in
        force without a commune yet, and only for a text giving the kind of unit with the name, in full, abbreviated
        or without diacritics: an import or an RPC call giving "P. Bến Thành" or "phuong ben thanh" in Hồ Chí Minh
        City gets Phường Bến Thành, whose official name then replaces the text (as choosing it in the form does).
        A bare name is left as typed: many 2025 wards bear the name of a former district ("Thủ Đức"), which an
        older address may mean. So is a text naming no commune or several, and an old address still in a merged
        province, until the province migration moves it (which links it then).
        """
        vietnam = self.env.ref("base.vn", raise_if_not_found=False)
        if not vietnam or not vietnam.enforce_cities:
            return 0
        todo = self.filtered(lambda p: p.country_id == vietnam and p.state_id and p.city and not p.city_id)
        if not todo:
            return 0
        # sudo: communes are shared reference data; users without "Contact Creation" rights may lack read access.
        communes = (
            self.env["res.city"]
            .sudo()
            .search_fetch(
                [("country_id", "=", vietnam.id), ("state_id", "in", todo.state_id.ids)], ["name", "state_id"]
            )
        )
        index = defaultdict(set)  # (province id, kind of key, key): commune ids
        for commune in communes:
            for kind, key in zip(KEY_KINDS, commune_name_keys(commune.name), strict=True):
                index[commune.state_id.id, kind, key].add(commune.id)
        partners_by_commune = defaultdict(list)
        for partner in todo:
            for kind, key in typed_commune_keys(partner.city):
                found = index.get((partner.state_id.id, kind, key))
                if found:
                    if len(found) == 1:
                        partners_by_commune[next(iter(found))].append(partner.id)
                    break  # several communes of that name: the surer keys found none, the looser will not decide
        for commune_id, partner_ids in partners_by_commune.items():
            self.browse(partner_ids).write({"city_id": commune_id})
        return sum(len(partner_ids) for partner_ids in partners_by_commune.values())

    @api.model
    def _vn_link_existing_communes(self, batch_size=5000):
        """Link the existing Vietnamese addresses typed as text, archived contacts included (see
        :meth:`_vn_link_communes`); run once the official list is loaded (hooks.py). Return how many were linked.
        """
        vietnam = self.env.ref("base.vn", raise_if_not_found=False)
        if not vietnam or not vietnam.enforce_cities:
            return 0
        Partner = self.with_context(active_test=False)
        units = self.env["res.country.state"].search([("country_id", "=", vietnam.id)])
        ids = Partner.search(
            [
                ("country_id", "=", vietnam.id),
                ("state_id", "in", units.ids),
                ("city_id", "=", False),
                ("city", "!=", False),
            ],
            order="id",
        ).ids
        linked = 0
        for start in range(0, len(ids), batch_size):
            linked += Partner.browse(ids[start : start + batch_size])._vn_link_communes()
            self.env.flush_all()
            self.env.invalidate_all()
        return linked
