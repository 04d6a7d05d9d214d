from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.crm_vn_base.tests.common import slow


@slow
@tagged("post_install", "-at_install", "crm_vn_feedback")
class TestFeedbackMobileTours(HttpCase):
    browser_size = "375x667"
    touch_enabled = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.country_id = cls.env.ref("base.vn")
        cls.env["res.lang"]._activate_lang("vi_VN")
        cls.agent = new_test_user(
            cls.env, "vn_feedback_tour", groups="sales_team.group_sale_salesman", name="Lan Chăm Sóc", lang="vi_VN"
        )
        colleague = new_test_user(cls.env, "vn_feedback_colleague", groups="sales_team.group_sale_salesman")
        Partner = cls.env["res.partner"].with_context(crm_vn_skip_duplicate_check=True)
        cls.customer = Partner.create({"name": "Trần Văn Cường", "mobile": "0983 111 222", "user_id": cls.agent.id})
        # A colleague's customer of the same name: not offered to this salesperson.
        Partner.create({"name": "Trần Văn Cường", "mobile": "0983 999 000", "user_id": colleague.id})
        cls.env.flush_all()

    def test_log_a_complaint_for_a_customer_found_by_phone(self):
        self.start_tour("/odoo", "crm_vn_feedback_mobile_log_complaint", login="vn_feedback_tour")
        feedback = self.env["crm.vn.feedback"].search([("name", "=", "Máy lọc nước rò rỉ")])
        self.assertEqual(feedback.partner_id, self.customer)
        self.assertEqual(feedback.user_id, self.agent)

    def test_team_leader_escalates_on_a_phone(self):
        leader = new_test_user(
            self.env, "vn_leader_tour", groups="sales_team.group_sale_salesman", name="Hùng Trưởng Nhóm", lang="vi_VN"
        )
        team = self.env["crm.team"].create(
            {
                "name": "Chi nhánh Tour",
                "user_id": leader.id,
                "crm_team_member_ids": [Command.create({"user_id": self.agent.id})],
            }
        )
        self.customer.team_id = team
        feedback = (
            self.env["crm.vn.feedback"]
            .with_user(self.agent)
            .create({"name": "Điều hòa chảy nước", "partner_id": self.customer.id, "priority": "2"})
        )
        self.assertEqual((feedback.team_id, feedback.escalation_level), (team, 0))
        self.env.flush_all()
        self.start_tour("/odoo", "crm_vn_feedback_mobile_escalate", login="vn_leader_tour")
        feedback.invalidate_recordset()
        self.assertEqual(feedback.escalation_level, 1)
        self.assertEqual(feedback.escalation_ids.mapped("trigger"), ["manual"])
