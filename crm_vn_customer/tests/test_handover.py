from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import CrmVnCustomerCommon


@tagged("post_install", "-at_install", "crm_vn_customer")
class TestHandover(CrmVnCustomerCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.more_customers = Partner.create(
            [{"name": f"Khách {index}", "user_id": cls.user_other.id} for index in range(4)]
        )
        cls.lead_open = cls.env["crm.lead"].create(
            {
                "name": "Cơ hội mở",
                "type": "opportunity",
                "partner_id": cls.customer_other.id,
                "user_id": cls.user_other.id,
            }
        )
        cls.lead_won = cls.env["crm.lead"].create(
            {
                "name": "Cơ hội đã thắng",
                "type": "opportunity",
                "partner_id": cls.customer_other.id,
                "user_id": cls.user_other.id,
            }
        )
        cls.lead_won.action_set_won()
        cls.activity_partner = cls.customer_other.activity_schedule(
            "mail.mail_activity_data_call", user_id=cls.user_other.id, summary="Gọi lại"
        )
        cls.activity_lead = cls.lead_open.activity_schedule(
            "mail.mail_activity_data_todo", user_id=cls.user_other.id, summary="Gửi báo giá"
        )

    def _wizard(self, user=None, **values):
        Wizard = self.env["crm.vn.customer.handover"].with_user(user or self.user_manager)
        return Wizard.create(values)

    def test_spread_evenly(self):
        owned = self.customer_other | self.company_other | self.contact_other | self.more_customers
        wizard = self._wizard(
            from_user_ids=self.user_other.ids,
            to_user_ids=(self.user_member | self.user_leader).ids,
            note="Nghỉ việc",
        )
        self.assertEqual(wizard.customer_count, 7)
        wizard.action_confirm()
        self.assertFalse(owned.filtered(lambda p: p.user_id == self.user_other))
        counts = sorted(
            len(owned.filtered(lambda p, u=u: p.user_id == u)) for u in (self.user_member, self.user_leader)
        )
        self.assertEqual(counts, [3, 4])
        new_owner = self.customer_other.user_id
        self.assertEqual(self.lead_open.user_id, new_owner)
        # won deals too: a lead keeps copying its customer's email and number, which the former salesperson may no
        # longer read (the sales history by salesperson is in the orders)
        self.assertEqual(self.lead_won.user_id, new_owner)
        self.assertNotIn(self.user_other.partner_id, self.lead_won.message_partner_ids)
        self.assertEqual(self.activity_partner.user_id, new_owner)
        self.assertEqual(self.activity_lead.user_id, new_owner)
        log = self.customer_other.message_ids.filtered(lambda m: "handed over" in (m.body or ""))
        self.assertEqual(len(log), 1)
        self.assertIn("Phạm Minh Tuấn", log.body)
        self.assertIn("Nghỉ việc", log.body)
        # the new owner now reads the customer
        self.customer_other.with_user(new_owner).read(["mobile"])

    def test_all_to_one_with_subset(self):
        self._wizard(
            from_user_ids=self.user_other.ids,
            to_user_ids=self.user_member.ids,
            distribution="first",
            partner_ids=self.customer_other.ids,
            include_activities=False,
        ).action_confirm()
        self.assertEqual(self.customer_other.user_id, self.user_member)
        self.assertEqual(self.company_other.user_id, self.user_other, "customers outside the subset stay")
        self.assertEqual(self.activity_partner.user_id, self.user_other)

    def test_archive_offers_handover(self):
        action = self.user_other.with_user(self.user_admin).action_archive()
        self.assertTrue(self.user_other.active, "a user owning customers is archived after the hand-over")
        self.assertEqual(action["res_model"], "crm.vn.customer.handover")
        Wizard = self.env["crm.vn.customer.handover"].with_user(self.user_admin)
        with Form(Wizard.with_context(**action["context"])) as form:
            form.to_user_ids.add(self.user_leader)
        wizard = form.save()
        self.assertTrue(wizard.archive_users)
        wizard.action_confirm()
        self.assertFalse(self.user_other.active)
        self.assertEqual(self.customer_other.user_id, self.user_leader)
        self.assertEqual(self.activity_partner.user_id, self.user_leader, "activities survive the archiving")
        # a user owning nothing is archived at once
        self.assertFalse(self.user_employee.with_user(self.user_admin).action_archive())
        self.assertFalse(self.user_employee.active)

    def test_errors(self):
        with self.assertRaises(UserError):
            self._wizard(from_user_ids=self.user_other.ids, to_user_ids=self.user_other.ids).action_confirm()
        with self.assertRaises(UserError):
            self._wizard(from_user_ids=self.user_employee.ids, to_user_ids=self.user_member.ids).action_confirm()
        self.assertEqual(self.customer_other.user_id, self.user_other)

    def test_only_managers(self):
        with self.assertRaises(AccessError):
            self._wizard(user=self.user_member, from_user_ids=self.user_other.ids, to_user_ids=self.user_member.ids)
