"""Cross-module: the ownership rules leave Odoo's portal and chatter rendering alone."""

import ast

from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install", "crm_vn_security")
class TestPortalStillWorks(HttpCase):
    def test_portal_pages(self):
        salesman = new_test_user(self.env, "portal_owner", groups="sales_team.group_sale_salesman")
        portal = new_test_user(self.env, "portal_customer", groups="base.group_portal", name="Khách Cổng")
        # the portal user's partner is owned by a salesperson, as real customers are
        portal.partner_id.user_id = salesman
        self.authenticate("portal_customer", "portal_customer")
        for url in ("/my", "/my/account"):
            with self.subTest(url=url):
                response = self.url_open(url)
                self.assertEqual(response.status_code, 200)
                self.assertIn("Khách Cổng", response.text)

    def test_salesperson_customer_list_over_http(self):
        """The Customer Profiles menu, as the web client loads it over HTTP: the action's own domain and context, and
        the list it reads, show the salesperson's customers and not a colleague's."""
        salesman = "sales_team.group_sale_salesman"
        lan = new_test_user(self.env, "portal_sales_ui", groups=salesman)
        tuan = new_test_user(self.env, "portal_sales_other", groups=salesman)
        Partner = self.env["res.partner"]
        own = Partner.create({"name": "Khách Của Lan", "user_id": lan.id, "lifecycle_stage": "customer"})
        other = Partner.create({"name": "Khách Của Tuấn", "user_id": tuan.id, "lifecycle_stage": "customer"})
        # Unassigned: a prospect of the pool is every salesperson's; a plain contact of the database (a supplier,
        # Odoo's demo contacts) is not a customer and stays in Contacts.
        pool = Partner.create({"name": "Khách Chưa Giao", "lifecycle_stage": "prospect"})
        supplier = Partner.create({"name": "Nhà Cung Cấp"})
        own |= pool
        other |= supplier
        self.authenticate("portal_sales_ui", "portal_sales_ui")
        action = self.make_jsonrpc_request(
            "/web/action/load", {"action_id": "crm_vn_customer.res_partner_action_customer"}
        )
        self.assertEqual(action["res_model"], "res.partner")
        rows = self.make_jsonrpc_request(
            "/web/dataset/call_kw/res.partner/web_search_read",
            {
                "model": "res.partner",
                "method": "web_search_read",
                "args": [],
                "kwargs": {
                    # the web client evaluates the action's domain (a string) before it searches
                    "domain": [*ast.literal_eval(action["domain"] or "[]"), ("id", "in", (own | other).ids)],
                    "specification": {"name": {}, "user_id": {"fields": {"display_name": {}}}},
                    "context": {"lang": "en_US"},
                },
            },
        )["records"]
        self.assertEqual(sorted(row["name"] for row in rows), ["Khách Chưa Giao", "Khách Của Lan"])
