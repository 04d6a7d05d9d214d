from datetime import date

from freezegun import freeze_time

from odoo.tests import Form, new_test_user, tagged
from odoo.tools import SQL
from odoo.tools.safe_eval import safe_eval

from .common import CrmVnCustomerCommon


@tagged("post_install", "-at_install", "crm_vn_customer")
class TestCustomerProfile(CrmVnCustomerCommon):
    def test_form_flow(self):
        with Form(self.env["res.partner"].with_user(self.user_member)) as form:
            form.name = "Phan Thanh Tâm"
            form.mobile = "0977 000 111"
            form.gender = "female"
            form.birthdate_date = date(1990, 5, 20)
            form.preferred_channel = "zalo"
            form.lifecycle_stage = "customer"
        partner = form.save()
        self.assertEqual(partner.mobile, "+84977000111")
        self.assertEqual(
            partner.user_id, self.user_member, "a salesperson who sees own customers owns those they create"
        )
        self.assertTrue(partner.customer_since)
        # a sales manager's new customer stays without owner unless they set one (everyone's, as before)
        with Form(self.env["res.partner"].with_user(self.user_manager)) as form:
            form.name = "Khách Của Quản Lý"
        self.assertFalse(form.save().user_id)

    @freeze_time("2026-02-02 10:00:00")
    def test_age_and_customer_since(self):
        partner = self.env["res.partner"].create(
            {"name": "X", "birthdate_date": "1990-02-03", "lifecycle_stage": "prospect"}
        )
        self.assertEqual(partner.age, 35)
        partner.birthdate_date = "1990-02-02"
        self.assertEqual(partner.age, 36)
        self.assertFalse(partner.customer_since)
        partner.lifecycle_stage = "customer"
        self.assertEqual(partner.customer_since, date(2026, 2, 2))
        partner.write({"lifecycle_stage": "vip"})
        self.assertEqual(partner.customer_since, date(2026, 2, 2), "customer_since is not moved later")

    @freeze_time("2026-02-25 10:00:00")  # a Wednesday; the ISO week runs 23 Feb - 1 Mar
    def test_birthday_filters(self):
        Partner = self.env["res.partner"]
        names = {
            "today": "1980-02-25",
            "monday": "1991-02-23",
            "sunday": "1985-03-01",
            "leap": "1992-02-29",
            "early_feb": "1970-02-02",
            "march": "1975-03-10",
        }
        partners = {key: Partner.create({"name": key, "birthdate_date": day}) for key, day in names.items()}

        def found(window):
            return set(
                Partner.search(
                    [("birthday_window", "=", window), ("id", "in", [p.id for p in partners.values()])]
                ).mapped("name")
            )

        self.assertEqual(found("today"), {"today"})
        self.assertEqual(found("week"), {"today", "monday", "sunday", "leap"})
        self.assertEqual(found("month"), {"today", "monday", "leap", "early_feb"})
        self.assertEqual(partners["sunday"].birthday_window, "week")
        self.assertEqual(partners["march"].birthday_window, False)

    @freeze_time("2026-05-20 01:00:00")
    def test_birthday_cron_idempotent(self):
        customer = self.customer_member
        customer.birthdate_date = "1990-05-20"
        orphan = self.env["res.partner"].create({"name": "No owner", "birthdate_date": "1990-05-20"})
        activity_type = self.env.ref("crm_vn_customer.mail_activity_type_birthday")
        self.env["res.partner"]._cron_birthday_activities()
        self.env["res.partner"]._cron_birthday_activities()
        activities = self.env["mail.activity"].search(
            [("activity_type_id", "=", activity_type.id), ("res_model", "=", "res.partner")]
        )
        self.assertEqual(activities.mapped("res_id"), [customer.id])
        self.assertEqual(activities.user_id, self.user_member)
        self.assertEqual(activities.date_deadline, date(2026, 5, 20))
        self.assertNotIn(orphan.id, activities.mapped("res_id"))

    def test_birthday_job_as_the_scheduler_runs_it(self):
        """Run by the scheduler (its user OdooBot, Europe/Brussels, no language in the context) at 23:30 UTC on
        4 December: already 06:30 on 5 December in Vietnam. The to-do is for 5 December's birthdays, due that day,
        in the owner's language."""
        self.env["res.lang"]._activate_lang("vi_VN")
        self.env["ir.module.module"]._load_module_terms(["crm_vn_customer"], ["vi_VN"], overwrite=True)
        self.user_member.lang = "vi_VN"
        self.customer_member.birthdate_date = "1990-12-05"
        self.customer_other.birthdate_date = "1990-12-04"
        cron = self.env.ref("crm_vn_customer.ir_cron_customer_birthday")
        self.assertEqual(cron.user_id.tz, "Europe/Brussels")
        with freeze_time("2026-12-04 23:30:00"):
            cron.method_direct_trigger()
        activities = self.env["mail.activity"].search(
            [
                ("activity_type_id", "=", self.env.ref("crm_vn_customer.mail_activity_type_birthday").id),
                ("res_id", "in", (self.customer_member | self.customer_other).ids),
            ]
        )
        self.assertEqual(
            [(a.res_id, a.date_deadline, a.summary) for a in activities],
            [(self.customer_member.id, date(2026, 12, 5), f"Sinh nhật của {self.customer_member.name}")],
        )

    def test_new_customer_belongs_to_the_company_it_is_created_in(self):
        """A salesperson's new customer (the form, as the client saves it) belongs to the company they work in: users
        of another company do not see it. Contact persons take their company's."""
        other = self.env["res.company"].create({"name": "Công ty Khác"})
        outsider = new_test_user(
            self.env,
            "vn_other_company_manager",
            groups="sales_team.group_sale_manager",
            company_id=other.id,
            company_ids=[(6, 0, other.ids)],
        )
        with Form(self.env["res.partner"].with_user(self.user_member)) as form:
            form.name = "Trương Thị Mỹ"
            form.mobile = "0977 121 212"
        customer = form.save()
        self.assertEqual(customer.company_id, self.env.company)
        contact = self.env["res.partner"].with_user(self.user_member).create({"name": "Con", "parent_id": customer.id})
        self.assertEqual(contact.company_id, self.env.company)
        self.assertFalse(self.env["res.partner"].with_user(outsider).search([("id", "in", (customer | contact).ids)]))

    def test_team_follows_owner(self):
        self.assertEqual(self.customer_member.team_id, self.team_hanoi)
        self.assertEqual(self.customer_other.team_id, self.team_hcm)
        self.customer_member.user_id = self.user_other
        self.assertEqual(self.customer_member.team_id, self.team_hcm)

    def test_contacts_follow_company_owner(self):
        self.assertEqual(self.contact_other.user_id, self.user_other)
        self.company_other.user_id = self.user_member
        self.assertEqual(self.contact_other.user_id, self.user_member)

    def test_team_leader_follows_new_customers(self):
        """The leader follows the customers of the team however they are created, once, with the default
        subtypes (what the owner gets), and gets no assignment email."""
        Partner = self.env["res.partner"]
        leader = self.user_leader.partner_id
        default_subtypes = self.env["mail.message.subtype"].search(
            [("default", "=", True), "|", ("res_model", "=", "res.partner"), ("res_model", "=", False)]
        )

        def followers(partner):
            return {follower.partner_id: follower.subtype_ids for follower in partner.message_follower_ids}

        # a salesperson's own customer (the owner set by the suite), over the form or RPC
        own = Partner.with_user(self.user_member).create({"name": "Vũ Thị Hoa", "mobile": "0977 123 456"})
        self.assertEqual(own.team_id, self.team_hanoi)
        own_followers = followers(own)
        self.assertEqual(set(own_followers), {self.user_member.partner_id, leader})
        self.assertEqual(own_followers[leader], default_subtypes)
        self.assertEqual(own_followers[self.user_member.partner_id], default_subtypes)
        self.assertFalse(
            self.env["mail.mail"].search([("recipient_ids", "in", leader.ids), ("res_id", "=", own.id)]),
            "no assignment email to the leader",
        )
        # a manager gives the team only, or the owner through the context's defaults
        by_team = Partner.with_user(self.user_manager).create({"name": "Đặng Văn Long", "team_id": self.team_hanoi.id})
        self.assertIn(leader, followers(by_team))
        by_default = (
            Partner.with_user(self.user_manager)
            .with_context(default_user_id=self.user_member.id)
            .create({"name": "Bùi Thị Mến"})
        )
        self.assertIn(leader, followers(by_default))
        # the owner from a default the values do not show (a user-defined default), and an import (no tracking)
        self.env["ir.default"].set("res.partner", "user_id", self.user_member.id, user_id=self.user_manager.id)
        by_ir_default = Partner.with_user(self.user_manager).create({"name": "Lý Văn Phúc"})
        self.assertEqual(by_ir_default.user_id, self.user_member)
        self.assertIn(leader, followers(by_ir_default))
        imported = Partner.with_user(self.user_member).with_context(tracking_disable=True).create({"name": "Mai Anh"})
        self.assertIn(leader, followers(imported))
        # the leader's own customer: one follower row for them
        mine = Partner.with_user(self.user_leader).create({"name": "Hồ Văn Nam"})
        self.assertEqual(mine.message_follower_ids.partner_id, leader)
        # a customer of a team without leader, or of no team: no one else
        other = Partner.with_user(self.user_other).create({"name": "Tô Thị Ngân"})
        self.assertEqual(other.message_follower_ids.partner_id, self.user_other.partner_id)

    def test_profile_change_notifies_followers(self):
        customer = self.customer_member
        self.assertIn(self.user_member.partner_id, customer.message_partner_ids)
        self.assertIn(self.user_leader.partner_id, customer.message_partner_ids, "the team leader follows")
        # another department follows the customer
        customer.message_subscribe(partner_ids=self.user_employee.partner_id.ids)
        # end the creation's transaction as a commit would (no tracking of new records)
        self.env.flush_all()
        self.env.cr.precommit.run()
        customer.with_user(self.user_member).write({"email": "cuong@example.vn", "preferred_channel": "zalo"})
        # tracking messages are written when the transaction is about to commit
        self.env.flush_all()
        self.env.cr.precommit.run()
        message = customer.message_ids[0]
        self.assertEqual(message.subtype_id, self.env.ref("crm_vn_customer.mt_customer_profile_change"))
        self.assertIn(self.user_employee.partner_id, message.notified_partner_ids)
        self.assertIn(self.user_leader.partner_id, message.notified_partner_ids)
        tracked = message.tracking_value_ids.field_id.mapped("name")
        self.assertIn("email", tracked)
        self.assertIn("preferred_channel", tracked)

    def test_properties_defined_by_admin(self):
        self.env.company.crm_vn_partner_properties_definition = [
            {"name": "shoe_size", "string": "Shoe size", "type": "integer"}
        ]
        customer = self.customer_member
        customer.profile_properties = {"shoe_size": 39}
        self.assertEqual(customer.profile_company_id, self.env.company)
        self.assertEqual(customer.profile_properties, {"shoe_size": 39})
        self.assertEqual(customer.read(["profile_properties"])[0]["profile_properties"][0]["value"], 39)

    def test_owner_archived_filter(self):
        self.user_other.with_context(crm_vn_skip_handover=True).action_archive()
        orphans = self.env["res.partner"].search([("owner_archived", "=", True)])
        self.assertEqual(orphans, self.customer_other | self.company_other | self.contact_other)
        self.assertTrue(self.customer_other.owner_archived)
        self.assertNotIn(self.customer_member, orphans)

    def test_match_keys_are_odoo_sanitized_numbers(self):
        """The numbers duplicates, consent and the Do-Not-Call list compare are those Odoo itself stores as
        ``phone_sanitized`` on leads, SMS and blacklists: one number written three ways gives one value."""
        self.env.company.country_id = self.env.ref("base.vn")
        customer = self.env["res.partner"].create(
            {"name": "Đỗ Văn Khoa", "mobile": "0168 123 4567", "phone": "(+84) 28 3823 4567"}
        )
        # Written by hand: 0168 became 038 on 15 September 2018; 028 is Ho Chi Minh City.
        self.assertEqual(customer.vn_mobile_key, "+84381234567")
        self.assertEqual(customer.vn_phone_key, "+842838234567")
        self.assertEqual(customer.phone_sanitized, customer.vn_mobile_key)
        lead = self.env["crm.lead"].create({"name": "Máy lọc nước", "mobile": "038.123.4567"})
        self.assertEqual(lead.phone_sanitized, customer.vn_mobile_key)
        self.env["phone.blacklist"].add("+84 38 123 45 67")
        self.assertTrue(customer.phone_sanitized_blacklisted)
        self.assertTrue(lead.phone_sanitized_blacklisted)
        foreign = self.env["res.partner"].create({"name": "John Smith", "mobile": "+1 650-253-0000"})
        self.assertEqual(foreign.vn_mobile_key, "+16502530000")
        self.assertEqual(foreign.vn_mobile_key, foreign.phone_sanitized)

    def test_match_keys_outside_vietnam(self):
        """In a company elsewhere a number without country code is still compared as a Vietnamese one (the
        customers of this suite are), and one no one can read as typed, without spaces."""
        self.env.company.country_id = self.env.ref("base.us")
        customer = self.env["res.partner"].create({"name": "Đỗ Văn Khoa", "mobile": "0168 123 4567"})
        self.assertEqual(customer.vn_mobile_key, "+84381234567")
        unreadable = self.env["res.partner"].create({"name": "Số lạ", "phone": "12 345"})
        self.assertEqual(unreadable.vn_phone_key, "12345")

    def test_picker_finds_customers_by_number(self):
        """The customer of a complaint or a lead is picked by name or by the number the caller gave, typed any
        way; a colleague's customer stays out of a salesperson's picker."""
        Partner = self.env["res.partner"].with_user(self.user_member)
        self.customer_member.mobile = "0983 111 222"
        for typed in ("0983 111 222", "+84 983 111 222", "0983.111.222"):
            found = Partner.name_search(typed)
            self.assertIn(self.customer_member.id, [pid for pid, __ in found], typed)
        self.customer_other.mobile = "0977 555 666"
        self.assertFalse(Partner.name_search("0977 555 666"))
        self.assertTrue(self.env["res.partner"].with_user(self.user_other).name_search("0977 555 666"))


