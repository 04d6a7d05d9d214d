from odoo import models

# What a posted invoice shows of its customer: kept while the accounting
# documents are (Law on Accounting 88/2015/QH13, art. 41: 10 years).
INVOICE_FIELDS = {
    "name",
    "street",
    "street2",
    "city",
    "city_id",
    "zip",
    "state_id",
    "country_id",
    "vat",
    "company_registry",
}


class ResPartner(models.Model):
    """What accounting law keeps of an invoiced customer when it is anonymised (crm_vn_privacy's
    ``_crm_vn_anonymize``): a customer or contact named on a posted entry keeps the name, address and tax number
    printed on it; the bank accounts used by entries or payments are kept as well. Invoices and payments themselves
    are not touched."""

    _inherit = "res.partner"

    def _crm_vn_anonymize_kept_fields(self):
        kept = super()._crm_vn_anonymize_kept_fields()
        invoiced = self.env["account.move"].search_count(
            [
                ("state", "=", "posted"),
                "|",
                ("partner_id", "=", self.id),
                ("commercial_partner_id", "=", self.id),
            ],
            limit=1,
        )
        return kept | INVOICE_FIELDS if invoiced else kept

    def _crm_vn_anonymize_kept_banks(self):
        banks = self.bank_ids
        used = self.env["account.move"].search([("partner_bank_id", "in", banks.ids)]).partner_bank_id
        used |= self.env["account.payment"].search([("partner_bank_id", "in", banks.ids)]).partner_bank_id
        return super()._crm_vn_anonymize_kept_banks() | used
