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
    _inherit = ["crm.vn.personal.data.mixin"]
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

    # ------------------------------------------------------------
    # Personal data (crm_vn_privacy's declarative mixin)
    # ------------------------------------------------------------
    # The marketing contact log in a customer's personal data: the entries of the customer, and those linked to
    # nobody at an address only the customer holds (``res.partner._crm_vn_own_addresses``). Anonymisation keeps their
    # dates (the daily limits count them) without the number or address written to; entries of another customer
    # sharing the number stay whole.

    _crm_vn_pd_key = "marketing_logs"
    _crm_vn_pd_export_key = "marketing_log"
    _crm_vn_pd_sequence = 40
    _crm_vn_pd_order = "date desc, id desc"
    _crm_vn_pd_empty = ("recipient",)

    def _crm_vn_pd_records(self, customer, partners, emails, numbers):
        own_emails, own_numbers = customer._crm_vn_own_addresses(partners, emails, numbers)
        return self.search(
            customer._crm_vn_about_customer_domain(partners, "recipient", own_emails | own_numbers),
            order=self._crm_vn_pd_order,
        )

    def _crm_vn_pd_anonymize_label(self):
        return self.env._("Marketing contacts counted, number or address removed")
