from random import randint

from odoo import fields, models


class CrmVnInterest(models.Model):
    """Interests and preferences of a customer (tags a salesperson can filter on)."""

    _name = "crm.vn.interest"
    _description = "Customer Interest"
    _order = "name"

    def _default_color(self):
        return randint(1, 11)

    name = fields.Char(required=True, translate=True)
    color = fields.Integer(default=lambda self: self._default_color())
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("name_uniq", "unique (name)", "An interest with this name already exists."),
    ]
