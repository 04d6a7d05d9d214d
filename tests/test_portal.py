"""Cross-module: the ownership rules leave Odoo's portal and chatter rendering alone."""

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

    def test_salesperson_web_client_loads(self):
        new_test_user(self.env, "portal_sales_ui", groups="sales_team.group_sale_salesman")
        self.authenticate("portal_sales_ui", "portal_sales_ui")
        response = self.url_open("/odoo/action-crm_vn_customer.res_partner_action_customer")
        self.assertEqual(response.status_code, 200)
        info = self.make_jsonrpc_request("/web/session/get_session_info")
        self.assertEqual(info["username"], "portal_sales_ui")
