from odoo import api, models


class CrmVnZaloAccount(models.Model):
    _inherit = "crm.vn.zalo.account"

    @api.model
    def _zalo_action_bindings(self):
        return {
            **super()._zalo_action_bindings(),
            "crm_vn_zalo_sale.crm_vn_zalo_composer_action_sale_order": "sale.model_sale_order",
        }
