from datetime import date

from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged

from .common import CrmVnCustomerCommon


@tagged("post_install", "-at_install", "crm_vn_customer")
class TestCustomerProfile(CrmVnCustomerCommon):
    def test_phone_normalised_on_create_and_write(self):
        partner = (
            self.env["res.partner"]
            .with_user(self.user_member)
            .create({"name": "Võ Thị Hạnh", "mobile": "0162 345 6789", "phone": "+84 (0) 28 3812 3456"})
        )
        self.assertEqual(partner.mobile, "+84323456789")
        self.assertEqual(partner.phone, "+842838123456")
        partner.write({"mobile": "0912.345.678"})
        self.assertEqual(partner.mobile, "+84912345678")
        self.assertEqual(self.customer_leader.mobile, "+84912345678")

    def test_phone_landline_hint(self):
        Partner = self.env["res.partner"]
        mobile_reading = Partner.create({"name": "A", "phone": "08 3812 3456"})
        self.assertEqual(mobile_reading.phone, "+84838123456")
        landline_reading = Partner.with_context(crm_vn_phone_landline=True).create(
            {"name": "B", "phone": "08 3812 3456"}
        )
        self.assertEqual(landline_reading.phone, "+842838123456")

    def test_phone_invalid_refused_nothing_saved(self):
        Partner = self.env["res.partner"].with_user(self.user_member)
        count = Partner.search_count([])
        with self.assertRaisesRegex(ValidationError, r"0912 34.*not a valid phone number"):
            Partner.create([{"name": "Valid One", "mobile": "0912 345 679"}, {"name": "X", "mobile": "0912 34"}])
        self.assertEqual(Partner.search_count([]), count)
        partner = self.customer_member.with_user(self.user_member)
        with self.assertRaises(ValidationError) as error:
            partner.write({"name": "Renamed", "phone": "abc"})
        self.assertIn("abc", str(error.exception))
        self.assertEqual(partner.name, "Trần Văn Cường")
        self.assertEqual(partner.phone, False)

    def test_phone_error_translated(self):
        self.env["res.lang"]._activate_lang("vi_VN")
        Partner = self.env["res.partner"].with_context(lang="vi_VN")
        with self.assertRaisesRegex(ValidationError, "không phải là số điện thoại hợp lệ"):
            Partner.create({"name": "X", "mobile": "12"})

    def test_phone_foreign_partner_left_to_odoo(self):
        us = self.env.ref("base.us")
        partner = self.env["res.partner"].create({"name": "John", "country_id": us.id, "phone": "123"})
        self.assertEqual(partner.phone, "123", "numbers of other countries are not our business")
        with self.assertRaises(ValidationError):
            self.env["res.partner"].create({"name": "Jane", "country_id": us.id, "phone": "+84 12"})

    def test_phone_write_on_mixed_countries(self):
        us = self.env.ref("base.us")
        american = self.env["res.partner"].create({"name": "John", "country_id": us.id})
        both = american | self.customer_member
        both.write({"phone": "0283 812 3456"})
        self.assertEqual(self.customer_member.phone, "+842838123456")
        self.assertEqual(american.phone, "0283 812 3456", "read in the partner's own country")

    def test_phone_import(self):
        result = self.env["res.partner"].load(
            ["name", "mobile"],
            [["Đinh Văn Lộc", "01689 123 456"], ["Lỗi Số", "09"], ["Mai Anh", "+84 98 765 4321"]],
        )
        errors = {m["rows"]["from"]: m["message"] for m in result["messages"] if m["type"] == "error"}
        self.assertIn('"09" is not a valid phone number', errors[1], "the error names the row and the value")
        # an import with an error writes nothing
        self.assertFalse(result["ids"])
        result = self.env["res.partner"].load(
            ["name", "mobile"], [["Đinh Văn Lộc", "01689 123 456"], ["Mai Anh", "+84 98 765 4321"]]
        )
        partners = self.env["res.partner"].browse(result["ids"])
        self.assertEqual(partners.mapped("mobile"), ["+84389123456", "+84987654321"])

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

    def test_team_follows_owner(self):
        self.assertEqual(self.customer_member.team_id, self.team_hanoi)
        self.assertEqual(self.customer_other.team_id, self.team_hcm)
        self.customer_member.user_id = self.user_other
        self.assertEqual(self.customer_member.team_id, self.team_hcm)

    def test_contacts_follow_company_owner(self):
        self.assertEqual(self.contact_other.user_id, self.user_other)
        self.company_other.user_id = self.user_member
        self.assertEqual(self.contact_other.user_id, self.user_member)

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
