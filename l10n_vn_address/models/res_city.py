"""Vietnamese communes (the commune-level units of 2025) as ``res.city`` records of base_address_extended.

Since 2025-07-01 the district level is abolished: an address is a commune, ward or special zone directly in one of
the 34 provincial units. A commune is a city of Vietnam whose ``state_id`` is a unit in force; once Vietnam has
``enforce_cities`` set, the address forms offer them in a dropdown and fill in the province (base_address_extended).
The official list of 3,321 communes, shipped with the add-on (data/vn_communes.csv), is loaded at installation
(hooks.py), or by the "Load Communes" wizard from that list or a file (wizard/crm_vn_commune_import.py).
"""

from odoo import api, fields, models


class ResCity(models.Model):
    _inherit = "res.city"
    # Imports and the dropdown also find a commune by its official code.
    _rec_names_search = ["name", "zipcode", "vn_code"]

    vn_code = fields.Char(
        "Official Code",
        index="btree_not_null",
        help="Code of the commune-level unit in the official list; identifies the commune when the list is loaded "
        "again, so a renamed commune is updated rather than duplicated.",
    )

    _sql_constraints = [
        ("vn_code_country_uniq", "unique(country_id, vn_code)", "The official code of a commune must be unique."),
    ]

    @api.depends("zipcode", "country_id", "state_id.name")
    def _compute_display_name(self):
        """A commune of Vietnam shows its province: 241 names are shared by communes of several provinces (Xã Tân
        Thạnh is in four), and choosing one in an address sets the province."""
        result = super()._compute_display_name()
        vietnam = self.env.ref("base.vn", raise_if_not_found=False)
        for city in self:
            if vietnam and city.country_id == vietnam and city.state_id:
                city.display_name = f"{city.display_name}, {city.state_id.name}"
        return result
