import base64
import json
from datetime import date

from odoo.tests import tagged

from .common import CrmVnFeedbackCommon


@tagged("post_install", "-at_install", "crm_vn_feedback")
class TestFeedbackPersonalData(CrmVnFeedbackCommon):
    """Feedback in a customer's personal data export (Law 91/2025/QH15)."""

    def test_export_has_feedback_messages_and_ratings(self):
        customer = self.customer_other
        feedback = self.Feedback.create({"name": "Máy lọc nước bị rò rỉ", "partner_id": customer.id, "priority": "2"})
        feedback.message_post(body="Kỹ thuật viên sẽ đến vào thứ Hai.", message_type="comment")
        token = feedback._rating_get_access_token()
        feedback.rating_apply(4, token=token, feedback="Nhân viên nhiệt tình")
        request = (
            self.env["crm.vn.data.request"]
            .with_user(self.user_other)
            .create(
                {
                    "partner_id": customer.id,
                    "request_type": "access",
                    "date_received": date(2026, 4, 24),
                    "identity_verified": True,
                }
            )
        )
        request.with_user(self.user_manager).action_export_personal_data()
        data = json.loads(base64.b64decode(request.export_attachment_id.datas))
        self.assertEqual([item["name"] for item in data["feedback"]], ["Máy lọc nước bị rò rỉ"])
        exported = data["feedback"][0]
        self.assertEqual(exported["priority"], "2")
        self.assertEqual(exported["partner_id"], "Hoàng Minh Đức")
        self.assertIn("Kỹ thuật viên sẽ đến vào thứ Hai.", [m["body"] for m in exported["messages"]])
        self.assertEqual([(r["rating"], r["comment"]) for r in exported["ratings"]], [(4.0, "Nhân viên nhiệt tình")])
        # crm_vn_customer's part is still there
        self.assertEqual(data["customer"]["name"], "Hoàng Minh Đức")
