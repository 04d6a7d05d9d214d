import base64

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.mail.tools.discuss import Store

from .common import CrmVnCustomerCommon


@tagged("post_install", "-at_install", "crm_vn_customer")
class TestCustomerOwnership(CrmVnCustomerCommon):
    """Record rules, tried as each user through every ORM path a client can reach."""

    def _visible(self, user, records):
        return self.env["res.partner"].with_user(user).search([("id", "in", records.ids)])

    def _customers(self):
        """Every customer of the fixtures: each salesperson's, the free one, the company and its contact."""
        return (
            self.customer_leader
            | self.customer_member
            | self.customer_other
            | self.customer_free
            | self.company_other
            | self.contact_other
        )

    def test_salesperson_search(self):
        everyone = self._customers()
        self.assertEqual(self._visible(self.user_member, everyone), self.customer_member | self.customer_free)
        self.assertEqual(
            self._visible(self.user_other, everyone),
            self.customer_other | self.customer_free | self.company_other | self.contact_other,
        )
        # the team leader also sees the customers of the team's members
        self.assertEqual(
            self._visible(self.user_leader, everyone),
            self.customer_leader | self.customer_member | self.customer_free,
        )
        # the ladder only widens
        self.assertEqual(self._visible(self.user_all, everyone), everyone)
        self.assertEqual(self._visible(self.user_manager, everyone), everyone)
        # users outside the sales groups keep Odoo's behaviour
        self.assertEqual(self._visible(self.user_employee, everyone), everyone)

    def test_salesperson_read_write_unlink(self):
        other = self.customer_other.with_user(self.user_member)
        with self.assertRaises(AccessError):
            other.read(["name", "mobile"])
        with self.assertRaises(AccessError):
            other.write({"name": "Hacked"})
        with self.assertRaises(AccessError):
            other.unlink()
        with self.assertRaises(AccessError):
            self.contact_other.with_user(self.user_member).read(["mobile"])
        # own and unassigned customers are editable
        self.customer_member.with_user(self.user_member).write({"occupation": "Kế toán"})
        self.customer_free.with_user(self.user_member).write({"occupation": "Giáo viên"})
        self.assertEqual(self.customer_free.occupation, "Giáo viên")
        # taking an unassigned customer is allowed, giving it away hides it
        self.customer_free.with_user(self.user_member).write({"user_id": self.user_member.id})
        self.assertEqual(self.customer_free.user_id, self.user_member)
        # the leader edits the team's customers
        self.customer_member.with_user(self.user_leader).write({"occupation": "Bác sĩ"})
        with self.assertRaises(AccessError):
            self.customer_other.with_user(self.user_leader).write({"occupation": "Bác sĩ"})

    def test_name_search_read_group_export(self):
        Partner = self.env["res.partner"].with_user(self.user_member)
        found = [name for __, name in Partner.name_search("Hoàng Minh")]
        self.assertNotIn("Hoàng Minh Đức", found)
        found_own = [pid for pid, __ in Partner.name_search("Trần Văn")]
        self.assertIn(self.customer_member.id, found_own)

        groups = Partner.read_group([("user_id", "!=", False)], ["user_id"], ["user_id"])
        owners = {group["user_id"][0] for group in groups}
        self.assertNotIn(self.user_other.id, owners)
        self.assertIn(self.user_member.id, owners)

        exported = Partner.search([("mobile", "!=", False)]).export_data(["name", "mobile"])["datas"]
        exported_names = {row[0] for row in exported}
        self.assertIn("Trần Văn Cường", exported_names)
        self.assertNotIn("Hoàng Minh Đức", exported_names)
        self.assertNotIn("+84903999888", {row[1] for row in exported})
        with self.assertRaises(AccessError):
            self.customer_other.with_user(self.user_member).export_data(["name", "mobile"])

    def test_web_client_paths(self):
        Partner = self.env["res.partner"].with_user(self.user_member)
        result = Partner.web_search_read([], {"display_name": {}, "mobile": {}})
        ids = {record["id"] for record in result["records"]}
        self.assertNotIn(self.customer_other.id, ids)
        self.assertIn(self.customer_member.id, ids)
        with self.assertRaises(AccessError):
            self.customer_other.with_user(self.user_member).web_read({"mobile": {}})
        groups = Partner.web_read_group([], ["user_id"], ["user_id"])["groups"]
        self.assertNotIn(self.user_other.id, [g["user_id"] and g["user_id"][0] for g in groups])

    def test_chatter_messages_and_attachments(self):
        message = self.customer_other.message_post(body="Khách hỏi giá", message_type="comment")
        attachment = self.env["ir.attachment"].create(
            {
                "name": "cmnd.pdf",
                "datas": base64.b64encode(b"%PDF-1.4 secret"),
                "res_model": "res.partner",
                "res_id": self.customer_other.id,
            }
        )
        Message = self.env["mail.message"].with_user(self.user_member)
        self.assertFalse(Message.search([("model", "=", "res.partner"), ("res_id", "=", self.customer_other.id)]))
        with self.assertRaises(AccessError):
            message.with_user(self.user_member).read(["body"])
        with self.assertRaises(AccessError):
            attachment.with_user(self.user_member).read(["datas"])
        Attachment = self.env["ir.attachment"].with_user(self.user_member)
        self.assertFalse(
            Attachment.search([("res_model", "=", "res.partner"), ("res_id", "=", self.customer_other.id)])
        )
        with self.assertRaises(AccessError):
            self.customer_other.with_user(self.user_member).message_post(body="Xin chào")
        # the owner reads both
        self.assertTrue(message.with_user(self.user_other).read(["body"]))
        self.assertTrue(attachment.with_user(self.user_other).read(["name"]))

    def test_odoo_keeps_working(self):
        Partner = self.env["res.partner"].with_user(self.user_member)
        # partners of users (authors, followers, assignees) and of the companies
        readable = self.user_other.partner_id | self.user_manager.partner_id | self.env.company.partner_id
        self.assertEqual(Partner.search([("id", "in", readable.ids)]), readable)
        readable.with_user(self.user_member).read(["name", "email"])
        # a lead of mine whose customer belongs to someone else: the lead and its
        # chatter still render, the customer's name is shown, not opened
        lead = self.env["crm.lead"].create(
            {"name": "Đơn hàng 50 bộ", "user_id": self.user_member.id, "partner_id": self.customer_other.id}
        )
        lead.message_post(body="Khách gửi email", author_id=self.customer_other.id, message_type="email")
        lead_as_member = lead.with_user(self.user_member)
        data = lead_as_member.web_read({"partner_id": {"fields": {"display_name": {}}}, "message_ids": {}})
        self.assertEqual(data[0]["partner_id"]["display_name"], "Hoàng Minh Đức")
        store = Store(lead_as_member.message_ids).get_result()
        self.assertIn("Hoàng Minh Đức", {p.get("name") for p in store.get("res.partner", [])})
        # mentioning a colleague and following a record still work
        lead_as_member.message_post(body="@Tuấn xem giúp", partner_ids=self.user_other.partner_id.ids)
        lead_as_member.message_subscribe(partner_ids=self.user_manager.partner_id.ids)

    def test_rules_checked_in_sql_as_odoo_checks_them(self):
        """Reading partners checks the record rules in one SQL query: for every user, the same partners pass as
        with Odoo's own check in Python (``filtered_domain``), and reading a forbidden one raises Odoo's error."""
        other_company = self.env["res.company"].create({"name": "Chi nhánh Đà Nẵng"})
        archived = self.env["res.partner"].create({"name": "Khách Cũ", "user_id": self.user_member.id, "active": False})
        everyone = (
            self._customers()
            | archived
            | self.user_other.partner_id
            | self.env.company.partner_id
            | self.env["res.partner"].create({"name": "Khách Đà Nẵng", "company_id": other_company.id})
        )
        for user in (self.user_member, self.user_leader, self.user_other, self.user_all, self.user_employee):
            partners = everyone.with_user(user).with_context(active_test=False)
            domain = self.env["ir.rule"].with_user(user)._compute_domain("res.partner", "read")
            self.assertTrue(domain, user.login)
            in_python = partners.sudo().filtered_domain(domain).ids
            self.assertEqual(partners._filtered_access("read").ids, in_python, user.login)
            self.assertNotEqual(len(in_python), len(everyone), user.login)
            forbidden = partners.filtered(lambda p, allowed=in_python: p.id not in allowed)
            with self.assertRaises(AccessError, msg=user.login):
                forbidden[:1].read(["name"])
            partners._filtered_access("read")  # the companies of Odoo's multi-company rule, read once
            partners.invalidate_recordset()
            with self.assertQueryCount(1):  # the rules of 10 partners in one query, none of them fetched
                partners._filtered_access("read")
            owner = partners._fields["user_id"]
            self.assertFalse([p for p in partners if self.env.cache.contains(p, owner)], "evaluated by PostgreSQL")

    def test_multi_company_stays_apart(self):
        other_company = self.env["res.company"].create({"name": "Chi nhánh Đà Nẵng"})
        foreign = self.env["res.partner"].create({"name": "Khách Đà Nẵng", "company_id": other_company.id})
        self.assertFalse(self._visible(self.user_all, foreign))
        self.assertFalse(self._visible(self.user_member, foreign))

    def test_followers_of_foreign_customers_hidden(self):
        lead = self.env["crm.lead"].create({"name": "Cơ hội của Lan", "user_id": self.user_member.id})
        lead.message_subscribe(partner_ids=(self.customer_other | self.customer_member).ids)
        self.customer_other.message_subscribe(partner_ids=self.customer_other.ids)
        Followers = self.env["mail.followers"].with_user(self.user_member)
        rows = Followers.search_read([("partner_id", "in", self.customer_other.ids)], ["name", "email"])
        self.assertEqual(rows, [])
        own_rows = Followers.search([("res_model", "=", "crm.lead"), ("res_id", "=", lead.id)])
        self.assertIn(self.customer_member, own_rows.partner_id)
        self.assertNotIn(self.customer_other, own_rows.partner_id)
        # the chatter of the lead still renders, and following still works
        lead_as_member = lead.with_user(self.user_member)
        Store(lead_as_member, as_thread=True, request_list=["followers", "activities", "attachments"]).get_result()
        lead_as_member.message_subscribe(partner_ids=self.customer_other.ids)
        lead_as_member.message_unsubscribe(partner_ids=self.customer_member.ids)
        lead_as_member.message_post(body="Đã gọi khách", message_type="comment")
        self.assertIn(self.customer_other, lead.sudo().message_partner_ids)
        # managers see every follower
        self.assertTrue(
            self.env["mail.followers"]
            .with_user(self.user_manager)
            .search([("partner_id", "=", self.customer_other.id)])
        )

    def test_colleagues_meetings_still_open(self):
        event = self.env["calendar.event"].create(
            {
                "name": "Gặp khách",
                "user_id": self.user_other.id,
                "partner_ids": [(4, self.customer_other.id), (4, self.user_other.partner_id.id)],
                "start": "2026-12-01 09:00:00",
                "stop": "2026-12-01 10:00:00",
            }
        )
        event.partner_ids |= self.customer_other
        self.assertIn(self.customer_other, event.partner_ids)
        self.env.invalidate_all()  # as in a new request: nothing read as superuser in the cache
        event_as_member = event.with_user(self.user_member)
        data = event_as_member.web_read(
            {"name": {}, "partner_ids": {"fields": {"display_name": {}, "email": {}, "phone": {}}}}
        )[0]
        attendees = {vals["id"]: vals for vals in data["partner_ids"]}
        self.assertEqual(attendees[self.customer_other.id]["display_name"], "Hoàng Minh Đức")
        self.assertFalse(attendees[self.customer_other.id]["email"])
        self.assertFalse(attendees[self.customer_other.id]["phone"])
        self.assertEqual(attendees[self.user_other.partner_id.id]["email"], "tuan@example.vn")
        self.env.invalidate_all()
        details = self.env["res.partner"].with_user(self.user_member).browse(event.sudo().partner_ids.ids)
        names = {detail["name"] for detail in details.get_attendee_detail(event.ids)}
        self.assertIn("Hoàng Minh Đức", names)
        # the customer itself stays closed
        with self.assertRaises(AccessError):
            self.customer_other.with_user(self.user_member).read(["email"])

    def test_team_changes_count_at_once(self):
        """The ownership rule (one domain, res.users._crm_vn_customer_domain, evaluated by every rule that follows a
        customer) reads team membership in SQL: becoming or ceasing to be a team's leader counts at once, despite
        Odoo's cache of rule domains."""
        Partner = self.env["res.partner"].with_user(self.user_other)
        self.assertFalse(Partner.search([("id", "=", self.customer_member.id)]))
        self.team_hanoi.user_id = self.user_other
        self.assertEqual(Partner.search([("id", "=", self.customer_member.id)]), self.customer_member)
        self.team_hanoi.user_id = self.user_leader
        self.assertFalse(Partner.search([("id", "=", self.customer_member.id)]))


