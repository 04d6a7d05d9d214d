from odoo import api, models


class ResPartner(models.Model):
    """The values are checked first (models/base.py checks them again below every override): the overrides of
    res.partner read them (phones, birthdate, parent), and a value the database would refuse must be a clear error
    there too, not a traceback. This is the topmost override of the add-on (last in models/__init__.py); add-ons
    that check the values further do it in the hooks called once they are clean (``_crm_vn_check_create_values``,
    ``_crm_vn_check_write_values``: crm_vn_dedupe's duplicate policy)."""

    _inherit = "res.partner"

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            vals_list = [self._crm_vn_clean_values(vals) for vals in vals_list]
        self.browse()._crm_vn_check_create_values(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            vals = self._crm_vn_clean_values(vals)
        self._crm_vn_check_write_values(vals)
        return super().write(vals)

    def _crm_vn_check_create_values(self, vals_list):
        """Hook: check the (clean) values of partners about to be created; raise to refuse them."""

    def _crm_vn_check_write_values(self, vals):
        """Hook: check the (clean) values about to be written on these partners; raise to refuse them."""
