import json

from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException

from odoo.addons.crm_vn_base.tests.common import slow


@tagged("post_install", "-at_install", "crm_vn_customer")
class TestCustomerJsonRpc(HttpCase):
    """A logged-in salesperson over HTTP, as the web client and the mobile app talk to Odoo."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.country_id = cls.env.ref("base.vn")
        cls.member = new_test_user(cls.env, "vn_rpc_member", groups="sales_team.group_sale_salesman")
        cls.other = new_test_user(cls.env, "vn_rpc_other", groups="sales_team.group_sale_salesman")
        Partner = cls.env["res.partner"]
        cls.own = Partner.create({"name": "Khách Của Tôi", "mobile": "0912345678", "user_id": cls.member.id})
        cls.foreign = Partner.create({"name": "Khách Người Khác", "mobile": "0987654321", "user_id": cls.other.id})

    def _call(self, model, method, args, kwargs=None):
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        )

    def test_salesperson_over_jsonrpc(self):
        self.authenticate("vn_rpc_member", "vn_rpc_member")
        records = self._call("res.partner", "search_read", [[("mobile", "!=", False)]], {"fields": ["name", "mobile"]})
        names = {record["name"] for record in records}
        self.assertIn("Khách Của Tôi", names)
        self.assertNotIn("Khách Người Khác", names)
        self.assertNotIn("+84987654321", {record["mobile"] for record in records})
        for method, args, kwargs in [
            ("read", [self.foreign.ids, ["mobile"]], {}),
            ("web_read", [self.foreign.ids], {"specification": {"mobile": {}}}),
            ("write", [self.foreign.ids, {"name": "x"}], {}),
            ("unlink", [self.foreign.ids], {}),
        ]:
            with self.subTest(method=method), self.assertRaises(JsonRpcException) as error:
                self._call("res.partner", method, args, kwargs)
            self.assertIn("AccessError", str(error.exception))
        found = self._call("res.partner", "name_search", [], {"name": "Khách Người"})
        self.assertEqual(found, [])
        # creating through RPC normalises the number and refuses a wrong one
        new_id = self._call("res.partner", "create", [{"name": "Khách RPC", "mobile": "0162 345 6789"}])
        self.assertEqual(self.env["res.partner"].browse(new_id).mobile, "+84323456789")
        with self.assertRaises(JsonRpcException) as error:
            self._call("res.partner", "create", [{"name": "Sai Số", "mobile": "09 12"}])
        self.assertIn("ValidationError", str(error.exception))
        self.assertFalse(self.env["res.partner"].search([("name", "=", "Sai Số")]))

    def test_external_jsonrpc(self):
        """The /jsonrpc endpoint used by integrations authenticates per call."""
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "params": {
                "service": "object",
                "method": "execute_kw",
                "args": [
                    self.env.cr.dbname,
                    self.member.id,
                    "vn_rpc_member",
                    "res.partner",
                    "search_read",
                    [[("id", "in", [self.own.id, self.foreign.id])]],
                    {"fields": ["name"]},
                ],
            },
        }
        response = self.url_open("/jsonrpc", data=json.dumps(payload), headers={"Content-Type": "application/json"})
        result = response.json()["result"]
        self.assertEqual([record["name"] for record in result], ["Khách Của Tôi"])


@slow
@tagged("post_install", "-at_install", "crm_vn_customer")
class TestCustomerMobileTour(HttpCase):
    browser_size = "375x667"
    touch_enabled = True

    def test_create_customer_on_phone(self):
        self.env.company.country_id = self.env.ref("base.vn")
        # a Vietnamese salesperson: the tour does not depend on English labels
        self.env["res.lang"]._activate_lang("vi_VN")
        new_test_user(
            self.env,
            "vn_tour_member",
            groups="sales_team.group_sale_salesman",
            name="Lan Di Động",
            lang="vi_VN",
        )
        self.start_tour("/odoo", "crm_vn_customer_mobile_create", login="vn_tour_member")
        customer = self.env["res.partner"].search([("name", "=", "Phan Thị Di Động")])
        self.assertEqual(len(customer), 1)
        self.assertEqual(customer.mobile, "+84323456789")
        self.assertEqual(customer.occupation, "Giáo viên")


@slow
@tagged("post_install", "-at_install", "crm_vn_customer")
class TestHandoverMobileTour(HttpCase):
    browser_size = "375x667"
    touch_enabled = True

    def test_handover_on_a_phone(self):
        self.env["res.lang"]._activate_lang("vi_VN")
        new_test_user(
            self.env, "vn_tour_manager", groups="sales_team.group_sale_manager", name="Mai Quản Lý", lang="vi_VN"
        )
        leaving = new_test_user(
            self.env, "vn_tour_leaving", groups="sales_team.group_sale_salesman", name="Tuấn Nghỉ Việc"
        )
        staying = new_test_user(self.env, "vn_tour_staying", groups="sales_team.group_sale_salesman", name="Lan Ở Lại")
        customers = self.env["res.partner"].create(
            [{"name": f"Khách Bàn Giao {i}", "user_id": leaving.id, "lifecycle_stage": "customer"} for i in range(3)]
        )
        self.env.flush_all()
        self.start_tour("/odoo", "crm_vn_customer_mobile_handover", login="vn_tour_manager")
        self.assertEqual(customers.user_id, staying)
