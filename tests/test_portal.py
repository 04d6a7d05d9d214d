"""Cross-module: a customer on the portal, and the salesperson's customer list over HTTP.

Bob's customer ``bob_portal`` logs in to the portal (``portal_customer``, see ``common.py``): they see their own
order and feedback, their salesperson as their contact, and update their details; another customer's order,
feedback and contact stay out of reach, whatever the address typed.
"""

import ast
from urllib.parse import urlsplit

from odoo import Command, http
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException

from .common import CrmVnSuiteHttpCase


@tagged("post_install", "-at_install", "crm_vn_security")
class TestPortalCustomer(CrmVnSuiteHttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.bob_portal_user.lang = "vi_VN"
        # a customer with orders may not change their country: the details form keeps the one they have
        cls.bob_portal.country_id = cls.env.ref("base.vn")
        product = cls.env["product.product"].create(
            {"name": "Máy lọc nước RO", "list_price": 2_500_000, "taxes_id": [Command.clear()]}
        )
        cls.own_order, cls.other_order = (
            cls.env["sale.order"].create(
                {
                    "partner_id": partner.id,
                    "user_id": partner.user_id.id,
                    "order_line": [Command.create({"product_id": product.id, "price_unit": price})],
                }
            )
            for partner, price in ((cls.bob_portal, 2_500_000), (cls.alice_customer, 9_990_000))
        )
        (cls.own_order | cls.other_order).action_confirm()
        Feedback = cls.env["crm.vn.feedback"]
        cls.own_feedback = Feedback.create({"name": "Máy lọc nước rò nước", "partner_id": cls.bob_portal.id})
        cls.other_feedback = Feedback.create({"name": "Chuyện riêng của Alice", "partner_id": cls.alice_customer.id})
        # what the portal customer must never read of alice's customer
        cls.others = (cls.other_order.name, "Khách Của Alice", "9.990.000", "Chuyện riêng của Alice")

    def setUp(self):
        super().setUp()
        self.authenticate(self.bob_portal_user.login, self.password(self.bob_portal_user))

    def assertNothingOf(self, response, *texts):
        for text in texts:
            self.assertNotIn(text, response.text)

    def test_the_customer_sees_own_documents_and_their_salesperson(self):
        counters = self.make_jsonrpc_request("/my/counters", {"counters": ["order_count", "feedback_count"]})
        self.assertEqual(counters, {"order_count": 1, "feedback_count": 1})
        orders = self.url_open("/my/orders")
        self.assertIn(self.own_order.name, orders.text)
        self.assertNothingOf(orders, *self.others)
        order = self.url_open(f"/my/orders/{self.own_order.id}")
        self.assertEqual(order.status_code, 200)
        for shown in (self.own_order.name, "Máy lọc nước RO", "2.500.000", "Trần Văn Bob"):
            self.assertIn(shown, order.text)
        self.assertNothingOf(order, *self.others)
        pdf = self.url_open(f"/my/orders/{self.own_order.id}?report_type=pdf")
        self.assertEqual(pdf.headers["Content-Type"], "application/pdf")
        feedback = self.url_open("/my/feedback")
        self.assertIn(self.own_feedback.reference, feedback.text)
        self.assertNothingOf(feedback, self.other_feedback.reference, *self.others)

    def test_the_customer_updates_their_details(self):
        """Their details, typed as Vietnamese customers do, are saved normalised; their salesperson stays theirs."""
        response = self.url_open(
            "/my/account",
            data={
                # name and email as they are (a customer with orders may not change their name)
                "name": self.bob_portal.name,
                "email": self.bob_portal.email,
                "phone": "0912 345 678",
                "street": "5 Ngõ Huế",
                "city": "Hà Nội",
                "country_id": self.env.ref("base.vn").id,
                "csrf_token": http.Request.csrf_token(self),
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.url.endswith("/my/home"), response.url)
        self.assertEqual(
            (self.bob_portal.phone, self.bob_portal.street, self.bob_portal.user_id),
            ("+84912345678", "5 Ngõ Huế", self.bob),
        )

    def test_another_customers_documents_are_out_of_reach(self):
        # the portal's pages of another customer's documents send back to the portal's home
        for url in (
            f"/my/orders/{self.other_order.id}",
            f"/my/orders/{self.other_order.id}?report_type=pdf",
            f"/my/orders/{self.other_order.id}?access_token=guessed",
            f"/my/feedback/{self.other_feedback.id}",
            f"/odoo/contacts/{self.alice_customer.id}",
        ):
            with self.subTest(url=url):
                response = self.url_open(url)
                self.assertEqual(urlsplit(response.url).path, "/my", "sent back to the portal's home")
                self.assertEqual(response.headers["Content-Type"], "text/html; charset=utf-8")
                self.assertNothingOf(response, *self.others)
        # the document's own routes refuse
        for url, status in (
            (f"/report/pdf/sale.report_saleorder/{self.other_order.id}", 403),
            (f"/web/content/sale.order/{self.other_order.id}/name", 404),
        ):
            with self.subTest(url=url):
                response = self.url_open(url)
                self.assertEqual(response.status_code, status)
                self.assertNothingOf(response, *self.others)
        # and so do the web client's calls
        for model, record in (
            ("sale.order", self.other_order),
            ("res.partner", self.alice_customer),
            ("crm.vn.feedback", self.other_feedback),
        ):
            with self.subTest(model=model):
                with self.assertRaises(JsonRpcException) as caught:
                    self.make_jsonrpc_request(
                        f"/web/dataset/call_kw/{model}/read",
                        {"model": model, "method": "read", "args": [record.ids, ["display_name"]], "kwargs": {}},
                    )
                self.assertEqual(caught.exception.args[0], "odoo.exceptions.AccessError")


@tagged("post_install", "-at_install", "crm_vn_security")
class TestSalespersonCustomerList(HttpCase):
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
