from odoo import fields, models


class MailActivityType(models.Model):
    _inherit = "mail.activity.type"

    vn_marketing = fields.Boolean(
        "Marketing Contact",
        help="Activities of this type contact customers for marketing: they need the customer's marketing consent "
        "for the channel, respect the Do-Not-Call list and at most one marketing call per person per day "
        "(Decree 91/2020/NĐ-CP).",
    )
