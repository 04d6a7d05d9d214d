"""Cross-module suite: a salesperson tries every RPC path to reach a colleague's customer.

Runs over real HTTP (XML-RPC, external JSON-RPC, the web client's call_kw and
the chatter routes), as the mobile app and integrations do.
"""

import json
import xmlrpc.client

from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException


@tagged("post_install", "-at_install", "crm_vn_security")
class TestRpcOwnership(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.country_id = cls.env.ref("base.vn")
        groups = "sales_team.group_sale_salesman,base.group_allow_export"
        cls.alice = new_test_user(cls.env, "rpc_alice", groups=groups, name="Nguyễn Thị Alice")
        cls.bob = new_test_user(cls.env, "rpc_bob", groups=groups, name="Trần Văn Bob")
        Partner = cls.env["res.partner"]
        cls.alice_customer = Partner.create(
            {"name": "Khách Của Alice", "mobile": "0912 000 111", "user_id": cls.alice.id}
        )
        cls.bob_customer = Partner.create(
            {
                "name": "Khách Bí Mật Của Bob",
                "mobile": "0988 777 666",
                "email": "bimat@example.vn",
                "user_id": cls.bob.id,
            }
        )
        cls.bob_customer.message_post(body="Ghi chú nội bộ về giá", message_type="comment")
        cls.secret_values = {"Khách Bí Mật Của Bob", "+84988777666", "bimat@example.vn"}

    def _assert_no_secret(self, payload):
        text = json.dumps(payload, default=str, ensure_ascii=False)
        for secret in self.secret_values:
            self.assertNotIn(secret, text)

    def _object(self, method, *args, **kwargs):
        return self.xmlrpc_object.execute_kw(
            self.env.cr.dbname, self.alice.id, "rpc_alice", "res.partner", method, list(args), kwargs
        )

    def test_xmlrpc_paths(self):
        bob_id = self.bob_customer.id
        readers = [
            ("search", [[]], {}),
            ("search_read", [[]], {"fields": ["name", "mobile", "email"]}),
            ("search_count", [[("id", "=", bob_id)]], {}),
            ("name_search", [], {"name": "Bí Mật"}),
            ("read_group", [[], ["user_id"], ["user_id"]], {}),
            ("web_search_read", [[]], {"specification": {"name": {}, "mobile": {}}}),
            ("search_read", [[("mobile", "=", "+84988777666")]], {"fields": ["name"]}),
            ("search_read", [[("user_id", "=", self.bob.id)]], {"fields": ["name"]}),
        ]
        for method, args, kwargs in readers:
            with self.subTest(method=method, args=args):
                result = self._object(method, *args, **kwargs)
                self._assert_no_secret(result)
                if method == "search":
                    self.assertNotIn(bob_id, result)
                if method == "search_count":
                    self.assertEqual(result, 0)
        own = self._object("search_read", [("id", "=", self.alice_customer.id)], fields=["mobile"])
        self.assertEqual(own[0]["mobile"], "+84912000111")
        refused = [
            ("read", [[bob_id], ["name"]]),
            (
                "web_read",
                [[bob_id]],
            ),
            ("export_data", [[bob_id], ["name", "mobile"]]),
            ("write", [[bob_id], {"name": "x"}]),
            ("unlink", [[bob_id]]),
            ("message_post", [[bob_id]]),
            ("copy", [[bob_id]]),
        ]
        for method, args in refused:
            with self.subTest(method=method), self.assertRaises(xmlrpc.client.Fault) as error:
                kwargs = {"specification": {"name": {}}} if method == "web_read" else {}
                if method == "message_post":
                    kwargs = {"body": "hello"}
                self._object(method, *args, **kwargs)
            self.assertEqual(error.exception.faultCode, 4, "an AccessError")
            self._assert_no_secret(error.exception.faultString)
        # the messages and attachments of Bob's customer stay hidden
        messages = self.xmlrpc_object.execute_kw(
            self.env.cr.dbname,
            self.alice.id,
            "rpc_alice",
            "mail.message",
            "search_read",
            [[("model", "=", "res.partner"), ("res_id", "=", bob_id)]],
            {"fields": ["body"]},
        )
        self.assertEqual(messages, [])
        self.assertEqual(self.bob_customer.name, "Khách Bí Mật Của Bob")

    def test_web_client_and_chatter_routes(self):
        self.authenticate("rpc_alice", "rpc_alice")
        bob_id = self.bob_customer.id
        data = self.make_jsonrpc_request(
            "/mail/thread/data",
            {
                "thread_model": "res.partner",
                "thread_id": bob_id,
                "request_list": ["followers", "attachments", "activities"],
            },
        )
        self._assert_no_secret(data)
        messages = self.make_jsonrpc_request(
            "/mail/thread/messages", {"thread_model": "res.partner", "thread_id": bob_id}
        )
        self.assertEqual(messages["messages"], [])
        self.assertNotIn("Ghi chú nội bộ", json.dumps(messages, ensure_ascii=False))
        with self.assertRaises(JsonRpcException):
            self.make_jsonrpc_request(
                "/mail/message/post",
                {"thread_model": "res.partner", "thread_id": bob_id, "post_data": {"body": "xin chào"}},
            )

    def test_feedback_over_rpc(self):
        """Feedback follows the customer's ownership on every RPC path, and the quick entry works."""
        Feedback = self.env["crm.vn.feedback"].with_context(crm_vn_feedback_no_ack=True)
        bob_feedback = Feedback.create(
            {"name": "Khiếu nại bí mật", "partner_id": self.bob_customer.id, "priority": "2"}
        )
        bob_feedback.message_post(body="Ghi chú nội bộ về giá", message_type="comment")
        db, uid, password = self.env.cr.dbname, self.alice.id, "rpc_alice"

        def call(method, *args, **kwargs):
            return self.xmlrpc_object.execute_kw(db, uid, password, "crm.vn.feedback", method, list(args), kwargs)

        # the quick entry of the contract: subject, customer and priority only
        own_id = call("create", {"name": "Giao thiếu hàng", "partner_id": self.alice_customer.id, "priority": "3"})
        [own] = call("read", [own_id], ["user_id", "sla_deadline", "escalation_level", "reference"])
        self.assertEqual(own["user_id"][0], self.alice.id, "assigned to the customer's salesperson")
        self.assertTrue(own["sla_deadline"])
        self.assertEqual(own["escalation_level"], 0)
        self.secret_values = self.secret_values | {"Khiếu nại bí mật"}
        self.assertEqual(call("search", [("id", "in", [own_id, bob_feedback.id])]), [own_id])
        self.assertNotIn(bob_feedback.id, call("search", []))
        self.assertEqual(call("search_count", [("id", "=", bob_feedback.id)]), 0)
        self._assert_no_secret(call("name_search", name="bí mật"))
        self._assert_no_secret(call("read_group", [], ["partner_id"], ["partner_id"]))
        for method, args in [("read", [[bob_feedback.id], ["name"]]), ("action_resolve", [[bob_feedback.id]])]:
            with self.subTest(method=method), self.assertRaises(xmlrpc.client.Fault) as error:
                call(method, *args)
            self.assertEqual(error.exception.faultCode, 4, "an AccessError")
            self._assert_no_secret(error.exception.faultString)
        # no feedback can be filed under Bob's customer by Alice (it would be Bob's)
        with self.assertRaises(xmlrpc.client.Fault):
            call("create", {"name": "Lách luật", "partner_id": self.bob_customer.id, "priority": "1"})
        with self.assertRaises(xmlrpc.client.Fault) as error:
            # naming herself assignee does not open Bob's customer either
            call("create", {"name": "Lách", "partner_id": self.bob_customer.id, "priority": "1", "user_id": uid})
        self._assert_no_secret(error.exception.faultString)
        # the chatter of Bob's feedback stays hidden from the web client too
        self.authenticate("rpc_alice", "rpc_alice")
        messages = self.make_jsonrpc_request(
            "/mail/thread/messages", {"thread_model": "crm.vn.feedback", "thread_id": bob_feedback.id}
        )
        self.assertEqual(messages["messages"], [])
        self.assertEqual(bob_feedback.escalation_level, 0)
