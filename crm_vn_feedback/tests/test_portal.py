import json

from odoo import http
from odoo.tests import HttpCase, new_test_user, tagged

from .common import CrmVnFeedbackCommon


@tagged("post_install", "-at_install", "crm_vn_feedback")
class TestFeedbackPortal(HttpCase, CrmVnFeedbackCommon):
    """The customer's side over HTTP: portal pages, the portal form, the rating links."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # A Vietnamese customer: the portal speaks Vietnamese (terms loaded, as with --load-language).
        cls.env["res.lang"]._activate_lang("vi_VN")
        cls.env["ir.module.module"]._load_module_terms(["crm_vn_feedback"], ["vi_VN"], overwrite=True)
        cls.portal_partner = cls.env["res.partner"].create(
            {"name": "Đinh Thị Hằng", "email": "hang@example.vn", "user_id": cls.user_member.id, "lang": "vi_VN"}
        )
        cls.user_portal = new_test_user(
            cls.env,
            "vn_portal_http",
            password="vn_portal_http",
            groups="base.group_portal",
            partner_id=cls.portal_partner.id,
        )
        cls.own = cls.Feedback.create(
            {"name": "Ấm siêu tốc bị rò điện", "partner_id": cls.portal_partner.id, "priority": "2"}
        )
        cls.foreign = cls.Feedback.create(
            {"name": "Chuyện riêng của Đức", "partner_id": cls.customer_other.id, "priority": "1"}
        )

    def test_portal_pages(self):
        self.authenticate("vn_portal_http", "vn_portal_http")
        home = self.url_open("/my/home")
        self.assertEqual(home.status_code, 200)
        self.assertIn("/my/feedback", home.text)
        listing = self.url_open("/my/feedback")
        self.assertEqual(listing.status_code, 200)
        self.assertIn(self.own.reference, listing.text)
        self.assertNotIn(self.foreign.reference, listing.text)
        detail = self.url_open(f"/my/feedback/{self.own.id}")
        self.assertEqual(detail.status_code, 200)
        self.assertIn("Ấm siêu tốc bị rò điện", detail.text)
        other = self.url_open(f"/my/feedback/{self.foreign.id}")
        self.assertNotIn("Chuyện riêng của Đức", other.text)
        self.assertTrue(other.url.endswith("/my"), "sent back to the portal home")

    def test_portal_form(self):
        self.authenticate("vn_portal_http", "vn_portal_http")
        page = self.url_open("/my/feedback/new")
        self.assertEqual(page.status_code, 200)
        count = self.env["crm.vn.feedback"].search_count([])
        # An empty subject is refused with a message, and nothing is created.
        refused = self.url_open(
            "/my/feedback/new", data={"name": "  ", "description": "x", "csrf_token": http.Request.csrf_token(self)}
        )
        self.assertIn("Vui lòng nhập tiêu đề cho phản ánh của Quý khách", refused.text)
        self.assertEqual(self.env["crm.vn.feedback"].search_count([]), count)
        sent = self.url_open(
            "/my/feedback/new",
            data={
                "name": "Muốn đổi <b>màu</b> sản phẩm",
                "description": "Tôi muốn đổi sang màu xanh.\nCảm ơn.",
                "feedback_type": "suggestion",
                "csrf_token": http.Request.csrf_token(self),
            },
        )
        self.assertEqual(sent.status_code, 200)
        feedback = self.env["crm.vn.feedback"].search(
            [("partner_id", "=", self.portal_partner.id)], order="id desc", limit=1
        )
        self.assertEqual(feedback.name, "Muốn đổi <b>màu</b> sản phẩm")
        self.assertEqual(feedback.channel, "web")
        self.assertEqual(feedback.feedback_type, "suggestion")
        self.assertEqual(feedback.user_id, self.user_member, "assigned to the customer's salesperson")
        self.assertNotIn("<b>", feedback.description, "the text is escaped")
        self.assertIn(feedback.reference, sent.text)

    def test_rating_from_email_links(self):
        self.own.write({"resolution": "<p>Đã xử lý xong.</p>"})
        self.own.action_resolve()
        rating = self.env["rating.rating"].search([("res_model", "=", "crm.vn.feedback"), ("res_id", "=", self.own.id)])
        self.assertEqual(len(rating), 1, "resolving asks the customer for a rating")
        self.assertEqual(rating.partner_id, self.portal_partner)
        # the email carries the rating links, as a mail of no document and no user; the chatter says it went
        request = self.env["mail.mail"].search([("body_html", "ilike", rating.access_token)])
        self.assertEqual(len(request), 1, "the request carries the rating links")
        self.assertEqual((request.model, request.res_id, request.recipient_ids), (False, 0, self.portal_partner))
        self.own.invalidate_recordset(["message_ids"])
        self.assertFalse(self.own.message_ids.filtered(lambda m: rating.access_token in (m.body or "")))
        self.assertTrue(self.own.message_ids.filtered(lambda m: "Satisfaction survey sent" in (m.body or "")))
        # The customer clicks the smiley in the email (no login), then leaves a comment.
        self.authenticate(None, None)
        response = self.url_open(f"/rate/{rating.access_token}/5")
        self.assertEqual(response.status_code, 200)
        response = self.url_open(
            f"/rate/{rating.access_token}/submit_feedback",
            data={"rate": "5", "feedback": "Xử lý nhanh, rất hài lòng", "csrf_token": http.Request.csrf_token(self)},
        )
        self.assertEqual(response.status_code, 200)
        self.own.invalidate_recordset()
        self.portal_partner.invalidate_recordset()
        self.assertEqual(self.own.rating_last_value, 5)
        self.assertEqual(self.own.rating_last_feedback, "Xử lý nhanh, rất hài lòng")
        self.assertEqual(self.portal_partner.feedback_rating_avg, 5)
        self.assertEqual(self.portal_partner.feedback_rating_count, 1)
        self.assertEqual(self.portal_partner.feedback_rating_comment, "Xử lý nhanh, rất hài lòng")


@tagged("post_install", "-at_install", "crm_vn_feedback")
class TestFeedbackSelfRating(HttpCase, CrmVnFeedbackCommon):
    """The person judged by a rating cannot rate themselves: the rating token never reaches them, over HTTP as the
    handler of the feedback, through any path of the web client."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer = cls.env["res.partner"].create(
            {"name": "Đinh Thị Hằng", "email": "hang@example.vn", "user_id": cls.user_member.id}
        )
        cls.feedback = cls.Feedback.create(
            {
                "name": "Ấm siêu tốc bị rò điện",
                "partner_id": cls.customer.id,
                "priority": "2",
                "user_id": cls.user_member.id,
                "resolution": "<p>Đã đổi ấm mới</p>",
            }
        )

    def _rpc(self, model, method, *args, **kwargs):
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "id": 1,
            "params": {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        }
        body = self.url_open(
            "/web/dataset/call_kw", data=json.dumps(payload), headers={"Content-Type": "application/json"}
        ).json()
        return body.get("result"), (body.get("error") or {}).get("data", {}).get("name")

    def test_the_handler_never_reads_the_rating_token(self):
        self.feedback.with_user(self.user_member).write({"resolution": "<p>Đã xử lý xong.</p>"})
        self.feedback.with_user(self.user_member).action_resolve()
        rating = self.env["rating.rating"].search(
            [("res_model", "=", "crm.vn.feedback"), ("res_id", "=", self.feedback.id)]
        )
        token = rating.access_token
        self.assertTrue(token)
        login = self.user_member.login
        self.authenticate(login, login)
        seen = []
        # the chatter, and every message of the feedback
        seen.append(
            self._rpc(
                "mail.message",
                "search_read",
                [("model", "=", "crm.vn.feedback"), ("res_id", "=", self.feedback.id)],
                ["body"],
            )
        )
        seen.append(self._rpc("mail.message", "search_read", [("body", "ilike", token)], ["body"]))
        # the ratings themselves, and the feedback's rating fields
        seen.append(
            self._rpc("rating.rating", "search_read", [("res_model", "=", "crm.vn.feedback")], ["access_token"])
        )
        seen.append(self._rpc("rating.rating", "search_read", [("access_token", "=", token)], ["res_id"]))
        seen.append(self._rpc("crm.vn.feedback", "read", self.feedback.ids, ["rating_ids", "rating_last_value"]))
        # the mail composer rendering the survey template on the feedback
        template = self.env.ref("crm_vn_feedback.mail_template_feedback_rating")
        seen.append(
            self._rpc(
                "mail.compose.message",
                "create",
                [{"model": "crm.vn.feedback", "res_ids": str(self.feedback.ids), "template_id": template.id}],
            )
        )
        seen.append(self._rpc("crm.vn.feedback", "_rating_get_access_token", self.feedback.ids))
        self.assertNotIn(token, json.dumps(seen, default=str))
        # Odoo's rating page is for the customer: nothing the handler read lets them answer it
        self.assertEqual(rating.rating, 0)

    def test_a_complaint_is_not_resolved_without_its_resolution(self):
        """*Resolve* pressed in the form (the web client's call_button) on a complaint whose resolution is empty:
        a clear error naming the complaint, nothing changed, no survey to the customer."""
        complaint = self.Feedback.create(
            {"name": "Máy giặt kêu to", "partner_id": self.customer.id, "user_id": self.user_member.id}
        )
        login = self.user_member.login
        self.authenticate(login, login)
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "id": 1,
            "params": {"model": "crm.vn.feedback", "method": "action_resolve", "args": [complaint.ids], "kwargs": {}},
        }
        mails = self.env["mail.mail"].search_count([])
        body = self.url_open(
            "/web/dataset/call_button", data=json.dumps(payload), headers={"Content-Type": "application/json"}
        ).json()
        self.assertEqual(body["error"]["data"]["name"], "odoo.exceptions.UserError")
        self.assertIn(complaint.reference, body["error"]["data"]["message"])
        complaint.invalidate_recordset()
        self.assertEqual((complaint.state, complaint.date_resolved), ("new", False))
        self.assertFalse(
            self.env["rating.rating"].search([("res_model", "=", "crm.vn.feedback"), ("res_id", "=", complaint.id)])
        )
        self.assertEqual(self.env["mail.mail"].search_count([]), mails)

    def test_employees_read_the_tokens_of_other_ratings_as_odoo_lets_them(self):
        """Only the ratings of feedback are hidden: Odoo's own modules read the others' tokens as an employee."""
        employee = new_test_user(self.env, "plain_employee", groups="base.group_user")
        other = self.env["rating.rating"].create(
            {"res_model_id": self.env["ir.model"]._get_id("res.partner"), "res_id": self.customer.id}
        )
        self.assertEqual(other.with_user(employee).access_token, other.access_token)
        self.assertTrue(other.access_token)
