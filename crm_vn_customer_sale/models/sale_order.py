from odoo import models


class SaleOrder(models.Model):
    _inherit = "sale.order"
    # An order's customer, invoice and delivery addresses: never contacts the salesperson may not see
    # (crm_vn_base's guard).
    _crm_vn_check_contacts = True