@tagged("post_install", "-at_install")
class TestWhoIsACustomer(CrmVnCustomerCommon):
    def test_one_definition_for_menus_pickers_and_reports(self):
        """A customer: outside the company, with a lifecycle stage or a salesperson. The Customer Profiles menu and
        the feedback's customer picker list exactly those; the field says the same record by record."""
        Partner = self.env["res.partner"]
        pool = Partner.create({"name": "Khách Chưa Giao", "lifecycle_stage": "prospect"})
        owned = Partner.create({"name": "Khách Có Chủ", "user_id": self.user_member.id})
        plain = Partner.create({"name": "Nhà Cung Cấp Giấy"})
        colleague = new_test_user(self.env, "who_is_customer_staff", groups="base.group_user")
        colleague.partner_id.lifecycle_stage = "customer"  # an employee who also buys: not a customer record
        people = pool | owned | plain | colleague.partner_id
        customers = people.filtered("crm_vn_is_customer")
        self.assertEqual(customers, pool | owned)
        self.assertEqual(Partner.search([("id", "in", people.ids), ("crm_vn_is_customer", "=", True)]), pool | owned)
        self.assertEqual(
            Partner.search([("id", "in", people.ids), ("crm_vn_is_customer", "=", False)]), plain | colleague.partner_id
        )
        action = self.env["ir.actions.act_window"]._for_xml_id("crm_vn_customer.res_partner_action_customer")
        self.assertEqual(Partner.search([("id", "in", people.ids), *safe_eval(action["domain"])]), pool | owned)
        # the SQL form the reports use
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "SELECT p.id FROM res_partner p WHERE p.id = ANY(%s) AND %s ORDER BY p.id",
                people.ids,
                Partner._crm_vn_customer_sql("p"),
            )
        )
        self.assertEqual([row[0] for row in self.env.cr.fetchall()], sorted((pool | owned).ids))

    def test_a_foreign_contacts_numbers_are_read_in_its_country(self):
        """A contact of another country: its number typed without country code is its country's, not a Vietnamese
        one (Odoo's US demo contact "(225)-148-7811" is not +84 225 148 7811)."""
        us = self.env.ref("base.us").id
        partner = self.env["res.partner"].create(
            {"name": "Julie Richards", "phone": "(650) 253-0000", "country_id": us}
        )
        self.assertEqual(partner.vn_phone_key, "+16502530000")
        # a number its country cannot read either is compared as typed, never as a Vietnamese one
        fake = self.env["res.partner"].create({"name": "Kim Snyder", "phone": "(225)-148-7811", "country_id": us})
        self.assertEqual(fake.vn_phone_key, "(225)-148-7811")
        local = self.env["res.partner"].create({"name": "Trần Văn Lộc", "phone": "0225 3841 234"})
        self.assertEqual(local.vn_phone_key, "+842253841234")
