from odoo.tests import tagged

from .common import CrmVnReportsCommon


@tagged("post_install", "-at_install", "crm_vn_reports")
class TestSalePersonalData(CrmVnReportsCommon):
    """Sale orders in a customer's personal data export (Law 91/2025/QH15)."""

    def test_export_has_orders_and_lines(self):
        order = self._order(self.p1, 1_500_000, days_ago=3)
        self._order(self.p4, 900_000, days_ago=3)
        data = self.p1._crm_vn_personal_data()
        self.assertEqual([o["name"] for o in data["sale_orders"]], [order.name])
        exported = data["sale_orders"][0]
        self.assertEqual(exported["state"], "sale")
        self.assertEqual(exported["amount_untaxed"], 1_500_000)
        self.assertEqual(len(exported["lines"]), 1)
        self.assertEqual(exported["lines"][0]["price_unit"], 1_500_000)
        self.assertEqual(exported["lines"][0]["product_id"], self.product.display_name)
        self.assertEqual(data["customer"]["name"], self.p1.name)
        self.assertIn("feedback", data)
