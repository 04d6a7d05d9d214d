from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    crm_vn_churn_days = fields.Integer(
        "Churn After (days)",
        default=180,
        help="A customer who bought before but not within this many days counts as churned.",
    )

    def write(self, vals):
        result = super().write(vals)
        if "crm_vn_churn_days" in vals:
            # the analytics count churned customers with it: computed again now, not at the next refresh
            self.env["crm.vn.analytics.snapshot"]._cron_refresh_analytics()
        return result
