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
        self.assertEqual(feedback.channel, "website")
        self.assertEqual(feedback.feedback_type, "suggestion")
        self.assertEqual(feedback.user_id, self.user_member, "assigned to the customer's salesperson")
        self.assertNotIn("<b>", feedback.description, "the text is escaped")
        self.assertIn(feedback.reference, sent.text)

    def test_rating_from_email_links(self):
        self.own.action_resolve()
        rating = self.env["rating.rating"].search([("res_model", "=", "crm.vn.feedback"), ("res_id", "=", self.own.id)])
        self.assertEqual(len(rating), 1, "resolving asks the customer for a rating")
        self.assertEqual(rating.partner_id, self.portal_partner)
        request = self.own.message_ids.filtered(lambda m: rating.access_token in (m.body or ""))
        self.assertTrue(request, "the request carries the rating links")
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
