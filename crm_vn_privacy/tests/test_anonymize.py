import base64
import re
from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged, users
from odoo.tools import SQL

from odoo.addons.crm_vn_customer.tests.common import CrmVnCustomerCommon

# The customer's distinctive values, as they may be stored (phone in E.164,
# name without accents in the match key).
NEEDLES = ("Bí Mật", "bi mat", "912345678", "+84912345678", "0912 345 678", "bimat@example.vn", "Hàng Bạc")
TABLES = (
    "res_partner",
    "crm_vn_consent",
    "mail_message",
    "mail_tracking_value",
    "crm_lead",
    "crm_vn_data_request",
    "mail_activity",
    "mail_notification",
    "mail_blacklist",
    "phone_blacklist",
    "calendar_attendee",
    "calendar_event",
    "sms_sms",
    "crm_vn_marketing_log",
)
# Outgoing copies of messages: scanned here only. A name kept by law (invoiced
# customer, crm_vn_reports) stays quoted in internal notifications about the
# accounting documents that keep it.
OUTGOING_TABLES = ("mail_mail",)
# Opt-outs stay after a deletion (the bare address: an objection to marketing
# must survive it, see _crm_vn_anonymize_opt_outs).
OPT_OUTS = frozenset({("mail_blacklist", "email"), ("phone_blacklist", "number")})


