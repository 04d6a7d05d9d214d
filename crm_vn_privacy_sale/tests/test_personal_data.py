import base64
import json
from datetime import date

from odoo import Command
from odoo.tests import tagged

from odoo.addons.crm_vn_customer.tests.common import CrmVnCustomerCommon
from odoo.addons.crm_vn_privacy.tests.test_data_request import DataRequestCommon


@tagged("post_install", "-at_install", "crm_vn_privacy_sale")
class TestSalePersonalData(CrmVnCustomerCommon):
    """Sale orders in a customer's personal data export (Law 91/2025/QH15), on a database with sale and without
    the reports."""

    def _order(self, partner, amount):
        order = self.env["sale.order"].create(
            {
                "partner_id": partner.id,
                "order_line": [
                    Command.create({"product_id": self.product.id, "product_uom_qty": 1, "price_unit": amount})
                ],
            }
        )
        order.action_confirm()
        return order

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.product = cls.env["product.product"].create({"name": "Máy lọc nước", "taxes_id": [Command.clear()]})

    def test_export_has_orders_and_lines(self):
        order = self._order(self.customer_member, 1_500_000)
        self._order(self.customer_other, 900_000)
        data = self.customer_member._crm_vn_personal_data()
        self.assertEqual([o["name"] for o in data["sale_orders"]], [order.name])
        exported = data["sale_orders"][0]
        self.assertEqual(exported["state"], "sale")
        self.assertEqual(exported["amount_untaxed"], 1_500_000)
        self.assertEqual(len(exported["lines"]), 1)
        self.assertEqual(exported["lines"][0]["price_unit"], 1_500_000)
        self.assertEqual(exported["lines"][0]["product_id"], self.product.display_name)
        self.assertEqual(data["customer"]["name"], self.customer_member.name)


@tagged("post_install", "-at_install", "crm_vn_privacy_sale")
class TestInvoicesPersonalData(DataRequestCommon):
    """Invoices in the export of a "provide my data" request."""

    def _export(self, customer=None, user=None):
        user = user or self.user_other
        request = self._request(
            customer or self.customer_other, date(2026, 4, 24), "provision", user=user, identity_verified=True
        )
        request.with_user(self.user_manager).action_export_personal_data()
        return json.loads(base64.b64decode(request.export_attachment_id.datas))

    def test_invoices_and_credit_notes(self):
        """Invoices and credit notes of the customer, with their number, date, state, amounts and currency."""
        Move = self.env["account.move"]

        def move(move_type, partner, price):
            return Move.create(
                {
                    "move_type": move_type,
                    "partner_id": partner.id,
                    "invoice_date": date(2026, 4, 20),
                    "invoice_line_ids": [
                        Command.create(
                            {
                                "name": "Máy lọc nước RO",
                                "quantity": 1,
                                "price_unit": price,
                                "tax_ids": [Command.clear()],
                            }
                        )
                    ],
                }
            )

        invoice = move("out_invoice", self.customer_other, 1_500_000)
        invoice.action_post()
        move("out_refund", self.customer_other, 200_000)
        move("out_invoice", self.customer_member, 900_000).action_post()
        data = self._export()
        self.assertEqual(
            [(i["number"], i["type"], i["date"], i["state"], i["amount_total"]) for i in data["invoices"]],
            [
                (invoice.name, "out_invoice", "2026-04-20", "posted", 1_500_000),
                (False, "out_refund", "2026-04-20", "draft", 200_000),
            ],
        )
        self.assertEqual(data["invoices"][0]["currency"], invoice.currency_id.name)
        self.assertEqual(data["invoices"][0]["amount_due"], 1_500_000)
        self.assertEqual(data["invoices"][0]["lines"][0]["description"], "Máy lọc nước RO")
