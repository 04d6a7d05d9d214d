"""The Zalo channel attacked as a salesperson who wants a colleague's customers, as a portal user and as an anonymous
sender on the internet: over HTTP (JSON-RPC of the web client, the webhook), against the stand-in of Zalo's API."""

import json
import logging
import time
from datetime import timedelta

import psycopg2

from odoo import fields
from odoo.tests import freeze_time, new_test_user, tagged
from odoo.tools import mute_logger

from ..tools.zalo import WEBHOOK_MAX_BYTES, webhook_mac
from .test_zalo import VN_MORNING, ZaloCommon


@tagged("post_install", "-at_install", "crm_vn_zalo")
class TestZaloChannelSecurity(ZaloCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal = new_test_user(
            cls.env, "zalo_portal", groups="base.group_portal", partner_id=cls.theirs.copy({"name": "Cổng"}).id
        )
        # the colleague's customer wrote on Zalo (linked to its Zalo user by an earlier event)
        cls.zalo.users["u-binh"] = {"user_id": "u-binh", "display_name": "Bình", "shared_info": {}}
        cls.theirs.sudo().write({"zalo_user_id": "u-binh", "zalo_account_id": cls.account.id})

    def setUp(self):
        super().setUp()
        self.zalo.users["u-binh"] = {"user_id": "u-binh", "display_name": "Bình", "shared_info": {}}

    # ------------------------------------------------------------------ helpers
    def _link(self, partner, user_id):
        self.zalo.users[user_id] = {"user_id": user_id, "display_name": partner.name, "shared_info": {}}
        partner.sudo().write({"zalo_user_id": user_id, "zalo_account_id": self.account.id})

    def _call(self, login, model, method, args, kwargs=None, *, route="call_kw"):
        """``model.method(*args, **kwargs)`` as ``login`` through the web client's JSON-RPC; returns (result, error
        name, error message)."""
        self.authenticate(login, login)
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "id": 1,
            "params": {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        }
        response = self.url_open(
            f"/web/dataset/{route}", data=json.dumps(payload), headers={"Content-Type": "application/json"}
        )
        body = response.json()
        if "error" in body:
            data = body["error"].get("data") or {}
            return None, data.get("name", ""), data.get("message", "")
        return body["result"], None, None

    def _event(self, user_id, text, msg_id, timestamp=None, **extra):
        return {
            "app_id": self.zalo.app_id,
            "event_name": "user_send_text",
            "timestamp": str(timestamp if timestamp is not None else int(time.time() * 1000)),
            "sender": {"id": user_id},
            "recipient": {"id": self.account.oa_id},
            "message": {"text": text, "msg_id": msg_id},
            **extra,
        }

    def _post_raw(self, body, signature, content_type="application/json"):
        return self.url_open(
            "/crm_vn_zalo/webhook",
            data=body,
            headers={"Content-Type": content_type, "X-ZEvent-Signature": signature},
        )

    def _post(self, payload):
        body = json.dumps(payload).encode()
        return self._post_raw(body, webhook_mac(payload["app_id"], body, payload["timestamp"], "oa-secret")), body

    # ------------------------------------------------------------------ 1. the last message of a hidden customer
    def test_last_zalo_message_only_for_who_may_read_the_customer(self):
        self._post(self._event("u-binh", "Số tài khoản của tôi là 0123456789", "m-binh-1"))
        self.env["crm.vn.zalo.event"]._cron_process()
        for login in ("zalo_seller", "zalo_portal"):
            with self.subTest(login=login):
                result, error, message = self._call(login, "res.partner", "action_zalo_to_feedback", [self.theirs.ids])
                self.assertIsNone(result)
                self.assertEqual(error, "odoo.exceptions.AccessError")
                self.assertNotIn("0123456789", message)
        # the owner files it
        result, error, _message = self._call(
            "zalo_colleague", "res.partner", "action_zalo_to_feedback", [self.theirs.ids]
        )
        self.assertIsNone(error)
        self.assertEqual(result["res_model"], "crm.vn.zalo.feedback")
        self.assertNotIn("0123456789", json.dumps(result), "the text is read by the dialog, for its owner")
        defaults, error, _message = self._call(
            "zalo_colleague", "crm.vn.zalo.feedback", "default_get", [["message"]], {"context": result["context"]}
        )
        self.assertIn("0123456789", defaults["message"])
        # the colleague opening the same dialog on that customer: refused
        _defaults, error, message = self._call(
            "zalo_seller", "crm.vn.zalo.feedback", "default_get", [["message"]], {"context": result["context"]}
        )
        self.assertEqual(error, "odoo.exceptions.AccessError")
        self.assertNotIn("0123456789", message)
        # a customer who never wrote: said so, nothing to prefill
        result, error, message = self._call(
            "zalo_seller", "res.partner", "action_zalo_to_feedback", [self.customer.ids]
        )
        self.assertEqual(error, "odoo.exceptions.UserError")
        self.assertIn(self.customer.name, message)

    # ------------------------------------------------------------------ 2. taking over a conversation
    def test_zalo_fields_ignore_context_and_saved_defaults(self):
        now = fields.Datetime.to_string(fields.Datetime.now())
        context = {
            "default_zalo_user_id": "u-binh",
            "default_zalo_last_message_at": now,
            "default_zalo_status": "follower",
            "default_zalo_account_id": self.account.id,
            "default_zalo_candidate_partner_id": self.theirs.id,
        }
        new_id, error, _message = self._call(
            "zalo_seller", "res.partner", "create", [[{"name": "Khách Giả"}]], {"context": context}
        )
        self.assertIsNone(error)
        # and a saved default of the user's own (ir.default, as "Set default" in the form leaves it)
        self.env["ir.default"].set("res.partner", "zalo_user_id", "u-binh", user_id=self.seller.id)
        self.env["ir.default"].set("res.partner", "zalo_last_message_at", now, user_id=self.seller.id)
        second_id, error, _message = self._call("zalo_seller", "res.partner", "create", [[{"name": "Khách Giả 2"}]])
        self.assertIsNone(error)
        forged = self.env["res.partner"].browse(new_id + second_id)
        self.assertEqual(
            forged.mapped(lambda p: (p.zalo_user_id, p.zalo_last_message_at, p.zalo_status, p.zalo_account_id.id)),
            [(False, False, False, False)] * 2,
        )
        # written as values: refused, and nothing created
        count = self.env["res.partner"].search_count([])
        _result, error, _message = self._call(
            "zalo_seller", "res.partner", "create", [[{"name": "Khách Giả 3", "zalo_user_id": "u-binh"}]]
        )
        self.assertEqual(error, "odoo.exceptions.AccessError")
        self.assertEqual(self.env["res.partner"].search_count([]), count)
        # the colleague's customer's next message still lands on the colleague's customer
        self._post(self._event("u-binh", "Cho tôi hỏi đơn hàng", "m-binh-2"))
        self.env["crm.vn.zalo.event"]._cron_process()
        self.assertTrue(self.theirs.message_ids.filtered(lambda m: "hỏi đơn hàng" in (m.body or "")))
        # and the salesperson cannot reply to it: the reply window is the customer's, not a forged one
        _result, error, _message = self._call(
            "zalo_seller", "crm.vn.zalo.reply", "create", [[{"partner_id": self.theirs.id, "body": "Chào anh"}]]
        )
        self.assertEqual(error, "odoo.exceptions.AccessError")

    def test_a_zalo_user_belongs_to_one_contact(self):
        with self.assertRaises(psycopg2.errors.UniqueViolation), self.cr.savepoint(), mute_logger("odoo.sql_db"):
            self.customer.sudo().write({"zalo_user_id": "u-binh"})
            self.env.flush_all()

    # ------------------------------------------------------------------ 3. rating token in the parameters
    def test_rating_token_never_kept_in_the_message(self):
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
        feedback.with_user(self.seller).write({"resolution": "<p>Đã giao lại</p>"})
        feedback.with_user(self.seller).action_resolve()
        token = feedback.sudo().crm_vn_rating_token
        self.assertTrue(token)
        rows, error, _message = self._call(
            "zalo_seller", "crm.vn.zalo.message", "search_read", [[("partner_id", "=", self.customer.id)]]
        )
        self.assertIsNone(error)
        self.assertTrue(rows)
        self.assertNotIn(token, json.dumps(rows))
        self._send_queue()
        self.assertEqual(self.zalo.sends[-1]["template_data"]["token"], token, "filled in when it goes")
        # the salesperson reads no rating of the feedback, and rates nothing
        rows, error, _message = self._call(
            "zalo_seller", "rating.rating", "search_read", [[("res_model", "=", "crm.vn.feedback")], ["access_token"]]
        )
        self.assertEqual(rows, [])

    # ------------------------------------------------------------------ 5. replays, size
    def test_stale_and_replayed_events_are_refused(self):
        old = int(time.mktime((2023, 5, 1, 10, 0, 0, 0, 0, 0)) * 1000)
        response, _body = self._post(self._event("u-binh", "Cũ", "m-old", timestamp=old))
        self.assertEqual(response.status_code, 401)
        future = int((time.time() + 3600) * 1000)
        response, _body = self._post(self._event("u-binh", "Tương lai", "m-future", timestamp=future))
        self.assertEqual(response.status_code, 401)
        self.assertFalse(self.env["crm.vn.zalo.event"].search([]))
        # a new person writes, is anonymised on request; the same signed bytes, played again, bring nobody back
        payload = self._event("u-stranger", "Tôi là Người Lạ", "m-stranger")
        self.zalo.users["u-stranger"] = {"user_id": "u-stranger", "display_name": "Người Lạ", "shared_info": {}}
        response, body = self._post(payload)
        self.assertEqual(response.status_code, 200)
        self.env["crm.vn.zalo.event"]._cron_process()
        stranger = self.env["res.partner"].search([("zalo_user_id", "=", "u-stranger")])
        self.assertEqual(len(stranger), 1)
        stranger._crm_vn_anonymize()
        signature = webhook_mac(payload["app_id"], body, payload["timestamp"], "oa-secret")
        self.assertEqual(self._post_raw(body, signature).status_code, 200)
        self.env["crm.vn.zalo.event"]._cron_process()
        self.assertFalse(self.env["res.partner"].search([("zalo_user_id", "=", "u-stranger")]))
        self.assertFalse(self.env["res.partner"].search([("name", "=", "Người Lạ")]))
        self.assertNotIn("Người Lạ", json.dumps(self.env["crm.vn.zalo.event"].search([]).mapped("payload")))

    def test_oversized_and_non_ascii_signatures_answer_cleanly(self):
        payload = self._event("u-binh", "x" * (WEBHOOK_MAX_BYTES + 10), "m-big")
        response, _body = self._post(payload)
        self.assertEqual(response.status_code, 413)
        body = json.dumps(self._event("u-binh", "Xin chào", "m-mac")).encode()
        with self.assertLogs("odoo.addons.crm_vn_zalo.controllers.main", logging.WARNING):
            for signature in ("mac=é", "mac=\u00e9\u00e9", ""):
                with self.subTest(signature=signature):
                    self.assertEqual(self._post_raw(body, signature.encode("utf-8")).status_code, 401)
        self.assertFalse(self.env["crm.vn.zalo.event"].search([]))

    def test_events_of_another_official_account_are_refused(self):
        payload = self._event("u-binh", "Xin chào", "m-other")
        payload["recipient"] = {"id": "999999999999"}
        response, _body = self._post(payload)
        self.assertEqual(response.status_code, 401)
        payload = {
            "app_id": self.zalo.app_id,
            "event_name": "follow",
            "oa_id": "999999999999",
            "timestamp": str(int(time.time() * 1000)),
            "follower": {"id": "u-binh"},
        }
        response, _body = self._post(payload)
        self.assertEqual(response.status_code, 401)
        self.assertFalse(self.env["crm.vn.zalo.event"].search([]))

    def test_delivery_events_update_the_signing_accounts_messages_only(self):
        self._compose(self.t_care, self.customer)
        self._send_queue()
        message = self.env["crm.vn.zalo.message"].search([("partner_id", "=", self.customer.id)])
        other = self.env["crm.vn.zalo.account"].create(
            self.zalo.account_values(name="OA khác", app_id="1111", oa_id="2222", oa_secret_key="other-secret")
        )
        now = str(int(time.time() * 1000))
        payload = {
            "app_id": "1111",
            "event_name": "user_seen_message",
            "timestamp": now,
            "sender": {"id": "2222"},
            "recipient": {"id": "u-ha"},
            "message": {"msg_ids": [message.zalo_msg_id], "seen_time": now},
        }
        body = json.dumps(payload).encode()
        response = self._post_raw(body, webhook_mac("1111", body, now, "other-secret"))
        self.assertEqual(response.status_code, 200)
        self.env["crm.vn.zalo.event"]._cron_process()
        self.assertEqual(message.state, "sent", "another account's event changes nothing of ours")
        self.assertTrue(other)

    # ------------------------------------------------------------------ 6. the administrator's buttons
    def test_account_buttons_are_the_administrators(self):
        for method in ("action_refresh_token", "action_sync_templates"):
            with self.subTest(method=method):
                result, error, _message = self._call(
                    "zalo_seller", "crm.vn.zalo.account", method, [self.account.ids], route="call_button"
                )
                self.assertIsNone(result)
                self.assertEqual(error, "odoo.exceptions.AccessError")
        self.assertEqual(self.zalo.refreshes, 0, "the single-use refresh token was not spent")
        self.assertEqual(self.account.sudo().refresh_token, self.zalo.refresh_token)

    # ------------------------------------------------------------------ connector vs Zalo's documentation
    def test_template_detail_of_2026(self):
        self.assertEqual((self.t_care.price, self.t_care.price_uid), (300.0, 200.0))
        self.assertEqual(self.t_care.param_ids.param_type, "STRING")
        self.zalo.add_template(107, "Mã OTP", tag="OTP", params=[("otp", "STRING", 6)])
        self.zalo.add_template(108, "Số tiền", tag="TRANSACTION", params=[("amount", "NUMBER", 20)])
        self.account.action_sync_templates()
        otp, amount = (self.env["crm.vn.zalo.template"].search([("zalo_template_id", "=", str(i))]) for i in (107, 108))
        self.assertEqual(otp.tag, "otp")
        amount.model_id = self.env["ir.model"]._get("res.partner")
        amount.param_ids.field_path = "name"
        with self.assertRaises(Exception) as refused:
            amount._zalo_render(self.customer)
        self.assertIn("not a number", str(refused.exception))

    def test_zns_goes_to_mobiles_only(self):
        landline = self.customer.copy({"name": "Cửa hàng Hà", "mobile": False, "phone": "024 3812 3456"})
        self._compose(self.t_care, landline)
        message = self.env["crm.vn.zalo.message"].search([("partner_id", "=", landline.id)])
        self.assertEqual((message.state, message.failure_code), ("skipped", "no_phone"))
        self._send_queue()
        self.assertFalse(self.zalo.sends, "nothing sent for Zalo to refuse")

    def test_attachment_links_reach_the_chatter_once_escaped(self):
        self._link(self.customer, "u-ha")
        payload = self._event("u-ha", "Ảnh <máy>", "m-img")
        payload["event_name"] = "user_send_image"
        payload["message"]["attachments"] = [{"type": "image", "payload": {"url": "https://zalo.me/a?x=1&y=2"}}]
        self._post(payload)
        self.env["crm.vn.zalo.event"]._cron_process()
        body = self.customer.message_ids.filtered(lambda m: "zalo.me/a" in (m.body or ""))[:1].body
        self.assertIn('<a href="https://zalo.me/a?x=1&amp;y=2"', body)
        self.assertIn("Ảnh &lt;máy&gt;", body)
        self.assertNotIn("&amp;lt;", body)
        self.assertNotIn("&lt;a href", body)

    def test_the_jobs_write_in_the_companys_language(self):
        """The inbox job and the sending job, as the scheduler runs them (no language of their own), write the
        customer's chatter in the language of the company (and of its salesperson)."""
        self.env["res.lang"]._activate_lang("vi_VN")
        self.env["ir.module.module"]._load_module_terms(["crm_vn_zalo"], ["vi_VN"], overwrite=True)
        self.account.company_id.partner_id.lang = "vi_VN"
        self.seller.lang = "vi_VN"
        self._link(self.customer, "u-ha")
        self._post(self._event("u-ha", "Cho em hỏi giá", "m-lang"))
        self.env.ref("crm_vn_zalo.ir_cron_crm_vn_zalo_events").method_direct_trigger()
        self.assertTrue(self.customer.message_ids.filtered(lambda m: "Trên Zalo: Cho em hỏi giá" in (m.body or "")))
        self._compose(self.t_care, self.customer)
        with freeze_time(VN_MORNING):
            self.env.ref("crm_vn_zalo.ir_cron_crm_vn_zalo_send").method_direct_trigger()
        self.assertTrue(self.customer.message_ids.filtered(lambda m: "Đã gửi tin Zalo" in (m.body or "")))

    def test_reply_window_comes_from_zalo_not_from_the_user(self):
        self._link(self.customer, "u-ha")
        self.customer.sudo().zalo_last_message_at = fields.Datetime.now() - timedelta(days=9)
        _result, error, _message = self._call(
            "zalo_seller",
            "res.partner",
            "write",
            [self.customer.ids, {"zalo_last_message_at": fields.Datetime.to_string(fields.Datetime.now())}],
        )
        self.assertEqual(error, "odoo.exceptions.AccessError")
