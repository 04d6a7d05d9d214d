import re
from datetime import datetime

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, freeze_time, tagged
from odoo.tools import html2plaintext

from .common import CrmVnFeedbackCommon

# 2026: Hùng Kings' day is Sunday 26 April, compensated on Monday 27 April;
# Thursday 30 April and Friday 1 May are public holidays too.
FRIDAY_4PM = datetime(2026, 4, 24, 9, 0)  # Friday 24 April 2026, 16:00 in Vietnam


@tagged("post_install", "-at_install", "crm_vn_feedback")
class TestFeedback(CrmVnFeedbackCommon):
    def test_quick_entry_defaults(self):
        """name, partner_id and priority are enough (contract): the rest has defaults."""
        feedback = self.Feedback.create(
            {"name": "Giao sai màu", "partner_id": self.customer_member.id, "priority": "2"}
        )
        self.assertRegex(feedback.reference, r"^PH\d{4}-\d{5}$")
        self.assertEqual(feedback.user_id, self.user_member, "assigned to the customer's salesperson")
        self.assertEqual(feedback.team_id, self.team_hanoi)
        self.assertEqual(feedback.state, "new")
        self.assertEqual(feedback.channel, "call")
        self.assertEqual(feedback.feedback_type, "complaint")
        self.assertEqual(feedback.escalation_level, 0)
        self.assertEqual(feedback.sla_policy_id, self.env.ref("crm_vn_feedback.crm_vn_feedback_sla_complaint_high"))
        self.assertTrue(feedback.sla_deadline)
        self.assertIn(feedback.reference, feedback.display_name)
        other = self.Feedback.create({"name": "Hỏi giá", "partner_id": self.customer_member.id, "priority": "0"})
        self.assertNotEqual(other.reference, feedback.reference)

    def test_contact_follows_company_owner(self):
        feedback = self.Feedback.create({"name": "Hóa đơn sai", "partner_id": self.contact_other.id, "priority": "1"})
        self.assertEqual(feedback.user_id, self.user_other)
        self.assertEqual(feedback.commercial_partner_id, self.company_other)

    def test_quick_entry_form_as_salesperson(self):
        form = Form(
            self.Feedback.with_user(self.user_member), view="crm_vn_feedback.crm_vn_feedback_view_form_quick_create"
        )
        form.name = "Máy kêu to"
        form.partner_id = self.customer_member
        form.priority = "3"
        feedback = form.save()
        self.assertEqual(feedback.user_id, self.user_member)
        self.assertEqual(feedback.priority, "3")

    def test_deadlines_across_holidays(self):
        """Friday 16:00, before the Hùng Kings' long weekend and 30/4-1/5 (hand-computed)."""
        medium = self.Feedback.create(
            {
                "name": "Giao hàng trễ",
                "partner_id": self.customer_member.id,
                "priority": "1",
                "date_received": FRIDAY_4PM,
            }
        )
        # 4 h: Friday 16-17, Monday 27 off, Tuesday 28 08-11.
        self.assertEqual(medium.response_deadline, datetime(2026, 4, 28, 4, 0))
        # 24 h: Fri 1 h, Tue 8 h, Wed 8 h, Thu 30/4 and Fri 1/5 off, Mon 4 May 08-12 and 13-16.
        self.assertEqual(medium.resolution_deadline, datetime(2026, 5, 4, 9, 0))
        self.assertEqual(medium.sla_deadline, datetime(2026, 4, 28, 4, 0), "first response due first")
        urgent = self.Feedback.create(
            {"name": "Cháy máy", "partner_id": self.customer_member.id, "priority": "3", "date_received": FRIDAY_4PM}
        )
        self.assertEqual(urgent.response_deadline, datetime(2026, 4, 24, 10, 0), "17:00 the same Friday")
        self.assertEqual(urgent.resolution_deadline, datetime(2026, 4, 28, 9, 0), "Tuesday 16:00")
        medium.action_acknowledge()
        self.assertEqual(medium.sla_deadline, datetime(2026, 5, 4, 9, 0), "acknowledged: resolution due next")

    def test_deadlines_without_vietnamese_holidays(self):
        # a company that works on the holidays deletes them from its time off
        self.env["resource.calendar.leaves"].search(
            [("company_id", "=", self.env.company.id), ("l10n_vn_holiday", "!=", False)]
        ).unlink()
        question = self.Feedback.create(
            {
                "name": "Hỏi bảo hành",
                "partner_id": self.customer_member.id,
                "priority": "1",
                "feedback_type": "question",
                "date_received": FRIDAY_4PM,
            }
        )
        # Default policy, 8 h: Friday 16-17, Monday 27 (a working day now) 08-12 and 13-16.
        self.assertEqual(question.response_deadline, datetime(2026, 4, 27, 9, 0))

    def test_vietnamese_office_hours_installed(self):
        """The calendar installed for the main company: 8-12 and 13-17, Monday to Friday, Hà Nội time."""
        office = self.env.ref("crm_vn_feedback.resource_calendar_vn_office")
        self.env.company.crm_vn_feedback_calendar_id = office
        self.assertEqual(office.tz, "Asia/Ho_Chi_Minh")
        attendance = office.attendance_ids.filtered(lambda a: a.day_period != "lunch")
        self.assertEqual(
            sorted((int(a.dayofweek), a.hour_from, a.hour_to) for a in attendance),
            sorted((day, start, end) for day in range(5) for start, end in [(8, 12), (13, 17)]),
        )
        medium = self.Feedback.create(
            {
                "name": "Giao hàng trễ",
                "partner_id": self.customer_member.id,
                "priority": "1",
                "date_received": FRIDAY_4PM,
            }
        )
        self.assertEqual(
            medium.response_deadline, datetime(2026, 4, 28, 4, 0), "Tuesday 11:00, as with the test calendar"
        )

    def test_calendar_public_holiday_added_by_admin(self):
        """A day off decided by the government is entered on the calendar and stops the clock."""
        self.env["resource.calendar.leaves"].create(
            {
                "name": "Nghỉ bù",
                "calendar_id": self.calendar.id,
                "date_from": datetime(2026, 4, 28, 1, 0),
                "date_to": datetime(2026, 4, 28, 10, 0),
            }
        )
        medium = self.Feedback.create(
            {
                "name": "Giao hàng trễ",
                "partner_id": self.customer_member.id,
                "priority": "1",
                "date_received": FRIDAY_4PM,
            }
        )
        self.assertEqual(medium.response_deadline, datetime(2026, 4, 29, 4, 0), "Wednesday 11:00")

    def test_sla_status_over_time(self):
        feedback = self.Feedback.create(
            {
                "name": "Giao hàng trễ",
                "partner_id": self.customer_member.id,
                "priority": "1",
                "date_received": FRIDAY_4PM,
            }
        )
        Feedback = self.Feedback.with_user(self.user_member)
        domain = [("id", "=", feedback.id)]
        for now, status in (
            ("2026-04-28 01:30:00", "on_time"),
            ("2026-04-28 03:00:00", "at_risk"),
            ("2026-04-28 04:00:00", "breached"),
        ):
            with self.subTest(now=now), freeze_time(now):
                feedback.invalidate_recordset(["sla_status"])
                self.assertEqual(feedback.sla_status, status)
                self.assertEqual(Feedback.search([*domain, ("sla_status", "=", status)]).ids, feedback.ids)
                others = [s for s in ("on_time", "at_risk", "breached", "done") if s != status]
                self.assertFalse(Feedback.search([*domain, ("sla_status", "in", others)]))
                self.assertEqual(Feedback.search([*domain, ("sla_status", "!=", status)]).ids, [])

    def test_workflow_dates_and_result(self):
        with freeze_time("2026-04-24 09:00:00"):
            feedback = self.Feedback.create(
                {"name": "Đổi size", "partner_id": self.customer_member.id, "priority": "1"}
            )
        with freeze_time("2026-04-28 02:00:00"):
            feedback.action_acknowledge()
            feedback.action_start()
        self.assertEqual(feedback.date_acknowledged, datetime(2026, 4, 28, 2, 0))
        self.assertEqual(feedback.state, "in_progress")
        with freeze_time("2026-04-29 03:00:00"):
            feedback.with_context(crm_vn_feedback_no_rating=True).write({"resolution": "<p>Đã xử lý xong.</p>"})
            feedback.with_context(crm_vn_feedback_no_rating=True).action_resolve()
        self.assertEqual(feedback.state, "resolved")
        self.assertEqual(feedback.date_resolved, datetime(2026, 4, 29, 3, 0))
        self.assertFalse(feedback.sla_deadline, "nothing left to breach")
        self.assertEqual(feedback.sla_status, "done")
        self.assertEqual(feedback.sla_result, "met")
        self.assertEqual(feedback.date_acknowledged, datetime(2026, 4, 28, 2, 0), "first response kept")
        with self.assertRaises(UserError):
            feedback.action_cancel()
        feedback.action_close()
        self.assertTrue(feedback.date_closed)
        feedback.action_reopen()
        self.assertEqual(feedback.state, "in_progress")
        self.assertFalse(feedback.date_resolved)
        self.assertEqual(feedback.sla_deadline, datetime(2026, 5, 4, 9, 0))

    def test_late_resolution_is_missed(self):
        with freeze_time("2026-04-24 09:00:00"):
            feedback = self.Feedback.create(
                {"name": "Đổi size", "partner_id": self.customer_member.id, "priority": "1"}
            )
        with freeze_time("2026-05-05 09:00:00"):
            feedback.with_context(crm_vn_feedback_no_rating=True).write({"resolution": "<p>Đã xử lý xong.</p>"})
            feedback.with_context(crm_vn_feedback_no_rating=True).action_resolve()
        self.assertEqual(feedback.sla_result, "missed")

    def test_wrong_transitions_are_refused(self):
        feedback = self.Feedback.create({"name": "Hỏi giá", "partner_id": self.customer_member.id, "priority": "0"})
        feedback.action_cancel()
        for action in (feedback.action_resolve, feedback.action_acknowledge, feedback.action_close):
            with self.subTest(action=action.__name__), self.assertRaises(UserError):
                action()
        self.assertEqual(feedback.state, "cancelled")

    def test_bad_input_leaves_nothing(self):
        before = self.Feedback.search_count([])
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self.Feedback.create(
                [
                    {"name": "Hợp lệ", "partner_id": self.customer_member.id, "priority": "1"},
                    {"name": "Thiếu khách", "priority": "1"},
                ]
            )
        self.assertEqual(self.Feedback.search_count([]), before)
        with self.assertRaises(ValidationError):
            self.env["crm.vn.feedback.sla"].create({"name": "Sai", "response_hours": 10, "resolution_hours": 5})
        with self.assertRaises(ValidationError):
            self.env["crm.vn.feedback.escalation.level"].create({"level": 3, "name": "X", "target": "user"})

    def test_customer_smart_button(self):
        self.Feedback.create({"name": "Hỏi giá", "partner_id": self.contact_other.id, "priority": "0"})
        self.Feedback.create({"name": "Khen", "partner_id": self.company_other.id, "priority": "0"})
        self.assertEqual(self.company_other.feedback_count, 2)
        self.assertEqual(self.contact_other.feedback_count, 2, "a contact sees the company's feedback")
        action = self.contact_other.action_view_feedback()
        self.assertEqual(self.env["crm.vn.feedback"].search_count(action["domain"]), 2)
        self.assertEqual(action["context"]["default_partner_id"], self.contact_other.id)
        self.assertTrue(re.match(r"^PH\d{4}-", self.company_other.feedback_ids.reference))

    def test_acknowledgement_names_both_deadlines(self):
        """The customer is told when they will hear from us and when it should be resolved, in Vietnam's time and
        the Vietnamese way of writing it (hand-computed in test_deadlines_across_holidays), and by whom."""
        self.env["res.lang"]._activate_lang("vi_VN")
        self.customer_member.write({"email": "cuong.tran@example.vn", "lang": "vi_VN"})
        feedback = (
            self.env["crm.vn.feedback"]
            .with_user(self.user_member)
            .create(
                {
                    "name": "Giao hàng trễ",
                    "partner_id": self.customer_member.id,
                    "priority": "1",
                    "date_received": FRIDAY_4PM,
                }
            )
        )
        [ack] = feedback.message_ids.filtered(lambda message: feedback.reference in (message.body or ""))
        text = re.sub(r"\s+", " ", html2plaintext(ack.body))
        self.assertIn(f"Chuyên viên {self.user_member.name} sẽ trực tiếp phụ trách", text)
        self.assertIn("Chúng tôi sẽ phản hồi Quý khách trước 11:00 ngày 28/04/2026.", text)
        self.assertIn("Chúng tôi phấn đấu giải quyết xong trước 16:00 ngày 04/05/2026.", text)

    def test_open_is_one_definition(self):
        """Open: to acknowledge, acknowledged or in progress; the Open filter, the handover of open cases and the
        reports read the same field, which follows the stage."""
        feedback = self.env["crm.vn.feedback"].create(
            {"name": "Máy lạnh chảy nước", "partner_id": self.customer_member.id, "priority": "1"}
        )
        Feedback = self.env["crm.vn.feedback"]
        open_filter = [("is_open", "=", True), ("id", "=", feedback.id)]
        self.assertTrue(feedback.is_open)
        feedback.action_acknowledge()
        feedback.action_start()
        self.assertEqual(Feedback.search(open_filter), feedback)
        feedback.resolution = "<p>Đã thay ống thoát nước</p>"
        feedback.action_resolve()
        self.assertFalse(feedback.is_open)
        self.assertFalse(Feedback.search(open_filter))
