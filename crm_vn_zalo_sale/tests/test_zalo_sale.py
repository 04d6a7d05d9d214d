from odoo import Command
from odoo.tests import tagged

from odoo.addons.crm_vn_zalo.tests.test_zalo import ZaloCommon


@tagged("post_install", "-at_install", "crm_vn_zalo_sale")
class TestZaloFromSaleOrders(ZaloCommon):
    def test_order_confirmation_by_zns(self):
        self.zalo.add_template(
            401,
            "Xác nhận đơn hàng",
            params=[("customer_name", "1", 30), ("order_code", "4", 30), ("amount", "10", 20), ("date", "11", 20)],
        )
        self.account.action_sync_templates()
        template = self.env["crm.vn.zalo.template"].search([("zalo_template_id", "=", "401")])
        template.model_id = self.env["ir.model"]._get("sale.order")
        paths = {
            "customer_name": "partner_id.name",
            "order_code": "name",
            "amount": "amount_total",
            "date": "date_order",
        }
        for param in template.param_ids:
            param.field_path = paths[param.name]
        product = self.env["product.product"].create({"name": "Máy lọc nước", "list_price": 8400000, "taxes_id": False})
        order = (
            self.env["sale.order"]
            .with_user(self.seller)
            .create(
                {
                    "partner_id": self.customer.id,
                    "date_order": "2026-12-03 03:00:00",
                    "order_line": [Command.create({"product_id": product.id, "product_uom_qty": 1})],
                }
            )
        )
        self._compose(template, order)
        self._send_queue()
        data = self.zalo.sends[-1]["template_data"]
        self.assertEqual(
            data,
            {
                "customer_name": "Nguyễn Thu Hà",
                "order_code": order.name,
                "amount": "8.400.000",
                "date": "10:00 03/12/2026",
            },
        )
