from odoo import models

ORDER_FIELDS = ("note", "client_order_ref", "origin", "signed_by", "signature")
QUOTATION_STATES = ("draft", "sent", "cancel")


class SaleOrder(models.Model):
    """Sale orders in a customer's personal data (crm_vn_privacy's declarative mixin): those of the customer and its
    contacts, as buyer, invoiced or delivered party, exported with their lines and messages.

    Anonymisation: quotations never confirmed nor invoiced (draft, sent, cancelled) are no accounting document: they
    are deleted. Confirmed orders stay with their lines, products and amounts; their notes, customer reference,
    source, signature, messages and files go.
    """

    _name = "sale.order"
    _inherit = ["sale.order", "crm.vn.personal.data.mixin"]

    _crm_vn_pd_key = "sale_orders"
    _crm_vn_pd_sequence = 60
    _crm_vn_pd_order = "id"
    _crm_vn_pd_export_exclude = ("access_token",)

    def _crm_vn_pd_records(self, customer, partners, emails, numbers):
        return self.search(
            [
                "|",
                "|",
                ("partner_id", "in", partners.ids),
                ("partner_invoice_id", "in", partners.ids),
                ("partner_shipping_id", "in", partners.ids),
            ],
            order=self._crm_vn_pd_order,
        )

    def _crm_vn_pd_export_values(self, records, customer):
        messages = customer._crm_vn_messages_by_record(self._name, records.ids)
        return [
            values
            | {
                "lines": [customer._crm_vn_export_record(line, exclude={"order_id"}) for line in order.order_line],
                "messages": messages.get(order.id, []),
            }
            for order, values in zip(records, super()._crm_vn_pd_export_values(records, customer), strict=True)
        ]

    def _crm_vn_pd_anonymize(self, customer):
        quotations = self.filtered(lambda order: order.state in QUOTATION_STATES and not order.invoice_ids)
        orders = self - quotations
        quotations.filtered(lambda order: order.state == "sent").with_context(
            disable_cancel_warning=True
        ).action_cancel()
        customer._crm_vn_anonymize_activities(self._name, quotations.ids)
        quotations.unlink()
        orders.write(dict.fromkeys(ORDER_FIELDS, False))
        customer._crm_vn_anonymize_activities(self._name, orders.ids)
        customer._crm_vn_anonymize_messages(self._name, orders.ids, keep_tracking=True)
        customer._crm_vn_anonymize_attachments(self._name, orders.ids)
        return {"quotations": len(quotations), "sale_orders": len(orders)}

    def _crm_vn_pd_anonymize_labels(self):
        return {
            "quotations": self.env._("Quotations deleted"),
            "sale_orders": self.env._("Confirmed orders kept, notes and messages removed"),
        }
