"""Vietnam's 2025 provincial units on top of Odoo's 63 old provinces.

Since 2025-07-01 Vietnam has 34 provincial units (Resolution 202/2025/QH15). Each of them kept the name of one of
the old provinces it was formed from (Thừa Thiên Huế is now called Huế), so
``data/res_country_state_data.xml`` reuses Odoo's record of that province for the new unit: addresses in it need no
change, its id, XML id and ISO 3166-2 code stay, and the record is flagged ``vn_admin_2025``. The 29 other old
provinces are archived (never deleted: addresses keep pointing at them until the migration wizard moves them) and
point to the unit that took them over through ``vn_replaced_by_id``. The mapping is an explicit table by province,
never by code: a statistics office (GSO) code often moved to another province.

Why a data file rather than a hook: base loads its states from ``res.country.state.csv`` (noupdate=0), which only
holds ``name``, ``code`` and ``country_id``. An update of base therefore reactivates nothing and keeps our flags; it
only resets the name of Huế, and since updating base updates every module that depends on it, our data file (also
noupdate=0) is loaded again afterwards and renames it back. Updating this module re-archives a province that someone
reactivated by hand: the data file is the reference.
"""

import re

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.osv import expression

from ..tools.names import normalize_vn_name

# "TP Hồ Chí Minh", "Thành phố Huế", "Tỉnh Gia Lai": the prefixes of the unit's kind, after normalisation.
_KIND_PREFIX = re.compile(r"^(?:tp\.?|t\.p\.?|thanh pho|tinh)\s+")
# "Hà Giang (VN)": the display name, as exported, of a state.
_COUNTRY_SUFFIX = re.compile(r"\s*\((?:vn|viet ?nam)\)$")
# Deep enough for a later reform replacing a 2025 unit again; stops a loop in bad data.
_MAX_REPLACEMENTS = 5


def vn_province_key(raw):
    """Comparable key of a Vietnamese province name: no diacritics, no case, no hyphen, no "TP"/"Tỉnh" prefix,
    no "(VN)" suffix.

    "Thừa Thiên - Huế" and "thua thien hue", "TP Hồ Chí Minh" and "Ho Chi Minh (VN)" get the same key.
    """
    text = normalize_vn_name(raw).replace("-", " ").replace("\u2013", " ")
    text = _COUNTRY_SUFFIX.sub("", " ".join(text.split()))
    return _KIND_PREFIX.sub("", text)


class ResCountryState(models.Model):
    _inherit = "res.country.state"

    active = fields.Boolean(default=True)
    vn_admin_2025 = fields.Boolean(
        "Vietnamese 2025 Unit",
        help="One of the 34 provincial units of Vietnam in force since 1 July 2025.",
    )
    vn_kind = fields.Selection(
        [("city", "Centrally-run City"), ("province", "Province")],
        "Vietnamese Unit Kind",
    )
    vn_gso_code = fields.Char(
        "GSO Code",
        help="Code of the statistics office (Cục Thống kê) for the 2025 unit; the official list of communes is "
        "placed in its provinces by this code. Addresses are never moved by code, since many codes moved to another "
        "province in 2025.",
    )
    vn_former_name = fields.Char(
        "Former Name",
        help="Name of the old province this unit continues, when it changed (still accepted by imports and searches).",
    )
    vn_replaced_by_id = fields.Many2one(
        "res.country.state",
        "Replaced By",
        domain="[('country_id', '=', country_id), ('id', '!=', id)]",
        help="The 2025 unit that took over this old province; addresses here are moved there by the migration wizard.",
    )

    @api.constrains("vn_replaced_by_id", "country_id")
    def _check_vn_replaced_by_id(self):
        for state in self.filtered("vn_replaced_by_id"):
            if state.vn_replaced_by_id == state or state.vn_replaced_by_id.country_id != state.country_id:
                raise ValidationError(
                    self.env._(
                        "%(state)s must be replaced by another province of the same country.",
                        state=state.name,
                    )
                )

    @api.depends("name", "country_id.code")
    def _compute_display_name(self):
        """A Vietnamese province reads as Vietnamese write it ("TP Hồ Chí Minh"), without Odoo's country code suffix:
        the 34 names are unique in Vietnam. Other countries' states keep Odoo's "Name (CC)"."""
        res = super()._compute_display_name()
        for state in self.filtered(lambda state: state.country_id.code == "VN"):
            state.display_name = state.name
        return res

    @api.model
    def _search_display_name(self, operator, value):
        """Also match Vietnamese names without diacritics, and the names of merged provinces.

        A search for "Hà Giang" or "ha giang" (an archived province) finds its replacement, Tuyên Quang; "Ho Chi
        Minh" finds "TP Hồ Chí Minh". Imports (``name_search`` with ``=``) and the province dropdown of address
        forms (``ilike``) go through here.
        """
        domain = super()._search_display_name(operator, value)
        extra_ids = self._vn_matching_unit_ids(operator, value)
        if extra_ids:
            extra = [("id", "in", extra_ids)]
            if country_id := self.env.context.get("country_id"):
                extra = expression.AND([extra, [("country_id", "=", country_id)]])
            domain = expression.OR([domain, extra])
        return domain

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------

    def _vn_current_unit(self):
        """The state in force for this one: itself, or the end of its chain of replacements (empty if none)."""
        self.ensure_one()
        state = self
        for _step in range(_MAX_REPLACEMENTS):
            if state.active or not state.vn_replaced_by_id:
                break
            state = state.vn_replaced_by_id
        return state if state.active else self.browse()

    @api.model
    def _vn_matching_unit_ids(self, operator, value):
        """Ids of the Vietnamese states in force matching ``value`` by key (see :func:`vn_province_key`).

        Names of archived provinces count for their replacement; so do their codes, on an exact search only.
        """
        if operator in ("=", "=ilike"):
            values = [value]
        elif operator == "in" and isinstance(value, list | tuple | set):
            values, operator = list(value), "="
        elif operator == "ilike":
            values = [value]
        else:
            return []
        keys = {vn_province_key(v) for v in values if isinstance(v, str)} - {""}
        codes = {v.strip().casefold() for v in values if isinstance(v, str)}
        vietnam = self.env.ref("base.vn", raise_if_not_found=False)
        if not keys or not vietnam:
            return []
        states = self.with_context(active_test=False).search([("country_id", "=", vietnam.id)])
        found = set()
        for state in states:
            names = {vn_province_key(state.name), vn_province_key(state.vn_former_name)} - {""}
            if operator == "ilike":
                matched = any(key in name for key in keys for name in names)
            else:
                matched = bool(keys & names) or (not state.active and state.code.casefold() in codes)
            if matched:
                found.update(state._vn_current_unit().ids)
        return sorted(found)
