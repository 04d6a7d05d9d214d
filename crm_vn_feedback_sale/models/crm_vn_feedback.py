from odoo import fields, models


class CrmVnFeedback(models.Model):
    _inherit = "crm.vn.feedback"

    sale_order_id = fields.Many2one(
        "sale.order",
        "Sales Order",
        check_company=True,
        index="btree_not_null",
        domain="[('partner_id', 'child_of', commercial_partner_id)]",
        help="The order this feedback is about, when known.",
    )
