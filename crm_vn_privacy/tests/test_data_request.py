import base64
import json
from datetime import date, datetime

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import freeze_time, tagged
from odoo.tools import format_date

from odoo.addons.crm_vn_customer.tests.common import CrmVnCustomerCommon


@tagged("post_install", "-at_install", "crm_vn_privacy")
class TestWorkingDays(CrmVnCustomerCommon):
    """Answer deadlines in working days of the company's calendar (Monday to Friday) without its time off, where
    the Vietnamese public holidays of 2026 and 2027 are written."""

    def _deadline(self, start, days):
        self.env.company.crm_vn_dsr_answer_days = days
        return self.env.company._crm_vn_dsr_answer_deadline(start)

    def test_answer_deadlines(self):
        # (start, days, expected), counted by hand on the 2026-2027 calendar
        table = [
            # Monday + 2: Wednesday
            (date(2026, 3, 2), 2, date(2026, 3, 4)),
            # Thursday + 2: over the weekend to Monday
            (date(2026, 3, 5), 2, date(2026, 3, 9)),
            # Saturday + 1: Monday (the start day is never counted)
            (date(2026, 3, 7), 1, date(2026, 3, 9)),
            # Friday 24/4: Sat, Sun 26/4 (Hùng Kings), Mon 27/4 off in lieu; Tue 28 (1), Wed 29 (2)
            (date(2026, 4, 24), 2, date(2026, 4, 29)),
            (date(2026, 4, 24), 1, date(2026, 4, 28)),
            # Wednesday 29/4: Thu 30/4, Fri 1/5 off, weekend; Mon 4/5 (1), Tue 5/5 (2)
            (date(2026, 4, 29), 2, date(2026, 5, 5)),
            # Friday 13/2 before Tết (16-20/2): Mon 23 (1), Tue 24 (2)
            (date(2026, 2, 13), 2, date(2026, 2, 24)),
            # over the new year: Fri 1/1/2027 off, weekend; Mon 4 (1), Tue 5 (2)
            (date(2026, 12, 31), 2, date(2027, 1, 5)),
        ]
        for start, days, expected in table:
            with self.subTest(start=start, days=days):
                self.assertEqual(self._deadline(start, days), expected)

    def test_six_day_week_and_no_holidays(self):
        calendar = self.env.company.resource_calendar_id
        # Saturday mornings worked too: Fri 6/3 + 2 = Sat 7 (1), Mon 9 (2)
        calendar.attendance_ids = [
            Command.create({"name": "Sáng thứ Bảy", "dayofweek": "5", "hour_from": 8, "hour_to": 12})
        ]
        self.assertEqual(self._deadline(date(2026, 3, 6), 2), date(2026, 3, 9))
        # a company that works on the holidays deletes them: Fri 24/4 + 2 = Sat 25 (1), Mon 27 (2)
        self.env["resource.calendar.leaves"].search(
            [("company_id", "=", self.env.company.id), ("l10n_vn_holiday", "!=", False)]
        ).unlink()
        self.assertEqual(self._deadline(date(2026, 4, 24), 2), date(2026, 4, 27))


class DataRequestCommon(CrmVnCustomerCommon):
    def _request(self, partner, received, request_type="access", user=None, **vals):
        Request = self.env["crm.vn.data.request"].with_user(user or self.user_leader)
        return Request.create(
            {"partner_id": partner.id, "request_type": request_type, "date_received": received, **vals}
        )


