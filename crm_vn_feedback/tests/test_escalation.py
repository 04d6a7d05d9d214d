from datetime import datetime

from odoo.exceptions import UserError
from odoo.tests import TransactionCase, freeze_time, tagged

from odoo.addons.crm_vn_base.tests.common import committed_env, run_in_workers, slow
from odoo.addons.mail.tools.discuss import Store

from .common import CrmVnFeedbackCommon

MONDAY_9AM = "2026-03-02 02:00:00"  # Monday 2 March 2026, 09:00 in Vietnam


@tagged("post_install", "-at_install", "crm_vn_feedback")
class TestEscalation(CrmVnFeedbackCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with freeze_time(MONDAY_9AM):
            # Lan's customer, medium complaint: first response due Monday 13:00+1 h = 14:00 (07:00 UTC).
            cls.feedback = cls.Feedback.create(
                {"name": "Giao hàng trễ", "partner_id": cls.customer_member.id, "priority": "1"}
            )
        cls.cron = cls.env.ref("crm_vn_feedback.ir_cron_feedback_escalation")

    def _run_cron(self, now):
        with freeze_time(now):
            self.cron.method_direct_trigger()
        self.feedback.invalidate_recordset()

    def _activities(self, user):
        return self.env["mail.activity"].search(
            [("res_model", "=", "crm.vn.feedback"), ("res_id", "=", self.feedback.id), ("user_id", "=", user.id)]
        )

    def test_the_job_writes_in_the_language_of_the_person_escalated_to(self):
        """Run as the scheduler runs it (its own user, no language in the context): the note, the to-do and the
        notification are in Vietnamese for Hùng, whose language is Vietnamese."""
        self.env["res.lang"]._activate_lang("vi_VN")
        self.env["ir.module.module"]._load_module_terms(["crm_vn_feedback"], ["vi_VN"], overwrite=True)
        self.user_leader.lang = "vi_VN"
        self._run_cron("2026-03-02 07:30:00")
        feedback = self.feedback
        self.assertEqual(feedback.escalation_level, 1)
        [activity] = self._activities(self.user_leader)
        self.assertEqual(activity.summary, f"Phản ánh được chuyển cấp {feedback.reference}")
        note = feedback.message_ids.filtered(lambda m: "level 1" in (m.body or "") or "cấp 1" in (m.body or ""))
        self.assertIn("Quá hạn: đã chuyển cấp lên cấp 1", note.body)
        notification = self.env["mail.message"].search(
            [("partner_ids", "in", self.user_leader.partner_id.ids), ("model", "=", "crm.vn.feedback")]
        )
        self.assertIn(f"Phản ánh {feedback.reference} đã được chuyển cấp cho bạn", notification.mapped("subject"))

    def test_every_level_once(self):
        feedback = self.feedback
        self.assertEqual(feedback.sla_deadline, datetime(2026, 3, 2, 7, 0))
        self._run_cron("2026-03-02 06:59:00")
        self.assertEqual(feedback.escalation_level, 0, "not breached yet")

        # First breach: to the team leader Hùng, 4 working hours from 14:30 = Tuesday 09:30 (02:30 UTC).
        self._run_cron("2026-03-02 07:30:00")
        self.assertEqual(feedback.escalation_level, 1)
        self.assertEqual(feedback.escalated_user_id, self.user_leader)
        self.assertEqual(feedback.sla_deadline, datetime(2026, 3, 3, 2, 30))
        self.assertEqual(len(self._activities(self.user_leader)), 1)
        self.assertIn(self.user_leader.partner_id, feedback.message_partner_ids)
        step = feedback.escalation_ids
        self.assertRecordValues(
            step,
            [
                {
                    "level": 1,
                    "trigger": "auto",
                    "user_id": self.user_leader.id,
                    "previous_user_id": self.user_member.id,
                    "breached_deadline": datetime(2026, 3, 2, 7, 0),
                    "new_deadline": datetime(2026, 3, 3, 2, 30),
                }
            ],
        )
        notified = self.env["mail.notification"].search(
            [("res_partner_id", "=", self.user_leader.partner_id.id), ("mail_message_id.res_id", "=", feedback.id)]
        )
        self.assertTrue(notified, "the team leader is notified")
        self.assertTrue(feedback.message_ids.filtered(lambda m: "level 1" in (m.body or "")))

        # The same breach again (job re-run, later the same day): nothing changes.
        messages = len(feedback.message_ids)
        self._run_cron("2026-03-02 07:45:00")
        self._run_cron("2026-03-02 09:00:00")
        self.assertEqual(feedback.escalation_level, 1)
        self.assertEqual(len(feedback.escalation_ids), 1)
        self.assertEqual(len(self._activities(self.user_leader)), 1)
        self.assertEqual(len(feedback.message_ids), messages)

        # Second breach: to the sales manager, 8 working hours from Tuesday 10:00 = Wednesday 10:00.
        self._run_cron("2026-03-03 03:00:00")
        self.assertEqual(feedback.escalation_level, 2)
        self.assertEqual(feedback.escalated_user_id, self.user_manager)
        self.assertEqual(feedback.sla_deadline, datetime(2026, 3, 4, 3, 0))
        self.assertEqual(len(self._activities(self.user_manager)), 1)

        # Top of the ladder: a third breach stays breached but goes nowhere.
        self._run_cron("2026-03-05 03:00:00")
        self.assertEqual(feedback.escalation_level, 2)
        self.assertEqual(len(feedback.escalation_ids), 2)
        with freeze_time("2026-03-05 03:00:00"):
            feedback.invalidate_recordset(["sla_status"])
            self.assertEqual(feedback.sla_status, "breached")

    def test_what_the_escalated_person_gets_works_as_odoo_s_own(self):
        """The note, the activity and the following are written in bulk: Odoo's own features work on them."""
        self._run_cron("2026-03-02 07:30:00")
        leader = self.user_leader
        feedback = self.feedback.with_user(leader)
        note = feedback.message_ids.filtered(lambda m: "level 1" in (m.body or ""))
        self.assertEqual(len(note), 1)
        # the chatter as the web client loads it, for the leader
        store = Store(feedback, as_thread=True, request_list=["followers", "activities"]).get_result()
        store |= Store(note.with_user(leader), for_current_user=True).get_result()
        [message] = [m for m in store["mail.message"] if m["id"] == note.id]
        self.assertEqual(message["author"], {"id": self.env.ref("base.partner_root").id, "type": "partner"})
        self.assertTrue(message["is_note"])
        self.assertEqual([a["id"] for a in store["mail.activity"]], feedback.activity_ids.ids)
        self.assertIn(f"Deadline breached: escalated to level 1: {leader.name}. New deadline: 09:30", note.body)
        activity = feedback.activity_ids
        self.assertRecordValues(
            activity,
            [{"user_id": leader.id, "res_name": self.feedback.display_name, "summary":
              f"Escalated feedback {self.feedback.reference}", "activity_type_id":
              self.env.ref("crm_vn_feedback.mail_activity_type_feedback_escalated").id}],
        )  # fmt: skip
        with freeze_time("2026-03-03 01:00:00"):
            systray = leader.with_user(leader)._get_activity_groups()
        self.assertEqual([g["total_count"] for g in systray if g.get("model") == "crm.vn.feedback"], [1])
        follower = self.feedback.message_follower_ids.filtered(lambda f: f.partner_id == leader.partner_id)
        self.assertEqual(
            follower.subtype_ids, self.env["mail.message.subtype"].default_subtypes(self.feedback._name)[0]
        )
        activity.action_feedback(feedback="Đã gọi lại cho khách")
        self.assertFalse(feedback.activity_ids)
        self.assertTrue(feedback.message_ids.filtered(lambda m: "Đã gọi lại cho khách" in (m.body or "")))

    def test_contract_quick_entry_breached_by_hand(self):
        """As an outside check would: quick entry, deadline moved into the past, the cron by its XML id."""
        feedback = self.Feedback.create({"name": "Hỏng hàng", "partner_id": self.customer_member.id, "priority": "3"})
        self.assertEqual(feedback.escalation_level, 0)
        self.assertGreater(feedback.sla_deadline, datetime.now())
        for level in (1, 2):
            feedback.sla_deadline = datetime(2020, 1, 1)
            for __ in range(2):  # the second run finds nothing new to do
                self.cron.method_direct_trigger()
                feedback.invalidate_recordset()
                self.assertEqual(feedback.escalation_level, level)
                self.assertGreater(feedback.sla_deadline, datetime.now(), "the new level's deadline")
            self.assertEqual(len(feedback.escalation_ids), level)
        self.assertEqual(feedback.escalated_user_id, self.user_manager)
        feedback.sla_deadline = datetime(2020, 1, 1)
        self.cron.method_direct_trigger()
        feedback.invalidate_recordset()
        self.assertEqual(feedback.escalation_level, 2, "no level above the last one")
        feedback.write({"resolution": "<p>Đã xử lý xong.</p>"})
        feedback.action_resolve()
        self.assertFalse(feedback.sla_deadline, "nothing left to breach")

    def test_resolved_and_closed_never_escalated(self):
        done = self.Feedback.browse()
        with freeze_time(MONDAY_9AM):
            for state in ("resolved", "closed", "cancelled"):
                feedback = self.Feedback.create({"name": state, "partner_id": self.customer_member.id, "priority": "3"})
                feedback.with_context(crm_vn_feedback_no_rating=True).write({"state": state})
                done |= feedback
        self._run_cron("2026-03-20 03:00:00")
        self.assertEqual(done.mapped("escalation_level"), [0, 0, 0])
        self.assertFalse(done.escalation_ids)
        self.assertEqual(self.feedback.escalation_level, 1, "the open one, in the same run, was escalated")

    def test_leader_own_customer_goes_to_manager(self):
        with freeze_time(MONDAY_9AM):
            feedback = self.Feedback.create({"name": "Sai giá", "partner_id": self.customer_leader.id, "priority": "1"})
        self._run_cron("2026-03-02 07:30:00")
        feedback.invalidate_recordset()
        self.assertEqual(feedback.escalation_level, 1)
        self.assertEqual(feedback.escalated_user_id, self.user_manager, "the leader is the assignee")

    def test_many_breaches_one_digest(self):
        with freeze_time(MONDAY_9AM):
            many = self.Feedback.create(
                [{"name": f"Phản ánh {i}", "partner_id": self.customer_member.id, "priority": "1"} for i in range(12)]
            )
        self._run_cron("2026-03-02 07:30:00")
        many.invalidate_recordset()
        self.assertEqual(set(many.mapped("escalation_level")), {1})
        self.assertEqual(len(many.escalation_ids), 12)
        digest = self.env["mail.message"].search(
            [("partner_ids", "in", self.user_leader.partner_id.ids), ("model", "=", False)]
        )
        self.assertEqual(len(digest), 1, "one message lists the 13 escalated feedbacks")
        self.assertIn(many[0].reference, digest.body)

    def test_scheduler_runs_one_batch_per_call(self):
        """Under the scheduler, one batch per call and the rest reported: the scheduler commits each batch (row
        locks released, notified escalations kept) and calls again (Odoo's batched crons)."""
        with freeze_time(MONDAY_9AM):
            many = self.Feedback.create(
                [{"name": f"Phản ánh {i}", "partner_id": self.customer_member.id, "priority": "1"} for i in range(4)]
            )
        progress = self.env["ir.cron.progress"].create({"cron_id": self.cron.id})
        Feedback = self.env["crm.vn.feedback"].with_context(ir_cron_progress_id=progress.id)
        with freeze_time("2026-03-02 07:30:00"):
            self.assertEqual(Feedback._cron_escalate(batch_size=2), 2)
            self.assertEqual((progress.done, progress.remaining), (2, 3))
            self.assertEqual(Feedback._cron_escalate(batch_size=2), 2)
            self.assertEqual(Feedback._cron_escalate(batch_size=2), 1)
            self.assertEqual((progress.done, progress.remaining), (1, 0), "each call reports its own batch")
            self.assertEqual(Feedback._cron_escalate(batch_size=2), 0)
        self.assertEqual(set((many | self.feedback).mapped("escalation_level")), {1})

    def test_level_reset_by_hand_does_not_repeat_a_step(self):
        """A manager lowering the level by hand: the job goes on from the recorded steps, it does not fail."""
        self._run_cron("2026-03-02 07:30:00")
        self.assertEqual(self.feedback.escalation_level, 1)
        self.feedback.with_user(self.user_manager).write({"escalation_level": 0})
        self._run_cron("2026-03-04 07:30:00")
        self.assertEqual(self.feedback.escalation_ids.mapped("level"), [2, 1])
        self.assertEqual(self.feedback.escalation_level, 2)

    def test_manual_escalation(self):
        with self.assertRaises(UserError):
            self.feedback.with_user(self.user_member).action_escalate()
        with freeze_time("2026-03-02 03:00:00"):
            self.feedback.with_user(self.user_leader).action_escalate()
        self.assertEqual(self.feedback.escalation_level, 1)
        self.assertEqual(
            self.feedback.escalated_user_id, self.user_manager, "the leader escalating by hand hands over upwards"
        )
        self.assertRecordValues(
            self.feedback.escalation_ids, [{"trigger": "manual", "escalated_by_id": self.user_leader.id}]
        )
        self.feedback.with_user(self.user_manager).action_escalate()
        self.assertEqual(self.feedback.escalation_level, 2)
        with self.assertRaises(UserError):
            self.feedback.with_user(self.user_manager).action_escalate()

    def _commit_tracking(self):
        """Tracking is written when the transaction commits (and skips records created in it)."""
        self.env.flush_all()
        self.env.cr.precommit.run()
        self.env.invalidate_all()

    def test_reassign_by_hand(self):
        self._commit_tracking()  # the feedback was created in an earlier transaction
        self.feedback.with_user(self.user_manager).user_id = self.user_other
        self.assertEqual(self.feedback.user_id, self.user_other)
        self._commit_tracking()
        self.assertTrue(self.feedback.message_ids.tracking_value_ids.filtered(lambda t: t.field_id.name == "user_id"))


@slow
@tagged("post_install", "-at_install", "crm_vn_feedback", "crm_vn_commit")
class TestEscalationTwoWorkers(TransactionCase):
    """Two workers run the escalation job at once (two real cursors, committed data, cleaned up)."""

    def test_two_workers_escalate_once(self):
        """Commits for real in two cursors (tag crm_vn_commit); what they made is removed in ``finally``."""
        dbname = self.env.cr.dbname
        with committed_env(dbname, {"crm_vn_feedback_no_ack": True}) as env:
            partner = env["res.partner"].create({"name": "Khách Thử Song Song"})
            # Received long ago: its deadline has passed for real, no clock to freeze in the threads.
            feedback = env["crm.vn.feedback"].create(
                {"name": "Song song", "partner_id": partner.id, "priority": "3", "date_received": "2026-03-02 02:00:00"}
            )
            feedback_id, partner_id = feedback.id, partner.id
        try:
            results = run_in_workers(
                dbname, [lambda env: env["crm.vn.feedback"].browse(feedback_id)._cron_escalate()] * 2
            )
            with committed_env(dbname) as env:
                feedback = env["crm.vn.feedback"].browse(feedback_id)
                level, steps = feedback.escalation_level, len(feedback.escalation_ids)
        finally:
            with committed_env(dbname) as env:
                env["crm.vn.feedback"].browse(feedback_id).exists().unlink()
                env["res.partner"].browse(partner_id).exists().unlink()
        self.assertEqual(level, 1)
        self.assertEqual(steps, 1)
        self.assertEqual([r for r in results if r == 1], [1], results)
        self.assertTrue(set(results) <= {0, 1, "SerializationFailure"}, results)


@tagged("post_install", "-at_install", "crm_vn_feedback")
class TestEscalationQueries(CrmVnFeedbackCommon):
    """Escalation writes in groups: each breach beyond the first costs less than one query."""

    def _queries(self, count):
        with freeze_time(MONDAY_9AM):
            feedbacks = self.Feedback.create(
                [
                    {"name": f"Phản ánh {i}", "partner_id": self.customer_member.id, "priority": "1"}
                    for i in range(count)
                ]
            )
        self.env.flush_all()
        self.env.invalidate_all()
        with freeze_time("2026-03-02 07:30:00"):
            before = self.env.cr.sql_log_count
            escalated = self.env["crm.vn.feedback"].browse(feedbacks.ids)._cron_escalate()
            self.env.flush_all()
            queries = self.env.cr.sql_log_count - before
        self.assertEqual(escalated, count)
        return queries

    def test_queries_do_not_grow_with_breaches(self):
        few = self._queries(2)
        many = self._queries(24)
        self.assertLess(many - few, 24 - 2, (few, many))
