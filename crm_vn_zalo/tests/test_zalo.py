"""The connector against a stand-in of Zalo's APIs (tests/zalo_stand_in.py) on 127.0.0.1: templates, sending,
consent, errors and retries, tokens, the webhook and ownership."""

import json
import time
from datetime import timedelta
from unittest.mock import patch

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, HttpCase, TransactionCase, freeze_time, new_test_user, tagged

from odoo.addons.crm_vn_base.tests.common import slow

from ..tools.zalo import webhook_mac
from .zalo_stand_in import ZaloStandIn

VN_MORNING = "2026-12-03 03:00:00"  # 10:00 in Vietnam, within the marketing hours


class ZaloCommon(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.zalo = ZaloStandIn()
        cls.zalo.__enter__()
        cls.addClassCleanup(cls.zalo.__exit__, None, None, None)
        z = cls.zalo
        z.add_template(
            101, "Xác nhận tiếp nhận phản hồi", params=[("customer_name", "STRING", 30), ("feedback_ref", "STRING", 30)]
        )
        z.add_template(102, "Cảm ơn khách hàng", tag="CUSTOMER_CARE", params=[("customer_name", "STRING", 30)])
        z.add_template(103, "Ưu đãi tháng 12", tag="PROMOTION", params=[("customer_name", "STRING", 30)])
        z.add_template(104, "Mẫu chờ duyệt", status="PENDING_REVIEW", params=[("customer_name", "STRING", 30)])
        cls.env.company.country_id = cls.env.ref("base.vn")
        cls.account = cls.env["crm.vn.zalo.account"].create(
            z.account_values(name="OA Sao Việt", oa_id="579745863508352884", oa_secret_key="oa-secret")
        )
        cls.account.action_sync_templates()
        Template = cls.env["crm.vn.zalo.template"]
        cls.t_ack, cls.t_care, cls.t_promo, cls.t_pending = (
            Template.search([("zalo_template_id", "=", str(i))]) for i in (101, 102, 103, 104)
        )
        partner_model = cls.env["ir.model"]._get("res.partner")
        for template in cls.t_care | cls.t_promo | cls.t_pending:
            template.model_id = partner_model
            template.param_ids.field_path = "name"
        cls.t_ack.model_id = cls.env["ir.model"]._get("crm.vn.feedback")
        cls.t_ack.param_ids.filtered(lambda p: p.name == "customer_name").field_path = "partner_id.name"
        cls.t_ack.param_ids.filtered(lambda p: p.name == "feedback_ref").field_path = "reference"
        cls.seller = new_test_user(cls.env, "zalo_seller", groups="sales_team.group_sale_salesman", name="Lan Zalo")
        cls.colleague = new_test_user(cls.env, "zalo_colleague", groups="sales_team.group_sale_salesman")
        Partner = cls.env["res.partner"].with_context(crm_vn_skip_duplicate_check=True)
        cls.customer = Partner.create(
            {"name": "Nguyễn Thu Hà", "mobile": "0912 345 678", "user_id": cls.seller.id, "lifecycle_stage": "customer"}
        )
        cls.theirs = Partner.create(
            {
                "name": "Trần Văn Bình",
                "mobile": "0987 654 321",
                "user_id": cls.colleague.id,
                "lifecycle_stage": "customer",
            }
        )

    def setUp(self):
        super().setUp()
        self.zalo.reset()
        self.addCleanup(self.zalo.templates["101"].update, dict(self.zalo.templates["101"]))

    def _send_queue(self):
        with patch.object(fields.Datetime, "now", return_value=fields.Datetime.from_string(VN_MORNING)):
            self.env["crm.vn.zalo.message"]._cron_send()

    def _compose(self, template, records, user=None):
        composer = (
            self.env["crm.vn.zalo.composer"]
            .with_user(user or self.seller)
            .with_context(active_model=records._name, active_ids=records.ids)
            .create({"template_id": template.id})
        )
        return composer, composer.action_send()


@tagged("post_install", "-at_install", "crm_vn_zalo")
class TestZaloSending(ZaloCommon):
    def test_templates_synced_with_parameters(self):
        self.assertEqual(self.t_ack.name, "Xác nhận tiếp nhận phản hồi")
        self.assertEqual(
            (self.t_promo.tag, self.t_care.tag, self.t_pending.status), ("promotion", "customer_care", "PENDING_REVIEW")
        )
        self.assertEqual(
            sorted(self.t_ack.param_ids.mapped(lambda p: (p.name, p.param_type, p.max_length))),
            [("customer_name", "STRING", 30), ("feedback_ref", "STRING", 30)],
        )
        # a second sync keeps what the company mapped
        self.zalo.templates["101"]["templateName"] = "Xác nhận phản hồi (v2)"
        self.account.action_sync_templates()
        self.assertEqual(self.t_ack.name, "Xác nhận phản hồi (v2)")
        self.assertEqual(self.t_ack.param_ids.filtered(lambda p: p.name == "feedback_ref").field_path, "reference")

    def test_send_from_a_customer_is_queued_then_sent(self):
        _composer, result = self._compose(self.t_care, self.customer)
        self.assertEqual(result["params"]["type"], "success")
        message = self.env["crm.vn.zalo.message"].search([("partner_id", "=", self.customer.id)])
        self.assertEqual((message.state, message.phone), ("queued", "84912345678"))
        self.assertFalse(self.zalo.sends, "nothing goes to Zalo during the user's request")
        self._send_queue()
        self.assertEqual(len(self.zalo.sends), 1)
        sent = self.zalo.sends[0]
        self.assertEqual(
            (sent["phone"], sent["template_id"], sent["template_data"], sent["tracking_id"]),
            ("84912345678", "102", {"customer_name": "Nguyễn Thu Hà"}, message.tracking_id),
        )
        self.assertEqual((message.state, message.zalo_msg_id), ("sent", sent["msg_id"]))
        self.assertIn("Cảm ơn khách hàng", self.customer.message_ids[0].body)
        self._send_queue()
        self.assertEqual(len(self.zalo.sends), 1, "never sent twice")

    def test_preview_per_record(self):
        other = self.customer.copy({"name": "Lê Văn Một Tên Rất Dài Không Vừa Mẫu Tin", "mobile": "0903 111 222"})
        composer = (
            self.env["crm.vn.zalo.composer"]
            .with_user(self.seller)
            .with_context(active_model="res.partner", active_ids=(self.customer | other).ids)
            .create({"template_id": self.t_care.id})
        )
        self.assertIn("<td>Nguyễn Thu Hà</td><td>Nguyễn Thu Hà</td>", composer.preview)
        self.assertIn("table-danger", composer.preview)
        self.assertIn("Lê Văn Một Tên Rất Dài Không Vừa Mẫu Tin", composer.preview)

    def test_parameters_checked_before_anything_is_queued(self):
        self.customer.name = "Nguyễn Thị Thu Hà Phương Anh Ngọc Diệp"  # 36 characters: over the template's 30
        with self.assertRaises(ValidationError) as error:
            self._compose(self.t_care, self.customer)
        self.assertIn("customer_name", str(error.exception))
        self.assertIn("Nguyễn Thị Thu Hà Phương Anh Ngọc Diệp", str(error.exception))
        self.assertFalse(self.env["crm.vn.zalo.message"].search([("partner_id", "=", self.customer.id)]))

    def test_promotion_needs_consent(self):
        # composed in the sending hours (at night a promotion waits for the morning): whatever the time the test runs
        with freeze_time(f"{fields.Date.today()} 03:00:00"):  # 10:00 in Vietnam today
            self._test_promotion_needs_consent()

    def _test_promotion_needs_consent(self):
        _composer, result = self._compose(self.t_promo, self.customer)
        self.assertEqual(result["params"]["type"], "warning")
        message = self.env["crm.vn.zalo.message"].search([("partner_id", "=", self.customer.id)])
        self.assertEqual((message.state, message.failure_code), ("skipped", "no_consent"))
        self.env["crm.vn.consent"].create(
            {
                "partner_id": self.customer.id,
                "purpose": "marketing",
                "channel": "zalo",
                "state": "given",
                "method": "form",
            }
        )
        self._compose(self.t_promo, self.customer)
        self._send_queue()
        self.assertEqual([s["template_id"] for s in self.zalo.sends], ["103"])
        log = self.env["crm.vn.marketing.log"].search([("partner_id", "=", self.customer.id)])
        self.assertEqual((log.channel, log.recipient), ("zalo", "+84912345678"))
        # on the Do-Not-Call list: refused even with the consent
        self.customer.vn_do_not_call = True
        self._compose(self.t_promo, self.customer)
        self.assertEqual(
            self.env["crm.vn.zalo.message"].search([("partner_id", "=", self.customer.id)], limit=1).state, "skipped"
        )

    def test_a_salesperson_sends_only_to_customers_they_may_read(self):
        with self.assertRaises(AccessError):
            self._compose(self.t_care, self.theirs)
        self.assertFalse(self.env["crm.vn.zalo.message"].search([("partner_id", "=", self.theirs.id)]))

    def test_errors_and_retries(self):
        self.zalo.next_error = [(-32, "Request exceeded rate limit"), (-108, "Phone number is invalid")]
        self._compose(self.t_care, self.customer)
        message = self.env["crm.vn.zalo.message"].search([("partner_id", "=", self.customer.id)])
        self._send_queue()
        self.assertEqual((message.state, message.attempt_count, message.failure_code), ("queued", 1, "-32"))
        self.assertGreater(message.next_try_at, fields.Datetime.from_string(VN_MORNING))
        self._send_queue()
        self.assertEqual(message.attempt_count, 1, "not before its next try")
        message.next_try_at = False
        self._send_queue()
        self.assertEqual((message.state, message.failure_reason), ("failed", "Invalid phone number."))

    def test_quota_and_unapproved_templates(self):
        self.zalo.next_error = [(-115, "Out of quota")]
        self._compose(self.t_care, self.customer)
        self._send_queue()
        message = self.env["crm.vn.zalo.message"].search([("partner_id", "=", self.customer.id)])
        self.assertEqual(
            (message.state, message.failure_reason), ("failed", "The Official Account's ZNS quota is used up.")
        )
        with self.assertRaises(UserError):
            self._compose(self.t_pending, self.customer)
        self.assertEqual(len(self.env["crm.vn.zalo.message"].search([("partner_id", "=", self.customer.id)])), 1)

    def test_secrets_are_for_administrators_and_not_exported(self):
        fields_ = self.env["crm.vn.zalo.account"].with_user(self.seller).fields_get()
        self.assertNotIn("access_token", fields_)
        exportable = self.env["crm.vn.zalo.account"]._fields
        self.assertFalse(
            any(exportable[f].exportable for f in ("app_secret", "oa_secret_key", "access_token", "refresh_token"))
        )

    def test_expired_token_refreshed_once(self):
        self.zalo.token_expired = True
        self._compose(self.t_care, self.customer | self.customer.copy({"mobile": "0903 111 222"}))
        self._send_queue()
        self.assertEqual(self.zalo.refreshes, 1)
        self.assertEqual(len(self.zalo.sends), 2)
        self.assertEqual(self.account.sudo().refresh_token, self.zalo.refresh_token, "the new refresh token is kept")

    def test_acknowledgement_by_zns_for_customers_who_prefer_zalo(self):
        self.account.feedback_ack_template_id = self.t_ack
        self.customer.preferred_channel = "zalo"
        self.customer.email = "ha@example.vn"
        feedback = (
            self.env["crm.vn.feedback"]
            .with_user(self.seller)
            .create(
                {"name": "Máy kêu to", "partner_id": self.customer.id, "feedback_type": "complaint", "channel": "call"}
            )
        )
        self._send_queue()
        self.assertEqual(
            self.zalo.sends[-1]["template_data"], {"customer_name": "Nguyễn Thu Hà", "feedback_ref": feedback.reference}
        )
        ack_mails = self.env["mail.mail"].search([("model", "=", "crm.vn.feedback"), ("res_id", "=", feedback.id)])
        self.assertFalse(ack_mails, "no email as well")

    def test_rating_request_by_zns_carries_the_rating_token(self):
        self.zalo.add_template(105, "Mời đánh giá", tag="CUSTOMER_CARE", params=[("token", "STRING", 200)])
        self.account.action_sync_templates()
        template = self.env["crm.vn.zalo.template"].search([("zalo_template_id", "=", "105")])
        template.model_id = self.env["ir.model"]._get("crm.vn.feedback")
        template.param_ids.field_path = "crm_vn_rating_token"
        self.account.feedback_rating_template_id = template
        self.customer.write({"preferred_channel": "zalo", "email": "ha@example.vn"})
        feedback = (
            self.env["crm.vn.feedback"]
            .with_user(self.seller)
            .create({"name": "Giao hàng trễ", "partner_id": self.customer.id, "feedback_type": "complaint"})
        )
        feedback.with_user(self.seller).write({"resolution": "<p>Đã xử lý xong.</p>"})
        feedback.with_user(self.seller).action_resolve()
        self._send_queue()
        token = self.zalo.sends[-1]["template_data"]["token"]
        rating = self.env["rating.rating"].search([("access_token", "=", token)])
        self.assertEqual((rating.res_id, rating.partner_id), (feedback.id, self.customer))
        # the link of the template's button rates the feedback
        self.assertEqual(self.url_open(f"/rate/{token}/5").status_code, 200)
        self.assertEqual(rating.rating, 5)

    def test_birthday_greetings_once_a_day(self):
        """Greeted on their birthday in Vietnam, whatever the hour in UTC and the job user's time zone (OdooBot's is
        Europe/Brussels), and once: a run later the same Vietnamese day (the job's own hour, 08:30, after a run at
        06:30, which was still yesterday in UTC) sends nothing."""
        self.zalo.add_template(
            106, "Chúc mừng sinh nhật", tag="CUSTOMER_CARE", params=[("customer_name", "STRING", 30)]
        )
        self.account.action_sync_templates()
        template = self.env["crm.vn.zalo.template"].search([("zalo_template_id", "=", "106")])
        template.model_id = self.env["ir.model"]._get("res.partner")
        template.param_ids.field_path = "name"
        self.account.birthday_template_id = template
        self.customer.birthdate_date = "1990-12-05"
        self.theirs.birthdate_date = "1985-12-04"
        cron = self.env.ref("crm_vn_zalo.ir_cron_crm_vn_zalo_birthday")
        Message = self.env["crm.vn.zalo.message"]
        runs = (
            ("2026-12-04 16:30:00", 1, self.theirs),  # 23:30 on 4 December in Vietnam
            ("2026-12-04 23:30:00", 2, self.customer),  # 06:30 on 5 December in Vietnam, run twice
            ("2026-12-05 01:30:00", 1, self.env["res.partner"]),  # 08:30 on 5 December: already greeted
        )
        for moment, times, expected in runs:
            with self.subTest(moment=moment), freeze_time(moment):
                before = Message.search([("template_id", "=", template.id)])
                for _run in range(times):
                    cron.method_direct_trigger()
                new = Message.search([("template_id", "=", template.id)]) - before
                self.assertEqual(new.partner_id, expected)
                self.assertEqual(len(new), len(expected))
                self.assertEqual([message.params for message in new], [{"customer_name": p.name} for p in expected])
                # created at that moment (PostgreSQL's clock is not frozen)
                self.env.flush_all()
                self.env.cr.execute(
                    "UPDATE crm_vn_zalo_message SET create_date = %s WHERE id = ANY(%s)", [moment, new.ids]
                )
                new.invalidate_recordset(["create_date"])

    def test_zalo_links_are_written_by_zalo_only(self):
        with self.assertRaises(AccessError):
            self.customer.with_user(self.seller).write({"zalo_user_id": "1234"})

    def test_salesperson_sees_own_customers_messages_over_jsonrpc(self):
        self._compose(self.t_care, self.customer)
        self._compose(self.t_care, self.theirs, user=self.colleague)
        self.authenticate("zalo_seller", "zalo_seller")
        result = self.make_jsonrpc_request(
            "/web/dataset/call_kw",
            {"model": "crm.vn.zalo.message", "method": "search_read", "args": [[], ["partner_id"]], "kwargs": {}},
        )
        self.assertEqual({row["partner_id"][0] for row in result}, {self.customer.id})


@tagged("post_install", "-at_install", "crm_vn_zalo")
class TestZaloWebhook(ZaloCommon):
    def _post(self, payload, secret="oa-secret", signature=None):
        body = json.dumps(payload).encode()
        signature = signature or webhook_mac(payload["app_id"], body, payload["timestamp"], secret)
        return self.url_open(
            "/crm_vn_zalo/webhook",
            data=body,
            headers={"Content-Type": "application/json", "X-ZEvent-Signature": signature},
        )

    def _text(self, user_id, text, msg_id):
        return {
            "app_id": self.zalo.app_id,
            "user_id_by_app": "552177279717587730",
            "event_name": "user_send_text",
            "timestamp": str(int(time.time() * 1000)),
            "sender": {"id": user_id},
            "recipient": {"id": self.account.oa_id},
            "message": {"text": text, "msg_id": msg_id},
        }

    def test_wrong_signature_refused(self):
        with self.assertLogs("odoo.addons.crm_vn_zalo.controllers.main", "WARNING") as logs:
            response = self._post(self._text("u1", "Xin chào", "m1"), secret="not-the-secret")
        self.assertEqual(response.status_code, 401)
        self.assertNotIn("Xin chào", "".join(logs.output), "the body is not logged")
        response = self._post(self._text("u1", "Xin chào", "m1"), signature="mac=" + "0" * 64)
        self.assertEqual(response.status_code, 401)
        self.assertFalse(self.env["crm.vn.zalo.event"].search([]))

    def _link(self, partner, user_id):
        """``partner`` linked to the Zalo user ``user_id`` of the account, as Zalo's events (or a link) leave it; the
        user follows the Official Account."""
        self.zalo.users[user_id] = {"user_id": user_id, "display_name": partner.name, "shared_info": {}}
        partner.sudo().write({"zalo_user_id": user_id, "zalo_account_id": self.account.id})

    def test_message_lands_once_in_the_customers_chatter(self):
        self._link(self.customer, "u-ha")
        payload = self._text("u-ha", "Máy lọc nước nhà em bị rò nước", "msg-001")
        for _resend in range(3):
            self.assertEqual(self._post(payload).status_code, 200)
        self.env["crm.vn.zalo.event"]._cron_process()
        posted = self.customer.message_ids.filtered(lambda m: "rò nước" in (m.body or ""))
        self.assertEqual(len(posted), 1)
        self.assertEqual(posted.author_id, self.customer)
        self.assertEqual(self.env["crm.vn.zalo.event"].search([]).company_id, self.account.company_id)

    def test_shared_phone_goes_to_the_owner_who_links_after_checking(self):
        """The phone a Zalo user shares (which they can set to anyone's number) never links them to the customer by
        itself: a new contact goes to that customer's salesperson, who links them through the form's button."""
        self.zalo.users["u-ha"] = {
            "user_id": "u-ha",
            "display_name": "Thu Hà",
            "shared_info": {"phone": "84912345678", "name": "Nguyễn Thu Hà"},
        }
        self._post(self._text("u-ha", "Máy lọc nước nhà em bị rò nước", "msg-001"))
        self.env["crm.vn.zalo.event"]._cron_process()
        self.assertFalse(self.customer.zalo_user_id, "not linked on the phone's word")
        contact = self.env["res.partner"].search([("zalo_user_id", "=", "u-ha")])
        self.assertEqual(
            (contact.zalo_unverified, contact.zalo_candidate_partner_id, contact.user_id, contact.mobile),
            (True, self.customer, self.seller, "+84912345678"),
        )
        self.assertTrue(contact.message_ids.filtered(lambda m: "rò nước" in (m.body or "")))
        # the colleague cannot press the button for a contact they may not change
        self.authenticate("zalo_colleague", "zalo_colleague")
        with self.assertRaises(Exception) as refused:
            self.make_jsonrpc_request(
                "/web/dataset/call_button",
                {"model": "res.partner", "method": "action_zalo_link_candidate", "args": [contact.ids], "kwargs": {}},
            )
        self.assertIn("AccessError", str(refused.exception))
        self.authenticate("zalo_seller", "zalo_seller")
        action = self.make_jsonrpc_request(
            "/web/dataset/call_button",
            {"model": "res.partner", "method": "action_zalo_link_candidate", "args": [contact.ids], "kwargs": {}},
        )
        self.assertEqual(action["res_id"], self.customer.id)
        self.assertEqual((self.customer.zalo_user_id, self.customer.zalo_account_id), ("u-ha", self.account))
        self.assertFalse(contact.active)
        self.assertTrue(self.customer.message_ids.filtered(lambda m: "rò nước" in (m.body or "")))
        # the next message lands on the customer
        self._post(self._text("u-ha", "Em gửi thêm ảnh", "msg-002"))
        self.env["crm.vn.zalo.event"]._cron_process()
        self.assertTrue(self.customer.message_ids.filtered(lambda m: "thêm ảnh" in (m.body or "")))

    def test_shared_phone_of_several_or_archived_customers_names_nobody(self):
        twin = self.theirs.copy({"name": "Trần Văn Bình (2)", "mobile": "0987 654 321"})
        archived = self.customer.copy({"name": "Khách cũ", "mobile": "0903 000 111", "active": False})
        self.assertTrue(twin and archived)
        self.zalo.users["u-twin"] = {"user_id": "u-twin", "shared_info": {"phone": "84987654321"}}
        self.zalo.users["u-old"] = {"user_id": "u-old", "shared_info": {"phone": "84903000111"}}
        self._post(self._text("u-twin", "Alo", "msg-010"))
        self._post(self._text("u-old", "Alo", "msg-011"))
        self.env["crm.vn.zalo.event"]._cron_process()
        for user_id in ("u-twin", "u-old"):
            contact = self.env["res.partner"].search([("zalo_user_id", "=", user_id)])
            with self.subTest(user_id=user_id):
                self.assertEqual(len(contact), 1)
                self.assertFalse(contact.zalo_candidate_partner_id, "nobody guessed")
                self.assertFalse(contact.user_id)
                self.assertFalse(
                    contact.message_ids.filtered(
                        lambda m: "Trần Văn Bình" in (m.body or "") or "Khách cũ" in (m.body or "")
                    )
                )

    def test_unknown_user_becomes_an_unverified_contact(self):
        self._post(self._text("u-new", "0987 654 321 là số của tôi", "msg-002"))
        self.env["crm.vn.zalo.event"]._cron_process()
        contact = self.env["res.partner"].search([("zalo_user_id", "=", "u-new")])
        self.assertTrue(contact.zalo_unverified)
        self.assertEqual(contact.lifecycle_stage, "prospect", "in the customer lists, unassigned")
        self.assertNotEqual(contact, self.theirs, "never guessed from what was written")
        self.assertFalse(self.theirs.zalo_user_id)

    def test_delivery_and_follow_events(self):
        self._compose(self.t_care, self.customer)
        self._send_queue()
        message = self.env["crm.vn.zalo.message"].search([("partner_id", "=", self.customer.id)])
        now = str(int(time.time() * 1000))
        self._post(
            {
                "app_id": self.zalo.app_id,
                "event_name": "user_received_message",
                "timestamp": now,
                "sender": {"id": self.account.oa_id},
                "recipient": {"id": "u-ha"},
                "message": {"msg_id": message.zalo_msg_id, "delivery_time": now},
            }
        )
        self.env["crm.vn.zalo.event"]._cron_process()
        self.assertEqual(message.state, "delivered")
        self._link(self.customer, "u-ha")
        self._post(
            {
                "app_id": self.zalo.app_id,
                "event_name": "unfollow",
                "timestamp": now,
                "oa_id": self.account.oa_id,
                "follower": {"id": "u-ha"},
                "source": "oa_profile",
            }
        )
        self.env["crm.vn.zalo.event"]._cron_process()
        self.assertEqual(self.customer.zalo_status, "unfollowed")

    def test_reply_within_the_window_only(self):
        self._link(self.customer, "u-ha")
        self._post(self._text("u-ha", "Cho em hỏi giá lõi lọc", "msg-003"))
        self.env["crm.vn.zalo.event"]._cron_process()
        reply = (
            self.env["crm.vn.zalo.reply"]
            .with_user(self.seller)
            .create({"partner_id": self.customer.id, "body": "Dạ, bộ lõi lọc giá 900.000 đ ạ."})
        )
        reply.action_send()
        self._send_queue()
        self.assertEqual(self.zalo.oa_messages[-1]["message"]["text"], "Dạ, bộ lõi lọc giá 900.000 đ ạ.")
        self.customer.sudo().zalo_last_message_at = fields.Datetime.now() - timedelta(days=8)
        with self.assertRaises(Exception) as error:
            self.env["crm.vn.zalo.reply"].with_user(self.seller).create(
                {"partner_id": self.customer.id, "body": "Anh chị còn cần không ạ?"}
            ).action_send()
        self.assertIn("7 days", str(error.exception))

    def test_salesperson_follows_the_conversation_and_can_open_a_feedback(self):
        self._link(self.customer, "u-ha")
        self._post(self._text("u-ha", "Máy lọc nước không ra nước, nhờ bên mình kiểm tra giúp", "msg-004"))
        self.env["crm.vn.zalo.event"]._cron_process()
        self.assertIn(self.seller.partner_id, self.customer.message_partner_ids, "the owner follows: Discuss inbox")
        action = self.customer.with_user(self.seller).action_zalo_to_feedback()
        self.assertEqual((action["res_model"], action["target"]), ("crm.vn.zalo.feedback", "new"))
        count = self.env["crm.vn.feedback"].search_count([])
        with Form(self.env[action["res_model"]].with_user(self.seller).with_context(**action["context"])) as dialog:
            self.assertIn("không ra nước", dialog.message)
            dialog.feedback_type = "complaint"
        wizard = dialog.save()
        self.assertEqual(self.env["crm.vn.feedback"].search_count([]), count, "nothing filed before confirming")
        opened = wizard.action_create_feedback()
        feedback = self.env["crm.vn.feedback"].browse(opened["res_id"])
        self.assertEqual((feedback.channel, feedback.partner_id), ("zalo", self.customer))
        self.assertIn("không ra nước", feedback.name)
        # the next message of the customer is added to the open feedback
        self._post(self._text("u-ha", "Em gửi thêm ảnh ạ", "msg-005"))
        self.env["crm.vn.zalo.event"]._cron_process()
        self.assertTrue(feedback.message_ids.filtered(lambda m: "gửi thêm ảnh" in (m.body or "")))

    def test_personal_data_export_and_anonymisation(self):
        self._link(self.customer, "u-ha")
        self._post(self._text("u-ha", "Địa chỉ nhà em là 12 Hàng Bạc", "msg-006"))
        self.env["crm.vn.zalo.event"]._cron_process()
        self._compose(self.t_care, self.customer)
        self._send_queue()
        data = self.customer._crm_vn_personal_data()
        self.assertEqual(len(data["zalo_messages"]), 1)
        self.assertIn("12 Hàng Bạc", json.dumps(data["zalo_events"], ensure_ascii=False))
        message = self.env["crm.vn.zalo.message"].search([("partner_id", "=", self.customer.id)])
        self.customer._crm_vn_anonymize()
        self.assertFalse(self.customer.zalo_user_id)
        self.assertFalse(self.env["crm.vn.zalo.event"].search([("partner_id", "=", self.customer.id)]))
        self.assertEqual((message.state, message.phone, message.params), ("sent", False, False))


@slow
@tagged("post_install", "-at_install", "crm_vn_zalo")
class TestZaloMobileTour(ZaloCommon):
    browser_size = "375x667"
    touch_enabled = True

    def test_send_zalo_from_a_customer_on_a_phone(self):
        self.env["res.lang"]._activate_lang("vi_VN")
        self.seller.lang = "vi_VN"
        self.start_tour("/odoo", "crm_vn_zalo_mobile_send", login="zalo_seller")
        message = self.env["crm.vn.zalo.message"].search([("partner_id", "=", self.customer.id)])
        self.assertEqual(
            (message.template_id, message.state, message.params),
            (self.t_care, "queued", {"customer_name": "Nguyễn Thu Hà"}),
        )
        self.assertEqual(message.user_id, self.seller)

    def test_feedback_from_a_zalo_message_on_a_phone(self):
        self.env["res.lang"]._activate_lang("vi_VN")
        self.seller.lang = "vi_VN"
        self.env["res.partner"].create(
            {"name": "Lê Văn Chưa Nhắn", "mobile": "0903 555 666", "user_id": self.seller.id}
        )
        self.zalo.users["u-ha"] = {"user_id": "u-ha", "display_name": "Hà", "shared_info": {}}
        self.customer.sudo().write({"zalo_user_id": "u-ha", "zalo_account_id": self.account.id})
        payload = {
            "app_id": self.zalo.app_id,
            "event_name": "user_send_text",
            "timestamp": str(int(time.time() * 1000)),
            "sender": {"id": "u-ha"},
            "recipient": {"id": self.account.oa_id},
            "message": {"text": "Máy lọc nước không ra nước", "msg_id": "m-tour"},
        }
        body = json.dumps(payload).encode()
        self.url_open(
            "/crm_vn_zalo/webhook",
            data=body,
            headers={"X-ZEvent-Signature": webhook_mac(self.zalo.app_id, body, payload["timestamp"], "oa-secret")},
        )
        self.env["crm.vn.zalo.event"]._cron_process()
        before = self.env["crm.vn.feedback"].search([("partner_id", "=", self.customer.id)])
        self.start_tour("/odoo", "crm_vn_zalo_mobile_feedback_from_message", login="zalo_seller")
        filed = self.env["crm.vn.feedback"].search([("partner_id", "=", self.customer.id)]) - before
        self.assertEqual(len(filed), 1, "one feedback: the one confirmed, none from the dialog closed")
        self.assertEqual((filed.channel, filed.user_id), ("zalo", self.seller))


@tagged("post_install", "-at_install", "crm_vn_zalo")
class TestZaloWithoutOfficialAccount(TransactionCase):
    """A company that has not connected a Zalo Official Account: nothing Zalo is offered, and what is reached anyway
    says what is missing and who sets it up."""

    ACTIONS = (
        "crm_vn_zalo.crm_vn_zalo_composer_action_partner",
        "crm_vn_zalo.crm_vn_zalo_composer_action_feedback",
        "crm_vn_zalo.crm_vn_zalo_reply_action",
    )

    def test_actions_offered_only_with_an_official_account(self):
        self.env["crm.vn.zalo.account"].with_context(active_test=False).search([]).unlink()
        seller = new_test_user(self.env, "zalo_no_oa", groups="sales_team.group_sale_salesman")
        customer = self.env["res.partner"].create({"name": "Khách", "mobile": "0912 345 678", "user_id": seller.id})
        bound = self.env["ir.actions.act_window"].search([("binding_model_id", "!=", False)])
        for xmlid in self.ACTIONS:
            with self.subTest(action=xmlid):
                self.assertNotIn(self.env.ref(xmlid), bound)
        # the form's gear menu as the web client loads it
        toolbar = self.env["res.partner"].with_user(seller).get_views([(False, "form")], {"toolbar": True})
        actions = toolbar["views"]["form"]["toolbar"].get("action", [])
        self.assertFalse([a for a in actions if a.get("res_model") in ("crm.vn.zalo.composer", "crm.vn.zalo.reply")])
        with self.assertRaises(UserError) as refused:
            self.env["crm.vn.zalo.composer"].with_user(seller).with_context(
                active_model="res.partner", active_ids=customer.ids
            ).default_get(["res_model", "res_ids", "template_id"])
        self.assertIn("No Zalo Official Account", str(refused.exception))
        self.assertIn("administrator", str(refused.exception))
        # an account set up: offered; archived: hidden again
        account = self.env["crm.vn.zalo.account"].create({"name": "OA", "app_id": "no-oa-test"})
        self.assertEqual(self.env.ref(self.ACTIONS[0]).binding_model_id.model, "res.partner")
        account.active = False
        self.assertFalse(self.env.ref(self.ACTIONS[0]).binding_model_id)
