from odoo import models


class AccountMove(models.Model):
    """Invoices, credit notes and receipts in a customer's personal data (crm_vn_privacy's declarative mixin):
    exported with their lines and messages; the anonymisation leaves them untouched (accounting documents, kept ten
    years by law; their customer keeps what is printed on them, see res_partner.py)."""

    _name = "account.move"
    _inherit = ["account.move", "crm.vn.personal.data.mixin"]

    _crm_vn_pd_key = "invoices"
    _crm_vn_pd_sequence = 70

    def _crm_vn_pd_records(self, customer, partners, emails, numbers):
        return self.search(
            [("partner_id", "in", partners.ids), ("move_type", "in", self.get_invoice_types(include_receipts=True))],
            order="id",
        )

    def _crm_vn_pd_export_values(self, records, customer):
        messages = customer._crm_vn_messages_by_record(self._name, records.ids)
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
                "messages": messages.get(move.id, []),
            }
            for move in records
        ]

    def _crm_vn_pd_anonymize(self, customer):
        return {}

    def _crm_vn_pd_anonymize_labels(self):
        return {}
