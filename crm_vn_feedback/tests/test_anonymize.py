from odoo.tests import tagged

from odoo.addons.crm_vn_privacy.tests.test_anonymize import TABLES, AnonymizeCommon


@tagged("post_install", "-at_install", "crm_vn_feedback")
class TestFeedbackAnonymize(AnonymizeCommon):
    """Feedback, its messages and rating comments in the anonymisation of a customer."""

    def test_anonymize_feedback(self):
        feedback = self.env["crm.vn.feedback"].create(
            {
                "name": "Chị Bí Mật phàn nàn máy lọc nước",
                "partner_id": self.secret.id,
                "description": "<p>Gọi 0912 345 678, giao tới 12 Hàng Bạc.</p>",
                "resolution": "<p>Đã gửi thư tới bimat@example.vn.</p>",
                "order_reference": "Đơn của chị Bí Mật",
                "email_cc": "bimat@example.vn",
            }
        )
        feedback.message_post(body="Chị Nguyễn Thị Bí Mật gọi lại lần hai.", message_type="comment")
        feedback.rating_apply(
            2, token=feedback._rating_get_access_token(), feedback="Tôi là Bí Mật, rất không hài lòng"
        )
        tables = (*TABLES, "crm_vn_feedback", "rating_rating")
        self.assertIn(("rating_rating", "feedback"), {(t, c) for t, c, __ in self._leftovers(tables)})
        self._anonymize()
        self.assertEqual(self._leftovers(tables), [])
        self.assertEqual(feedback.name, f"Anonymised feedback {feedback.id}")
        self.assertEqual(feedback.partner_id, self.secret)
        rating = self.env["rating.rating"].search([("res_model", "=", "crm.vn.feedback"), ("res_id", "=", feedback.id)])
        self.assertEqual(rating.rating, 2.0)
        self.assertFalse(rating.feedback)
        self.assertEqual(rating.res_name, f"{feedback.reference} Anonymised feedback {feedback.id}")
        log = self.request.message_ids[0].body
        self.assertIn("Feedback anonymised: 1", log)
        self.assertIn("Rating comments removed: 1", log)
