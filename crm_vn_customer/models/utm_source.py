from odoo import fields, models


class UtmSource(models.Model):
    _inherit = "utm.source"

    crm_vn_customer_source = fields.Boolean(
        "Customer Source",
        help="Offered as a customer's source (how they came to the company) on the customer profile; Odoo's "
        "marketing and recruitment sources are not.",
    )
