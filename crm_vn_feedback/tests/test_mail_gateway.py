from datetime import datetime, timezone
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

from freezegun import freeze_time

from odoo.tests import tagged

from .common import CrmVnFeedbackCommon


def raw_email(sender, subject, body, to="feedback@crmvn.test"):
    """A real RFC 5322 message as a mail server hands it to Odoo (UTF-8 headers, base64 body)."""
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = format_datetime(datetime(2026, 3, 2, 2, 0, tzinfo=timezone.utc))
    message["Message-Id"] = make_msgid(domain="mail.example.vn")
    message.set_content(body, charset="utf-8")
    return message.as_string()


@tagged("post_install", "-at_install", "crm_vn_feedback")
class TestMailGateway(CrmVnFeedbackCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.alias_domain = cls.env["mail.alias.domain"].create({"name": "crmvn.test"})
        cls.env.company.alias_domain_id = cls.alias_domain
        cls.alias = cls.env.ref("crm_vn_feedback.mail_alias_feedback")
        cls.alias.alias_domain_id = cls.alias_domain
        cls.customer_other.lang = "en_US"
        # When an email routed by the alias fails, the gateway marks the alias through a cursor of its own, which
        # would wait for this test's transaction (it changed the alias): in test mode that cursor is the test's own,
        # and a broken route fails the test instead of hanging it.
        cls.registry.enter_test_mode(cls.cr)
        cls.addClassCleanup(cls.registry.leave_test_mode)

    def _receive(self, sender, subject, body, model="crm.vn.feedback"):
        # With a model given the gateway falls back to it; without, it routes by the alias address.
        thread_id = self.env["mail.thread"].message_process(model, raw_email(sender, subject, body))
        return self.env["crm.vn.feedback"].browse(thread_id)

    def test_route_by_alias(self):
        feedback = self._receive("duc@example.vn", "Gửi qua địa chỉ phản hồi", "Nội dung", model=False)
        self.assertEqual(feedback.partner_id, self.customer_other)
        self.assertEqual(feedback.channel, "email")

    def _acknowledgement(self, feedback):
        ack = feedback.message_ids.filtered(lambda m: m.subtype_id == self.env.ref("mail.mt_comment") and m.partner_ids)
        self.assertEqual(len(ack), 1, "one acknowledgement sent to the customer")
        return ack

    def test_the_address_in_the_settings_files_feedback(self):
        """The address the settings give to publish is feedback@ the company's domain, and an email to it from a
        customer becomes a feedback of theirs; an email to another address of the domain files nothing."""
        address = self.env["res.config.settings"].create({}).crm_vn_feedback_alias_id.display_name
        self.assertEqual(address, "feedback@crmvn.test")
        count = self.env["crm.vn.feedback"].search_count([])
        message = raw_email("Hoàng Minh Đức <duc@example.vn>", "Máy giặt kêu to", "Máy giặt kêu to.", to=address)
        feedback = self.env["crm.vn.feedback"].browse(self.env["mail.thread"].message_process(False, message))
        self.assertEqual(
            (feedback.partner_id, feedback.name, feedback.channel), (self.customer_other, "Máy giặt kêu to", "email")
        )
        with self.assertRaises(ValueError):
            self.env["mail.thread"].message_process(
                False, raw_email("duc@example.vn", "Hỏi giá", "Giá bao nhiêu?", to="banhang@crmvn.test")
            )
        self.assertEqual(self.env["crm.vn.feedback"].search_count([]), count + 1)

    def test_known_sender_by_email(self):
        feedback = self._receive(
            "Hoàng Minh Đức <DUC@example.vn>", "Hàng giao thiếu 1 thùng", "Đơn hàng hôm qua giao thiếu một thùng nước."
        )
        self.assertEqual(feedback.partner_id, self.customer_other, "found by email, whatever the case")
        self.assertEqual(feedback.name, "Hàng giao thiếu 1 thùng")
        self.assertEqual(feedback.channel, "email")
        self.assertEqual(feedback.user_id, self.user_other)
        self.assertIn("giao thiếu một thùng", feedback.description)
        email = feedback.message_ids.filtered(lambda m: m.message_type == "email")
        self.assertEqual(len(email), 1)
        self.assertIn("giao thiếu một thùng", email.body, "the email is in the chatter")
        self.assertEqual(email.author_id, self.customer_other)
        # The acknowledgement with the reference number went to the customer.
        ack = self._acknowledgement(feedback)
        self.assertIn(feedback.reference, ack.subject)
        self.assertIn(feedback.reference, ack.body)
        self.assertEqual(ack.partner_ids, self.customer_other)

    @freeze_time("2026-03-09 03:00:00")
    def test_stranger_naming_a_customer_number_gets_their_own_contact(self):
        """An email names its customer by its sender only: a number (or a name) in the text would let anyone on the
        internet file a complaint under another person and have the acknowledgement sent to them in the company's
        name. The feedback counts from its arrival, not from the Date header the sender wrote (2 March)."""
        feedback = self._receive(
            "Cường <cuong.moi@gmail.com>",
            "Máy lọc nước bị rò",
            "Tôi là khách quen, số điện thoại 0983.111.222, máy lọc nước bị rò nước.",
        )
        self.assertNotEqual(feedback.partner_id, self.customer_member)
        self.assertEqual(feedback.partner_id.email, "cuong.moi@gmail.com")
        self.assertEqual(feedback.partner_id.name, "Cường")
        self.assertFalse(feedback.user_id, "the stranger's contact has no salesperson")
        ack = self._acknowledgement(feedback)
        self.assertEqual(ack.partner_ids, feedback.partner_id, "acknowledged to the sender only")
        self.assertFalse(self.customer_member.message_ids.filtered(lambda m: "rò nước" in (m.body or "")))
        self.assertEqual(feedback.date_received, datetime(2026, 3, 9, 3, 0), "received when it arrived")

    def test_unknown_sender_created_once(self):
        Partner = self.env["res.partner"].with_context(active_test=False)
        self.assertFalse(Partner.search([("email", "=ilike", "mai.anh@gmail.com")]))
        first = self._receive("Mai Anh <mai.anh@gmail.com>", "Hỏi giá", "Cho tôi hỏi giá máy lọc nước loại 10 lõi.")
        second = self._receive("mai.anh@gmail.com", "Hỏi thêm", "Có giao hàng đến Đà Nẵng không?")
        created = Partner.search([("email", "=ilike", "mai.anh@gmail.com")])
        self.assertEqual(len(created), 1, "the second email finds the customer created by the first")
        self.assertEqual(created.name, "Mai Anh")
        self.assertEqual(first.partner_id, created)
        self.assertEqual(second.partner_id, created)
        self.assertNotEqual(first.reference, second.reference)

    def test_reply_goes_to_the_same_feedback(self):
        feedback = self._receive("duc@example.vn", "Bảo hành", "Máy hỏng sau 2 tuần.")
        count = self.env["crm.vn.feedback"].search_count([])
        ack = self._acknowledgement(feedback)
        reply = EmailMessage()
        reply["From"] = "duc@example.vn"
        reply["To"] = "feedback@crmvn.test"
        reply["Subject"] = f"Re: {feedback.reference}"
        reply["In-Reply-To"] = ack.message_id
        reply["Message-Id"] = make_msgid(domain="mail.example.vn")
        reply.set_content("Cảm ơn, tôi chờ kỹ thuật.", charset="utf-8")
        self.env["mail.thread"].message_process(False, reply.as_string())
        self.assertEqual(self.env["crm.vn.feedback"].search_count([]), count, "no second feedback")
        self.assertIn("chờ kỹ thuật", feedback.message_ids[0].body)

    def test_acknowledgement_in_vietnamese(self):
        self.env["res.lang"]._activate_lang("vi_VN")
        self.env["ir.module.module"]._load_module_terms(["crm_vn_feedback"], ["vi_VN"], overwrite=True)
        self.customer_other.lang = "vi_VN"
        feedback = self.env["crm.vn.feedback"].create(
            {"name": "Giao chậm", "partner_id": self.customer_other.id, "priority": "1"}
        )
        ack = self._acknowledgement(feedback)
        self.assertIn(feedback.reference, ack.body)
        self.assertIn("Cảm ơn", ack.body)
        self.assertIn("đã nhận", ack.subject)
