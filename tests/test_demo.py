"""Cross-module: the demo a newcomer opens first (the whole suite is installed with demo data here)."""

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install", "crm_vn_demo")
class TestDemo(TransactionCase):
    def test_escalations_go_to_the_demo_staff(self):
        leader = self.env.ref("crm_vn_feedback.crm_vn_feedback_escalation_level_leader")
        manager = self.env.ref("crm_vn_feedback.crm_vn_feedback_escalation_level_manager")
        self.assertEqual(leader.user_id.login, "hung")
        self.assertEqual(manager.user_id.login, "mai")

    def test_some_feedback_past_its_deadline_after_the_escalation_job(self):
        """A manager opening the demo sees feedback past its deadline, even once the escalation job has run (it
        gives escalated feedback a new deadline: only those at the last level stay past due)."""
        Feedback = self.env["crm.vn.feedback"]
        Feedback._cron_escalate()
        breached = Feedback.search([("sla_status", "=", "breached")])
        demo = self.env.ref("crm_vn_feedback.crm_vn_feedback_06_demo") | self.env.ref(
            "crm_vn_feedback.crm_vn_feedback_11_demo"
        )
        self.assertEqual(breached & demo, demo)
        self.assertEqual([feedback.escalated_user_id.login for feedback in demo], ["mai", "mai"])

    def test_demo_customers_live_in_2025_vietnam(self):
        """Every demo customer has a ward of the 2025 list linked in a province that still exists, and reads
        Vietnamese; surnames in about their national shares (Nguyễn about 38 %)."""
        customers = self.env["res.partner"].search(
            [("email", "=like", "%.__@example.vn"), ("lifecycle_stage", "!=", False)]
        )
        self.assertEqual(len(customers), 60)
        for customer in customers:
            with self.subTest(customer=customer.name):
                self.assertTrue(customer.state_id.active, "a province of 2025")
                self.assertEqual(customer.city_id.name, customer.city, "the ward is linked to the official list")
                self.assertEqual(customer.city_id.state_id, customer.state_id)
                self.assertEqual(customer.lang, "vi_VN")
        nguyen = customers.filtered(lambda customer: customer.name.startswith("Nguyễn "))
        self.assertEqual(len(nguyen), 23)
        self.assertTrue(customers.filtered("phone"), "landlines too")