@tagged("post_install", "-at_install", "crm_vn_privacy")
class TestDataRequest(DataRequestCommon):
    """Data-subject requests (Law 91/2025/QH15, Decree 356/2025/NĐ-CP) handled by Hùng (``user_leader``)."""

    @freeze_time("2026-04-24 03:00")
    def test_deadlines(self):
        request = self._request(self.customer_leader, date(2026, 4, 24))
        self.assertRegex(request.reference, r"^YC2026-\d{5}$")
        self.assertEqual(request.user_id, self.user_leader)
        self.assertEqual(request.state, "new")
        self.assertEqual(request.answer_deadline, date(2026, 4, 29))
        self.assertEqual(request.completion_deadline, date(2026, 5, 9))
        with self.assertRaisesRegex(UserError, "data processor"):  # 5 more days: a sales administrator's call
            request.involves_processor = True
        request.with_user(self.user_manager).involves_processor = True
        self.assertEqual(request.completion_deadline, date(2026, 5, 14))
        # a later received date (a sales administrator's correction: it pushes the deadlines back)
        request.with_user(self.user_manager).write({"date_received": date(2026, 4, 29), "involves_processor": False})
        self.assertEqual(request.answer_deadline, date(2026, 5, 5))
        self.assertEqual(request.completion_deadline, date(2026, 5, 14))
        other = self._request(self.customer_leader, date(2026, 4, 29))
        self.assertNotEqual(other.reference, request.reference)

    def test_deadlines_follow_company_settings(self):
        self.env.company.write({"crm_vn_dsr_answer_days": 1, "crm_vn_dsr_completion_days": 10})
        request = self._request(self.customer_leader, date(2026, 4, 29))
        # Thu 30/4 and Fri 1/5 off, weekend: Mon 4/5 (1)
        self.assertEqual(request.answer_deadline, date(2026, 5, 4))
        self.assertEqual(request.completion_deadline, date(2026, 5, 9))

    def test_state_flow(self):
        request = self._request(self.customer_leader, date(2026, 4, 24))
        self.cr.flush()  # end of the creating transaction: later changes are tracked
        with freeze_time("2026-04-28 03:00"):
            request.action_answer()
            self.cr.flush()  # end of the first transaction: tracking written
        self.assertEqual(request.state, "answered")
        self.assertEqual(request.date_answered, date(2026, 4, 28))
        with self.assertRaises(UserError):
            request.action_answer()
        with freeze_time("2026-05-04 03:00"):
            request.action_done()
            self.cr.flush()
        self.assertEqual(request.state, "done")
        self.assertEqual(request.date_done, date(2026, 5, 4))
        for action in (request.action_answer, request.action_done, request.action_refuse):
            with self.subTest(action=action.__name__), self.assertRaises(UserError):
                action()
        bodies = " ".join(request.message_ids.mapped("body"))
        self.assertIn("The customer was answered.", bodies)
        self.assertIn("The request was carried out.", bodies)
        tracked = request.sudo().message_ids.tracking_value_ids.filtered(lambda t: t.field_id.name == "state")
        self.assertEqual(len(tracked), 2)

    def test_steps_are_not_edited_by_hand(self):
        """The request is the company's evidence: its steps go through the buttons, each logged."""
        request = self._request(self.customer_member, date(2026, 4, 24), user=self.user_member)
        mine = request.with_user(self.user_member)
        for vals in (
            {"state": "done"},
            {"escalated_answer": True},
            {"escalated_completion": True},
            {"date_done": date(2026, 4, 25)},
            {"answer_deadline": date(2026, 6, 1)},
            {"reference": "YC-FAKE"},
        ):
            with self.subTest(vals=vals), self.assertRaisesRegex(UserError, "never written by hand"):
                mine.write(vals)
        with self.assertRaisesRegex(UserError, "never written by hand"):
            self._request(self.customer_member, date(2026, 4, 24), user=self.user_member, state="done")
        # the received date: earlier by anyone, later by a sales administrator only
        with self.assertRaisesRegex(UserError, "Only a sales administrator"):
            mine.date_received = date(2026, 4, 27)
        mine.date_received = date(2026, 4, 23)
        request.with_user(self.user_manager).date_received = date(2026, 4, 27)
        self.assertEqual((request.state, request.date_received), ("new", date(2026, 4, 27)))
        # nor deleted, even by a sales administrator
        with self.assertRaises(AccessError):
            request.with_user(self.user_manager).unlink()
        # nor set through the context's defaults, nor with a made-up context key
        forged = (
            self.env["crm.vn.data.request"]
            .with_user(self.user_member)
            .with_context(default_state="done", default_date_done="2020-01-01", crm_vn_dsr_workflow=True)
            .create(
                {"partner_id": self.customer_member.id, "request_type": "access", "date_received": date(2026, 4, 24)}
            )
        )
        self.assertEqual((forged.state, forged.date_done), ("new", False))
        with self.assertRaisesRegex(UserError, "never written by hand"):
            mine.with_context(crm_vn_dsr_workflow=True).write({"state": "done"})

    def test_closed_requests_are_kept_as_answered(self):
        request = self._request(self.customer_member, date(2026, 4, 24), user=self.user_member)
        mine = request.with_user(self.user_member)
        mine.request_type = "correction"
        mine.action_done()
        for vals in ({"request_type": "withdrawal"}, {"date_received": date(2020, 1, 1)}, {"description": "Sửa lại"}):
            with self.subTest(vals=vals), self.assertRaisesRegex(UserError, "is closed"):
                mine.write(vals)
        self.assertEqual((request.request_type, request.date_received), ("correction", date(2026, 4, 24)))
        mine.message_post(body="Khách xác nhận đã nhận được.")  # the chatter goes on

    def test_identity_check_follows_the_customer(self):
        request = self._request(self.customer_member, date(2026, 4, 24), user=self.user_member, identity_verified=True)
        mine = request.with_user(self.user_member)
        other = self.env["res.partner"].create({"name": "Trần Văn Khác", "user_id": self.user_member.id})
        mine.partner_id = other
        self.assertFalse(request.identity_verified, "checked for another customer")
        mine.identity_verified = True
        mine.request_type = "provision"
        self.assertFalse(request.identity_verified, "checked for another request")

    def test_done_only_once_carried_out(self):
        with freeze_time("2026-04-24 03:00"):
            deletion = self._request(self.customer_leader, date(2026, 4, 24), request_type="deletion")
            withdrawal = self._request(self.customer_leader, date(2026, 4, 24), request_type="withdrawal")
            objection = self._request(self.customer_leader, date(2026, 4, 24), request_type="objection")
            with self.assertRaisesRegex(UserError, "Anonymise button"):
                deletion.action_done()
            with self.assertRaisesRegex(UserError, "Record the withdrawal"):
                withdrawal.action_done()
            with self.assertRaisesRegex(UserError, "Record the objection"):
                objection.action_done()
            self.assertEqual({deletion.state, withdrawal.state, objection.state}, {"new"})
            self.env["crm.vn.consent"].with_user(self.user_leader).create(
                {
                    "partner_id": self.customer_leader.id,
                    "purpose": "marketing",
                    "channel": "all",
                    "state": "withdrawn",
                    "method": "call",
                }
            )
            withdrawal.action_done()
            objection.action_done()
        self.assertEqual((withdrawal.state, objection.state), ("done", "done"))

    def test_refuse_needs_reason(self):
        request = self._request(self.customer_leader, date(2026, 4, 24), request_type="deletion")
        with self.assertRaises(UserError):
            request.action_refuse()
        with self.assertRaises(UserError):
            request.action_refuse("   ")
        self.assertEqual(request.state, "new")
        request.refuse_reason = "Dữ liệu cần giữ theo Luật Kế toán."
        request.action_refuse()
        self.assertEqual(request.state, "refused")
        self.assertIn("Dữ liệu cần giữ theo Luật Kế toán.", request.message_ids[0].body)
        with self.assertRaises(UserError):
            request.action_done()

    def test_requests_follow_customer_ownership(self):
        request = self._request(self.customer_member, date(2026, 4, 24), user=self.user_member)
        # Hùng leads Lan's team; Tuấn does not
        self.assertEqual(request.with_user(self.user_leader).partner_id, self.customer_member)
        with self.assertRaises(AccessError):
            request.with_user(self.user_other).read(["reference"])
        Request = self.env["crm.vn.data.request"]
        self.assertNotIn(request, Request.with_user(self.user_other).search([]))
        self.assertIn(request, Request.with_user(self.user_all).search([]))
        with self.assertRaises(AccessError):
            request.with_user(self.user_member).unlink()
        with self.assertRaises(AccessError):
            Request.with_user(self.user_employee).search([])
        with self.assertRaises(AccessError):  # the company's record of the request: refused, never deleted
            request.with_user(self.user_manager).unlink()

    def test_requests_from_the_customer(self):
        request = self._request(self.customer_member, date(2026, 4, 24), user=self.user_member)
        customer = self.customer_member.with_user(self.user_member)
        self.assertEqual(customer.vn_data_request_count, 1)
        action = customer.action_view_vn_data_requests()
        self.assertEqual(self.env["crm.vn.data.request"].with_user(self.user_member).search(action["domain"]), request)
        self.assertEqual(action["context"]["default_partner_id"], self.customer_member.id)
        # someone who may not see the requests sees no count (and no error)
        self.assertEqual(self.customer_member.with_user(self.user_employee).vn_data_request_count, 0)

    def test_late_escalation_as_the_scheduler_runs_it(self):
        """The job, run by the scheduler (its own user, Europe/Brussels, no language): on 30 April at 23:30 UTC it is
        already 1 May in Vietnam; each manager's to-do is in their language, the note in the company's."""
        self.env["res.lang"]._activate_lang("vi_VN")
        self.env["ir.module.module"]._load_module_terms(["crm_vn_privacy"], ["vi_VN"], overwrite=True)
        self.user_manager.lang = "vi_VN"
        self.env.company.partner_id.lang = "vi_VN"
        request = self._request(self.customer_leader, date(2026, 4, 24))
        cron = self.env.ref("crm_vn_privacy.ir_cron_data_request_escalation")
        with freeze_time("2026-04-29 23:30"):  # 30 April 06:30 in Vietnam: the answer was due on 29 April
            cron.method_direct_trigger()
        todo = self.env["mail.activity"].search(
            [("res_model", "=", request._name), ("res_id", "=", request.id), ("user_id", "=", self.user_manager.id)]
        )
        self.assertEqual(todo.summary, f"Yêu cầu về dữ liệu {request.reference} đã quá hạn phản hồi (29/04/2026).")
        self.assertTrue(request.message_ids.filtered(lambda m: "đã quá hạn phản hồi" in (m.body or "")))

    def test_late_escalation(self):
        self.env.company.partner_id.lang = "en_US"  # the note is written in the company's language
        request = self._request(self.customer_leader, date(2026, 4, 24))
        answered = self._request(self.customer_leader, date(2026, 4, 24))
        answered.action_answer()
        managers = self.user_manager | self.user_admin
        Request = self.env["crm.vn.data.request"]

        def activities(record):
            return self.env["mail.activity"].search([("res_model", "=", record._name), ("res_id", "=", record.id)])

        with freeze_time("2026-04-29 10:00"):  # the answer deadline itself: not late yet
            Request._cron_escalate_late_requests()
            self.assertFalse(request.is_late)
            self.assertFalse(activities(request))
        with freeze_time("2026-04-30 02:00"):
            (request | answered).invalidate_recordset(["is_late"])  # computed on today's date
            self.assertTrue(request.is_late)
            self.assertFalse(answered.is_late)
            self.assertEqual(Request.search([("is_late", "=", True), ("id", "in", (request | answered).ids)]), request)
            self.assertEqual(
                Request.search([("is_late", "=", False), ("id", "in", (request | answered).ids)]), answered
            )
            Request._cron_escalate_late_requests()
            Request._cron_escalate_late_requests()
        todo = activities(request)
        self.assertTrue(managers <= todo.user_id)
        self.assertEqual(len(todo), len(todo.user_id), "one activity per manager")
        self.assertEqual(todo.activity_type_id, self.env.ref("mail.mail_activity_data_todo"))
        self.assertTrue(request.escalated_answer)
        self.assertFalse(activities(answered))
        posted = request.message_ids.filtered(lambda m: "was not answered by 29/04/2026" in (m.body or ""))
        self.assertEqual(len(posted), 1)
        # completion due 9 May: late on the 10th, for both requests, once
        with freeze_time("2026-05-10 02:00"):
            Request._cron_escalate_late_requests()
            Request._cron_escalate_late_requests()
        self.assertEqual(len(activities(request)), 2 * len(todo))
        self.assertEqual(len(activities(answered)), len(todo))
        self.assertEqual(activities(answered).user_id, todo.user_id)
        self.assertTrue(answered.escalated_completion)
        self.assertFalse(answered.escalated_answer)

    @freeze_time("2026-04-24 03:00")
    def test_export_personal_data(self):
        customer = self.customer_other
        self.env["crm.vn.consent"].with_user(self.user_other).create(
            {
                "partner_id": customer.id,
                "purpose": "marketing",
                "channel": "sms",
                "state": "given",
                "method": "form",
                "date": datetime(2026, 4, 1, 2, 0),
                "notice": "Tôi đồng ý nhận tin khuyến mãi qua SMS.",
            }
        )
        customer.message_post(body="Khách hỏi về bảo hành máy lọc nước.", message_type="comment")
        self.env["crm.lead"].create({"name": "Máy lọc nước cho nhà hàng", "partner_id": customer.id})
        request = self._request(
            customer, date(2026, 4, 24), request_type="provision", user=self.user_other, identity_verified=True
        )
        request.with_user(self.user_manager).action_export_personal_data()
        attachment = request.export_attachment_id
        self.assertEqual(attachment.mimetype, "application/json")
        self.assertIn("Export of the customer's personal data prepared", request.message_ids[0].body)
        self.assertFalse(request.message_ids.attachment_ids, "not in the chatter, which every handler reads")
        # Tuấn handles the request but may not read the file, which gathers other salespeople's records
        with self.assertRaises(AccessError):
            attachment.with_user(self.user_other).read(["datas"])
        with self.assertRaises(AccessError):
            request.with_user(self.user_other).read(["export_attachment_id"])
        found = (
            self.env["ir.attachment"]
            .with_user(self.user_other)
            .search([("res_model", "=", request._name), ("res_id", "=", request.id), ("res_field", "!=", False)])
        )
        self.assertFalse(found)
        self.assertTrue(attachment.with_user(self.user_manager).datas)
        raw = base64.b64decode(attachment.datas)
        self.assertIn("Hoàng Minh Đức".encode(), raw, "UTF-8, not \\u escapes")
        data = json.loads(raw)
        self.assertEqual(data["customer"]["name"], "Hoàng Minh Đức")
        self.assertEqual(data["customer"]["email"], "duc@example.vn")
        self.assertIn("903", data["customer"]["mobile"].replace(" ", ""))
        self.assertEqual(data["customer"]["user_id"], "Phạm Minh Tuấn")
        self.assertEqual(
            [(c["purpose"], c["channel"], c["state"], c["date"]) for c in data["consents"]],
            [("marketing", "sms", "given", "2026-04-01T02:00:00")],
        )
        self.assertEqual(data["consents"][0]["notice"], "Tôi đồng ý nhận tin khuyến mãi qua SMS.")
        self.assertIn("Khách hỏi về bảo hành máy lọc nước.", [m["body"] for m in data["messages"]])
        self.assertEqual([lead["name"] for lead in data["leads"]], ["Máy lọc nước cho nhà hàng"])
        self.assertEqual([r["reference"] for r in data["data_requests"]], [request.reference])
        # a second export lists the first request, not the first export's file again
        again = self._request(
            customer, date(2026, 4, 25), request_type="access", user=self.user_other, identity_verified=True
        )
        again.with_user(self.user_manager).action_export_personal_data()
        second = json.loads(base64.b64decode(again.export_attachment_id.datas))
        self.assertEqual(len(second["data_requests"]), 2)
        self.assertFalse([r for r in second["data_requests"] if "export_file" in r or "export_attachment_id" in r])
        self.assertNotIn("write_uid", data["customer"])

    def test_export_company_with_contacts(self):
        request = self._request(self.company_other, date(2026, 4, 24), user=self.user_other, identity_verified=True)
        request.with_user(self.user_manager).action_export_personal_data()
        data = json.loads(base64.b64decode(request.export_attachment_id.datas))
        self.assertEqual([c["name"] for c in data["contacts"]], ["Lý Thu Trang"])
        self.assertEqual(data["contacts"][0]["parent_id"], "Công ty TNHH Minh Phát")

    @freeze_time("2026-04-24 03:00")
    def test_export_by_a_sales_administrator_once_identity_checked(self):
        """The export gathers everything (here a contact of Đức's on an unassigned company): a sales administrator
        runs it, once the requester's identity was checked; Lan records the request."""
        company = self.env["res.partner"].create({"name": "Công ty Không Chủ", "is_company": True})
        self.env["res.partner"].create(
            {"name": "Liên Hệ Của Đức", "parent_id": company.id, "user_id": self.user_other.id, "phone": "0903 222 111"}
        )
        request = self._request(company, date(2026, 4, 24), user=self.user_member)
        with self.assertRaisesRegex(AccessError, "Only a sales administrator"):
            request.action_export_personal_data()
        with self.assertRaisesRegex(UserError, "identity"):
            request.with_user(self.user_manager).action_export_personal_data()
        self.assertFalse(request.export_attachment_id)
        request.identity_verified = True  # Lan called back the number on file
        with self.assertRaisesRegex(AccessError, "Only a sales administrator"):
            request.action_export_personal_data()
        request.with_user(self.user_manager).action_export_personal_data()
        data = json.loads(base64.b64decode(request.export_attachment_id.datas))
        self.assertEqual([c["name"] for c in data["contacts"]], ["Liên Hệ Của Đức"])

    def test_export_only_for_access_requests(self):
        request = self._request(self.customer_leader, date(2026, 4, 24), request_type="correction")
        with self.assertRaises(UserError):
            request.action_export_personal_data()
        request.request_type = "access"
        request.action_done()
        with self.assertRaises(UserError):
            request.action_export_personal_data()


