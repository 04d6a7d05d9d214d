from odoo import models


class PaymentLinkWizard(models.TransientModel):
    _inherit = "payment.link.wizard"
    # The contact a payment link is made for: never one the salesperson may not see.
    _crm_vn_check_contacts = True
