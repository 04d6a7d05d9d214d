import base64
import json
from datetime import date, datetime

from odoo import Command
from odoo.tests import freeze_time, tagged

from .test_data_request import DataRequestCommon


@tagged("post_install", "-at_install", "crm_vn_privacy")
class TestPersonalDataExport(DataRequestCommon):
    """The export answering "provide my data" (Law 91/2025/QH15) holds everything kept on the customer.

    Each test puts one kind of record on Đức (``customer_other``, of Tuấn, mobile
    +84903999888, duc@example.vn) and exports it as Tuấn does, through the request.
    """

    def _export(self, customer=None, user=None):
        """Run the export of a "provide my data" request and return the JSON file, read back."""
        self._commit_tracking()
        user = user or self.user_other
        request = self._request(
            customer or self.customer_other, date(2026, 4, 24), "provision", user=user, identity_verified=True
        )
        request.with_user(self.user_manager).action_export_personal_data()
        return json.loads(base64.b64decode(request.export_attachment_id.datas))

    def _commit_tracking(self):
        """Write the tracked changes as a commit does (and end a creation: later writes are tracked as changes)."""
        self.env.flush_all()
        self.env.cr.precommit.run()

    def test_tracked_lead_stage(self):
        """A lead whose stage changed carries the change in its messages (Odoo 18's tracking values)."""
        lead = self.env["crm.lead"].create(
            {
                "name": "Máy lọc nước cho nhà hàng",
                "partner_id": self.customer_other.id,
                "type": "opportunity",
                "stage_id": self.env.ref("crm.stage_lead1").id,
            }
        )
        self._commit_tracking()
        lead.stage_id = self.env.ref("crm.stage_lead2")
        data = self._export()
        tracking = [change for message in data["leads"][0]["messages"] for change in message["tracking"]]
        self.assertIn({"field": "Stage", "old": "New", "new": "Qualified"}, tracking)

    def test_tracked_customer_flag(self):
        """A tracked yes/no field of the customer shows both values, "no" included."""
        self._commit_tracking()
        self.customer_other.vn_do_not_call = True
        data = self._export()
        tracking = [change for message in data["messages"] for change in message["tracking"]]
        self.assertIn({"field": "Do Not Call", "old": False, "new": True}, tracking)

    @freeze_time("2026-04-24 03:00")
    def test_withdrawn_consent_is_kept(self):
        """A withdrawn consent is a "no": the export says so instead of leaving the field out."""
        Consent = self.env["crm.vn.consent"].with_user(self.user_other)
        for state, day in (("given", 1), ("withdrawn", 10)):
            Consent.create(
                {
                    "partner_id": self.customer_other.id,
                    "purpose": "marketing",
                    "channel": "sms",
                    "state": state,
                    "method": "form",
                    "date": datetime(2026, 4, day, 2, 0),
                }
            )
        data = self._export()
        self.assertIs(data["customer"]["consent_marketing_sms"], False)
        self.assertIs(data["customer"]["vn_do_not_call"], False)
        self.assertEqual(data["customer"]["consent_date"], "2026-04-10T02:00:00")
        self.assertNotIn("comment", data["customer"], "empty texts are still left out")

    def test_false_yes_no_property_is_kept(self):
        """A yes/no property answered "no" is exported as such; an empty text property is left out."""
        self.env.company.crm_vn_partner_properties_definition = [
            {"name": "paper_catalogue", "string": "Paper catalogue", "type": "boolean"},
            {"name": "nickname", "string": "Nickname", "type": "char"},
        ]
        self.customer_other.profile_properties = {"paper_catalogue": False, "nickname": False}
        data = self._export()
        self.assertEqual(data["customer"]["profile_properties"], {"paper_catalogue": False})

    @freeze_time("2026-04-24 03:00")
    def test_sms(self):
        """SMS to the customer, and to its number when sent without a customer; not another person's."""
        Sms = self.env["sms.sms"]
        Sms.create({"number": "+84903999888", "partner_id": self.customer_other.id, "body": "Chào anh Đức"})
        Sms.create({"number": "+84903999888", "body": "Khuyến mãi tháng 4", "state": "error"})
        Sms.create({"number": "+84903999888", "partner_id": self.customer_member.id, "body": "Tin của anh Cường"})
        Sms.create({"number": "+84983111222", "body": "Tin số khác"})
        data = self._export()
        self.assertEqual(
            [(sms["number"], sms["state"], sms["body"]) for sms in data["sms"]],
            [("+84903999888", "outgoing", "Chào anh Đức"), ("+84903999888", "error", "Khuyến mãi tháng 4")],
        )

    @freeze_time("2026-04-24 03:00")
    def test_marketing_log(self):
        """The marketing log: entries of the customer, and those to its number or address without a customer."""
        Log = self.env["crm.vn.marketing.log"]
        Log.create({"partner_id": self.customer_other.id, "recipient": "+84903999888", "channel": "sms"})
        Log.create({"recipient": "duc@example.vn", "channel": "email", "date": datetime(2026, 4, 23, 2, 0)})
        Log.create({"partner_id": self.customer_member.id, "recipient": "+84903999888", "channel": "call"})
        data = self._export()
        self.assertEqual(
            [(log["channel"], log["recipient"], log["date"]) for log in data["marketing_log"]],
            [("sms", "+84903999888", "2026-04-24T03:00:00"), ("email", "duc@example.vn", "2026-04-23T02:00:00")],
        )

    def test_opt_outs(self):
        """The email and phone blacklists of its address and numbers, a lifted opt-out included (inactive)."""
        email = self.env["mail.blacklist"]._add("Duc@Example.vn")
        self.env["mail.blacklist"]._remove("duc@example.vn")
        phone = self.env["phone.blacklist"].add("+84903999888")
        self.env["phone.blacklist"].add("+84983111222")
        data = self._export()
        self.assertEqual(
            [(o["type"], o["address"], o["active"]) for o in data["opt_outs"]],
            [("email", "duc@example.vn", False), ("phone", "+84903999888", True)],
        )
        self.assertEqual(data["opt_outs"][0]["added_on"], email.create_date.isoformat(timespec="seconds"))
        self.assertEqual(data["opt_outs"][1]["changed_on"], phone.write_date.isoformat(timespec="seconds"))

    def test_meetings(self):
        """Meetings the customer attends, with their place, times and description as text."""
        meeting = self.env["calendar.event"].create(
            {
                "name": "Tư vấn máy lọc nước",
                "start": datetime(2026, 4, 27, 2, 0),
                "stop": datetime(2026, 4, 27, 3, 0),
                "location": "12 Lý Thường Kiệt, Hà Nội",
                "description": "<p>Mang theo <b>catalogue</b></p>",
                "partner_ids": [Command.set([self.customer_other.id, self.user_other.partner_id.id])],
            }
        )
        self.env["calendar.event"].create(
            {"name": "Họp nội bộ", "start": datetime(2026, 4, 27, 4, 0), "stop": datetime(2026, 4, 27, 5, 0)}
        )
        data = self._export()
        self.assertEqual(len(data["meetings"]), 1)
        exported = data["meetings"][0]
        self.assertEqual(
            (exported["name"], exported["start"], exported["stop"], exported["location"]),
            (meeting.name, "2026-04-27T02:00:00", "2026-04-27T03:00:00", "12 Lý Thường Kiệt, Hà Nội"),
        )
        self.assertEqual(exported["description"], "Mang theo *catalogue*")
        self.assertEqual(exported["attendance"], [{"name": "Hoàng Minh Đức", "answer": "needsAction"}])

    def test_leads_with_its_email_or_number(self):
        """Leads without a customer carrying its email or number (typed any way); not another customer's lead."""
        Lead = self.env["crm.lead"]
        by_email = Lead.create({"name": "Form liên hệ website", "email_from": "Đức <DUC@example.vn>"})
        by_phone = Lead.create({"name": "Gọi hotline", "phone": "0903 999 888", "active": False})
        Lead.create({"name": "Số khác", "phone": "0903 999 887"})
        # (a mobile: a lead's phone would be copied to Cường, and the number be shared, see below)
        Lead.create({"name": "Của anh Cường", "partner_id": self.customer_member.id, "mobile": "0903 999 888"})
        Lead.create({"name": "Máy lọc nước", "partner_id": self.customer_other.id})
        data = self._export()
        self.assertEqual([lead["name"] for lead in data["leads_by_email_or_phone"]], [by_email.name, by_phone.name])
        self.assertEqual([lead["name"] for lead in data["leads"]], ["Máy lọc nước"])

    @freeze_time("2026-04-24 03:00")
    def test_shared_landline_left_out(self):
        """Đức shares his family's landline with Khách Vãng Lai (``customer_free``): a web-form lead, a text
        message and a marketing call found only through it may be hers, and stay out, as anonymisation leaves
        them alone. A lead also carrying his own address is his; his own log entries stay."""
        self.customer_other.phone = "028 3812 3456"
        Lead = self.env["crm.lead"]
        Lead.create({"name": "Chị hỏi giá máy lọc nước", "contact_name": "Chị Vãng Lai", "phone": "028 3812 3456"})
        both = Lead.create({"name": "Hỏi giá lần hai", "email_from": "duc@example.vn", "phone": "(028) 3812 3456"})
        self.env["sms.sms"].create({"number": "+842838123456", "body": "Chị Vãng Lai ơi, máy đã về."})
        Log = self.env["crm.vn.marketing.log"]
        Log.create({"recipient": "+842838123456", "channel": "call"})
        Log.create({"partner_id": self.customer_other.id, "recipient": "+842838123456", "channel": "call"})
        data = self._export()
        self.assertEqual([lead["name"] for lead in data["leads_by_email_or_phone"]], [both.name])
        self.assertEqual(data["sms"], [])
        self.assertEqual(
            [(log["partner_id"], log["recipient"]) for log in data["marketing_log"]],
            [(self.customer_other.display_name, "+842838123456")],
        )

    def test_shared_meeting(self):
        """A seminar with another customer: its name, times and place, Đức's own answer and the messages he
        wrote or received; not its description (about Cường), nor what others wrote there."""
        Event = self.env["calendar.event"]
        seminar = Event.create(
            {
                "name": "Hội thảo máy lọc nước",
                "start": datetime(2026, 4, 28, 2, 0),
                "stop": datetime(2026, 4, 28, 4, 0),
                "location": "Khách sạn Daewoo, Hà Nội",
                "description": "<p>Đón anh Cường (0983 111 222) ở sân bay</p>",
                "partner_ids": [
                    Command.set([self.customer_other.id, self.customer_member.id, self.user_other.partner_id.id])
                ],
            }
        )
        seminar.message_post(body="Tôi cần xe đón.", message_type="comment", author_id=self.customer_member.id)
        seminar.message_post(body="Chuẩn bị 20 ghế.", message_type="comment", author_id=self.user_other.partner_id.id)
        seminar.message_post(body="Tôi sẽ tới muộn.", message_type="comment", author_id=self.customer_other.id)
        seminar.message_post(
            body="Gửi anh Đức bản đồ.",
            message_type="comment",
            author_id=self.user_other.partner_id.id,
            partner_ids=self.customer_other.ids,
        )
        data = self._export()
        exported = data["meetings"][0]
        self.assertEqual(
            (exported["name"], exported["start"], exported["location"]),
            ("Hội thảo máy lọc nước", "2026-04-28T02:00:00", "Khách sạn Daewoo, Hà Nội"),
        )
        self.assertIs(exported["description"], False)
        self.assertEqual(exported["attendance"], [{"name": "Hoàng Minh Đức", "answer": "needsAction"}])
        self.assertEqual(
            [message["body"] for message in exported["messages"]], ["Tôi sẽ tới muộn.", "Gửi anh Đức bản đồ."]
        )


@tagged("post_install", "-at_install", "crm_vn_privacy")
class TestPersonalDataExportQueries(DataRequestCommon):
    """The export reads each kind of record in one go: its queries do not grow with the customer's records."""

    def _queries(self, customer):
        customer._crm_vn_personal_data()  # caches warm
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        customer._crm_vn_personal_data()
        return self.env.cr.sql_log_count - before

    def _customer(self, name, leads):
        customer = self.env["res.partner"].create({"name": name, "email": f"{len(name)}{leads}@example.vn"})
        self.env["crm.lead"].create([{"name": f"{name} {i}", "partner_id": customer.id} for i in range(leads)])
        self.env["crm.vn.consent"].create(
            [
                {
                    "partner_id": customer.id,
                    "purpose": "marketing",
                    "channel": channel,
                    "state": "given",
                    "method": "web",
                }
                for channel in ("email", "sms")
            ]
        )
        customer.message_post(body="Ghi chú", message_type="comment")
        return customer

    def test_queries_do_not_grow_with_records(self):
        few = self._queries(self._customer("Khách Ít Đơn", 2))
        many = self._queries(self._customer("Khách Nhiều Đơn", 25))
        self.assertEqual(many, few)
