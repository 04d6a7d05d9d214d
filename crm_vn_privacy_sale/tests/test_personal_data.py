from odoo import Command
from odoo.tests import tagged

from odoo.addons.crm_vn_customer.tests.common import CrmVnCustomerCommon


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
