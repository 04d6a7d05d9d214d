from odoo.exceptions import AccessError
from odoo.tests import Form, new_test_user, tagged, users

from .common import CrmVnFeedbackCommon


@tagged("post_install", "-at_install", "crm_vn_feedback")
class TestFeedbackSecurity(CrmVnFeedbackCommon):
    """Record rules as real users, through every way of reading."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        create = cls.Feedback.create
        cls.fb_member = create({"name": "Phản ánh của Cường", "partner_id": cls.customer_member.id, "priority": "1"})
        cls.fb_leader = create({"name": "Phản ánh của Bích", "partner_id": cls.customer_leader.id, "priority": "1"})
        cls.fb_other = create({"name": "Phản ánh của Đức", "partner_id": cls.customer_other.id, "priority": "1"})
        cls.fb_free = create({"name": "Phản ánh vãng lai", "partner_id": cls.customer_free.id, "priority": "1"})
        cls.fb_assigned = create(
            {
                "name": "Phản ánh giao cho Lan",
                "partner_id": cls.customer_other.id,
                "priority": "1",
                "user_id": cls.user_member.id,
            }
        )
        cls.all_feedback = cls.fb_member | cls.fb_leader | cls.fb_other | cls.fb_free | cls.fb_assigned
        cls.portal_partner = cls.env["res.partner"].create({"name": "Đinh Thị Portal", "email": "portal@example.vn"})
        cls.user_portal = new_test_user(
            cls.env, "vn_portal", groups="base.group_portal", partner_id=cls.portal_partner.id
        )
        cls.fb_portal = create({"name": "Phản ánh qua cổng", "partner_id": cls.portal_partner.id, "priority": "1"})
        cls.fb_portal_other = create({"name": "Của người khác", "partner_id": cls.customer_free.id, "priority": "1"})

    def _visible(self, user):
        Feedback = self.env["crm.vn.feedback"].with_user(user)
        return Feedback.search([("id", "in", (self.all_feedback | self.fb_portal | self.fb_portal_other).ids)])

    @users("vn_member", "vn_leader", "vn_other", "vn_all", "vn_manager")
    def test_ladder(self):
        free = self.fb_free | self.fb_portal | self.fb_portal_other
        expected = {
            "vn_member": self.fb_member | self.fb_assigned | free,
            "vn_leader": self.fb_member | self.fb_leader | self.fb_assigned | free,
            "vn_other": self.fb_other | self.fb_assigned | free,
            "vn_all": self.all_feedback | self.fb_portal | self.fb_portal_other,
            "vn_manager": self.all_feedback | self.fb_portal | self.fb_portal_other,
        }
        self.assertEqual(self._visible(self.env.user), expected[self.env.user.login])

    def test_salesperson_cannot_reach_others(self):
        Feedback = self.env["crm.vn.feedback"].with_user(self.user_member)
        with self.assertRaises(AccessError):
            Feedback.browse(self.fb_other.id).read(["name"])
        with self.assertRaises(AccessError):
            Feedback.browse(self.fb_other.id).write({"name": "Sửa trộm"})
        with self.assertRaises(AccessError):
            Feedback.browse(self.fb_member.id).unlink()
        with self.assertRaises(AccessError):
            Feedback.browse(self.fb_other.id).message_post(body="Xem trộm")
        names = [name for __, name in Feedback.name_search("Phản ánh", limit=50)]
        self.assertNotIn(self.fb_other.display_name, names)
        self.assertIn(self.fb_member.display_name, names)
        groups = Feedback.read_group([("id", "in", self.all_feedback.ids)], ["partner_id"], ["partner_id"])
        self.assertEqual(
            {g["partner_id"][0]: g["partner_id_count"] for g in groups},
            {self.customer_member.id: 1, self.customer_free.id: 1, self.customer_other.id: 1},
        )
        exported = Feedback.search([("id", "in", self.all_feedback.ids)]).export_data(["reference", "name"])["datas"]
        self.assertEqual(
            sorted(row[1] for row in exported),
            sorted((self.fb_member | self.fb_free | self.fb_assigned).mapped("name")),
        )
        result = Feedback.web_search_read([("id", "in", self.all_feedback.ids)], {"name": {}})
        self.assertEqual(result["length"], 3)

    def test_no_feedback_for_a_customer_one_cannot_see(self):
        """Naming oneself assignee does not open a colleague's customer (contact details, acknowledgement)."""
        Feedback = self.env["crm.vn.feedback"].with_user(self.user_member)
        count = self.env["crm.vn.feedback"].search_count([])
        with self.assertRaises(AccessError):
            Feedback.create(
                {"name": "Lách", "partner_id": self.customer_other.id, "priority": "1", "user_id": self.user_member.id}
            )
        with self.assertRaises(AccessError):
            Feedback.browse(self.fb_member.id).write({"partner_id": self.customer_other.id})
        self.assertEqual(self.env["crm.vn.feedback"].search_count([]), count)
        self.assertEqual(self.fb_member.partner_id, self.customer_member)

    def test_escalation_fields_for_managers_only(self):
        self.fb_member.sudo().write({"escalation_level": 1, "escalated_user_id": self.user_leader.id})
        with self.assertRaises(AccessError):
            self.fb_member.with_user(self.user_member).write({"escalation_level": 0})
        with self.assertRaises(AccessError):
            self.fb_member.with_user(self.user_leader).write({"escalated_user_id": self.user_member.id})
        self.assertEqual(self.fb_member.escalation_level, 1)
        self.fb_member.with_user(self.user_manager).write({"escalation_level": 0})
        self.assertEqual(self.fb_member.escalation_level, 0)

    def test_full_form_as_salesperson_sends_the_found_policy(self):
        """The full form sends back the SLA policy its onchange found (a computed, editable field): a salesperson
        saves it, and changes the priority, as long as the policy is the one found; another one is refused."""
        form = Form(self.Feedback.with_user(self.user_member))
        form.name = "Máy kêu to"
        form.partner_id = self.customer_member
        form.priority = "2"
        feedback = form.save()
        self.assertEqual(feedback.sla_policy_id, self.env.ref("crm_vn_feedback.crm_vn_feedback_sla_complaint_high"))
        with Form(feedback.with_user(self.user_member)) as form:
            form.priority = "3"
        self.assertEqual(feedback.priority, "3")
        other = self.env.ref("crm_vn_feedback.crm_vn_feedback_sla_complaint_high")
        Feedback = self.Feedback.with_user(self.user_member)
        with self.assertRaises(AccessError):
            Feedback.create(
                {"name": "Hỏi giá", "partner_id": self.customer_member.id, "priority": "0", "sla_policy_id": other.id}
            )
        with self.assertRaises(AccessError):
            feedback.with_user(self.user_member).write({"sla_policy_id": False})

    def test_escalated_person_sees_it(self):
        self.fb_member.sudo().escalated_user_id = self.user_other
        self.assertIn(self.fb_member, self._visible(self.user_other))

    def test_escalation_history_follows_feedback(self):
        self.fb_other.with_user(self.user_manager).action_escalate()
        self.fb_member.with_user(self.user_manager).action_escalate()
        Escalation = self.env["crm.vn.feedback.escalation"].with_user(self.user_member)
        # Among these two (a database in use has escalations of its own feedback, visible by their own rules).
        escalations = Escalation.search([("feedback_id", "in", (self.fb_member | self.fb_other).ids)])
        self.assertEqual(escalations.feedback_id, self.fb_member)
        with self.assertRaises(AccessError):
            Escalation.create({"feedback_id": self.fb_member.id, "level": 5, "trigger": "manual"})

    def test_outside_sales_no_access(self):
        with self.assertRaises(AccessError):
            self.env["crm.vn.feedback"].with_user(self.user_employee).search([])

    def test_portal_sees_own_only(self):
        Feedback = self.env["crm.vn.feedback"].with_user(self.user_portal)
        self.assertEqual(Feedback.search([]), self.fb_portal)
        with self.assertRaises(AccessError):
            Feedback.browse(self.fb_portal_other.id).read(["name"])
        with self.assertRaises(AccessError):
            Feedback.create({"name": "Tự tạo", "partner_id": self.portal_partner.id, "priority": "1"})
        with self.assertRaises(AccessError):
            Feedback.browse(self.fb_portal.id).write({"state": "closed"})

    def test_companies_stay_apart(self):
        company_b = self.env["res.company"].create({"name": "Chi nhánh Đà Nẵng"})
        partner_b = self.env["res.partner"].create({"name": "Khách Đà Nẵng", "company_id": company_b.id})
        feedback_b = self.Feedback.with_company(company_b).create(
            {"name": "Ở Đà Nẵng", "partner_id": partner_b.id, "priority": "1", "company_id": company_b.id}
        )
        self.assertNotIn(feedback_b, self.env["crm.vn.feedback"].with_user(self.user_manager).search([]))
        self.user_manager.company_ids |= company_b
        Feedback = (
            self.env["crm.vn.feedback"]
            .with_user(self.user_manager)
            .with_context(allowed_company_ids=[self.env.company.id, company_b.id])
        )
        self.assertIn(feedback_b, Feedback.search([]))
