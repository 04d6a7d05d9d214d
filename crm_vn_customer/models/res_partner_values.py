from odoo import api, models


class ResPartner(models.Model):
    """The values are checked first (models/base.py checks them again below every override): the overrides of
    res.partner read them (phones, birthdate, parent), and a value the database would refuse must be a clear error
    there too, not a traceback. This is the topmost override of the add-on (last in models/__init__.py); add-ons
    above it that read the values check them first the same way (crm_vn_dedupe)."""

    _inherit = "res.partner"

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            vals_list = [self._crm_vn_clean_values(vals) for vals in vals_list]
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            vals = self._crm_vn_clean_values(vals)
        return super().write(vals)
