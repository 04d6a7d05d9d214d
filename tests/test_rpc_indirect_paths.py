"""A salesperson who wants a colleague's customers tries the indirect paths, over HTTP JSON-RPC.

Alice (own documents only) against Bob's customers (see ``common.py``): portal customers, display names
formatted with context keys, records pointed at a foreign customer, the import context, forged consent, SLA and
rating figures, ownerless new customers, colleagues' quick checks; then what was found by reading the code (the
feedback alias, consent evidence, hand-over, the portal, calendar attendees, vendors, data requests). Each path
must stay closed for Alice and open for the team leader and the manager.
"""

from datetime import datetime, timedelta

from odoo import fields
from odoo.tests import tagged

from .common import RpcCase, RpcError

DETAIL_KEYS = ("show_address", "show_email", "show_vat", "address_inline", "partner_show_db_id")


@tagged("post_install", "-at_install", "crm_vn_security")
class TestIndirectPaths(RpcCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # What Alice may legitimately hold that points at Bob's customer (a lead left from before a hand-over, a
        # meeting Bob invited her to): Odoo shows the customer's name there, nothing else.
        cls.alice_lead = cls.env["crm.lead"].create(
            {"name": "Cơ hội cũ", "user_id": cls.alice.id, "partner_id": cls.bob_customer.id}
        )
        cls.alice_lead.write({"email_from": False, "phone": False, "street": False, "city": False})
        cls.meeting = cls.env["calendar.event"].create(
            {
                "name": "Họp với khách",
                "user_id": cls.bob.id,
                "start": "2026-12-10 02:00:00",
                "stop": "2026-12-10 03:00:00",
                "partner_ids": [(4, cls.bob_customer.id), (4, cls.alice.partner_id.id), (4, cls.bob.partner_id.id)],
            }
        )
        cls.plain_secrets = cls.secrets - {"Khách Bí Mật Của Bob", "Công ty Bí Mật", "Khách Cổng Bí Mật"}

    # ------------------------------------------------------------------
    # 1. Customers with a portal login
    # ------------------------------------------------------------------

    def test_portal_customers_are_owned(self):
        portal_id = self.bob_portal.id
        self.assertEqual(self.rpc(self.alice, "res.partner", "search", [("id", "=", portal_id)]), [])
        rows = self.rpc(self.alice, "res.partner", "search_read", [], fields=["name", "email", "mobile"])
        self.assertNoSecret(rows)
        self.assertRefused(self.rpc, self.alice, "res.partner", "read", [portal_id], ["name"])
        self.assertRefused(self.rpc, self.alice, "res.partner", "write", [portal_id], {"user_id": self.alice.id})
        self.assertEqual(self.bob_portal.user_id, self.bob)
        # nor through its user record, whose login is often the customer's email
        users = self.rpc(self.alice, "res.users", "search_read", [("share", "=", True)], fields=["login"])
        self.assertNoSecret(users)
        self.assertRefused(self.rpc, self.alice, "res.users", "read", self.bob_portal_user.ids, ["login"])
        # the team leader and the manager still reach it
        for user in (self.leader, self.manager):
            [row] = self.rpc(user, "res.partner", "read", [portal_id], ["email"])
            self.assertEqual(row["email"], "cong@bimat.vn")
            [row] = self.rpc(user, "res.users", "read", self.bob_portal_user.ids, ["login"])
            self.assertEqual(row["login"], "portal_customer")

    def test_colleagues_partners_are_read_only(self):
        """Internal users' partners are readable to everyone (authors, followers, assignees), not writable through
        that exception: Bob's own contact card, owned by the leader, cannot be changed by Alice."""
        self.bob.partner_id.user_id = self.leader
        [row] = self.rpc(self.alice, "res.partner", "read", [self.bob.partner_id.id], ["name", "email"])
        self.assertEqual(row["email"], "bob@crm.vn")
        self.assertRefused(self.rpc, self.alice, "res.partner", "write", [self.bob.partner_id.id], {"email": "x@x.vn"})
        self.assertEqual(self.bob.partner_id.email, "bob@crm.vn")

    # ------------------------------------------------------------------
    # 2. Display-name context keys
    # ------------------------------------------------------------------

    def test_display_name_keys_never_format_a_hidden_customer(self):
        for key in DETAIL_KEYS:
            context = {key: True, "lang": "en_US"}
            with self.subTest(key=key, path="read"):
                [row] = self.rpc(self.alice, "crm.lead", "read", [self.alice_lead.id], ["partner_id"], context=context)
                self.assertEqual(row["partner_id"], [self.bob_customer.id, "Khách Bí Mật Của Bob"])
            with self.subTest(key=key, path="web_read"):
                spec = {"partner_id": {"fields": {"display_name": {}}, "context": {key: 1}}}
                [row] = self.web(self.alice, "crm.lead", "web_read", [self.alice_lead.id], specification=spec)
                self.assertEqual(row["partner_id"]["display_name"], "Khách Bí Mật Của Bob")
            with self.subTest(key=key, path="read_group"):
                groups = self.rpc(
                    self.alice, "crm.lead", "read_group", [], ["partner_id"], ["partner_id"], context=context
                )
                self.assertNoSecret(groups, self.plain_secrets)
            with self.subTest(key=key, path="attendees"):
                spec = {"partner_ids": {"fields": {"display_name": {}, "email": {}}, "context": {key: 1}}}
                [row] = self.web(self.alice, "calendar.event", "web_read", [self.meeting.id], specification=spec)
                self.assertNoSecret(row, self.plain_secrets)
                details = self.rpc(
                    self.alice, "res.partner", "get_attendee_detail", [], [self.meeting.id], context=context
                )
                self.assertNoSecret(details, self.plain_secrets)
            with self.subTest(key=key, path="quick check"):
                check_id = self.rpc(
                    self.alice,
                    "crm.vn.customer.check",
                    "create",
                    {"name": "Khách Bí Mật Của Bob", "mobile": "0988 777 666"},
                    context=context,
                )
                [row] = self.rpc(
                    self.alice, "crm.vn.customer.check", "read", [check_id], ["duplicate_html"], context=context
                )
                self.assertIn("+84******666", row["duplicate_html"])
                self.assertNoSecret(row, self.plain_secrets)
            with self.subTest(key=key, path="customer form warning"):
                result = self.web(
                    self.alice,
                    "res.partner",
                    "onchange",
                    [],
                    {"name": "Khách Bí Mật", "mobile": "0988777666"},
                    ["mobile"],
                    {"vn_duplicate_warning": {}},
                    context=context,
                )
                self.assertIn("+84******666", result["value"]["vn_duplicate_warning"])
                self.assertNoSecret(result, self.plain_secrets)
        # the keys still work on what one may read: the manager gets the address
        [row] = self.rpc(
            self.manager, "crm.lead", "read", [self.alice_lead.id], ["partner_id"], context={"show_address": 1}
        )
        self.assertIn("99 Phố Riêng Tư", row["partner_id"][1])

    # ------------------------------------------------------------------
    # 3. Records pointed at a foreign customer
    # ------------------------------------------------------------------

    def test_records_pointing_at_a_foreign_customer_are_refused(self):
        bob_id = self.bob_customer.id
        leads_before = self.env["crm.lead"].search_count([])
        attempts = [
            ("crm.lead", "create", [{"name": "Lách", "partner_id": bob_id, "user_id": self.alice.id}], {}),
            ("crm.lead", "create", [{"name": "Lách"}], {"context": {"default_partner_id": bob_id}}),
            ("crm.lead", "write", [[self.alice_lead.id], {"partner_id": self.bob_company.id}], {}),
            ("sale.order", "create", [{"partner_id": bob_id}], {}),
            ("calendar.event", "create", [{"name": "Gặp", "partner_ids": [(4, bob_id)]}], {}),
            ("res.partner", "create", [{"name": "Nhân viên", "parent_id": self.bob_company.id}], {}),
            ("crm.vn.feedback", "create", [{"name": "Lách", "partner_id": bob_id, "user_id": self.alice.id}], {}),
            (
                "crm.vn.consent",
                "create",
                [{"partner_id": bob_id, "purpose": "marketing", "state": "given", "method": "web"}],
                {},
            ),
            ("crm.vn.data.request", "create", [{"partner_id": bob_id, "request_type": "access"}], {}),
            (
                "mail.activity",
                "create",
                [
                    {
                        "res_model_id": self.env["ir.model"]._get_id("res.partner"),
                        "res_id": bob_id,
                        "summary": "Gọi khách",
                        "user_id": self.alice.id,
                    }
                ],
                {},
            ),
            ("crm.lead", "message_post", [[self.alice_lead.id]], {"body": "Chào", "partner_ids": [bob_id]}),
            ("crm.lead", "message_subscribe", [[self.alice_lead.id], [self.bob_company.id]], {}),
            (
                "mail.compose.message",
                "create",
                [{"model": "crm.lead", "res_ids": [self.alice_lead.id], "body": "Chào", "partner_ids": [(4, bob_id)]}],
                {},
            ),
        ]
        for model, method, args, kwargs in attempts:
            with self.subTest(model=model, method=method, kwargs=kwargs):
                error = self.assertRefused(self.rpc, self.alice, model, method, *args, **kwargs)
                self.assertNotIn("Traceback", error.message)
        self.assertEqual(self.env["crm.lead"].search_count([]), leads_before, "nothing half-saved")
        self.assertEqual(self.alice_lead.partner_id, self.bob_customer)
        self.assertNotIn(self.bob_company, self.alice_lead.message_partner_ids)
        # the form refuses the customer as soon as it is picked (onchange copies its email and address)
        self.assertRefused(
            self.web,
            self.alice,
            "crm.lead",
            "onchange",
            [],
            {"name": "Lách", "partner_id": bob_id},
            ["partner_id"],
            {"email_from": {}, "phone": {}, "street": {}},
        )
        # the same records on customers one may see are accepted
        for user, partner in ((self.alice, self.alice_customer), (self.alice, self.free_customer)):
            lead_id = self.rpc(user, "crm.lead", "create", {"name": "Hợp lệ", "partner_id": partner.id})
            [row] = self.rpc(user, "crm.lead", "read", [lead_id], ["email_from"])
            self.assertEqual(row["email_from"], partner.email)
        for user in (self.leader, self.manager):
            lead_id = self.rpc(user, "crm.lead", "create", {"name": "Của đội", "partner_id": bob_id})
            self.assertTrue(lead_id)
        self.assertTrue(self.rpc(self.manager, "sale.order", "create", {"partner_id": bob_id}))

    # ------------------------------------------------------------------
    # 4. The import context and the refuse policy
    # ------------------------------------------------------------------

    def test_import_context_does_not_lift_the_refuse_policy(self):
        self.env.company.crm_vn_duplicate_policy = "block"
        count = self.env["res.partner"].search_count([("vn_mobile_key", "=", "+84988777666")])
        vals = {"name": "Khách Bí Mật Của Bob", "mobile": "0988 777 666"}
        for context in ({"import_file": 1}, {"import_file": 1, "crm_vn_skip_duplicate_check": 1}):
            with self.subTest(context=context):
                # the refusal names the customer, its owner and a masked number, as the duplicate check shows them
                error = self.assertRefused(
                    self.rpc, self.alice, "res.partner", "create", vals, context=context, secrets=self.plain_secrets
                )
                self.assertIn("already exists", error.message)
                self.assertIn("Trần Văn Bob", error.message)
        result = self.rpc(
            self.alice,
            "res.partner",
            "load",
            [],
            ["name", "mobile"],
            [["Khách Bí Mật Của Bob", "0988 777 666"]],
            context={"import_file": 1, "crm_vn_import_report": None},
        )
        self.assertFalse(result["ids"])
        self.assertTrue(any(message["type"] == "error" for message in result["messages"]))
        self.assertEqual(self.env["res.partner"].search_count([("vn_mobile_key", "=", "+84988777666")]), count)
        # the managers' way round the check is the contract's: allowed to them only
        partner_id = self.rpc(
            self.manager, "res.partner", "create", vals, context={"crm_vn_skip_duplicate_check": True}
        )
        self.assertTrue(partner_id)

    # ------------------------------------------------------------------
    # 5. Consent
    # ------------------------------------------------------------------

    def test_consent_cannot_be_forged(self):
        own = self.alice_customer.id
        for fname in ("consent_marketing_sms", "consent_marketing_email", "consent_marketing_call", "consent_service"):
            with self.subTest(field=fname):
                self.assertRefused(self.rpc, self.alice, "res.partner", "write", [own], {fname: True})
        self.assertFalse(self.alice_customer.consent_marketing_sms)
        self.assertFalse(self.alice_customer._crm_vn_marketing_allowed("sms"))
        consent_id = self.rpc(
            self.alice,
            "crm.vn.consent",
            "create",
            {"partner_id": own, "purpose": "marketing", "channel": "sms", "state": "given", "method": "form"},
        )
        self.assertTrue(self.env["crm.vn.consent"].browse(consent_id).evidence_missing)
        self.assertRefused(self.rpc, self.alice, "crm.vn.consent", "write", [consent_id], {"evidence_missing": False})
        self.assertRefused(
            self.rpc,
            self.alice,
            "crm.vn.consent",
            "create",
            {
                "partner_id": own,
                "purpose": "marketing",
                "channel": "email",
                "state": "given",
                "method": "form",
                "evidence_missing": False,
            },
        )
        self.assertTrue(self.env["crm.vn.consent"].browse(consent_id).evidence_missing)

    def test_consent_evidence_is_an_upload_of_its_own(self):
        own = self.alice_customer.id
        consent_id = self.rpc(
            self.alice,
            "crm.vn.consent",
            "create",
            {"partner_id": own, "purpose": "marketing", "channel": "sms", "state": "given", "method": "paper"},
        )
        invoice_pdf = self.env["ir.attachment"].create(
            {
                "name": "hoa-don-khach-khac.pdf",
                "raw": b"%PDF-1.4 another record",
                "res_model": "crm.lead",
                "res_id": self.alice_lead.id,
            }
        )
        bob_file = self.env["ir.attachment"].with_user(self.bob).create({"name": "cmnd.pdf", "raw": b"%PDF-1.4 id"})
        for attachment in (invoice_pdf, bob_file):
            with self.subTest(file=attachment.name):
                self.assertRefused(
                    self.rpc,
                    self.alice,
                    "crm.vn.consent",
                    "write",
                    [consent_id],
                    {"attachment_ids": [(4, attachment.id)]},
                )
        self.assertFalse(self.env["crm.vn.consent"].browse(consent_id).attachment_ids)
        self.assertEqual(invoice_pdf.res_model, "crm.lead")
        # a file Alice uploads for the consent (as the web client's upload does) is the evidence, filed under it
        upload = (
            self.env["ir.attachment"]
            .with_user(self.alice)
            .create({"name": "phieu-dong-y.pdf", "raw": b"%PDF-1.4 signed", "res_model": "crm.vn.consent", "res_id": 0})
        )
        self.rpc(self.alice, "crm.vn.consent", "write", [consent_id], {"attachment_ids": [(4, upload.id)]})
        consent = self.env["crm.vn.consent"].browse(consent_id)
        self.assertEqual(consent.attachment_ids, upload)
        self.assertEqual((upload.res_model, upload.res_id), ("crm.vn.consent", consent_id))
        self.assertFalse(consent.evidence_missing)

    # ------------------------------------------------------------------
    # 6. SLA and rating figures
    # ------------------------------------------------------------------

    def test_sla_and_rating_figures_cannot_be_forged(self):
        feedback_id = self.rpc(
            self.alice,
            "crm.vn.feedback",
            "create",
            {"name": "Giao thiếu hàng", "partner_id": self.alice_customer.id, "priority": "2"},
        )
        feedback = self.env["crm.vn.feedback"].browse(feedback_id)
        deadline = feedback.sla_deadline
        lenient = self.env["crm.vn.feedback.sla"].create(
            {
                "name": "Dễ dãi",
                "feedback_type": "complaint",
                "priority": "2",
                "response_hours": 999,
                "resolution_hours": 1999,
            }
        )
        forged = {
            "sla_deadline": "2099-01-01 00:00:00",
            "sla_result": "met",
            "rating_last_value": 5,
            "date_acknowledged": "2020-01-01 00:00:00",
            "date_resolved": "2020-01-01 00:00:00",
            "date_closed": "2020-01-01 00:00:00",
            "response_deadline": "2099-01-01 00:00:00",
            "resolution_deadline": "2099-01-01 00:00:00",
            "escalation_level": 0,
            "escalation_deadline": "2099-01-01 00:00:00",
            "sla_policy_id": lenient.id,
            "reference": "PH-GIẢ",
            "active": False,
            "date_received": fields.Datetime.to_string(datetime.now() + timedelta(days=30)),
        }
        for fname, value in forged.items():
            with self.subTest(field=fname):
                self.assertRefused(self.rpc, self.alice, "crm.vn.feedback", "write", [feedback_id], {fname: value})
        self.assertEqual((feedback.sla_deadline, feedback.sla_policy_id == lenient), (deadline, False))
        # a stage written by hand goes through its button: no jump from New to Closed, Resolve asks for a rating
        self.assertRefused(self.rpc, self.alice, "crm.vn.feedback", "write", [feedback_id], {"state": "closed"})
        self.assertEqual(feedback.state, "new")
        # a complaint is resolved with its resolution written, never empty (the customer rates it)
        self.assertRefused(self.rpc, self.alice, "crm.vn.feedback", "write", [feedback_id], {"state": "resolved"})
        self.assertEqual(feedback.state, "new")
        self.assertFalse(
            self.env["rating.rating"].search([("res_id", "=", feedback_id), ("res_model", "=", "crm.vn.feedback")])
        )
        self.rpc(
            self.alice,
            "crm.vn.feedback",
            "write",
            [feedback_id],
            {"state": "resolved", "resolution": "<p>Đã đổi máy mới cho khách.</p>"},
        )
        self.assertEqual(feedback.state, "resolved")
        self.assertTrue(feedback.date_resolved)
        rating = self.env["rating.rating"].search([("res_model", "=", "crm.vn.feedback"), ("res_id", "=", feedback_id)])
        self.assertEqual(len(rating), 1, "the customer was asked to rate, whatever the caller's context")
        # the rating is the customer's answer: not written by the salesperson, nor created for them
        self.assertRefused(self.rpc, self.alice, "rating.rating", "write", rating.ids, {"rating": 5, "consumed": True})
        self.assertRefused(
            self.rpc,
            self.alice,
            "rating.rating",
            "create",
            {"res_model_id": rating.res_model_id.id, "res_id": feedback_id, "rating": 5, "consumed": True},
        )
        self.assertFalse(rating.consumed)
        # resolving without the rating request (a context key) is not the caller's choice either
        other_id = self.rpc(
            self.alice,
            "crm.vn.feedback",
            "create",
            {"name": "Khác", "partner_id": self.alice_customer.id, "resolution": "<p>Đã gọi lại.</p>"},
        )
        self.rpc(
            self.alice,
            "crm.vn.feedback",
            "action_resolve",
            [other_id],
            context={"crm_vn_feedback_no_rating": True},
        )
        self.assertTrue(
            self.env["rating.rating"].search([("res_model", "=", "crm.vn.feedback"), ("res_id", "=", other_id)])
        )
        # the team's manager may correct the policy and archive
        self.rpc(self.manager, "crm.vn.feedback", "write", [feedback_id], {"sla_policy_id": lenient.id})
        self.assertEqual(feedback.sla_policy_id, lenient)

    # ------------------------------------------------------------------
    # 7. A salesperson's new customer is theirs
    # ------------------------------------------------------------------

    def test_new_customer_belongs_to_its_creator(self):
        by_rpc = self.rpc(self.alice, "res.partner", "create", {"name": "Khách Mới RPC", "mobile": "0909 111 001"})
        defaults = self.web(self.alice, "res.partner", "onchange", [], {}, [], {"user_id": {}})
        self.assertEqual(defaults["value"]["user_id"], self.alice.id, "the form shows the owner")
        by_form = self.web(
            self.alice,
            "res.partner",
            "web_save",
            [],
            {"name": "Khách Mới Form", "mobile": "0909 111 002", "user_id": self.alice.id},
            specification={"user_id": {}},
        )[0]["id"]
        by_import = self.rpc(
            self.alice,
            "res.partner",
            "load",
            [],
            ["name", "mobile"],
            [["Khách Mới Nhập", "0909 111 003"]],
            context={"import_file": 1},
        )["ids"][0]
        check_id = self.rpc(self.alice, "crm.vn.customer.check", "create", {"name": "Khách Mới Nhanh"})
        by_check = self.rpc(self.alice, "crm.vn.customer.check", "action_create", [check_id])["res_id"]
        partners = self.env["res.partner"].browse([by_rpc, by_form, by_import, by_check])
        self.assertEqual(partners.user_id, self.alice)
        self.assertEqual(self.rpc(self.bob, "res.partner", "search", [("id", "in", partners.ids)]), [])
        feedback_id = self.rpc(
            self.alice, "crm.vn.feedback", "create", {"name": "Hỏi giá", "partner_id": by_rpc, "priority": "1"}
        )
        [row] = self.rpc(self.alice, "crm.vn.feedback", "read", [feedback_id], ["user_id", "team_id"])
        self.assertEqual((row["user_id"][0], row["team_id"][0]), (self.alice.id, self.team_alice.id))

    # ------------------------------------------------------------------
    # 8. Colleagues' quick checks
    # ------------------------------------------------------------------

    def test_quick_checks_are_their_authors(self):
        bob_check = self.rpc(
            self.bob,
            "crm.vn.customer.check",
            "create",
            {"name": "Khách Tiềm Năng Của Bob", "mobile": "0911 222 333", "email": "tiemnang@example.vn"},
        )
        rows = self.rpc(self.alice, "crm.vn.customer.check", "search_read", [], fields=["name", "mobile", "email"])
        self.assertNotIn(bob_check, [row["id"] for row in rows])
        self.assertNoSecret(rows, {"Khách Tiềm Năng Của Bob", "0911 222 333", "tiemnang@example.vn"})
        self.assertRefused(self.rpc, self.alice, "crm.vn.customer.check", "read", [bob_check], ["name"])
        self.assertRefused(self.rpc, self.alice, "crm.vn.customer.check", "action_create", [bob_check])
        self.assertFalse(self.env["res.partner"].search([("name", "=", "Khách Tiềm Năng Của Bob")]))

    # ------------------------------------------------------------------
    # Found by reading the code
    # ------------------------------------------------------------------

    def test_former_owner_loses_the_customer_through_its_feedback(self):
        feedback = self.env["crm.vn.feedback"].create(
            {"name": "Khiếu nại", "partner_id": self.bob_customer.id, "priority": "1"}
        )
        closed = self.env["crm.vn.feedback"].create(
            {"name": "Cũ", "partner_id": self.bob_customer.id, "priority": "1", "state": "closed"}
        )
        self.assertEqual(feedback.user_id, self.bob)
        wizard = (
            self.env["crm.vn.customer.handover"]
            .with_user(self.manager)
            .create({"from_user_ids": [(6, 0, self.bob.ids)], "to_user_ids": [(6, 0, self.leader.ids)]})
        )
        wizard.action_confirm()
        self.assertEqual(feedback.user_id, self.leader, "open feedback follows the customer")
        self.assertEqual(closed.user_id, self.bob, "closed feedback keeps who handled it")
        rows = self.rpc(
            self.bob,
            "crm.vn.feedback",
            "search_read",
            [("partner_id", "=", self.bob_customer.id)],
            fields=["partner_phone", "partner_email", "partner_id"],
        )
        self.assertEqual([row["id"] for row in rows], [closed.id])
        self.assertEqual((rows[0]["partner_phone"], rows[0]["partner_email"]), (False, False))
        [row] = self.rpc(self.leader, "crm.vn.feedback", "read", [closed.id], ["partner_phone", "partner_email"])
        self.assertEqual((row["partner_phone"], row["partner_email"]), ("+84988777666", "bimat@example.vn"))

    def test_portal_customer_reads_only_the_public_side_of_feedback(self):
        feedback = self.env["crm.vn.feedback"].create(
            {
                "name": "Máy hỏng",
                "partner_id": self.bob_portal.id,
                "priority": "2",
                "resolution": "<p>Ghi chú nội bộ: khách khó tính</p>",
            }
        )
        feedback._escalate(manual=True)
        portal = self.bob_portal_user
        rows = self.rpc(portal, "crm.vn.feedback", "search_read", [], fields=[])
        self.assertEqual([row["id"] for row in rows], [feedback.id])
        for internal in ("resolution", "escalated_user_id", "escalation_level", "escalation_ids", "team_id"):
            self.assertNotIn(internal, rows[0])
        self.assertNotIn("khách khó tính", str(rows))
        for fname in ("resolution", "escalated_user_id", "sla_policy_id", "sla_result"):
            with self.subTest(field=fname):
                self.assertRefused(self.rpc, portal, "crm.vn.feedback", "read", [feedback.id], [fname])
        # the portal page shows the resolution once resolved
        feedback.action_resolve()
        self.authenticate(portal.login, self.password(portal))
        page = self.url_open(f"/my/feedback/{feedback.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn("khách khó tính", page.text)

    def test_private_meeting_attendees_stay_private(self):
        private = self.env["calendar.event"].create(
            {
                "name": "Gặp riêng",
                "user_id": self.bob.id,
                "privacy": "private",
                "start": "2026-12-11 02:00:00",
                "stop": "2026-12-11 03:00:00",
                "partner_ids": [(4, self.bob_customer.id), (4, self.bob.partner_id.id)],
            }
        )
        details = self.rpc(
            self.alice,
            "res.partner",
            "get_attendee_detail",
            [self.bob_customer.id, self.bob.partner_id.id],
            [private.id],
        )
        self.assertEqual(details, [])
        # attendees of a meeting Alice may see are listed by name
        details = self.rpc(self.alice, "res.partner", "get_attendee_detail", [self.bob_customer.id], [self.meeting.id])
        self.assertEqual([row["name"] for row in details], ["Khách Bí Mật Của Bob"])

    def test_printed_documents_show_only_the_name(self):
        """A quotation of Alice's from before a hand-over: printing it gives nothing of the customer Odoo's report
        reads as Alice; the contact widget of reports and pages, which reads the address, phones and email as
        superuser, shows only the customer's name."""
        order = self.env["sale.order"].create(
            {"partner_id": self.bob_customer.id, "user_id": self.alice.id, "client_order_ref": "BG-01"}
        )
        self.authenticate(self.alice.login, self.password(self.alice))
        page = self.url_open(f"/report/html/sale.report_saleorder/{order.id}")
        self.assertNoSecret(page.text, self.plain_secrets)
        Contact = self.env["ir.qweb.field.contact"]
        html = Contact.with_user(self.alice).value_to_html(self.bob_customer.with_user(self.alice), {})
        self.assertIn("Khách Bí Mật Của Bob", html)
        self.assertNoSecret(html, self.plain_secrets)
        html = Contact.with_user(self.manager).value_to_html(self.bob_customer.with_user(self.manager), {})
        self.assertIn("99 Phố Riêng Tư", html)
        self.assertIn("+84988777666", html)

    def test_attendee_rows_of_hidden_customers(self):
        """Odoo lets every employee read every attendee row (name, email, phone of the contact): a salesperson reads
        those of contacts they may read; the meeting still opens and lists its attendees by name."""
        rows = self.rpc(self.alice, "calendar.attendee", "search_read", [], fields=["email", "phone", "common_name"])
        self.assertNoSecret(rows)
        self.assertIn(
            self.alice.partner_id.id, self.env["calendar.attendee"].browse([r["id"] for r in rows]).partner_id.ids
        )
        spec = {
            "name": {},
            "partner_ids": {"fields": {"display_name": {}, "email": {}}},
            "attendees_count": {},
            "user_can_edit": {},
        }
        [row] = self.web(self.alice, "calendar.event", "web_read", [self.meeting.id], specification=spec)
        names = [partner["display_name"] for partner in row["partner_ids"]]
        self.assertIn("Khách Bí Mật Của Bob", names)
        self.assertNoSecret(row, self.plain_secrets)
        # the leader of Bob's team reads them
        rows = self.rpc(
            self.leader, "calendar.attendee", "search_read", [("event_id", "=", self.meeting.id)], fields=["email"]
        )
        self.assertIn("bimat@example.vn", [row["email"] for row in rows])

    def test_vendors_that_are_someones_customers_stay_owned(self):
        self.bob_customer.write({"supplier_rank": 1, "customer_rank": 1})
        self.assertRefused(self.rpc, self.alice, "res.partner", "read", [self.bob_customer.id], ["email"])
        pure_vendor = self.env["res.partner"].create(
            {"name": "Nhà Cung Cấp Giấy", "is_company": True, "supplier_rank": 1, "user_id": self.bob.id}
        )
        [row] = self.rpc(self.alice, "res.partner", "read", [pure_vendor.id], ["name"])
        self.assertEqual(row["name"], "Nhà Cung Cấp Giấy")
        self.assertRefused(self.rpc, self.alice, "res.partner", "write", [pure_vendor.id], {"name": "Đổi"})

    def test_identity_tick_does_not_travel_to_another_customer(self):
        request_id = self.rpc(
            self.alice,
            "crm.vn.data.request",
            "create",
            {"partner_id": self.alice_customer.id, "request_type": "access"},
        )
        self.rpc(self.alice, "crm.vn.data.request", "write", [request_id], {"identity_verified": True})
        self.rpc(
            self.alice,
            "crm.vn.data.request",
            "write",
            [request_id],
            {"partner_id": self.free_customer.id, "identity_verified": True},
        )
        request = self.env["crm.vn.data.request"].browse(request_id)
        self.assertEqual(request.partner_id, self.free_customer)
        self.assertFalse(request.identity_verified, "checked for the former customer, not this one")


@tagged("post_install", "-at_install", "crm_vn_security")
class TestIndirectPathsVariants(RpcCase):
    """Variants of the same families found by a second review: forms, ids in other shapes, defaults saved or given
    in the context, the rating link, former owners, Odoo's wizards and bank accounts."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plain_secrets = cls.secrets - {"Khách Bí Mật Của Bob", "Công ty Bí Mật", "Khách Cổng Bí Mật"}
        cls.alice_meeting = cls.env["calendar.event"].create(
            {
                "name": "Họp của Alice",
                "user_id": cls.alice.id,
                "start": "2026-12-12 02:00:00",
                "stop": "2026-12-12 03:00:00",
                "partner_ids": [(4, cls.alice.partner_id.id)],
            }
        )

    def test_new_forms_refuse_a_foreign_customer_however_given(self):
        bob_id = self.bob_customer.id
        spec = {"email_from": {}, "phone": {}, "street": {}, "city": {}}
        attempts = [
            ("crm.lead", {"name": "Lách", "partner_id": bob_id}, [], spec),
            ("crm.lead", {"name": "Lách", "partner_id": {"id": bob_id, "display_name": "x"}}, ["partner_id"], spec),
            ("crm.lead", {"name": "Lách", "partner_id": str(bob_id)}, ["partner_id"], spec),
            (
                "calendar.event",
                {"name": "Gặp", "attendee_ids": [[0, "v1", {"partner_id": bob_id}]]},
                ["attendee_ids"],
                {"attendee_ids": {"fields": {"email": {}, "phone": {}}}},
            ),
            (
                "calendar.event",
                {"name": "Gặp", "partner_ids": [[1, bob_id, {}]]},
                ["partner_ids"],
                {"partner_ids": {"fields": {"email": {}, "phone": {}, "contact_address_complete": {}}}},
            ),
        ]
        for model, values, names, fields_spec in attempts:
            with self.subTest(model=model, values=values):
                self.assertRefused(self.web, self.alice, model, "onchange", [], values, names, fields_spec)
        for default in (bob_id, {"id": bob_id}):
            with self.subTest(default=default):
                try:
                    result = self.web(
                        self.alice, "crm.lead", "onchange", [], {}, [], spec, context={"default_partner_id": default}
                    )
                except RpcError as error:
                    self.assertIn(error.name, self.CLEAN_ERRORS)
                else:
                    self.assertNoSecret(result, self.plain_secrets)
        # ids in other shapes, which PostgreSQL casts, on Odoo's own models
        for value in (str(bob_id), float(bob_id)):
            with self.subTest(value=value):
                self.assertRefused(self.rpc, self.alice, "crm.lead", "create", {"name": "Lách", "partner_id": value})
        # lines created with a record
        self.assertRefused(
            self.rpc,
            self.alice,
            "calendar.event",
            "write",
            self.alice_meeting.ids,
            {"attendee_ids": [(0, 0, {"partner_id": bob_id})]},
        )

    def test_rating_link_and_posted_ratings_are_the_customers(self):
        feedback = self.env["crm.vn.feedback"].create(
            {"name": "Cần đánh giá", "partner_id": self.alice_customer.id, "user_id": self.alice.id}
        )
        feedback.write({"resolution": "<p>Đã xử lý xong.</p>"})
        feedback.action_resolve()
        rating = self.env["rating.rating"].search([("res_model", "=", "crm.vn.feedback"), ("res_id", "=", feedback.id)])
        self.assertTrue(rating.access_token)
        self.assertRefused(self.rpc, self.alice, "rating.rating", "read", rating.ids, ["access_token"])
        rows = self.rpc(self.alice, "rating.rating", "search_read", [("id", "=", rating.id)], fields=[])
        self.assertNotIn(rating.access_token, str(rows))
        self.assertRefused(
            self.rpc, self.alice, "crm.vn.feedback", "message_post", feedback.ids, body="Tốt lắm", rating_value=5
        )
        self.assertFalse(feedback.rating_ids.filtered("consumed"))

    def test_defaults_do_not_set_what_the_workflow_or_a_manager_sets(self):
        lenient = self.env["crm.vn.feedback.sla"].create(
            {
                "name": "Dễ dãi",
                "feedback_type": "complaint",
                "priority": "3",
                "response_hours": 99,
                "resolution_hours": 999,
            }
        )
        context = {
            "default_sla_policy_id": lenient.id,
            "default_active": False,
            "default_escalation_level": 3,
            "default_state": "closed",
            "default_date_resolved": "2020-01-01 00:00:00",
        }
        feedback_id = self.rpc(
            self.alice,
            "crm.vn.feedback",
            "create",
            {"name": "Mặc định", "partner_id": self.alice_customer.id, "priority": "1"},
            context=context,
        )
        feedback = self.env["crm.vn.feedback"].with_context(active_test=False).browse(feedback_id)
        self.assertEqual(
            (feedback.state, feedback.active, feedback.escalation_level, feedback.date_resolved),
            ("new", True, 0, False),
        )
        self.assertNotEqual(feedback.sla_policy_id, lenient)
        # a default the user saves for themselves (ir.default) neither
        self.rpc(self.alice, "ir.default", "set", "crm.vn.feedback", "state", "closed", user_id=True)
        feedback_id = self.rpc(
            self.alice,
            "crm.vn.feedback",
            "create",
            {"name": "Mặc định 2", "partner_id": self.alice_customer.id, "priority": "1"},
        )
        self.assertEqual(self.env["crm.vn.feedback"].browse(feedback_id).state, "new")

    def test_assessment_fixed_once_received(self):
        feedback_id = self.rpc(
            self.alice,
            "crm.vn.feedback",
            "create",
            {"name": "Đánh giá", "partner_id": self.alice_customer.id, "priority": "2"},
        )
        self.rpc(self.alice, "crm.vn.feedback", "write", [feedback_id], {"priority": "1"})  # still New: triage
        self.rpc(self.alice, "crm.vn.feedback", "action_acknowledge", [feedback_id])
        for vals in ({"priority": "0"}, {"feedback_type": "praise"}):
            with self.subTest(vals=vals):
                self.assertRefused(self.rpc, self.alice, "crm.vn.feedback", "write", [feedback_id], vals)
        self.rpc(self.alice, "crm.vn.feedback", "write", [feedback_id], {"priority": "3"})  # more urgent: anyone
        feedback = self.env["crm.vn.feedback"].browse(feedback_id)
        self.assertEqual((feedback.priority, feedback.feedback_type), ("3", "complaint"))
        self.rpc(self.manager, "crm.vn.feedback", "write", [feedback_id], {"priority": "1"})
        self.assertEqual(feedback.priority, "1")

    def test_former_owner_stops_following(self):
        won_stage = self.env["crm.stage"].search([("is_won", "=", True)], limit=1)
        won = self.env["crm.lead"].create(
            {"name": "Đã chốt", "partner_id": self.bob_customer.id, "user_id": self.bob.id, "stage_id": won_stage.id}
        )
        feedback = self.env["crm.vn.feedback"].create({"name": "Mở", "partner_id": self.bob_customer.id})
        for record in (self.bob_customer, won, feedback):
            record.message_subscribe(partner_ids=self.bob.partner_id.ids)
        self.env.flush_all()  # as stored before the hand-over (the feedback's assignee is computed)
        wizard = (
            self.env["crm.vn.customer.handover"]
            .with_user(self.manager)
            .create({"from_user_ids": [(6, 0, self.bob.ids)], "to_user_ids": [(6, 0, self.alice.ids)]})
        )
        wizard.action_confirm()
        self.assertEqual(won.user_id, self.alice, "won leads follow the customer too")
        for record in (self.bob_customer, won, feedback):
            record.invalidate_recordset()
            with self.subTest(record=record._name):
                self.assertNotIn(self.bob.partner_id, record.message_partner_ids)
        rows = self.rpc(self.bob, "crm.lead", "search_read", [("id", "=", won.id)], fields=["email_from", "phone"])
        self.assertEqual(rows, [])

    def test_refuse_policy_on_several_customers_at_once(self):
        self.env.company.crm_vn_duplicate_policy = "block"
        second = self.env["res.partner"].create({"name": "Khách Thứ Hai", "user_id": self.alice.id})
        self.assertRefused(
            self.rpc,
            self.alice,
            "res.partner",
            "write",
            [self.alice_customer.id, second.id],
            {"name": "Khách Bí Mật Của Bob", "mobile": "0988 777 666"},
            secrets=self.plain_secrets,
        )
        self.assertFalse(second.mobile)

    def test_new_customer_without_owner_is_still_the_creators(self):
        partner_id = self.rpc(self.alice, "res.partner", "create", {"name": "Không Chủ", "user_id": False})
        self.assertEqual(self.env["res.partner"].browse(partner_id).user_id, self.alice)
        company = self.env["res.partner"].create({"name": "Công ty Chung", "is_company": True})
        contact_id = self.rpc(self.alice, "res.partner", "create", {"name": "Người Liên Hệ", "parent_id": company.id})
        self.assertFalse(self.env["res.partner"].browse(contact_id).user_id, "like its company: everyone's")

    def test_odoo_wizards_and_bank_accounts(self):
        bob_sms = (
            self.env["sms.composer"]
            .with_user(self.bob)
            .create(
                {
                    "composition_mode": "comment",
                    "res_model": "res.partner",
                    "res_id": self.bob_customer.id,
                    "body": "Chào anh",
                }
            )
        )
        rows = self.rpc(self.alice, "sms.composer", "search_read", [], fields=["recipient_single_number_itf", "body"])
        self.assertNotIn(bob_sms.id, [row["id"] for row in rows])
        self.assertNoSecret(rows)
        for model, vals in (
            (
                "sms.composer",
                {"composition_mode": "comment", "res_model": "res.partner", "res_id": self.bob_customer.id},
            ),
            (
                "mail.compose.message",
                {
                    "model": "res.partner",
                    "res_ids": [self.bob_customer.id],
                    "body": "Chào",
                    "composition_mode": "mass_mail",
                },
            ),
        ):
            with self.subTest(model=model):
                self.assertRefused(self.rpc, self.alice, model, "create", vals)
        bank = self.env["res.partner.bank"].create({"acc_number": "0011223344", "partner_id": self.bob_customer.id})
        rows = self.rpc(self.alice, "res.partner.bank", "search_read", [], fields=["acc_number"])
        self.assertNotIn(bank.id, [row["id"] for row in rows])
        self.assertRefused(self.rpc, self.alice, "res.partner.bank", "read", bank.ids, ["acc_number"])
        [row] = self.rpc(self.leader, "res.partner.bank", "read", bank.ids, ["acc_number"])
        self.assertEqual(row["acc_number"], "0011223344")

    def test_attendee_rows_of_others_are_not_changed(self):
        bob_meeting = self.env["calendar.event"].create(
            {
                "name": "Họp của Bob",
                "user_id": self.bob.id,
                "start": "2026-12-13 02:00:00",
                "stop": "2026-12-13 03:00:00",
                "partner_ids": [(4, self.bob_customer.id), (4, self.bob.partner_id.id)],
            }
        )
        row = bob_meeting.attendee_ids.filtered(lambda a: a.partner_id == self.bob_customer)
        self.assertRefused(self.rpc, self.alice, "calendar.attendee", "write", row.ids, {"state": "declined"})
        self.assertRefused(self.rpc, self.alice, "calendar.attendee", "unlink", row.ids)
        self.assertEqual(row.state, "needsAction")
        # her own attendance, on the same meeting, is hers to answer
        bob_meeting.partner_ids |= self.alice.partner_id
        mine = bob_meeting.attendee_ids.filtered(lambda a: a.partner_id == self.alice.partner_id)
        self.rpc(self.alice, "calendar.attendee", "write", mine.ids, {"state": "accepted"})
        self.assertEqual(mine.state, "accepted")