@tagged("post_install", "-at_install", "crm_vn_customer")
class TestTeamChangesCountAtOnce(CrmVnCustomerCommon):
    """The ownership rule names the teams a leader leads and their members by id (Odoo caches rule domains): every
    change of team, leader or membership made through Odoo counts at the next read."""

    def _leader_sees(self, customer):
        return bool(self.env["res.partner"].with_user(self.user_leader).search([("id", "=", customer.id)]))

    def test_membership_and_leadership(self):
        self.customer_member.team_id = False  # reached through its salesperson's membership only
        self.assertTrue(self._leader_sees(self.customer_member))
        self.assertFalse(self._leader_sees(self.customer_other))
        membership = self.env["crm.team.member"].search(
            [("crm_team_id", "=", self.team_hanoi.id), ("user_id", "=", self.user_member.id)]
        )
        membership.active = False
        self.assertFalse(self._leader_sees(self.customer_member), "a member who left the team")
        membership.active = True
        self.assertTrue(self._leader_sees(self.customer_member))
        membership.unlink()
        self.assertFalse(self._leader_sees(self.customer_member), "a membership deleted")
        self.team_hcm.member_ids = [Command.link(self.user_member.id)]
        self.assertFalse(self._leader_sees(self.customer_member), "now in a team Hùng does not lead")
        self.team_hcm.user_id = self.user_leader
        self.assertTrue(self._leader_sees(self.customer_member), "the team he now leads")
        self.assertTrue(self._leader_sees(self.customer_other))
        self.customer_free.with_user(self.user_manager).write({"user_id": self.user_other.id})
        self.customer_free.team_id = self.team_hcm
        self.assertTrue(self._leader_sees(self.customer_free), "the customers of his team")
        self.team_hcm.action_archive()
        self.assertFalse(self._leader_sees(self.customer_other), "an archived team is led by nobody")
        self.assertTrue(self.customer_other.with_user(self.user_other).has_access("read"), "the owner still reads it")
