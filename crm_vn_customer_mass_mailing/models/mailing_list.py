from odoo import fields, models


class MailingList(models.Model):
    """Opt-in lists: lists whose every subscriber asked to receive them, the consent marketing needs."""

    _inherit = "mailing.list"

    crm_vn_opt_in = fields.Boolean(
        "Subscribers Consented",
        help="Tick only when every subscriber asked to receive this list (website form, signed form, an email "
        "asking for it) and the company can show it. Their subscription is then their consent to marketing from "
        "this list (Law 91/2025/QH15, Decree 91/2020/NĐ-CP). Subscribers of other lists (an imported or bought "
        "list) are mailed only when one of our contacts at their address consented.",
    )
