from datetime import datetime

from odoo.exceptions import UserError
from odoo.tests import TransactionCase, freeze_time, new_test_user, tagged

DAY = "2026-03-02 03:00:00"  # Monday 10:00 in Vietnam
NIGHT = "2026-03-02 16:00:00"  # Monday 23:00 in Vietnam
MORNING = "2026-03-03 00:05:00"  # Tuesday 07:05 in Vietnam


@tagged("post_install", "-at_install", "crm_vn_privacy_mass_mailing_sms")
class TestSmsCampaign(TransactionCase):
    # Subscribers of an opt-in list, unless said otherwise.
    """SMS Marketing campaigns follow consent, the Do-Not-Call list, the daily limit and the hours."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, lang="en_US"))
        # Numbers written the Vietnamese way are read with the company's country.
        cls.env.company.country_id = cls.env.ref("base.vn")
        cls.marketer = new_test_user(
            cls.env, "vn_sms_marketer", groups="mass_mailing.group_mass_mailing_user", name="Tiếp Thị SMS"
        )
        Partner = cls.env["res.partner"].with_context(crm_vn_skip_duplicate_check=True)
        cls.p_ok = Partner.create({"name": "Khách Đồng Ý", "mobile": "0903 200 001"})
        cls.p_none = Partner.create({"name": "Khách Chưa Hỏi", "mobile": "0903 200 002"})
        cls.p_dnc = Partner.create({"name": "Khách Không Gọi", "mobile": "0903 200 003"})
        cls.p_withdrawn = Partner.create({"name": "Khách Đã Rút", "mobile": "0903 200 004"})
        Consent = cls.env["crm.vn.consent"]
        for partner in cls.p_ok | cls.p_dnc | cls.p_withdrawn:
            Consent.create(
                {
                    "partner_id": partner.id,
                    "purpose": "marketing",
                    "channel": "sms",
                    "state": "given",
                    "method": "form",
                    "date": datetime(2026, 1, 5, 2, 0),
                }
            )
        Consent.create(
            {
                "partner_id": cls.p_withdrawn.id,
                "purpose": "marketing",
                "channel": "sms",
                "state": "withdrawn",
                "method": "call",
                "date": datetime(2026, 2, 1, 2, 0),
            }
        )
        cls.p_dnc.vn_do_not_call = True
        cls.mailing_list = cls.env["mailing.list"].create({"name": "Khách nhận tin", "crm_vn_opt_in": True})
        Contact = cls.env["mailing.contact"]
        cls.c_stranger = Contact.create({"name": "Người Đăng Ký", "mobile": "0903 999 001"})
        cls.c_none = Contact.create({"name": "Khách Chưa Hỏi", "mobile": "+84903200002"})
        cls.c_dnc = Contact.create({"name": "Khách Không Gọi", "mobile": "0903200003"})
        cls.c_withdrawn = Contact.create({"name": "Khách Đã Rút", "mobile": "0903 200 004"})
        cls.mailing_list.contact_ids = cls.c_stranger | cls.c_none | cls.c_dnc | cls.c_withdrawn

    def _sms_mailing(self, **values):
        return (
            self.env["mailing.mailing"]
            .with_user(self.marketer)
            .create(
                {
                    "name": "Khuyến mãi SMS",
                    "subject": "Khuyến mãi SMS",
                    "mailing_type": "sms",
                    "body_plaintext": "Giảm 20% máy lọc nước đến hết tháng 3",
                    "mailing_model_id": self.env["ir.model"]._get_id("mailing.list"),
                    "contact_list_ids": [(6, 0, self.mailing_list.ids)],
                    "sms_allow_unsubscribe": False,
                    **values,
                }
            )
        )

    def _traces(self, mailing):
        return {
            trace.res_id: (trace.trace_status, trace.failure_type or False)
            for trace in self.env["mailing.trace"].search([("mass_mailing_id", "=", mailing.id)])
        }

    def test_campaign_to_a_list(self):
        mailing = self._sms_mailing()
        with freeze_time(DAY):
            mailing.with_user(self.marketer).action_send_sms()
        self.assertEqual(
            self._traces(mailing),
            {
                self.c_stranger.id: ("outgoing", False),
                self.c_none.id: ("outgoing", False),  # the list subscription is the consent
                self.c_dnc.id: ("cancel", "sms_vn_consent"),
                self.c_withdrawn.id: ("cancel", "sms_vn_consent"),
            },
        )
        log = self.env["crm.vn.marketing.log"].search([("recipient", "in", ["+84903999001", "+84903200002"])])
        self.assertEqual(len(log), 2, "subscribers without a customer record are counted by number")

    def test_campaign_to_a_list_nobody_asked_for(self):
        """An imported list (not marked 'Subscribers Consented'): only people with recorded consent get it."""
        self.mailing_list.crm_vn_opt_in = False
        self.c_stranger.mobile = self.p_ok.mobile
        mailing = self._sms_mailing()
        with freeze_time(DAY):
            mailing.with_user(self.marketer).action_send_sms()
        traces = self._traces(mailing)
        self.assertEqual(traces[self.c_stranger.id], ("outgoing", False), "the number of a consenting customer")
        self.assertEqual(traces[self.c_none.id], ("cancel", "sms_vn_consent"))

    def test_campaign_to_contacts_and_daily_limit(self):
        partners = self.p_ok | self.p_none | self.p_dnc | self.p_withdrawn
        for attempt in range(4):
            mailing = self._sms_mailing(
                name=f"Đợt {attempt}",
                mailing_model_id=self.env["ir.model"]._get_id("res.partner"),
                mailing_domain=repr([("id", "in", partners.ids)]),
                contact_list_ids=[(5, 0, 0)],
            )
            with freeze_time(DAY):
                mailing.with_user(self.marketer).action_send_sms()
            traces = self._traces(mailing)
            self.assertEqual(traces[self.p_none.id], ("cancel", "sms_vn_consent"))
            self.assertEqual(traces[self.p_dnc.id], ("cancel", "sms_vn_consent"))
            self.assertEqual(traces[self.p_withdrawn.id], ("cancel", "sms_vn_consent"))
            expected = ("outgoing", False) if attempt < 3 else ("cancel", "sms_vn_limit")
            self.assertEqual(traces[self.p_ok.id], expected, f"campaign {attempt + 1} of the day")

    def test_queue_waits_for_the_morning(self):
        sms_mailing = self._sms_mailing()
        email_mailing = (
            self.env["mailing.mailing"]
            .with_user(self.marketer)
            .create(
                {
                    "name": "Bản tin",
                    "subject": "Bản tin tháng 3",
                    "body_html": "<p>Tin tức</p>",
                    "mailing_model_id": self.env["ir.model"]._get_id("mailing.list"),
                    "contact_list_ids": [(6, 0, self.mailing_list.ids)],
                }
            )
        )
        self.c_stranger.email = "dang.ky@example.vn"
        (sms_mailing | email_mailing).with_user(self.marketer).action_put_in_queue()
        cron = self.env.ref("mass_mailing.ir_cron_mass_mailing_queue")
        with freeze_time(NIGHT):
            with self.assertRaisesRegex(UserError, "07:00 and 22:00"):
                sms_mailing.with_user(self.marketer).action_send_sms()
            self.env["mailing.mailing"]._process_mass_mailing_queue()
        self.assertEqual(email_mailing.state, "done", "the email campaign is not held up")
        self.assertNotEqual(sms_mailing.state, "done")
        self.assertFalse(self._traces(sms_mailing))
        self.assertTrue(
            self.env["ir.cron.trigger"].search([("cron_id", "=", cron.id), ("call_at", "=", "2026-03-03 00:00:00")]),
            "the queue runs again at 07:00",
        )
        with freeze_time(MORNING):
            self.env["mailing.mailing"]._process_mass_mailing_queue()
        self.assertEqual(self._traces(sms_mailing)[self.c_stranger.id], ("outgoing", False))
