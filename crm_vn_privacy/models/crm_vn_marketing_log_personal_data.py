from odoo import models


class CrmVnMarketingLog(models.Model):
    """The marketing contact log in a customer's personal data: the entries of the customer, and those linked to
    nobody at an address only the customer holds (``res.partner._crm_vn_own_addresses``). Anonymisation keeps their
    dates (the daily limits count them) without the number or address written to; entries of another customer
    sharing the number stay whole."""

    _name = "crm.vn.marketing.log"
    _inherit = ["crm.vn.marketing.log", "crm.vn.personal.data.mixin"]

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
