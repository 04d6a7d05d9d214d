from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    crm_vn_churn_days = fields.Integer(
        "Churn After (days)",
        default=180,
        help="A customer who bought before but not within this many days counts as churned.",
    )
