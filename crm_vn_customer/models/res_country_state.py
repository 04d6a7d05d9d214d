from odoo import models


class ResCountryState(models.Model):
    _inherit = "res.country.state"
