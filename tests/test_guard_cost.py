"""What crm_vn_base's guards cost on the hot paths of a salesperson: nothing on a call that sets no contact, one
query on a call that does (the contacts' access, checked at once), whatever the number of contacts.

Each call is counted twice in the same state, guarded and with the model's declaration switched off (as if the model
did not declare ``_crm_vn_check_contacts``): the difference is the guard's own cost."""

from contextlib import contextmanager
from unittest.mock import patch

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install", "crm_vn_security")
class TestGuardCost(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.alice = new_test_user(cls.env, "guard_cost_alice", groups="sales_team.group_sale_salesman")
        Partner = cls.env["res.partner"]
        cls.customers = Partner.create(
            [{"name": f"Khách {i} của Alice", "user_id": cls.alice.id, "lifecycle_stage": "customer"} for i in range(4)]
        )
        cls.lead = cls.env["crm.lead"].create({"name": "Cơ hội", "user_id": cls.alice.id})
        cls.order = cls.env["sale.order"].create({"partner_id": cls.customers[0].id, "user_id": cls.alice.id})
        cls.feedback = cls.env["crm.vn.feedback"].create(
            {"name": "Phản ánh", "partner_id": cls.customers[0].id, "user_id": cls.alice.id, "priority": "1"}
        )

    @contextmanager
    def _guard_off(self, *models):
        """The models as if they did not declare the contact guard."""
        with patch.multiple(type(self.env[models[0]]), _crm_vn_check_contacts=False):
            if len(models) > 1:
                with self._guard_off(*models[1:]):
                    yield
            else:
                yield

    def _queries(self, operation):
        """Queries of ``operation`` run as Alice from a cold cache, flush included."""
        env = self.env(user=self.alice)
        env.flush_all()
        env.invalidate_all()
        before = env.cr.sql_log_count
        operation(env)
        env.flush_all()
        return env.cr.sql_log_count - before

    def _cost(self, operation, *models):
        """(queries guarded, queries without the guard) of the same operation."""
        # Once each way first: the caches of the registry (access rights, rules, views) are warm for both counts.
        self._queries(operation)
        with self._guard_off(*models):
            self._queries(operation)
            unguarded = self._queries(operation)
        guarded = self._queries(operation)
        return guarded, unguarded

    def assertCost(self, operation, models, extra):
        guarded, unguarded = self._cost(operation, *models)
        self.assertEqual(guarded - unguarded, extra, f"{guarded} queries guarded, {unguarded} without the guard")

    def test_calls_without_a_contact_cost_nothing(self):
        cases = {
            "lead write": (
                lambda env: env["crm.lead"].browse(self.lead.id).write({"description": "Gọi lại"}),
                ["crm.lead"],
            ),
            "lead create": (
                lambda env: env["crm.lead"].create({"name": "Mới", "user_id": self.alice.id}),
                ["crm.lead"],
            ),
            "order write": (
                lambda env: env["sale.order"].browse(self.order.id).write({"note": "Giao sáng"}),
                ["sale.order"],
            ),
            "meeting create": (
                lambda env: env["calendar.event"].create(
                    {"name": "Họp", "start": "2026-12-01 02:00:00", "stop": "2026-12-01 03:00:00"}
                ),
                ["calendar.event", "calendar.attendee"],
            ),
            "feedback write": (
                lambda env: env["crm.vn.feedback"].browse(self.feedback.id).write({"description": "<p>Đã gọi</p>"}),
                ["crm.vn.feedback"],
            ),
        }
        for name, (operation, models) in cases.items():
            with self.subTest(name):
                self.assertCost(operation, models, 0)

    def test_calls_setting_contacts_cost_one_query_per_model(self):
        customers = self.customers
        cases = {
            "lead write": (
                lambda env: env["crm.lead"].browse(self.lead.id).write({"partner_id": customers[1].id}),
                ["crm.lead"],
            ),
            "order create": (
                lambda env: env["sale.order"].create({"partner_id": customers[2].id, "user_id": self.alice.id}),
                ["sale.order"],
            ),
            "meeting with 3 attendees": (
                lambda env: env["calendar.event"].create(
                    {
                        "name": "Gặp khách",
                        "start": "2026-12-01 02:00:00",
                        "stop": "2026-12-01 03:00:00",
                        "partner_ids": [Command.set(customers[1:].ids)],
                    }
                ),
                ["calendar.event", "calendar.attendee"],
            ),
            "feedback create": (
                lambda env: env["crm.vn.feedback"].create(
                    {"name": "Mới", "partner_id": customers[3].id, "priority": "1"}
                ),
                ["crm.vn.feedback"],
            ),
        }
        for name, (operation, models) in cases.items():
            with self.subTest(name):
                # a meeting checks its attendees twice: in its own values, then in the attendee lines Odoo creates
                # from them (calendar.attendee, a create of its own)
                self.assertCost(operation, models, 2 if name.startswith("meeting") else 1)

    def test_the_declaration_is_what_guards(self):
        """Without its declaration a model no longer refuses a colleague's customer: the attribute is the guard."""
        bob = new_test_user(self.env, "guard_cost_bob", groups="sales_team.group_sale_salesman")
        hidden = self.env["res.partner"].create(
            {"name": "Khách của Bob", "user_id": bob.id, "lifecycle_stage": "customer"}
        )
        lead = self.env["crm.lead"].with_user(self.alice).browse(self.lead.id)
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            lead.write({"partner_id": hidden.id})
        with self._guard_off("crm.lead"), self.env.cr.savepoint() as savepoint:
            lead.write({"partner_id": hidden.id})
            self.assertEqual(lead.sudo().partner_id, hidden)
            savepoint.rollback()
