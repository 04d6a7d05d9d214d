from collections import defaultdict

from odoo import api, models

from ..tools.communes import KEY_KINDS, commune_name_keys, typed_commune_keys


class ResPartner(models.Model):
    _inherit = "res.partner"

    @api.model
    def _check_import_consistency(self, vals_list):
        """Rows naming a province merged in 2025 (by XML id or id) land on the province in force.

        Base checks the province against the country among active provinces only;
        an archived one would not be found at all.
        """
        States = self.env["res.country.state"].with_context(active_test=False)
        for vals in vals_list:
            if vals.get("state_id"):
                state = States.browse(vals["state_id"])
                if not state.active and state._vn_current_unit():
                    vals["state_id"] = state._vn_current_unit().id
        return super(ResPartner, self.with_context(active_test=False))._check_import_consistency(vals_list)

    @api.model_create_multi
    def create(self, vals_list):
        partners = super().create([self._vn_fill_from_commune(vals) for vals in vals_list])
        # A company's first contact gives it its address (res.partner._handle_first_contact_creation), commune text
        # included: link both, as base just wrote that address on the company with the same rights.
        first_contacts_parents = partners.parent_id.filtered(
            lambda parent: (
                len(parent.child_ids) == 1
                and not parent.city_id
                and (parent.city, parent.state_id) == (parent.child_ids.city, parent.child_ids.state_id)
            )
        )
        (partners | first_contacts_parents)._vn_link_communes()
        return partners

    def write(self, vals):
        result = super().write(self._vn_fill_from_commune(vals))
        if "city_id" not in vals and {"city", "state_id", "country_id"} & vals.keys():
            self._vn_unlink_stale_communes()
            self._vn_link_communes()
        return result

    @api.model
    def _vn_fill_from_commune(self, vals):
        """Return ``vals`` completed with the city name and province of the commune it sets (as the form does).

        base_address_extended fills them in the form only; an import or an RPC call giving just ``city_id`` would
        otherwise leave an address without a city name or a province. Values given explicitly (not empty) are kept,
        except a commune whose name is shared by several provinces: the one of the given province is taken.
        """
        if not vals.get("city_id"):
            return vals
        vals = dict(vals)
        # sudo: portal users may set their address without reading res.city; only its name and province are copied.
        commune = self.env["res.city"].browse(vals["city_id"]).sudo()
        vietnam = self.env.ref("base.vn", raise_if_not_found=False)
        if vals.get("state_id") and commune.country_id == vietnam and commune.state_id.id != vals["state_id"]:
            # An imported name shared by communes of several provinces (Xã Tân Thạnh) gives the first one found:
            # the row's province tells which it is.
            namesake = commune.search(
                [("country_id", "=", vietnam.id), ("state_id", "=", vals["state_id"]), ("name", "=", commune.name)]
            )
            if len(namesake) == 1:
                commune = namesake
                vals["city_id"] = namesake.id
        # An empty value (an empty cell of an import) is no value.
        if not vals.get("city"):
            vals["city"] = commune.name
        if commune.state_id and not vals.get("state_id"):
            vals["state_id"] = commune.state_id.id
        if commune.country_id and not vals.get("country_id"):
            vals["country_id"] = commune.country_id.id
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
        # An address without commune text first, from the values in cache: most contacts have none.
        todo = self.filtered(lambda p: p.state_id and p.city and not p.city_id)
        if not todo:
            return 0
        vietnam = self.env.ref("base.vn", raise_if_not_found=False)
        if not vietnam or not vietnam.enforce_cities:
            return 0
        todo = todo.filtered(lambda p: p.country_id == vietnam)
        if not todo:
            return 0
        # sudo: portal and public users, whose address may be written here, cannot read res.city. Names in en_US,
        # the official ones (as loaded), whatever the writer's language.
        communes = (
            self.env["res.city"]
            .sudo()
            .with_context(lang="en_US")
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

    def _vn_unlink_stale_communes(self):
        """Drop the commune of Vietnamese addresses whose city text or province no longer matches it (an import or an
        RPC call writing "P. Sài Gòn" or another province over an address linked to Phường Bến Thành): the form
        shows the commune, not the text, once it is set. :meth:`_vn_link_communes` then links the new text.
        """
        vietnam = self.env.ref("base.vn", raise_if_not_found=False)
        if not vietnam:
            return
        stale = self.filtered(
            lambda p: (
                p.city_id
                and p.city_id.sudo().country_id == vietnam
                and (
                    p.country_id != vietnam
                    or p.state_id != p.city_id.sudo().state_id
                    or (p.city or "") != p.city_id.sudo().with_context(lang="en_US").name
                )
            )
        )
        if stale:
            stale.write({"city_id": False})

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
