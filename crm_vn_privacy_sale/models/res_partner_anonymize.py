from odoo import models

from odoo.addons.crm_vn_privacy.models.res_partner_anonymize import ANONYMIZE_CONTEXT

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
ORDER_FIELDS = ("note", "client_order_ref", "origin", "signed_by", "signature")
QUOTATION_STATES = ("draft", "sent", "cancel")


class ResPartner(models.Model):
    """Sale orders and accounting documents in the anonymisation of a customer (see crm_vn_privacy's
    ``_crm_vn_anonymize``).

    - Quotations never confirmed nor invoiced (draft, sent, cancelled) are no
      accounting document: they are deleted.
    - Confirmed orders stay with their lines, products and amounts; their
      notes, customer reference, source, signature, messages and files go.
    - Invoices and payments are not touched. A customer or contact named on a
      posted entry keeps the name, address and tax number printed on it; the
      bank accounts used by entries or payments are kept as well.
    """

    _inherit = "res.partner"

    def _crm_vn_anonymize(self):
        counts = super()._crm_vn_anonymize()
        partner = self.with_context(**ANONYMIZE_CONTEXT)
        orders = partner._crm_vn_sale_orders()
        quotations = orders.filtered(lambda order: order.state in QUOTATION_STATES and not order.invoice_ids)
        orders -= quotations
        quotations.filtered(lambda order: order.state == "sent").with_context(
            disable_cancel_warning=True
        ).action_cancel()
        partner._crm_vn_anonymize_activities("sale.order", quotations.ids)
        quotations.unlink()
        orders.write(dict.fromkeys(ORDER_FIELDS, False))
        partner._crm_vn_anonymize_activities("sale.order", orders.ids)
        partner._crm_vn_anonymize_messages("sale.order", orders.ids, keep_tracking=True)
        partner._crm_vn_anonymize_attachments("sale.order", orders.ids)
        counts["quotations"] = len(quotations)
        counts["sale_orders"] = len(orders)
        return counts

    def _crm_vn_anonymize_labels(self):
        return super()._crm_vn_anonymize_labels() | {
            "quotations": self.env._("Quotations deleted"),
            "sale_orders": self.env._("Confirmed orders kept, notes and messages removed"),
        }

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
