from odoo import Command
from odoo.tests import tagged

from odoo.addons.crm_vn_privacy.tests.test_anonymize import TABLES, AnonymizeCommon

# What the law keeps on an invoiced customer (see res_partner_anonymize.py).
KEPT = {
    ("res_partner", "name"),
    ("res_partner", "complete_name"),
    ("res_partner", "street"),
    ("res_partner", "street_name"),  # base_address_extended's split of the kept street
    ("res_partner", "vn_name_key"),
    ("mail_message", "record_name"),  # the kept name, on the customer's emptied messages
}


@tagged("post_install", "-at_install", "crm_vn_privacy_sale")
class TestReportsAnonymize(AnonymizeCommon):
    """Sale orders and invoices in the anonymisation of a customer."""

    def _sale(self, **vals):
        return self.env["sale.order"].create(
            {
                "partner_id": self.secret.id,
                "order_line": [
                    Command.create({"product_id": self.product.id, "product_uom_qty": 2, "price_unit": 150})
                ],
                **vals,
            }
        )

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.product = cls.env["product.product"].create({"name": "Máy lọc nước", "list_price": 150.0, "taxes_id": []})

    def test_orders_without_invoice(self):
        order = self._sale(note="<p>Giao cho chị Bí Mật tại 12 Hàng Bạc</p>", client_order_ref="Bí Mật 01")
        order.action_confirm()
        order.message_post(body="Chị Bí Mật xác nhận đơn.", message_type="comment")
        quotation = self._sale(note="<p>Báo giá cho chị Bí Mật</p>")
        tables = (*TABLES, "sale_order", "sale_order_line")
        self._anonymize()
        self.assertEqual(self._leftovers(tables), [])
        self.assertFalse(quotation.exists())
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.amount_untaxed, 300.0)
        self.assertEqual(order.order_line.product_id, self.product)
        self.assertFalse(order.note or order.client_order_ref)
        self.assertEqual(self.secret.name, f"Deleted customer {self.secret.id}")
        log = self.request.message_ids[0].body
        self.assertIn("Quotations deleted: 1", log)
        self.assertIn("Confirmed orders kept, notes and messages removed: 1", log)

    def test_invoiced_customer_keeps_legal_data(self):
        order = self._sale(note="<p>Giao cho chị Bí Mật tại 12 Hàng Bạc</p>")
        order.action_confirm()
        invoice = order._create_invoices()
        invoice.action_post()
        tables = (*TABLES, "sale_order", "sale_order_line")
        self._anonymize()
        self.assertEqual({(t, c) for t, c, __ in self._leftovers(tables)} - KEPT, set())
        secret = self.secret
        self.assertEqual(secret.name, "Nguyễn Thị Bí Mật")
        self.assertEqual(secret.street, "12 Hàng Bạc")
        self.assertEqual(secret.city, "Hà Nội")
        self.assertEqual(secret.city_id, self.commune, "the commune of the invoice address stays")
        self.assertFalse(secret.email or secret.mobile or secret.birthdate_date or secret.function)
        self.assertFalse(secret.active)
        self.assertEqual(invoice.state, "posted")
        self.assertEqual(invoice.partner_id, secret)
        self.assertEqual(invoice.invoice_partner_display_name, "Nguyễn Thị Bí Mật")
        self.assertEqual(invoice.amount_untaxed, 300.0)
        # the contact is on no invoice: fully anonymised
        self.assertEqual(self.secret_contact.name, f"Deleted customer {self.secret_contact.id}")
        self.assertFalse(self.secret_contact.street)
