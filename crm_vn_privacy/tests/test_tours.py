from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.crm_vn_base.tests.common import slow


@slow
@tagged("post_install", "-at_install", "crm_vn_privacy")
class TestPrivacyMobileTours(HttpCase):
    browser_size = "375x667"
    touch_enabled = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.country_id = cls.env.ref("base.vn")
        cls.env["res.lang"]._activate_lang("vi_VN")
        cls.seller = new_test_user(
            cls.env, "vn_consent_tour", groups="sales_team.group_sale_salesman", name="Lan Đồng Ý", lang="vi_VN"
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "Đỗ Thu Hà", "mobile": "0912 246 810", "user_id": cls.seller.id, "lifecycle_stage": "customer"}
        )

    def test_record_a_consent_on_a_phone(self):
        self.assertFalse(self.customer.consent_marketing_sms)
        self.start_tour("/odoo", "crm_vn_privacy_mobile_record_consent", login="vn_consent_tour")
        consent = self.env["crm.vn.consent"].search([("partner_id", "=", self.customer.id)])
        self.assertEqual(
            (consent.purpose, consent.channel, consent.state, consent.method, consent.user_id),
            ("marketing", "sms", "given", "in_person", self.seller),
        )
        self.assertEqual(consent.notice, "Tôi đồng ý nhận tin khuyến mãi qua SMS.")
        self.customer.invalidate_recordset()
        self.assertTrue(self.customer.consent_marketing_sms)
        self.assertFalse(self.customer.consent_marketing_email)

    def test_answer_a_data_request_on_a_phone(self):
        new_test_user(
            self.env, "vn_request_manager", groups="sales_team.group_sale_manager", name="Mai Quản Lý", lang="vi_VN"
        )
        request = self.env["crm.vn.data.request"].create(
            {"partner_id": self.customer.id, "request_type": "access", "channel": "email"}
        )
        self.env.flush_all()
        self.start_tour("/odoo", "crm_vn_privacy_mobile_answer_request", login="vn_request_manager")
        request.invalidate_recordset()
        self.assertTrue(request.identity_verified)
        self.assertEqual(request.state, "answered")
        self.assertTrue(request.date_answered)
        self.assertEqual(request.export_attachment_id.name, f"{request.reference}.json")
