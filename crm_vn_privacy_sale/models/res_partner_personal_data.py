from odoo import models


class ResPartner(models.Model):
    """Sale orders and invoices in the personal data export of a customer (see crm_vn_privacy's
    ``_crm_vn_personal_data``)."""

    _inherit = "res.partner"

    def _crm_vn_sale_orders(self):
        """Sale orders of the customer and its contacts, as buyer, invoiced or delivered party."""
        partners = self._crm_vn_personal_data_partners()
        return self.env["sale.order"].search(
            [
                "|",
                "|",
                ("partner_id", "in", partners.ids),
                ("partner_invoice_id", "in", partners.ids),
                ("partner_shipping_id", "in", partners.ids),
            ],
            order="id",
        )

    def _crm_vn_personal_data(self):
        data = super()._crm_vn_personal_data()
        orders = self._crm_vn_sale_orders()
        data["sale_orders"] = [
            self._crm_vn_export_record(order, exclude={"access_token"})
            | {
                "lines": [self._crm_vn_export_record(line, exclude={"order_id"}) for line in order.order_line],
                "messages": self._crm_vn_export_messages("sale.order", order.ids),
            }
            for order in orders
        ]
        data["invoices"] = self._crm_vn_export_invoices(
            self.with_context(active_test=False)._crm_vn_personal_data_partners()
        )
        return data

    def _crm_vn_export_invoices(self, partners):
        """Invoices, credit notes and receipts of the customer and its contacts."""
        Move = self.env["account.move"]
        moves = Move.search(
            [("partner_id", "in", partners.ids), ("move_type", "in", Move.get_invoice_types(include_receipts=True))],
            order="id",
        )
        return [
            {
                "id": move.id,
                "number": move.name if move.name and move.name != "/" else False,
                "type": move.move_type,
                "customer": move.partner_id.display_name,
                "date": move.invoice_date.isoformat() if move.invoice_date else False,
                "due_date": move.invoice_date_due.isoformat() if move.invoice_date_due else False,
                "state": move.state,
                "payment_state": move.payment_state,
                "currency": move.currency_id.name,
                "amount_untaxed": move.amount_untaxed,
                "amount_tax": move.amount_tax,
                "amount_total": move.amount_total,
                "amount_due": move.amount_residual,
                "reference": move.ref or False,
                "source": move.invoice_origin or False,
                "lines": [
                    {
                        "description": line.name or False,
                        "product": line.product_id.display_name or False,
                        "quantity": line.quantity,
                        "price_unit": line.price_unit,
                        "discount": line.discount,
                        "subtotal": line.price_subtotal,
                        "total": line.price_total,
                    }
                    for line in move.invoice_line_ids
                    if line.display_type == "product"
                ],
                "messages": self._crm_vn_export_messages("account.move", move.ids),
            }
            for move in moves
        ]
