from datetime import datetime, timedelta

from odoo.exceptions import UserError
from odoo.tests import BaseCase, freeze_time, tagged

from odoo.addons.crm_vn_customer.tests.common import CrmVnCustomerCommon
from odoo.addons.crm_vn_privacy.tools.marketing import CALL_HOURS, SMS_HOURS, next_opening, within_hours

MORNING = "2026-03-02 03:00:00"  # Monday 10:00 in Vietnam


@tagged("post_install", "-at_install", "crm_vn_privacy")
class TestMarketingSms(CrmVnCustomerCommon):
    """SMS in batch as marketing (Decree 91/2020/NĐ-CP), sent by Lan (``user_member``) to her customers."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"].with_context(crm_vn_skip_duplicate_check=True)
        owner = {"user_id": cls.user_member.id}
        cls.p_ok = Partner.create({"name": "Khách Đồng Ý", "mobile": "0903 100 001", **owner})
        cls.p_none = Partner.create({"name": "Khách Chưa Hỏi", "mobile": "0903 100 002", **owner})
        cls.p_dnc = Partner.create({"name": "Khách Không Gọi", "mobile": "0903 100 003", **owner})
        cls.p_full = Partner.create({"name": "Khách Đã Nhận Đủ", "mobile": "0903 100 004", **owner})
        cls.p_withdrawn = Partner.create({"name": "Khách Đã Rút", "mobile": "0903 100 005", **owner})
        cls.partners = cls.p_ok | cls.p_none | cls.p_dnc | cls.p_full | cls.p_withdrawn
        Consent = cls.env["crm.vn.consent"]
        for partner in cls.p_ok | cls.p_dnc | cls.p_full | cls.p_withdrawn:
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
                "channel": "all",
                "state": "withdrawn",
                "method": "call",
                "date": datetime(2026, 2, 1, 2, 0),
            }
        )
        cls.p_dnc.vn_do_not_call = True
        # three marketing SMS in the last 24 hours, one older that no longer counts
        Log = cls.env["crm.vn.marketing.log"]
        for hours_ago in (1, 5, 20, 30):
            Log.create(
                {
                    "partner_id": cls.p_full.id,
                    "channel": "sms",
                    "date": datetime(2026, 3, 2, 3, 0) - timedelta(hours=hours_ago),
                }
            )

    def _send(self, marketing=True):
        composer = (
            self.env["sms.composer"]
            .with_user(self.user_member)
            .with_context(
                default_composition_mode="mass", default_res_model="res.partner", active_ids=self.partners.ids
            )
            .create({"body": "Khuyến mãi tháng 3: giảm 20% máy lọc nước"})
        )
        self.assertTrue(composer.crm_vn_marketing, "a batch is marketing unless said otherwise")
        composer.crm_vn_marketing = marketing
        composer.action_send_sms()
        sms = self.env["sms.sms"].search([("partner_id", "in", self.partners.ids)])
        return {s.partner_id: (s.state, s.failure_type or False) for s in sms}

    def test_only_consenting_customers_under_the_limit(self):
        with freeze_time(MORNING):
            result = self._send()
        self.assertEqual(
            result,
            {
                self.p_ok: ("outgoing", False),
                self.p_none: ("canceled", "sms_vn_consent"),
                self.p_dnc: ("canceled", "sms_vn_consent"),
                self.p_full: ("canceled", "sms_vn_limit"),
                self.p_withdrawn: ("canceled", "sms_vn_consent"),
            },
        )
        logs = self.env["crm.vn.marketing.log"].search([("partner_id", "=", self.p_ok.id)])
        self.assertEqual(len(logs), 1, "the SMS sent is counted for the daily limit")
        self.assertEqual(logs.user_id, self.user_member)

    def test_three_a_day(self):
        for __ in range(3):
            with freeze_time(MORNING):
                self._send()
            self.env["sms.sms"].search([("partner_id", "in", self.partners.ids)]).unlink()
        with freeze_time(MORNING):
            self.assertEqual(
                self._send()[self.p_ok], ("canceled", "sms_vn_limit"), "the fourth in 24 hours is not sent"
            )
        with freeze_time("2026-03-03 04:00:00"):  # the next day, after 24 hours
            self.env["sms.sms"].search([("partner_id", "in", self.partners.ids)]).unlink()
            self.assertEqual(self._send()[self.p_ok], ("outgoing", False))

    def test_hours(self):
        for moment in ("2026-03-02 15:00:00", "2026-03-01 23:59:00"):  # 22:00 and 06:59 in Vietnam
            with freeze_time(moment), self.assertRaises(UserError):
                self._send()
        with freeze_time("2026-03-02 00:00:00"):  # 07:00
            self.assertEqual(self._send()[self.p_ok], ("outgoing", False))

    def test_service_messages_are_not_marketing(self):
        with freeze_time("2026-03-02 15:30:00"):  # 22:30: a delivery notice may still go out
            result = self._send(marketing=False)
        self.assertEqual({state for state, __ in result.values()}, {"outgoing"})
        self.assertFalse(self.env["crm.vn.marketing.log"].search([("partner_id", "=", self.p_ok.id)]))

    def test_leads_by_number(self):
        """Leads without a customer: whoever holds the number decides; the daily limit counts per number."""
        Lead = self.env["crm.lead"]
        lead_known = Lead.create({"name": "Cơ hội 1", "phone": "+84 903 100 001", "user_id": self.user_member.id})
        lead_dnc = Lead.create({"name": "Cơ hội 2", "phone": "0903100003", "user_id": self.user_member.id})
        lead_stranger = Lead.create({"name": "Cơ hội 3", "phone": "0903 999 999", "user_id": self.user_member.id})
        leads = lead_known | lead_dnc | lead_stranger

        def send():
            composer = (
                self.env["sms.composer"]
                .with_user(self.user_member)
                .with_context(default_composition_mode="mass", default_res_model="crm.lead", active_ids=leads.ids)
                .create({"body": "Mời quý khách ghé cửa hàng"})
            )
            composer.action_send_sms()
            sms = self.env["sms.sms"].search([("number", "in", ["+84903100001", "+84903100003", "+84903999999"])])
            result = {s.number: (s.state, s.failure_type or False) for s in sms}
            sms.unlink()
            return result

        with freeze_time(MORNING):
            self.assertEqual(
                send(),
                {
                    "+84903100001": ("outgoing", False),
                    "+84903100003": ("canceled", "sms_vn_consent"),
                    "+84903999999": ("canceled", "sms_vn_consent"),
                },
            )
            self.assertEqual(
                self.env["crm.vn.marketing.log"].search([("recipient", "=", "+84903100001")]).mapped("channel"), ["sms"]
            )
            send()
            send()
            self.assertEqual(send()["+84903100001"], ("canceled", "sms_vn_limit"), "a fourth SMS to the number in 24 h")


@tagged("post_install", "-at_install", "crm_vn_privacy")
class TestMarketingHours(BaseCase):
    """tools/marketing.py: the hours of Decree 91/2020 in Vietnam time, from UTC moments."""

    def test_within_and_next_opening(self):
        table = [
            # UTC moment, SMS allowed?, next SMS opening (UTC), calls allowed?, next call opening (UTC)
            ("2026-03-02 00:00", True, "2026-03-02 00:00", False, "2026-03-02 01:00"),  # 07:00 VN
            ("2026-03-01 23:59", False, "2026-03-02 00:00", False, "2026-03-02 01:00"),  # 06:59 VN
            ("2026-03-02 09:59", True, "2026-03-02 09:59", True, "2026-03-02 09:59"),  # 16:59
            ("2026-03-02 10:00", True, "2026-03-02 10:00", False, "2026-03-03 01:00"),  # 17:00
            ("2026-03-02 14:59", True, "2026-03-02 14:59", False, "2026-03-03 01:00"),  # 21:59
            ("2026-03-02 15:00", False, "2026-03-03 00:00", False, "2026-03-03 01:00"),  # 22:00
            ("2026-03-02 16:30", False, "2026-03-03 00:00", False, "2026-03-03 01:00"),  # 23:30
            ("2026-12-31 17:30", False, "2027-01-01 00:00", False, "2027-01-01 01:00"),  # 00:30 on 1/1
        ]
        fmt = "%Y-%m-%d %H:%M"
        for moment, sms_ok, sms_next, call_ok, call_next in table:
            at = datetime.strptime(moment, fmt)
            with self.subTest(moment=moment):
                self.assertEqual(within_hours(SMS_HOURS, at), sms_ok)
                self.assertEqual(next_opening(SMS_HOURS, at).strftime(fmt), sms_next)
                self.assertEqual(within_hours(CALL_HOURS, at), call_ok)
                self.assertEqual(next_opening(CALL_HOURS, at).strftime(fmt), call_next)


@tagged("post_install", "-at_install", "crm_vn_privacy")
class TestMarketingSmsByNumber(CrmVnCustomerCommon):
    """Records without a customer (leads), each with the number of someone who may or may not be sent marketing."""

    def _consenting(self, name, **numbers):
        partner = (
            self.env["res.partner"]
            .with_context(crm_vn_skip_duplicate_check=True)
            .create({"name": name, "user_id": self.user_member.id, **numbers})
        )
        self.env["crm.vn.consent"].create(
            {
                "partner_id": partner.id,
                "purpose": "marketing",
                "channel": "sms",
                "state": "given",
                "method": "form",
                "date": datetime(2026, 1, 5, 2, 0),
            }
        )
        return partner

    def _send(self, leads):
        composer = (
            self.env["sms.composer"]
            .with_user(self.user_member)
            .with_context(default_composition_mode="mass", default_res_model="crm.lead", active_ids=leads.ids)
            .create({"body": "Mời quý khách ghé cửa hàng"})
        )
        with freeze_time(MORNING):
            composer.action_send_sms()
        sms = self.env["sms.sms"].search([("body", "=", "Mời quý khách ghé cửa hàng")])
        return {s.number: s.state for s in sms}

    def test_each_number_counts_alone(self):
        """Six leads of six consenting people: six SMS (the daily limit is per person, not per batch)."""
        numbers = [f"+8490330000{i}" for i in range(6)]
        for index, number in enumerate(numbers):
            self._consenting(f"Khách {index}", mobile=number)
        leads = self.env["crm.lead"].create(
            [
                {"name": f"Cơ hội {i}", "phone": number, "user_id": self.user_member.id}
                for i, number in enumerate(numbers)
            ]
        )
        self.assertEqual(self._send(leads), dict.fromkeys(numbers, "outgoing"))

    def test_number_held_as_landline_field(self):
        """Someone on the Do-Not-Call list holds the number in ``phone`` (another mobile beside): no SMS to it."""
        holder = self._consenting("Khách Hai Số", phone="+84903400001", mobile="+84903400002")
        holder.vn_do_not_call = True
        # and a consenting holder whose number is in ``phone`` only, beside another mobile
        self._consenting("Khách Khác", phone="+84903400009", mobile="+84903400008")
        leads = self.env["crm.lead"].create(
            [
                {"name": "Cơ hội", "phone": "0903 400 001", "user_id": self.user_member.id},
                {"name": "Cơ hội khác", "phone": "0903 400 009", "user_id": self.user_member.id},
            ]
        )
        self.assertEqual(self._send(leads), {"+84903400001": "canceled", "+84903400009": "outgoing"})
