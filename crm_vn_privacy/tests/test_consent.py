from datetime import date, datetime, timedelta

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, freeze_time, tagged

from odoo.addons.crm_vn_customer.tests.common import CrmVnCustomerCommon


@tagged("post_install", "-at_install", "crm_vn_privacy")
class TestConsent(CrmVnCustomerCommon):
    """Consent log (Law 91/2025/QH15) and marketing calls (Decree 91/2020/NĐ-CP), as real users.

    Lan (``user_member``) owns ``customer_member``; Đức (``user_other``) owns ``customer_other``.
    """

    def _consent(self, partner, state, *, purpose="marketing", channel="all", when=None, user=None):
        Consent = self.env["crm.vn.consent"].with_user(user or self.user_member)
        return Consent.create(
            {
                "partner_id": partner.id,
                "purpose": purpose,
                "channel": channel,
                "state": state,
                "method": "form",
                "date": when or datetime(2026, 3, 2, 2, 0),
                "notice": "Tôi đồng ý nhận tin khuyến mãi.",
            }
        )

    def _marketing(self, partner):
        return {
            channel: partner[f"consent_marketing_{channel}"] for channel in ("email", "sms", "call", "zalo", "facebook")
        }

    def test_no_consent_without_a_record(self):
        self.assertEqual(
            self._marketing(self.customer_member),
            {"email": False, "sms": False, "call": False, "zalo": False, "facebook": False},
            "silence is not consent",
        )
        self.assertFalse(self.customer_member.consent_service)
        with self.assertRaises(ValidationError):
            self.env["crm.vn.consent"].with_user(self.user_member).create(
                {"partner_id": self.customer_member.id, "purpose": "marketing", "channel": "sms", "method": "call"}
            )
        with Form(self.env["crm.vn.consent"].with_user(self.user_member)) as form:
            self.assertFalse(form.state, "no default answer on the form")
            form.partner_id = self.customer_member
            form.purpose = "marketing"
            form.method = "paper"
            form.state = "given"
        self.assertTrue(self.customer_member.consent_marketing_email)

    def test_latest_record_wins_per_channel(self):
        self._consent(self.customer_member, "given", when=datetime(2026, 3, 2, 2, 0))
        self.assertEqual(
            self._marketing(self.customer_member),
            {"email": True, "sms": True, "call": True, "zalo": True, "facebook": True},
        )
        self._consent(self.customer_member, "withdrawn", channel="sms", when=datetime(2026, 3, 5, 2, 0))
        self.assertEqual(
            self._marketing(self.customer_member),
            {"email": True, "sms": False, "call": True, "zalo": True, "facebook": True},
        )
        # an older record entered later does not override a newer one
        self._consent(self.customer_member, "given", channel="sms", when=datetime(2026, 3, 3, 2, 0))
        self.assertFalse(self.customer_member.consent_marketing_sms)
        self._consent(self.customer_member, "withdrawn", when=datetime(2026, 4, 1, 2, 0))
        self.assertEqual(
            self._marketing(self.customer_member),
            {"email": False, "sms": False, "call": False, "zalo": False, "facebook": False},
        )
        self.assertEqual(self.customer_member.consent_date, datetime(2026, 4, 1, 2, 0))
        self.assertEqual(len(self.customer_member.consent_ids), 4, "every step kept")
        self.assertEqual(self.customer_member.consent_ids[0].user_id, self.user_member, "who recorded it")

    def test_filterable(self):
        self._consent(self.customer_member, "given", channel="email")
        self._consent(self.customer_leader, "given", user=self.user_leader)
        Partner = self.env["res.partner"]
        ids = (self.customer_member | self.customer_leader | self.customer_free).ids
        self.assertEqual(
            Partner.search([("id", "in", ids), ("consent_marketing_email", "=", True)]),
            self.customer_member | self.customer_leader,
        )
        self.assertEqual(
            Partner.search([("id", "in", ids), ("consent_marketing_sms", "=", True)]), self.customer_leader
        )

    def test_record_is_evidence(self):
        consent = self._consent(self.customer_member, "given")
        with self.assertRaises(UserError):
            consent.with_user(self.user_member).write({"state": "withdrawn"})
        with self.assertRaises(UserError):
            consent.with_user(self.user_manager).write({"date": datetime(2026, 1, 1)})
        with self.assertRaises(AccessError):
            consent.with_user(self.user_member).unlink()
        with self.assertRaises(UserError):
            consent.with_user(self.user_manager).unlink()
        consent.with_user(self.user_member).write({"note": "Bản ký giấy lưu ở chi nhánh Hà Nội."})
        self.assertEqual(consent.state, "given")
        with freeze_time("2026-03-02 02:00:00"), self.assertRaises(ValidationError):
            self._consent(self.customer_member, "given", when=datetime(2026, 3, 3, 2, 0))
        # the recorder is the user, whatever is sent
        forged = (
            self.env["crm.vn.consent"]
            .with_user(self.user_member)
            .create(
                {
                    "partner_id": self.customer_member.id,
                    "purpose": "service",
                    "channel": "all",
                    "state": "given",
                    "method": "web",
                    "user_id": self.user_manager.id,
                    "date": datetime(2026, 3, 1),
                }
            )
        )
        self.assertEqual(forged.user_id, self.user_member)
        self.assertTrue(self.customer_member.consent_service)

    def test_evidence_is_added_never_removed(self):
        Attachment = self.env["ir.attachment"].with_user(self.user_member)
        signed, recording, other = (
            Attachment.create({"name": name, "raw": b"%PDF-1.4 signed", "res_model": "crm.vn.consent"})
            for name in ("phieu-dong-y.pdf", "ghi-am.mp3", "anh-chup.png")
        )
        consent = (
            self.env["crm.vn.consent"]
            .with_user(self.user_member)
            .create(
                {
                    "partner_id": self.customer_member.id,
                    "purpose": "marketing",
                    "state": "given",
                    "method": "paper",
                    "date": datetime(2026, 3, 2, 2, 0),
                    "attachment_ids": [Command.link(signed.id)],
                }
            )
        )
        consent.write({"attachment_ids": [Command.link(recording.id)]})
        self.assertIn("ghi-am.mp3", consent.message_ids[0].body)
        consent.write({"attachment_ids": [Command.set((signed | recording | other).ids)]})
        self.assertEqual(consent.attachment_ids, signed | recording | other)
        for commands in (
            [Command.unlink(signed.id)],
            [Command.delete(signed.id)],
            [Command.set(recording.ids)],
            [Command.clear()],
        ):
            with self.subTest(commands=commands), self.assertRaisesRegex(UserError, "evidence of a consent is kept"):
                consent.write({"attachment_ids": commands})
        with self.assertRaisesRegex(UserError, "evidence of a customer's consent"):
            signed.unlink()
        with self.assertRaisesRegex(UserError, "evidence of a customer's consent"):
            signed.write({"raw": b"another file"})
        self.assertEqual(consent.attachment_ids, signed | recording | other)
        with self.assertRaisesRegex(UserError, "cannot be changed once recorded"):
            consent.company_id = self.env["res.company"].create({"name": "Công ty Khác"})
        consent.note = "Bản gốc lưu tại chi nhánh Hà Nội"  # a note may be added, and is tracked
        self.cr.flush()
        # an unrelated file stays the user's to delete
        Attachment.create({"name": "nhap.txt", "raw": b"draft"}).unlink()

    def test_customer_with_consents_not_deleted(self):
        self._consent(self.customer_member, "given")
        self.user_member.groups_id += self.env.ref("base.group_partner_manager")  # may delete contacts
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            self.customer_member.with_user(self.user_member).unlink()
        self.assertTrue(self.customer_member.consent_ids)
        other = self.env["res.partner"].create({"name": "Khách Chưa Đồng Ý", "user_id": self.user_member.id})
        other.with_user(self.user_member).unlink()  # nothing to keep

    def test_evidence_missing(self):
        """A signed or recorded consent without its file is listed for completion; a web consent needs none."""
        signed = self._consent(self.customer_member, "given")  # method "form", no file
        self.assertTrue(signed.evidence_missing)
        web = (
            self.env["crm.vn.consent"]
            .with_user(self.user_member)
            .create({"partner_id": self.customer_member.id, "purpose": "service", "state": "given", "method": "web"})
        )
        self.assertFalse(web.evidence_missing)
        Consent = self.env["crm.vn.consent"].with_user(self.user_member)
        self.assertEqual(Consent.search([("evidence_missing", "=", True), ("id", "in", (signed | web).ids)]), signed)
        proof = self.env["ir.attachment"].with_user(self.user_member).create({"name": "phieu.pdf", "raw": b"%PDF"})
        signed.with_user(self.user_member).attachment_ids = [Command.link(proof.id)]
        self.assertFalse(signed.evidence_missing)

    def test_consents_follow_ownership(self):
        mine = self._consent(self.customer_member, "given")
        theirs = self._consent(self.customer_other, "given", user=self.user_other)
        Consent = self.env["crm.vn.consent"]
        self.assertEqual(Consent.with_user(self.user_member).search([("id", "in", (mine | theirs).ids)]), mine)
        with self.assertRaises(AccessError):
            theirs.with_user(self.user_member).read(["state"])
        with self.assertRaises(AccessError):
            self._consent(self.customer_other, "withdrawn", user=self.user_member)
        self.assertEqual(
            Consent.with_user(self.user_manager).search([("id", "in", (mine | theirs).ids)]), mine | theirs
        )

    def test_marketing_call_needs_consent(self):
        call = self.env.ref("crm_vn_privacy.mail_activity_type_marketing_call")
        customer = self.customer_member.with_user(self.user_member)
        with self.assertRaises(ValidationError):
            customer.activity_schedule(activity_type_id=call.id, date_deadline=date(2026, 3, 10))
        self._consent(self.customer_member, "given", channel="call")
        customer.activity_schedule(activity_type_id=call.id, date_deadline=date(2026, 3, 10))
        with self.assertRaises(ValidationError):
            customer.activity_schedule(activity_type_id=call.id, date_deadline=date(2026, 3, 10))
        customer.activity_schedule(activity_type_id=call.id, date_deadline=date(2026, 3, 11))
        # a service call needs no marketing consent
        service_call = self.env.ref("mail.mail_activity_data_call")
        self.customer_other.with_user(self.user_other).activity_schedule(
            activity_type_id=service_call.id, date_deadline=date(2026, 3, 10)
        )

    def test_marketing_call_hours(self):
        """Decree 91/2020: a marketing call is made, so marked done, between 08:00 and 17:00 Vietnam time."""
        self._consent(self.customer_member, "given", channel="call")
        call = self.env.ref("crm_vn_privacy.mail_activity_type_marketing_call")
        customer = self.customer_member.with_user(self.user_member)
        with freeze_time("2026-03-02 10:30:00"):  # Monday 17:30 in Vietnam
            activity = customer.activity_schedule(activity_type_id=call.id, date_deadline=date(2026, 3, 2))
            with self.assertRaisesRegex(UserError, "08:00 and 17:00"):
                activity.action_feedback(feedback="Đã gọi")
            self.assertTrue(activity.exists())
        with freeze_time("2026-03-02 00:59:00"), self.assertRaises(UserError):  # 07:59
            activity.action_feedback(feedback="Đã gọi")
        with freeze_time("2026-03-02 01:00:00"):  # 08:00
            activity.action_feedback(feedback="Đã gọi, khách hẹn tuần sau")
        self.assertFalse(activity.exists())
        log = self.env["crm.vn.marketing.log"].search([("partner_id", "=", self.customer_member.id)])
        self.assertEqual(log.mapped("channel"), ["call"], "the call made is counted")
        # a second marketing call on the same day, planned after the first was made, is refused when made
        with freeze_time("2026-03-02 02:00:00"):  # 09:00
            second = customer.activity_schedule(activity_type_id=call.id, date_deadline=date(2026, 3, 2))
            with self.assertRaisesRegex(UserError, "already received a marketing call"):
                second.action_feedback(feedback="Gọi lại")
        with freeze_time("2026-03-03 01:30:00"):  # the next day, 08:30: more than 24 hours later
            second.date_deadline = date(2026, 3, 3)
            second.action_feedback(feedback="Gọi lại")
        # service calls are not limited
        service = self.env.ref("mail.mail_activity_data_call")
        with freeze_time("2026-03-02 13:00:00"):  # 20:00
            other = customer.activity_schedule(activity_type_id=service.id, date_deadline=date(2026, 3, 2))
            other.action_feedback(feedback="Báo giao hàng")

    def test_marketing_calls_made_together(self):
        """Two calls to one person marked done in one go (on the customer and on its lead): the second is refused."""
        self._consent(self.customer_member, "given", channel="call")
        call = self.env.ref("crm_vn_privacy.mail_activity_type_marketing_call")
        lead = self.env["crm.lead"].create(
            {"name": "Cơ hội", "partner_id": self.customer_member.id, "user_id": self.user_member.id}
        )
        with freeze_time("2026-03-02 02:00:00"):  # 09:00
            first = self.customer_member.with_user(self.user_member).activity_schedule(
                activity_type_id=call.id, date_deadline=date(2026, 3, 2)
            )
            second = lead.with_user(self.user_member).activity_schedule(
                activity_type_id=call.id, date_deadline=date(2026, 3, 3)
            )
            with self.assertRaisesRegex(UserError, "already received a marketing call"):
                (first | second).action_feedback(feedback="Đã gọi")
        self.assertTrue(first.exists() and second.exists(), "nothing marked done")

    def test_planned_call_after_do_not_call_or_withdrawal(self):
        """A call planned while the customer consented is not made once they object."""
        self._consent(self.customer_member, "given", channel="call")
        call = self.env.ref("crm_vn_privacy.mail_activity_type_marketing_call")
        customer = self.customer_member.with_user(self.user_member)
        planned = customer.activity_schedule(activity_type_id=call.id, date_deadline=date(2026, 3, 2))
        customer.vn_do_not_call = True
        with freeze_time("2026-03-02 02:00:00"), self.assertRaisesRegex(ValidationError, "Do-Not-Call"):  # 09:00
            planned.action_feedback(feedback="Đã gọi")
        self.assertTrue(planned.exists())
        self.customer_member.with_user(self.user_manager).vn_do_not_call = False
        self._consent(self.customer_member, "withdrawn", channel="call")
        with freeze_time("2026-03-02 02:00:00"), self.assertRaisesRegex(ValidationError, "not consented"):
            planned.action_feedback(feedback="Đã gọi")
        self.assertFalse(self.env["crm.vn.marketing.log"].search([("partner_id", "=", self.customer_member.id)]))

    def test_marketing_call_to_a_lead_without_customer(self):
        """Whoever holds the lead's number must have consented; the calls are counted on the number."""
        call = self.env.ref("crm_vn_privacy.mail_activity_type_marketing_call")
        Lead = self.env["crm.lead"].with_user(self.user_member)
        stranger = Lead.create({"name": "Khách gọi đến", "phone": "0904 555 001", "user_id": self.user_member.id})
        with self.assertRaisesRegex(ValidationError, "nobody holding its number"):
            stranger.activity_schedule(activity_type_id=call.id, date_deadline=date(2026, 3, 2))
        holder = self.customer_member
        holder.mobile = "0904 555 002"
        self._consent(holder, "given", channel="call")
        lead = Lead.create({"name": "Cơ hội mới", "phone": "+84 904 555 002", "user_id": self.user_member.id})
        with freeze_time("2026-03-02 02:00:00"):  # 09:00
            first = lead.activity_schedule(activity_type_id=call.id, date_deadline=date(2026, 3, 2))
            first.action_feedback(feedback="Đã gọi")
            self.assertEqual(
                self.env["crm.vn.marketing.log"].search([("recipient", "=", "+84904555002")]).mapped("channel"),
                ["call"],
            )
            again = lead.activity_schedule(activity_type_id=call.id, date_deadline=date(2026, 3, 2))
            with self.assertRaisesRegex(UserError, "already received a marketing call"):
                again.action_feedback(feedback="Gọi lại")

    def test_do_not_call_list_taken_off_by_an_administrator_only(self):
        customer = self.customer_member.with_user(self.user_member)
        customer.vn_do_not_call = True
        with self.assertRaisesRegex(AccessError, "Only a sales administrator"):
            customer.vn_do_not_call = False
        with self.assertRaises(AccessError):
            customer.write({"vn_do_not_call": False, "comment": "khách đồng ý lại"})
        self.assertTrue(self.customer_member.vn_do_not_call)
        customer.write({"vn_do_not_call": True, "comment": "nhắc lại"})  # no change: allowed
        self.customer_member.with_user(self.user_manager).vn_do_not_call = False
        self.assertFalse(self.customer_member.vn_do_not_call)

    def test_do_not_call_list(self):
        self._consent(self.customer_member, "given")
        self.customer_member.with_user(self.user_member).vn_do_not_call = True
        self.assertFalse(self.customer_member._crm_vn_marketing_allowed("call"))
        self.assertFalse(self.customer_member._crm_vn_marketing_allowed("sms"))
        self.assertFalse(self.customer_member._crm_vn_marketing_allowed("email"), "no marketing at all on the list")
        call = self.env.ref("crm_vn_privacy.mail_activity_type_marketing_call")
        with self.assertRaisesRegex(ValidationError, "Do-Not-Call"):
            self.customer_member.with_user(self.user_member).activity_schedule(
                activity_type_id=call.id, date_deadline=date.today() + timedelta(days=1)
            )
        lead = self.env["crm.lead"].create({"name": "Cơ hội", "partner_id": self.customer_member.id})
        with self.assertRaises(ValidationError):
            lead.activity_schedule(activity_type_id=call.id, date_deadline=date.today() + timedelta(days=1))

    def test_consents_follow_the_customers_ownership_at_once(self):
        """Consents follow their customer's owner through the same rule as the customer: a new team leader reads the
        team's consents at once, the former one no longer."""
        consent = self.env["crm.vn.consent"].create(
            {
                "partner_id": self.customer_member.id,
                "purpose": "marketing",
                "channel": "sms",
                "state": "given",
                "method": "web",
            }
        )
        Consent = self.env["crm.vn.consent"].with_user(self.user_other)
        self.assertFalse(Consent.search([("id", "=", consent.id)]))
        self.team_hanoi.user_id = self.user_other
        self.assertEqual(Consent.search([("id", "=", consent.id)]), consent)
        self.team_hanoi.user_id = self.user_leader
        self.assertFalse(Consent.search([("id", "=", consent.id)]))