class AnonymizeCommon(CrmVnCustomerCommon):
    """A customer with personal values in every record we keep on it, and a deletion request.

    The later modules add their own records and tables to scan.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer_leader.mobile = "0912 000 111"  # the shared fixture uses the same number
        cls.commune = cls.env["res.city"].create(
            {"name": "Phường Hoàn Kiếm", "country_id": cls.vn.id, "state_id": cls.env.ref("base.state_vn_VN-HN").id}
        )
        cls.secret = cls.env["res.partner"].create(
            {
                "name": "Nguyễn Thị Bí Mật",
                "mobile": "0912 345 678",
                "email": "bimat@example.vn",
                "street": "12 Hàng Bạc",
                "city": "Hà Nội",
                "city_id": cls.commune.id,
                "zip": "100000",
                "country_id": cls.vn.id,
                "birthdate_date": date(1990, 5, 17),
                "gender": "female",
                "occupation": "Kế toán",
                "function": "Trưởng phòng",
                "comment": "<p>Chị Bí Mật thích được gọi buổi sáng.</p>",
                "user_id": cls.user_leader.id,
                "bank_ids": [(0, 0, {"acc_number": "0011000912345678", "acc_holder_name": "NGUYEN THI BI MAT"})],
            }
        )
        cls.secret_contact = cls.env["res.partner"].create(
            {
                "name": "Trần Văn Bí Mật",
                "parent_id": cls.secret.id,
                "type": "other",
                "street": "12 Hàng Bạc",
                "email": "chong.bimat@example.vn",
            }
        )
        cls.consent = cls.env["crm.vn.consent"].create(
            {
                "partner_id": cls.secret.id,
                "purpose": "marketing",
                "channel": "sms",
                "state": "given",
                "method": "form",
                "date": "2026-04-01 02:00:00",
                "notice": "Tôi, Nguyễn Thị Bí Mật, đồng ý nhận tin qua số 0912 345 678.",
                "note": "Ký tại 12 Hàng Bạc.",
                "attachment_ids": [(0, 0, {"name": "Phiếu đồng ý Bí Mật.pdf", "raw": b"%PDF-1.4"})],
            }
        )
        attachment = cls.env["ir.attachment"].create(
            {"name": "CCCD Bí Mật.jpg", "raw": b"jpeg", "res_model": "res.partner", "res_id": cls.secret.id}
        )
        cls.secret.message_post(
            body="Chị Nguyễn Thị Bí Mật gọi từ 0912 345 678, gửi bản chụp CCCD.",
            message_type="comment",
            attachment_ids=attachment.ids,
        )
        cls.secret.activity_schedule(
            "mail.mail_activity_data_todo",
            summary="Gọi lại chị Bí Mật",
            note="Số 0912 345 678",
            user_id=cls.user_leader.id,
        )
        cls.lead = cls.env["crm.lead"].create(
            {
                "name": "Máy lọc nước cho chị Bí Mật",
                "partner_id": cls.secret.id,
                "description": "<p>Giao tới 12 Hàng Bạc.</p>",
                "user_id": cls.user_leader.id,
            }
        )
        cls.lead.message_post(body="Chị Bí Mật hẹn xem máy.", message_type="comment")
        cls.request = cls.env["crm.vn.data.request"].create(
            {
                "partner_id": cls.secret.id,
                "request_type": "deletion",
                "date_received": date(2026, 4, 24),
                "identity_verified": True,
                "description": "Chị Nguyễn Thị Bí Mật (bimat@example.vn) yêu cầu xoá dữ liệu.",
                "response": "<p>Đã gọi lại số 0912 345 678.</p>",
            }
        )
        cls.request.message_post(body="Email của chị Bí Mật: bimat@example.vn", message_type="comment")
        # Marketing sent to her (the daily limits): to her record, and to her number from a lead.
        cls.env["crm.vn.marketing.log"].create(
            [
                {"partner_id": cls.secret.id, "recipient": "+84912345678", "channel": "sms"},
                {"recipient": "+84912345678", "channel": "sms"},
            ]
        )
        # Leads from the web form, not linked to her: by her address, and by her number written another way.
        cls.web_leads = cls.env["crm.lead"].create(
            [
                {
                    "name": "Chị Bí Mật hỏi giá máy lọc nước",
                    "contact_name": "Nguyễn Thị Bí Mật",
                    "email_from": "Chị Mật <BiMat@Example.vn>",
                    "description": "<p>Nhà ở 12 Hàng Bạc.</p>",
                },
                {"name": "Khách hỏi máy lọc nước", "contact_name": "Chị Mật", "mobile": "+84 912.345.678"},
            ]
        )
        # A meeting the customer attends (in the future: the invitations, with their .ics
        # files, go to her and the salesman), her opt-outs, and mail about her on a colleague's record.
        cls.meeting = cls.env["calendar.event"].create(
            {
                "name": "Tư vấn máy lọc nước",
                "start": "2030-04-20 02:00:00",
                "stop": "2030-04-20 03:00:00",
                "user_id": cls.user_leader.id,
                "description": "<p>Gọi chị Bí Mật (0912 345 678) trước khi tới.</p>",
                "location": "12 Hàng Bạc, Hà Nội",
                "partner_ids": [(4, cls.user_leader.partner_id.id), (4, cls.secret.id)],
            }
        )
        # Text messages: posted on her record (queued), and to her number from a colleague's
        # record (sent, awaiting the delivery report).
        cls.secret._message_sms("Chị Bí Mật ơi, máy lọc nước đã về.", put_in_queue=True)
        cls.customer_free._message_sms("Máy lọc nước đã về.", sms_numbers=["0912 345 678"], put_in_queue=True)
        cls.env["sms.sms"].search([("partner_id", "=", False), ("number", "=", "+84912345678")]).state = "pending"
        cls.env["mail.blacklist"]._add("Bí Mật <BiMat@Example.vn>", message="Chị Bí Mật không muốn nhận thư.")
        cls.env["phone.blacklist"].add("0912 345 678")
        cls.stranger_message = cls.customer_free.message_post(
            body="Hỏi giá máy lọc nước.",
            message_type="email",
            author_id=False,
            email_from="Bí Mật <bimat@example.vn>",
        )
        cls.outgoing = cls.env["mail.mail"].create(
            {
                "subject": "Báo giá",
                "body_html": "<p>Kính gửi quý khách,</p>",
                "email_to": "bimat@example.vn, ketoan@example.vn",
                "email_cc": "chong.bimat@example.vn",
                "recipient_ids": [(4, cls.secret.id)],
                "state": "exception",
                "failure_reason": "550 mailbox bimat@example.vn unavailable",
                "model": "res.partner",
                "res_id": cls.customer_free.id,
            }
        )
        cls.env["mail.notification"].create(
            {
                "mail_message_id": cls.outgoing.mail_message_id.id,
                "mail_mail_id": cls.outgoing.id,
                "res_partner_id": cls.secret.id,
                "notification_type": "email",
                "notification_status": "exception",
                "failure_type": "mail_smtp",
                "failure_reason": "550 mailbox bimat@example.vn unavailable",
            }
        )

    def _anonymize(self, user=None):
        self.request.with_user(user or self.user_manager).action_anonymize()
        self.env.flush_all()
        self.env.invalidate_all()

    def _leftovers(self, tables, exempt=OPT_OUTS):
        """(table, column, id) of every text value of ``tables`` that holds a needle, except the
        (table, column) pairs of ``exempt`` (by default the opt-outs, kept on purpose)."""
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """SELECT table_name, column_name FROM information_schema.columns
                    WHERE table_schema = 'public' AND table_name IN %s
                      AND data_type IN ('text', 'character varying', 'jsonb')""",
                tuple(tables),
            )
        )
        columns = self.env.cr.fetchall()
        columns += [("ir_attachment", "name"), ("ir_attachment", "description")]
        patterns = [f"%{needle}%" for needle in NEEDLES]
        found = self._leftover_files(exempt)
        for table, column in columns:
            if (table, column) in exempt:
                continue
            self.env.cr.execute(
                SQL(
                    "SELECT id FROM %s WHERE %s::text ILIKE ANY(%s)",
                    SQL.identifier(table),
                    SQL.identifier(column),
                    patterns,
                )
            )
            found += [(table, column, row[0]) for row in self.env.cr.fetchall()]
        return found

    def _leftover_files(self, exempt=()):
        """(``ir_attachment``, ``raw``, id) of every text file (an invitation's .ics, an export) holding a
        needle: their content is in the file store, out of reach of the column scan. The web client's
        assets are not scanned."""
        if ("ir_attachment", "raw") in exempt:
            return []
        files = (
            self.env["ir.attachment"]
            .with_context(active_test=False)
            .search(
                [
                    "|",
                    ("mimetype", "=like", "text/%"),
                    ("mimetype", "=", "application/json"),
                    ("res_model", "!=", "ir.ui.view"),
                ]
            )
        )
        needles = [needle.casefold() for needle in NEEDLES]
        found = []
        for attachment in files:
            # iCalendar folds long lines (a line break and a space): unfold them.
            text = re.sub(r"\r?\n[ \t]", "", (attachment.raw or b"").decode(errors="replace")).casefold()
            if any(needle in text for needle in needles):
                found.append(("ir_attachment", "raw", attachment.id))
        return found


@tagged("post_install", "-at_install", "crm_vn_privacy")
class TestAnonymize(AnonymizeCommon):
    def test_fixture_holds_the_values(self):
        found = {(table, column) for table, column, __ in self._leftovers((*TABLES, *OUTGOING_TABLES), exempt=())}
        for expected in (
            ("res_partner", "name"),
            ("res_partner", "mobile"),
            ("res_partner", "email"),
            ("res_partner", "street"),
            ("crm_vn_consent", "notice"),
            ("mail_message", "body"),
            ("mail_activity", "summary"),
            ("crm_lead", "email_from"),
            ("crm_vn_data_request", "description"),
            ("ir_attachment", "name"),
            ("calendar_attendee", "common_name"),
            ("mail_blacklist", "email"),
            ("phone_blacklist", "number"),
            ("mail_mail", "email_to"),
            ("mail_mail", "failure_reason"),
            ("mail_notification", "failure_reason"),
            ("mail_notification", "sms_number"),
            ("calendar_event", "description"),
            ("calendar_event", "location"),
            ("ir_attachment", "raw"),
            ("sms_sms", "number"),
            ("sms_sms", "body"),
        ):
            self.assertIn(expected, found)
        self.assertFalse(self.web_leads.partner_id)
        self.assertTrue(self.env["sms.sms"].search([("number", "=", "+84912345678"), ("state", "=", "pending")]))
        invitations = self.env["mail.message"].search(
            [
                ("model", "=", "calendar.event"),
                ("res_id", "=", self.meeting.id),
                ("message_type", "=", "user_notification"),
            ]
        )
        self.assertEqual(invitations.partner_ids, self.secret | self.user_leader.partner_id)
        self.assertIn("Nguyễn Thị Bí Mật", invitations.filtered(lambda m: self.secret not in m.partner_ids).body)
        self.assertEqual(
            self.env["ir.attachment"]
            .search([("res_model", "=", "calendar.event"), ("res_id", "=", self.meeting.id)])
            .mapped("name"),
            ["invitation.ics"] * 2,
        )

    def test_anonymize(self):
        self._anonymize()
        self.assertEqual(self._leftovers((*TABLES, *OUTGOING_TABLES)), [])
        secret = self.secret
        self.assertEqual(secret.name, f"Deleted customer {secret.id}")
        self.assertFalse(secret.active)
        self.assertFalse(secret.birthdate_date)
        self.assertFalse(secret.city_id, "the commune of her address goes with it")
        self.assertTrue(self.commune.exists())
        self.assertFalse(secret.bank_ids)
        self.assertEqual(self.secret_contact.name, f"Deleted customer {self.secret_contact.id}")
        self.assertFalse(self.secret_contact.active)
        # the consent stays as evidence of lawful processing, without its wording
        consent = self.consent
        self.assertTrue(consent.exists())
        self.assertEqual((consent.purpose, consent.channel, consent.state), ("marketing", "sms", "given"))
        self.assertFalse(consent.notice or consent.note or consent.attachment_ids)
        self.assertFalse(
            self.env["mail.activity"].search([("res_model", "=", "res.partner"), ("res_id", "=", secret.id)])
        )
        lead = self.lead
        self.assertEqual(lead.name, f"Anonymised opportunity {lead.id}")
        self.assertEqual(lead.partner_id, secret)
        # the request is done, still linked to the (anonymous) customer
        request = self.request
        self.assertEqual(request.state, "done")
        self.assertEqual(request.partner_id, secret)
        self.assertEqual(request.request_type, "deletion")
        self.assertRegex(request.reference, r"^YC\d{4}-\d{5}$")
        self.assertTrue(request.date_done)
        log = request.message_ids[0].body
        for line in (
            "Contacts anonymised: 1",
            "Leads and opportunities anonymised: 3",
            "Consent records kept as evidence, wording and notes removed: 1",
            "Data requests whose texts were removed: 1",
            "Activities deleted: 1",
            "Bank accounts deleted: 1",
            "Portal users archived: 0",
            "Outgoing emails to the customer, address removed: 1",
            "Meeting attendances anonymised: 1",
            "Meetings whose description, location, invitations and files were removed: 1",
            "Text messages to the customer deleted: 2",
            "Opt-outs kept so that the address is never marketed to again, history removed: 2",
        ):
            self.assertIn(line, log)

    def test_anonymize_addresses_held_elsewhere(self):
        email_entry = self.env["mail.blacklist"].search([("email", "=", "bimat@example.vn")])
        phone_entry = self.env["phone.blacklist"].search([("number", "=", "+84912345678")])
        self.assertTrue(email_entry and phone_entry)
        queued = self.env["sms.sms"].search([("partner_id", "=", self.secret.id)])
        self.assertEqual(queued.state, "outgoing")
        queued_notification = self.env["mail.notification"].search([("sms_id_int", "=", queued.id)])
        self._anonymize()
        # the leads of the web form stay in the pipeline, without a customer and anonymous
        for lead in self.web_leads:
            self.assertEqual(lead.name, f"Anonymised opportunity {lead.id}")
            self.assertFalse(lead.partner_id or lead.contact_name or lead.email_from or lead.mobile)
            self.assertFalse(lead.description)
        # her meeting: a neutral name, no description, location nor .ics files; her invitation
        # is deleted, the salesman's stays in his history, emptied; his attendance stays
        meeting = self.meeting
        self.assertEqual(meeting.name, "Meeting with a deleted customer")
        self.assertFalse(meeting.description or meeting.location)
        self.assertIn(self.user_leader.partner_id, meeting.partner_ids)
        invitation = self.env["mail.message"].search(
            [
                ("model", "=", "calendar.event"),
                ("res_id", "=", meeting.id),
                ("message_type", "=", "user_notification"),
            ]
        )
        self.assertEqual(invitation.partner_ids, self.user_leader.partner_id)
        self.assertFalse(invitation.body or invitation.subject or invitation.attachment_ids)
        self.assertEqual(invitation.record_name, "Meeting with a deleted customer")
        self.assertFalse(
            self.env["ir.attachment"].search([("res_model", "=", "calendar.event"), ("res_id", "=", meeting.id)])
        )
        # her text messages are deleted, even the one awaiting its delivery report; the queued
        # one's notification says it was cancelled, without the number
        self.assertFalse(self.env["sms.sms"].search([]).filtered(lambda sms: "912345678" in (sms.number or "")))
        self.assertEqual(queued_notification.notification_status, "canceled")
        self.assertFalse(queued_notification.sms_number)
        # the meeting keeps the anonymous attendee and its answer
        attendee = self.meeting.attendee_ids.filtered(lambda a: a.partner_id == self.secret)
        self.assertEqual(attendee.common_name, f"Deleted customer {self.secret.id}")
        self.assertFalse(attendee.email)
        self.assertEqual(attendee.state, "needsAction")
        # the opt-outs of her address and number stay, without their history
        for entry in (email_entry, phone_entry):
            self.assertTrue(entry.exists())
            self.assertFalse(self.env["mail.message"].search([("model", "=", entry._name), ("res_id", "=", entry.id)]))
        # the email she sent before being a customer keeps its text, not her address
        self.assertFalse(self.stranger_message.email_from)
        self.assertEqual(self.stranger_message.body, "<p>Hỏi giá máy lọc nước.</p>")
        # the failed email keeps its other recipient
        outgoing = self.outgoing
        self.assertEqual(outgoing.email_to, "ketoan@example.vn")
        self.assertFalse(outgoing.email_cc or outgoing.recipient_ids or outgoing.failure_reason)
        self.assertEqual(outgoing.state, "exception")
        self.assertTrue(outgoing.body_html)

    def test_anonymize_cancels_email_only_to_customer(self):
        mail = self.env["mail.mail"].create(
            {
                "subject": "Chúc mừng sinh nhật",
                "body_html": "<p>Chúc chị Bí Mật sinh nhật vui vẻ</p>",
                "email_to": "BiMat@example.vn",
            }
        )
        self._anonymize()
        self.assertEqual(mail.state, "cancel")
        self.assertFalse(mail.email_to or mail.body_html)

    def test_opt_out_survives_the_deletion(self):
        """Her address and number come back with a new contact (an import): they are still not marketed to."""
        self._anonymize()
        again = self.env["res.partner"].create(
            {"name": "Khách Mới", "email": "BIMAT@example.vn", "mobile": "0912345678"}
        )
        self.assertTrue(again.is_blacklisted)
        self.assertTrue(again.phone_sanitized_blacklisted)

    def test_objection_becomes_an_opt_out(self):
        """On the Do-Not-Call list, without any blacklist entry: her number and address are blacklisted, bare."""
        self.env["mail.blacklist"].with_context(active_test=False).search([]).unlink()
        self.env["phone.blacklist"].with_context(active_test=False).search([]).unlink()
        self.secret.vn_do_not_call = True
        self._anonymize()
        again = self.env["res.partner"].create(
            {"name": "Khách Mới", "email": "bimat@example.vn", "mobile": "0912345678"}
        )
        self.assertTrue(again.is_blacklisted)
        self.assertTrue(again.phone_sanitized_blacklisted)
        again.unlink()
        self.assertEqual(self._leftovers(TABLES), [])

    def test_no_objection_adds_no_opt_out(self):
        self.env["mail.blacklist"].with_context(active_test=False).search([]).unlink()
        self.env["phone.blacklist"].with_context(active_test=False).search([]).unlink()
        self._anonymize()
        self.assertFalse(self.env["mail.blacklist"].with_context(active_test=False).search([]))
        self.assertFalse(self.env["phone.blacklist"].with_context(active_test=False).search([]))

    def test_only_addresses_of_the_customer(self):
        """A longer address containing hers, and other opt-outs, are left alone."""
        other = self.env["mail.mail"].create(
            {"subject": "Hoá đơn", "body_html": "<p>Hoá đơn</p>", "email_to": "xbimat@example.vn"}
        )
        self.env["mail.blacklist"]._add("xbimat@example.vn")
        self._anonymize()
        self.assertEqual(other.email_to, "xbimat@example.vn")
        self.assertEqual(other.state, "outgoing")
        self.assertTrue(self.env["mail.blacklist"].search([("email", "=", "xbimat@example.vn")]))

    def test_leads_of_other_people_kept(self):
        """A lead of another customer holding her address, a web-form lead whose only link is a number
        another customer also holds, and a longer address containing hers: not hers, left alone."""
        self.customer_member.mobile = "0912 345 678"  # her husband's phone, say
        Lead = self.env["crm.lead"]
        other_customer = Lead.create(
            {"name": "Máy lọc nước cho anh Cường", "partner_id": self.customer_member.id, "description": "<p>Gấp</p>"}
        )
        shared_number = Lead.create(
            {"name": "Hỏi giá qua điện thoại", "contact_name": "Anh Cường", "phone": "0912345678"}
        )
        longer_address = Lead.create({"name": "Hỏi giá", "email_from": "xbimat@example.vn"})
        both = Lead.create({"name": "Hỏi giá lần hai", "email_from": "bimat@example.vn", "phone": "0912345678"})
        self._anonymize()
        self.assertEqual(other_customer.name, "Máy lọc nước cho anh Cường")
        self.assertEqual((other_customer.mobile, other_customer.description), ("+84912345678", "<p>Gấp</p>"))
        self.assertEqual((shared_number.name, shared_number.contact_name), ("Hỏi giá qua điện thoại", "Anh Cường"))
        self.assertEqual(shared_number.phone, "0912345678")
        self.assertEqual(longer_address.email_from, "xbimat@example.vn")
        # her address is hers alone: the lead is hers, whoever else holds the number
        self.assertEqual(both.name, f"Anonymised opportunity {both.id}")
        self.assertFalse(both.email_from or both.phone)
        # the text message and the marketing-log entry to the shared number, linked to nobody: maybe his, kept
        self.assertTrue(self.env["sms.sms"].search([("partner_id", "=", False), ("number", "=", "+84912345678")]))
        self.assertTrue(
            self.env["crm.vn.marketing.log"].search([("partner_id", "=", False), ("recipient", "=", "+84912345678")])
        )
        # hers are gone
        self.assertFalse(self.env["sms.sms"].search([("partner_id", "=", self.secret.id)]))

    def _meeting_messages(self, meeting, message_type="user_notification"):
        return self.env["mail.message"].search(
            [("model", "=", "calendar.event"), ("res_id", "=", meeting.id), ("message_type", "=", message_type)]
        )

    def _meeting_files(self, meeting):
        return self.env["ir.attachment"].search([("res_model", "=", "calendar.event"), ("res_id", "=", meeting.id)])

    def test_meetings_of_colleagues_kept(self):
        """A meeting she does not attend is not touched. A seminar with another customer keeps its name
        (unless the name is hers, with or without diacritics), description, location, the colleagues' notes
        and the other attendees' invitations; her invitation, its .ics file and her answer go."""
        Event = self.env["calendar.event"]
        vals = {"start": "2030-05-06 02:00:00", "stop": "2030-05-06 03:00:00", "user_id": self.user_leader.id}
        internal = Event.create(
            {
                **vals,
                "name": "Họp nhóm Hà Nội",
                "description": "<p>Doanh số tháng 5</p>",
                "location": "Văn phòng",
                "partner_ids": [(4, self.user_leader.partner_id.id), (4, self.user_member.partner_id.id)],
            }
        )
        guests = [(4, self.user_leader.partner_id.id), (4, self.secret.id), (4, self.customer_other.id)]
        seminar = Event.create(
            {
                **vals,
                "name": "Hội thảo máy lọc nước",
                "description": "<p>Mời chị Bí Mật và anh Đức</p>",
                "location": "Khách sạn Daewoo, Hà Nội",
                "partner_ids": guests,
            }
        )
        named = Event.create({**vals, "name": "Gặp chị Nguyen Thi Bi Mat và anh Đức", "partner_ids": guests})
        note = seminar.message_post(
            body="Chuẩn bị 20 ghế.", message_type="comment", author_id=self.user_leader.partner_id.id
        )
        answer = seminar.message_post(body="Tôi sẽ tới.", message_type="comment", author_id=self.secret.id)
        self.assertEqual(
            self._meeting_messages(seminar).partner_ids, self.user_leader.partner_id | self.secret | self.customer_other
        )
        her_files = self._meeting_messages(seminar).filtered(lambda m: m.partner_ids == self.secret).attachment_ids
        self.assertEqual(her_files.mapped("name"), ["invitation.ics"])
        self._anonymize()
        self.assertEqual(internal.name, "Họp nhóm Hà Nội")
        self.assertEqual((internal.description, internal.location), ("<p>Doanh số tháng 5</p>", "Văn phòng"))
        self.assertEqual(seminar.name, "Hội thảo máy lọc nước")
        self.assertEqual(
            (seminar.description, seminar.location), ("<p>Mời chị Bí Mật và anh Đức</p>", "Khách sạn Daewoo, Hà Nội")
        )
        self.assertEqual(note.body, "<p>Chuẩn bị 20 ghế.</p>")
        self.assertFalse(answer.exists())
        invitations = self._meeting_messages(seminar)
        self.assertEqual(invitations.partner_ids, self.user_leader.partner_id | self.customer_other)
        self.assertTrue(all(invitation.body for invitation in invitations))
        self.assertFalse(her_files.exists())
        self.assertEqual(self._meeting_files(seminar).mapped("name"), ["invitation.ics"] * 2)
        self.assertEqual(named.name, "Meeting with a deleted customer")
        self.assertEqual(named.attendee_ids.partner_id, self.user_leader.partner_id | self.secret | self.customer_other)
        self.assertEqual(self._meeting_messages(named).partner_ids, self.user_leader.partner_id | self.customer_other)

    def test_meeting_about_her_cleared(self):
        """A meeting with her husband (a contact of hers) and two salesmen is about her: staff do not make it
        shared. It loses its name, description and location; the salesmen's invitations stay, emptied (a copy still
        queued is not sent)."""
        meeting = self.env["calendar.event"].create(
            {
                "name": "Lắp máy lọc nước",
                "start": "2030-05-07 02:00:00",
                "stop": "2030-05-07 03:00:00",
                "user_id": self.user_leader.id,
                "description": "<p>Anh Trần Văn Bí Mật mở cổng</p>",
                "location": "12 Hàng Bạc, Hà Nội",
                "partner_ids": [
                    (4, self.user_leader.partner_id.id),
                    (4, self.user_member.partner_id.id),
                    (4, self.secret_contact.id),
                ],
            }
        )
        invitations = self._meeting_messages(meeting)
        self.assertEqual(len(invitations), 3)
        # the email copy of Lan's invitation, still in the queue
        queued = self.env["mail.mail"].create(
            {
                "mail_message_id": invitations.filtered(lambda m: m.partner_ids == self.user_member.partner_id).id,
                "body_html": invitations[0].body,
                "recipient_ids": [(4, self.user_member.partner_id.id)],
            }
        )
        self._anonymize()
        self.assertEqual(meeting.name, "Meeting with a deleted customer")
        self.assertFalse(meeting.description or meeting.location)
        invitations = self._meeting_messages(meeting)
        self.assertEqual(invitations.partner_ids, self.user_leader.partner_id | self.user_member.partner_id)
        self.assertFalse(any(invitation.body or invitation.subject for invitation in invitations))
        self.assertFalse(self._meeting_files(meeting))
        self.assertEqual(queued.state, "cancel", "not sent empty")
        self.assertFalse(queued.body_html)
        self.assertIn(
            "Meetings whose description, location, invitations and files were removed: 2",
            self.request.message_ids[0].body,
        )
        self.assertEqual(self._leftovers((*TABLES, *OUTGOING_TABLES)), [])

    def test_recurring_meetings_stay_in_their_series(self):
        """A weekly visit to her and a weekly class with another customer: every occurrence is anonymised
        (the visit) or keeps its text (the class), and stays in its series, following it."""
        Event = self.env["calendar.event"]
        recurring = {
            "user_id": self.user_leader.id,
            "recurrency": True,
            "rrule_type": "weekly",
            "interval": 1,
            "end_type": "count",
            "count": 3,
            "description": "<p>Kiểm tra lõi lọc nhà chị Bí Mật</p>",
            "location": "12 Hàng Bạc, Hà Nội",
        }
        visit = Event.create(
            {
                **recurring,
                "name": "Bảo dưỡng máy lọc nước",
                "mon": True,
                "start": "2030-05-06 02:00:00",
                "stop": "2030-05-06 03:00:00",
                "partner_ids": [(4, self.user_leader.partner_id.id), (4, self.secret.id)],
            }
        )
        course = Event.create(
            {
                **recurring,
                "name": "Lớp hướng dẫn sử dụng",
                "tue": True,
                "start": "2030-05-07 02:00:00",
                "stop": "2030-05-07 03:00:00",
                "partner_ids": [(4, self.secret.id), (4, self.customer_other.id)],
            }
        )
        series = {}
        for event in (visit, course):
            series[event] = event.recurrence_id.calendar_event_ids
            self.assertEqual(len(series[event]), 3)
        self._anonymize()
        for event, occurrences in series.items():
            self.assertEqual(event.recurrence_id.calendar_event_ids, occurrences)
            self.assertEqual(event.recurrence_id.base_event_id, event)
            self.assertTrue(all(occurrences.mapped("active")))
            self.assertTrue(all(occurrences.mapped("follow_recurrence")))
        self.assertEqual(set(series[visit].mapped("name")), {"Meeting with a deleted customer"})
        self.assertFalse(any(series[visit].mapped("description") + series[visit].mapped("location")))
        self.assertEqual(set(series[course].mapped("name")), {"Lớp hướng dẫn sử dụng"})
        self.assertEqual(set(series[course].mapped("location")), {"12 Hàng Bạc, Hà Nội"})

    def test_opt_out_only_for_who_objected(self):
        """Her husband (a contact) on the Do-Not-Call list: his address becomes an opt-out, not hers;
        her withdrawn email consent blacklists her address, not her number nor his address."""
        Blacklist = self.env["mail.blacklist"].with_context(active_test=False)
        PhoneBlacklist = self.env["phone.blacklist"].with_context(active_test=False)
        Blacklist.search([]).unlink()
        PhoneBlacklist.search([]).unlink()
        self.secret_contact.write({"vn_do_not_call": True, "mobile": "0983 000 999"})
        self._anonymize()
        self.assertEqual(Blacklist.search([]).mapped("email"), ["chong.bimat@example.vn"])
        self.assertEqual(PhoneBlacklist.search([]).mapped("number"), ["+84983000999"])

    def test_withdrawn_email_consent_blacklists_only_her_address(self):
        self.env["mail.blacklist"].with_context(active_test=False).search([]).unlink()
        self.env["phone.blacklist"].with_context(active_test=False).search([]).unlink()
        self.env["crm.vn.consent"].create(
            {
                "partner_id": self.secret.id,
                "purpose": "marketing",
                "channel": "email",
                "state": "withdrawn",
                "method": "call",
            }
        )
        self._anonymize()
        self.assertEqual(
            self.env["mail.blacklist"].with_context(active_test=False).search([]).mapped("email"), ["bimat@example.vn"]
        )
        self.assertFalse(self.env["phone.blacklist"].with_context(active_test=False).search([]))

    @users("vn_leader", "vn_all")
    def test_only_sales_administrators(self):
        with self.assertRaises(AccessError):
            self.request.with_env(self.env).action_anonymize()
        self.assertEqual(self.request.state, "new")
        self.assertEqual(self.secret.name, "Nguyễn Thị Bí Mật")

    def test_identity_checked_first(self):
        self.request.identity_verified = False
        with self.assertRaisesRegex(UserError, "identity"):
            self.request.with_user(self.user_manager).action_anonymize()
        self.assertEqual((self.request.state, self.secret.name), ("new", "Nguyễn Thị Bí Mật"))

    def test_only_open_deletion_requests(self):
        access = self.env["crm.vn.data.request"].create(
            {
                "partner_id": self.secret.id,
                "request_type": "access",
                "date_received": date(2026, 4, 24),
                "identity_verified": True,
            }
        )
        with self.assertRaises(UserError):
            access.with_user(self.user_manager).action_anonymize()
        self.request.action_refuse("Còn hợp đồng bảo hành đang thực hiện.")
        with self.assertRaises(UserError):
            self.request.with_user(self.user_manager).action_anonymize()
        self.assertEqual(self.secret.name, "Nguyễn Thị Bí Mật")

    def test_exports_of_earlier_requests_deleted(self):
        access = self.env["crm.vn.data.request"].create(
            {
                "partner_id": self.secret.id,
                "request_type": "access",
                "date_received": date(2026, 4, 20),
                "identity_verified": True,
            }
        )
        access.action_export_personal_data()
        export = access.export_attachment_id
        self.assertIn("Bí Mật", base64.b64decode(export.datas).decode())
        self._anonymize()
        self.assertFalse(export.exists())
        self.assertFalse(access.export_attachment_id)

    def test_failure_leaves_everything(self):
        # A contact who is also an employee with a login: Odoo refuses to archive
        # it, after the customer itself was already emptied.
        employee = new_test_user(self.env, "vn_bimat_staff", groups="base.group_user", name="Lê Bí Mật")
        employee.partner_id.parent_id = self.secret
        with self.assertRaises(ValidationError):
            self.request.with_user(self.user_manager).action_anonymize()
        self.env.invalidate_all()
        self.assertEqual(self.secret.name, "Nguyễn Thị Bí Mật")
        self.assertEqual(self.secret.mobile, "+84912345678")
        self.assertTrue(self.secret.bank_ids)
        self.assertEqual(self.consent.notice, "Tôi, Nguyễn Thị Bí Mật, đồng ý nhận tin qua số 0912 345 678.")
        self.assertEqual(self.request.state, "new")
        self.assertIn("bimat@example.vn", self.request.description)
        self.assertTrue(self.env["mail.blacklist"].search([("email", "=", "bimat@example.vn")]))
        self.assertEqual(self.outgoing.email_cc, "chong.bimat@example.vn")
        attendee = self.meeting.attendee_ids.filtered(lambda a: a.partner_id == self.secret)
        self.assertEqual(attendee.common_name, "Nguyễn Thị Bí Mật")
