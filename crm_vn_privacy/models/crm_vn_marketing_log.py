from odoo import fields, models

from odoo.addons.crm_vn_base.tools.channels import channel_selection


class CrmVnMarketingLog(models.Model):
    """One marketing message or call sent to a customer: the count behind Decree 91/2020's daily limits.

    Written by the senders (the SMS composer in marketing mode); read by
    ``res.partner._crm_vn_marketing_sent_today`` (per customer) and
    ``_crm_vn_marketing_sent_to`` (per number or address).
    """

    _name = "crm.vn.marketing.log"
    _description = "Marketing Contact Log"
    # crm_vn_base's guards: contacts one may see, computed fields never written by hand, clear errors on bad values
    _crm_vn_check_contacts = True
    _crm_vn_check_computed = True
    _crm_vn_check_values = True
    _order = "date desc, id desc"
    _rec_name = "partner_id"

    partner_id = fields.Many2one("res.partner", "Customer", ondelete="cascade", index=True)
    recipient = fields.Char(
        "Number or Address",
        index="btree_not_null",
        help="The number (E.164) or email address written to, also when it belongs to no customer (a mailing-list "
        "subscriber).",
    )
    channel = fields.Selection(channel_selection("email", "sms", "call"), required=True)
    date = fields.Datetime(required=True, default=fields.Datetime.now, index=True)
    user_id = fields.Many2one("res.users", "Sent By", default=lambda self: self.env.user)
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)
