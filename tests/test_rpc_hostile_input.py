"""Bad input over JSON-RPC, as a salesperson on their own customer: a clear translated error naming the field and
the value (ValidationError/UserError), or the value normalised; never a traceback, never half-saved."""

from odoo.tests import tagged

from .common import RpcCase


@tagged("post_install", "-at_install", "crm_vn_security")
class TestHostileInput(RpcCase):
    # (values, the field's label the message must name)
    REFUSED = [
        ({"birthdate_date": "not a date"}, "Birthdate"),
        ({"birthdate_date": "2023-02-30"}, "Birthdate"),
        ({"birthdate_date": "30/02/2023"}, "Birthdate"),
        ({"birthdate_date": 20230101}, "Birthdate"),
        ({"gender": "robot"}, "Gender"),
        ({"lifecycle_stage": "friend"}, "Lifecycle Stage"),
        ({"preferred_channel": "pigeon"}, "Preferred Channel"),
        ({"lang": "xx_XX"}, "Language"),
        ({"name": "Khách\x00Ẩn"}, "Name"),
        ({"street": ["99", "Phố"]}, "Street"),
        ({"color": 10**12}, "Color Index"),
        ({"partner_latitude": "north"}, "Geo Latitude"),
        ({"partner_latitude": "nan"}, "Geo Latitude"),
        ({"parent_id": "abc"}, "Related Company"),
        ({"parent_id": -5}, "Related Company"),
        ({"category_id": "vip"}, "Tags"),
        ({"category_id": [(9, 0, 0)]}, "Tags"),
        ({"mobile": "0912 345 67"}, "Mobile"),
        ({"mobile": "09l2 345 678"}, "Mobile"),
        ({"phone": "+84 abc"}, "Phone"),
        ({"no_such_field": 1}, "no_such_field"),
        ({"color": float("inf")}, "Color Index"),
        ({"partner_latitude": 1e308}, "Geo Latitude"),
        ({"parent_id": 2**31}, "Related Company"),
        ({"category_id": [(6, 0, [2**31])]}, "Tags"),
        ({"name": "Khách\ud800"}, "Name"),
    ]
    # (values, what is stored)
    NORMALISED = [
        ({"mobile": "０９１２３４５６７８"}, {"mobile": "+84912345678"}),
        ({"mobile": "＋８４ ９１２ ３４５ ６７９"}, {"mobile": "+84912345679"}),
        ({"mobile": "٠٩١٢٣٤٥٦٨٠"}, {"mobile": "+84912345680"}),
        ({"mobile": 912345681}, {"mobile": "+84912345681"}),
        ({"mobile": "0162 345 6789"}, {"mobile": "+84323456789"}),
        ({"birthdate_date": ""}, {"birthdate_date": False}),
        ({"birthdate_date": "1990-05-20"}, {"birthdate_date": "1990-05-20"}),
        ({"gender": False}, {"gender": False}),
        ({"lang": "en_US"}, {"lang": "en_US"}),
        ({"name": "<script>alert(1)</script>"}, {"name": "<script>alert(1)</script>"}),
    ]

    def _snapshot(self, partner_id):
        fields = ["name", "mobile", "phone", "birthdate_date", "gender", "lang", "color", "street", "parent_id"]
        return self.rpc(self.manager, "res.partner", "read", [partner_id], fields)[0]

    def test_write_refused_cleanly(self):
        own = self.alice_customer.id
        before = self._snapshot(own)
        for vals, label in self.REFUSED:
            with self.subTest(vals=vals):
                error = self.assertRefused(
                    self.rpc,
                    self.alice,
                    "res.partner",
                    "write",
                    [own],
                    dict(vals, email="doi@example.vn"),
                    names={"odoo.exceptions.ValidationError", "odoo.exceptions.UserError"},
                )
                self.assertIn(label, error.message)
                self.assertEqual(self._snapshot(own), before, "nothing half-saved")
        self.assertEqual(self.alice_customer.email, "alicekh@example.vn")

    def test_create_refused_cleanly(self):
        count = self.env["res.partner"].search_count([])
        for vals, label in self.REFUSED:
            with self.subTest(vals=vals):
                error = self.assertRefused(
                    self.rpc,
                    self.alice,
                    "res.partner",
                    "create",
                    dict({"name": "Khách Lạ"}, **vals),
                    names={"odoo.exceptions.ValidationError", "odoo.exceptions.UserError"},
                )
                self.assertIn(label, error.message)
        self.assertEqual(self.env["res.partner"].search_count([]), count)

    def test_normalised(self):
        own = self.alice_customer.id
        for vals, expected in self.NORMALISED:
            with self.subTest(vals=vals):
                self.rpc(self.alice, "res.partner", "write", [own], vals)
                [row] = self.rpc(self.alice, "res.partner", "read", [own], list(expected))
                self.assertEqual({key: row[key] for key in expected}, expected)

    def test_messages_in_vietnamese(self):
        self.env["res.lang"]._activate_lang("vi_VN")
        self.env["ir.module.module"]._load_module_terms(["crm_vn_base"], ["vi_VN"], overwrite=True)
        error = self.assertRefused(
            self.rpc,
            self.alice,
            "res.partner",
            "write",
            [self.alice_customer.id],
            {"birthdate_date": "2023-02-30"},
            context={"lang": "vi_VN"},
        )
        self.assertIn("2023-02-30", error.message)
        self.assertIn("không phải là giá trị hợp lệ", error.message)

    def test_feedback_and_consent_values(self):
        """The suite's own models get the same checks: a priority, channel or date that does not exist."""
        refused = [
            ("crm.vn.feedback", {"name": "X", "partner_id": self.alice_customer.id, "priority": "9"}, "Priority"),
            ("crm.vn.feedback", {"name": "X", "partner_id": self.alice_customer.id, "channel": "fax"}, "Channel"),
            (
                "crm.vn.feedback",
                {"name": "X", "partner_id": self.alice_customer.id, "date_received": "yesterday"},
                "Received On",
            ),
            (
                "crm.vn.consent",
                {"partner_id": self.alice_customer.id, "purpose": "spam", "state": "given", "method": "web"},
                "Purpose",
            ),
            (
                "crm.vn.data.request",
                {"partner_id": self.alice_customer.id, "request_type": "access", "date_received": "2026-13-01"},
                "Received On",
            ),
        ]
        for model, vals, label in refused:
            with self.subTest(model=model, vals=vals):
                count = self.env[model].search_count([])
                error = self.assertRefused(
                    self.rpc,
                    self.alice,
                    model,
                    "create",
                    vals,
                    names={"odoo.exceptions.ValidationError", "odoo.exceptions.UserError"},
                )
                self.assertIn(label, error.message)
                self.assertEqual(self.env[model].search_count([]), count)

    def test_values_read_before_the_checks(self):
        """Values read by the models' own overrides and defaults get the same clean errors."""
        feedback_id = self.rpc(
            self.alice, "crm.vn.feedback", "create", {"name": 5, "partner_id": self.alice_customer.id}
        )
        self.assertEqual(self.env["crm.vn.feedback"].browse(feedback_id).name, "5")
        for state in ([], "dreaming"):
            with self.subTest(state=state):
                error = self.assertRefused(
                    self.rpc,
                    self.alice,
                    "crm.vn.feedback",
                    "write",
                    [feedback_id],
                    {"state": state},
                    names={"odoo.exceptions.ValidationError"},
                )
                self.assertIn("Stage", error.message)
        error = self.assertRefused(
            self.rpc,
            self.alice,
            "res.partner",
            "create",
            {"name": "Khách Mặc Định"},
            context={"default_birthdate_date": "2023-02-30"},
            names={"odoo.exceptions.ValidationError"},
        )
        self.assertIn("Birthdate", error.message)
