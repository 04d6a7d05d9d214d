from odoo import models


class ResPartner(models.Model):
    """Sale orders in the personal data export of a customer (see crm_vn_customer's ``_crm_vn_personal_data``)."""

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
        return data
