from odoo.exceptions import AccessError, ValidationError
from odoo.tests import new_test_user, tagged, users

from odoo.addons.crm_vn_customer.tests.common import CrmVnCustomerCommon


@tagged("post_install", "-at_install", "crm_vn_privacy")
class TestDataRequestSettings(CrmVnCustomerCommon):
    """The time limits of personal data requests in the CRM settings: a company may only shorten the law's."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_settings = new_test_user(
            cls.env, "vn_settings", groups="base.group_system,sales_team.group_sale_manager", name="Quản Trị Hệ Thống"
        )
        cls.company = cls.env.company

    def _apply(self, user, **vals):
        settings = self.env["res.config.settings"].with_user(user).create(vals)
        settings.execute()
        return settings

    def _limits(self):
        company = self.company
        return (company.crm_vn_dsr_answer_days, company.crm_vn_dsr_completion_days, company.crm_vn_dsr_processor_days)

    def test_defaults_are_the_legal_maxima(self):
        self.assertEqual(self._limits(), (2, 15, 20))
        settings = self.env["res.config.settings"].with_user(self.user_settings).create({})
        self.assertEqual(
            (
                settings.crm_vn_dsr_answer_days,
                settings.crm_vn_dsr_completion_days,
                settings.crm_vn_dsr_processor_days,
            ),
            (2, 15, 20),
        )

    def test_shorten_limits(self):
        self._apply(
            self.user_settings,
            crm_vn_dsr_answer_days=1,
            crm_vn_dsr_completion_days=10,
            crm_vn_dsr_processor_days=12,
        )
        self.assertEqual(self._limits(), (1, 10, 12))

    def test_limits_out_of_range(self):
        cases = [
            ("crm_vn_dsr_answer_days", 3, "Data Request: Answer (Working Days) must be between 1 and 2 days"),
            ("crm_vn_dsr_answer_days", 0, "Data Request: Answer (Working Days) must be between 1 and 2 days"),
            ("crm_vn_dsr_completion_days", 16, "Data Request: Completion (Days) must be between 1 and 15 days"),
            ("crm_vn_dsr_completion_days", -1, "Data Request: Completion (Days) must be between 1 and 15 days"),
            (
                "crm_vn_dsr_processor_days",
                21,
                "Data Request: Completion with Processors (Days) must be between 1 and 20 days",
            ),
        ]
        for fname, value, message in cases:
            with self.subTest(field=fname, value=value):
                with self.assertRaises(ValidationError) as caught:
                    self._apply(self.user_settings, **{fname: value})
                self.assertIn(message, str(caught.exception))
                self.assertIn("a company may only shorten it", str(caught.exception))
        self.assertEqual(self._limits(), (2, 15, 20))

    @users("vn_leader", "vn_manager")
    def test_salesperson_cannot_change(self):
        with self.assertRaises(AccessError):
            self._apply(self.env.user, crm_vn_dsr_answer_days=1)
        with self.assertRaises(AccessError):
            self.company.with_env(self.env).crm_vn_dsr_answer_days = 1
        self.assertEqual(self._limits(), (2, 15, 20))

    def test_settings_view_shows_the_limits(self):
        arch = self.env["res.config.settings"].get_view(view_type="form")["arch"]
        self.assertIn("Personal Data Requests", arch)
        for fname in ("crm_vn_dsr_answer_days", "crm_vn_dsr_completion_days", "crm_vn_dsr_processor_days"):
            self.assertIn(f'name="{fname}"', arch)

    def test_upgrade_caps_limits_set_before(self):
        """18.0.1.2.0 took any limit from 0: the upgrade brings them within the law and moves open deadlines."""
        from datetime import date  # noqa: PLC0415

        request = (
            self.env["crm.vn.data.request"]
            .with_user(self.user_leader)
            .create(
                {"partner_id": self.customer_leader.id, "request_type": "access", "date_received": date(2026, 3, 2)}
            )
        )
        self.assertEqual(request.answer_deadline, date(2026, 3, 4))
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE res_company SET crm_vn_dsr_answer_days = 5, crm_vn_dsr_completion_days = 0,"
            " crm_vn_dsr_processor_days = 30 WHERE id = %s",
            (self.company.id,),
        )
        self.env.invalidate_all()
        self.env["crm.vn.data.request"].browse(request.id).sudo()._crm_vn_recompute_deadlines()
        self.assertEqual(request.answer_deadline, date(2026, 3, 9), "5 working days, as stored before the upgrade")
        self.assertEqual(request.completion_deadline, date(2026, 3, 2), "0 days, as stored before the upgrade")
        self.env["res.company"]._crm_vn_dsr_cap_limits()
        self.assertEqual(self._limits(), (2, 1, 20))
        self.assertEqual((request.answer_deadline, request.completion_deadline), (date(2026, 3, 4), date(2026, 3, 3)))
        self.assertIn("brought within the law", request.message_ids[0].body)