@tagged("post_install", "-at_install", "crm_vn_privacy")
class TestDataRequestCompanyTimeOff(DataRequestCommon):
    """The company's own days off (global time off of its working calendar) are not working days.

    A request received on Monday 2/3/2026 is answered by Wednesday 4/3 (2 working
    days); a day off on Tuesday 3/3 moves it to Thursday 5/3.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.calendar = cls.env.company.resource_calendar_id
        cls.calendar.tz = "Asia/Ho_Chi_Minh"
        cls.other_company = cls.env["res.company"].create({"name": "Công ty Khác"})
        cls.other_calendar = cls.other_company.resource_calendar_id
        # Tuesday 3/3/2026, 00:00 to 23:59:59 in Hà Nội
        cls.tuesday = {"date_from": datetime(2026, 3, 2, 17, 0), "date_to": datetime(2026, 3, 3, 16, 59, 59)}

    def _leave(self, env=None, **vals):
        Leave = (env or self.env)["resource.calendar.leaves"]
        return Leave.create({"name": "Nghỉ hội nghị khách hàng", **self.tuesday, **vals})

    def _answer_deadline(self):
        return self._request(self.customer_leader, date(2026, 3, 2)).answer_deadline

    def test_without_time_off(self):
        self.assertEqual(self._answer_deadline(), date(2026, 3, 4))

    def test_time_off_of_the_company_calendar(self):
        self._leave(calendar_id=self.calendar.id)
        self.assertEqual(self._answer_deadline(), date(2026, 3, 5))

    def test_time_off_read_in_vietnam_time(self):
        """A calendar left in another zone (Odoo's default on a new database): the day entered in Vietnam counts."""
        self.calendar.tz = "Europe/Brussels"
        self._leave(calendar_id=self.calendar.id)
        self.assertEqual(self._answer_deadline(), date(2026, 3, 5))

    def test_time_off_on_no_calendar(self):
        leave = self._leave(calendar_id=False)
        self.assertEqual(leave.company_id, self.env.company)
        self.assertEqual(self._answer_deadline(), date(2026, 3, 5))

    def test_two_days_off(self):
        self._leave(calendar_id=self.calendar.id, date_to=datetime(2026, 3, 4, 16, 59, 59))
        # Tue 3 and Wed 4 off: Thu 5 (1), Fri 6 (2)
        self.assertEqual(self._answer_deadline(), date(2026, 3, 6))

    def test_time_off_that_does_not_count(self):
        resource = self.env["resource.resource"].create({"name": "Lê Thị Lan", "calendar_id": self.calendar.id})
        cases = {
            "another company's calendar": {"calendar_id": self.other_calendar.id},
            "an employee's time off": {"calendar_id": self.calendar.id, "resource_id": resource.id},
            "a morning off": {
                "calendar_id": self.calendar.id,
                "date_from": datetime(2026, 3, 3, 1, 0),
                "date_to": datetime(2026, 3, 3, 5, 0),
            },
            "not a time off (training)": {"calendar_id": self.calendar.id, "time_type": "other"},
        }
        for case, vals in cases.items():
            with self.subTest(case=case):
                leave = self._leave(**vals)
                self.assertEqual(self._answer_deadline(), date(2026, 3, 4))
                leave.unlink()

    def test_time_off_of_another_company_on_no_calendar(self):
        leave = self._leave(env=self.env(context=dict(self.env.context, allowed_company_ids=[self.other_company.id])))
        self.assertEqual(leave.company_id, self.other_company)
        self.assertEqual(self._answer_deadline(), date(2026, 3, 4))

    def test_other_company_requests_use_its_calendar(self):
        self.other_calendar.tz = "Asia/Ho_Chi_Minh"
        self._leave(calendar_id=self.other_calendar.id)
        customer = self.env["res.partner"].create({"name": "Khách Công Ty Khác", "company_id": self.other_company.id})
        request = self.env["crm.vn.data.request"].create(
            {
                "partner_id": customer.id,
                "request_type": "access",
                "date_received": date(2026, 3, 2),
                "company_id": self.other_company.id,
            }
        )
        self.assertEqual(request.answer_deadline, date(2026, 3, 5))
        self.assertEqual(self._answer_deadline(), date(2026, 3, 4))

    def test_time_off_entered_after_the_request(self):
        """A day off entered, moved or removed later moves the deadline of requests not yet answered."""
        waiting = self._request(self.customer_leader, date(2026, 3, 2))
        answered = self._request(self.customer_member, date(2026, 3, 2))
        answered.with_user(self.user_leader).action_answer()
        self.assertEqual(waiting.answer_deadline, date(2026, 3, 4))
        leave = self._leave(calendar_id=self.calendar.id)
        self.assertEqual(waiting.answer_deadline, date(2026, 3, 5))
        self.assertEqual(answered.answer_deadline, date(2026, 3, 4), "an answered request keeps its deadline")
        self.assertIn(f"answer by {format_date(self.env, date(2026, 3, 5))}", waiting.message_ids[0].body)
        self.assertIn("days off changed", waiting.message_ids[0].body)
        self.assertFalse(answered.message_ids.filtered(lambda m: "Deadlines now" in m.body))
        leave.write({"date_to": datetime(2026, 3, 4, 16, 59, 59)})  # Tuesday and Wednesday
        self.assertEqual(waiting.answer_deadline, date(2026, 3, 6))
        leave.unlink()
        self.assertEqual(waiting.answer_deadline, date(2026, 3, 4))
