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
        self.assertEqual(demo.mapped("escalated_user_id.login"), ["mai", "mai"])
