from odoo import models


class SaleOrderCancel(models.TransientModel):
    _inherit = "sale.order.cancel"
    # The recipients of a cancellation message: never contacts the salesperson may not see.
    _crm_vn_check_contacts = True
