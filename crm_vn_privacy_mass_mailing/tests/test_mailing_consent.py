import json
from datetime import datetime, timedelta

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import Form, HttpCase, TransactionCase, new_test_user, tagged
from odoo.tools import SQL

from odoo.addons.crm_vn_base.tests.common import slow
from odoo.addons.mail.tests.common import MockEmail


@tagged("post_install", "-at_install", "crm_vn_privacy_mass_mailing")
class TestMailingConsent(TransactionCase, MockEmail):
    """Email Marketing sends follow the recorded consent, the Do-Not-Call list and the daily limit."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, lang="en_US"))
        cls.marketer = new_test_user(
            cls.env,
            "vn_marketer",
            groups="mass_mailing.group_mass_mailing_user",
            name="Vũ Thị Marketing",
            email="marketing@example.vn",
        )
        Partner = cls.env["res.partner"].with_context(crm_vn_skip_duplicate_check=True)
        cls.p_ok = Partner.create({"name": "Khách Đồng Ý", "email": "dong.y@example.vn"})
        cls.p_none = Partner.create({"name": "Khách Chưa Hỏi", "email": "chua.hoi@example.vn"})
        cls.p_dnc = Partner.create({"name": "Khách Không Gọi", "email": "khong.goi@example.vn"})
        cls.p_withdrawn = Partner.create({"name": "Khách Đã Rút", "email": "da.rut@example.vn"})
        cls.p_sms_only = Partner.create({"name": "Khách Chỉ SMS", "email": "chi.sms@example.vn"})
        cls.p_full = Partner.create({"name": "Khách Đã Nhận Đủ", "email": "da.nhan.du@example.vn"})
        cls.p_two = Partner.create({"name": "Khách Nhận Hai", "email": "Nhan.Hai@Example.vn"})
        for partner in cls.p_ok | cls.p_dnc | cls.p_withdrawn | cls.p_full | cls.p_two:
            cls._consent(partner, "email", "given", datetime(2026, 1, 5, 2, 0))
        cls._consent(cls.p_sms_only, "sms", "given", datetime(2026, 1, 5, 2, 0))
        cls._consent(cls.p_withdrawn, "all", "withdrawn", datetime(2026, 2, 1, 2, 0))
        cls.p_dnc.vn_do_not_call = True
        cls.partners = cls.p_ok | cls.p_none | cls.p_dnc | cls.p_withdrawn | cls.p_sms_only | cls.p_full | cls.p_two
        # Earlier campaigns: three emails today to p_full, two today and one two days ago to p_two.
        cls.old_mailing = cls._mailing("res.partner", [("id", "in", cls.partners.ids)], subject="Tháng trước")
        cls.old_mailing.state = "done"
        Trace = cls.env["mailing.trace"]
        for partner, count in ((cls.p_full, 3), (cls.p_two, 3)):
            for _i in range(count):
                Trace.create(
                    {
                        "mass_mailing_id": cls.old_mailing.id,
                        "model": "res.partner",
                        "res_id": partner.id,
                        "email": f'"{partner.name}" <{partner.email}>',
                        "trace_type": "mail",
                        "trace_status": "sent",
                    }
                )
        old = Trace.search([("res_id", "=", cls.p_two.id), ("mass_mailing_id", "=", cls.old_mailing.id)], limit=1)
        cls.env.cr.execute(
            "UPDATE mailing_trace SET create_date = %s WHERE id = %s", (datetime.now() - timedelta(days=2), old.id)
        )
        # A cancelled trace does not count.
        Trace.create(
            {
                "mass_mailing_id": cls.old_mailing.id,
                "model": "res.partner",
                "res_id": cls.p_ok.id,
                "email": cls.p_ok.email,
                "trace_type": "mail",
                "trace_status": "cancel",
            }
        )

    @classmethod
    def _consent(cls, partner, channel, state, date):
        return cls.env["crm.vn.consent"].create(
            {
                "partner_id": partner.id,
                "purpose": "marketing",
                "channel": channel,
                "state": state,
                "method": "form",
                "date": date,
            }
        )

    @classmethod
    def _mailing(cls, model, domain=None, lists=None, subject="Khuyến mãi Tết"):
        values = {
            "name": subject,
            "subject": subject,
            "body_html": "<p>Ưu đãi dành cho quý khách</p>",
            "mailing_model_id": cls.env["ir.model"]._get_id(model),
            "email_from": "marketing@example.vn",
        }
        if lists:
            values["contact_list_ids"] = [(6, 0, lists.ids)]
        else:
            values["mailing_domain"] = repr(domain or [])
        return cls.env["mailing.mailing"].with_user(cls.marketer).create(values)

    def _send(self, mailing, user=None):
        """Send the mailing now, the outgoing mail server replaced by Odoo's test double."""
        with self.mock_mail_gateway(mail_unlink_sent=False):
            mailing.with_user(user or self.marketer).action_send_mail()

    def _traces(self, mailing):
        return {
            trace.res_id: (trace.trace_status, trace.failure_type or False)
            for trace in self.env["mailing.trace"].search([("mass_mailing_id", "=", mailing.id)])
        }

    def test_mailing_on_contacts(self):
        mailing = self._mailing("res.partner", [("id", "in", self.partners.ids)])
        self._send(mailing)
        traces = self._traces(mailing)
        self.assertEqual(
            traces,
            {
                self.p_ok.id: ("sent", False),
                self.p_none.id: ("cancel", "mail_vn_consent"),
                self.p_dnc.id: ("cancel", "mail_vn_consent"),
                self.p_withdrawn.id: ("cancel", "mail_vn_consent"),
                self.p_sms_only.id: ("cancel", "mail_vn_consent"),
                self.p_full.id: ("cancel", "mail_vn_limit"),
                self.p_two.id: ("sent", False),
            },
        )
        mails = self.env["mail.mail"].sudo().search([("mailing_id", "=", mailing.id)])
        sent_to = mails.filtered(lambda mail: mail.state == "sent").recipient_ids
        self.assertEqual(sent_to, self.p_ok | self.p_two)
        self.assertEqual(
            set(mails.filtered(lambda mail: mail.state == "cancel").mapped("failure_type")),
            {"mail_vn_consent", "mail_vn_limit"},
        )
        # p_two has now had three in 24 hours: the next campaign skips her, p_ok (2 now) still gets it.
        again = self._mailing("res.partner", [("id", "in", (self.p_ok | self.p_two).ids)], subject="Nhắc lại")
        self._send(again)
        self.assertEqual(
            self._traces(again), {self.p_ok.id: ("sent", False), self.p_two.id: ("cancel", "mail_vn_limit")}
        )

    def test_consent_withdrawn_after_planning(self):
        """The consent at sending time decides, not the one when the mailing was prepared."""
        mailing = self._mailing("res.partner", [("id", "=", self.p_ok.id)])
        self._consent(self.p_ok, "email", "withdrawn", fields.Datetime.now() - timedelta(seconds=1))
        self._send(mailing)
        self.assertEqual(self._traces(mailing), {self.p_ok.id: ("cancel", "mail_vn_consent")})

    def test_mailing_on_leads(self):
        Lead = self.env["crm.lead"]
        lead_ok = Lead.create({"name": "Cơ hội 1", "partner_id": self.p_ok.id, "email_from": self.p_ok.email})
        lead_none = Lead.create({"name": "Cơ hội 2", "partner_id": self.p_none.id, "email_from": self.p_none.email})
        # No customer linked: the address decides.
        lead_by_email = Lead.create({"name": "Cơ hội 3", "email_from": "NHAN.HAI@example.vn"})
        lead_unknown = Lead.create({"name": "Cơ hội 4", "email_from": "nguoi.la@example.vn"})
        lead_dnc_email = Lead.create({"name": "Cơ hội 5", "email_from": self.p_dnc.email})
        leads = lead_ok | lead_none | lead_by_email | lead_unknown | lead_dnc_email
        seller = new_test_user(
            self.env,
            "vn_marketer_sales",
            groups="mass_mailing.group_mass_mailing_user,sales_team.group_sale_salesman_all_leads",
            name="Bán Và Tiếp Thị",
        )
        mailing = self._mailing("crm.lead", [("id", "in", leads.ids)])
        self._send(mailing, user=seller)
        traces = self._traces(mailing)
        self.assertEqual(traces[lead_ok.id], ("sent", False))
        self.assertEqual(traces[lead_none.id], ("cancel", "mail_vn_consent"))
        self.assertEqual(traces[lead_unknown.id], ("cancel", "mail_vn_consent"))
        self.assertEqual(traces[lead_dnc_email.id], ("cancel", "mail_vn_consent"))
        self.assertEqual(traces[lead_by_email.id], ("sent", False))

    def test_mailing_on_list(self):
        """An opt-in list: the subscription is the consent, unless someone at the address withdrew."""
        mailing_list = self.env["mailing.list"].create({"name": "Bản tin", "crm_vn_opt_in": True})
        Contact = self.env["mailing.contact"]
        subscriber = Contact.create({"name": "Người Đăng Ký", "email": "dang.ky@example.vn"})
        customer_no_record = Contact.create({"name": "Khách Chưa Hỏi", "email": self.p_none.email})
        customer_withdrawn = Contact.create({"name": "Khách Đã Rút", "email": self.p_withdrawn.email})
        customer_dnc = Contact.create({"name": "Khách Không Gọi", "email": self.p_dnc.email})
        customer_full = Contact.create({"name": "Khách Đã Nhận Đủ", "email": self.p_full.email})
        contacts = subscriber | customer_no_record | customer_withdrawn | customer_dnc | customer_full
        mailing_list.contact_ids = contacts
        mailing = self._mailing("mailing.list", lists=mailing_list)
        self._send(mailing)
        self.assertEqual(
            self._traces(mailing),
            {
                subscriber.id: ("sent", False),
                customer_no_record.id: ("sent", False),
                customer_withdrawn.id: ("cancel", "mail_vn_consent"),
                customer_dnc.id: ("cancel", "mail_vn_consent"),
                customer_full.id: ("cancel", "mail_vn_limit"),
            },
        )

    def test_mailing_on_list_nobody_asked_for(self):
        """An imported list: only addresses of customers who consented are mailed."""
        mailing_list = self.env["mailing.list"].create({"name": "Danh sách mua lại"})
        Contact = self.env["mailing.contact"]
        stranger = Contact.create({"name": "Người Lạ", "email": "nguoi.la@example.vn"})
        customer_ok = Contact.create({"name": "Khách Đồng Ý", "email": self.p_ok.email})
        customer_no_record = Contact.create({"name": "Khách Chưa Hỏi", "email": self.p_none.email})
        mailing_list.contact_ids = stranger | customer_ok | customer_no_record
        mailing = self._mailing("mailing.list", lists=mailing_list)
        self._send(mailing)
        self.assertEqual(
            self._traces(mailing),
            {
                stranger.id: ("cancel", "mail_vn_consent"),
                customer_ok.id: ("sent", False),
                customer_no_record.id: ("cancel", "mail_vn_consent"),
            },
        )
        # an opt-out from the opt-in list is respected by Odoo itself; opting in again needs the list's consent
        opt_in = self.env["mailing.list"].create({"name": "Bản tin", "crm_vn_opt_in": True})
        opt_in.contact_ids = stranger
        both = self._mailing("mailing.list", lists=mailing_list | opt_in, subject="Hai danh sách")
        self._send(both)
        self.assertEqual(self._traces(both)[stranger.id], ("sent", False), "subscribed to one opt-in list")

    def test_only_administrators_declare_an_opt_in_list(self):
        """The marketers who send to a list cannot declare its subscribers consented; who did, and when, is kept."""
        Lists = self.env["mailing.list"]
        with self.assertRaises(AccessError):
            Lists.with_user(self.marketer).create({"name": "Danh sách mua lại", "crm_vn_opt_in": True})
        bought = Lists.with_user(self.marketer).create({"name": "Danh sách mua lại"})
        with self.assertRaises(AccessError):
            bought.with_user(self.marketer).crm_vn_opt_in = True
        bought.with_user(self.marketer).name = "Danh sách hội chợ"  # other changes stay open to marketers
        manager = new_test_user(
            self.env,
            "vn_dpo",
            groups="sales_team.group_sale_manager,mass_mailing.group_mass_mailing_user",
            name="Người Phụ Trách Dữ Liệu",
        )
        bought.with_user(manager).crm_vn_opt_in = True
        self.assertEqual((bought.crm_vn_opt_in_user_id, bool(bought.crm_vn_opt_in_date)), (manager, True))
        bought.with_user(manager).crm_vn_opt_in = False
        self.assertFalse(bought.crm_vn_opt_in_user_id or bought.crm_vn_opt_in_date)

    def test_the_list_form_declares_the_consent(self):
        """In the mailing list form, a sales administrator ticks *Subscribers Consented* and saves: the form shows
        who declared it and when; unticked and saved, both are gone. A marketer who ticks it cannot save."""
        manager = new_test_user(
            self.env,
            "vn_dpo",
            groups="sales_team.group_sale_manager,mass_mailing.group_mass_mailing_user",
            name="Người Phụ Trách Dữ Liệu",
        )
        with Form(self.env["mailing.list"].with_user(manager)) as form:
            form.name = "Bản tin khách quen"
            form.crm_vn_opt_in = True
        with Form(form.record) as form:
            self.assertEqual(form.crm_vn_opt_in_user_id, manager)
            self.assertTrue(form.crm_vn_opt_in_date)
            form.crm_vn_opt_in = False
        self.assertFalse(form.record.crm_vn_opt_in_user_id or form.record.crm_vn_opt_in_date)
        form = Form(self.env["mailing.list"].with_user(self.marketer))
        form.name = "Danh sách mua lại"
        form.crm_vn_opt_in = True
        with self.assertRaises(AccessError):
            form.save()
        self.assertFalse(self.env["mailing.list"].search([("name", "=", "Danh sách mua lại")]))

    def test_batch_email_without_mailing_is_not_marketing(self):
        """A notice sent to a selection of contacts (no mailing) is not filtered."""
        composer = (
            self.env["mail.compose.message"]
            .with_context(active_model="res.partner", active_ids=(self.p_none | self.p_dnc).ids)
            .create(
                {
                    "composition_mode": "mass_mail",
                    "model": "res.partner",
                    "subject": "Thông báo lịch nghỉ Tết",
                    "body": "<p>Cửa hàng nghỉ từ 5/2</p>",
                    "email_from": "cskh@example.vn",
                }
            )
        )
        with self.mock_mail_gateway(mail_unlink_sent=False):
            composer._action_send_mail()
        mails = self.env["mail.mail"].sudo().search([("subject", "=", "Thông báo lịch nghỉ Tết")])
        self.assertEqual(mails.recipient_ids, self.p_none | self.p_dnc)
        self.assertEqual(set(mails.mapped("state")), {"sent"})

    def test_default_recipients(self):
        """A new mailing on contacts or leads proposes only those who may receive marketing email."""
        mailing = (
            self.env["mailing.mailing"]
            .with_user(self.marketer)
            .create({"subject": "Mới", "mailing_model_id": self.env["ir.model"]._get_id("res.partner")})
        )
        found = self.env["res.partner"].search(mailing._parse_mailing_domain()) & self.partners
        self.assertEqual(found, self.p_ok | self.p_full | self.p_two)
        lead_mailing = (
            self.env["mailing.mailing"]
            .with_user(self.marketer)
            .create({"subject": "Mới", "mailing_model_id": self.env["ir.model"]._get_id("crm.lead")})
        )
        self.assertIn(("partner_id.consent_marketing_email", "=", True), lead_mailing._parse_mailing_domain())

    def test_personal_data_and_anonymisation(self):
        mailing_list = self.env["mailing.list"].create({"name": "Bản tin"})
        self.env["mailing.contact"].create(
            {"name": "Khách Đồng Ý", "email": "Dong.Y@example.vn", "list_ids": [(4, mailing_list.id)]}
        )
        mailing = self._mailing("res.partner", [("id", "=", self.p_ok.id)])
        mailing.keep_archives = True
        self._send(mailing)
        self.env["mail.blacklist"]._add("dong.y@example.vn")
        data = self.p_ok._crm_vn_personal_data()
        self.assertEqual(
            [(sub["email"], [line["list"] for line in sub["lists"]]) for sub in data["mailing_subscriptions"]],
            [("Dong.Y@example.vn", ["Bản tin"])],
        )
        self.assertEqual(
            sorted((email["mailing"], email["status"]) for email in data["marketing_emails"]),
            [("Khuyến mãi Tết", "sent"), ("Tháng trước", "cancel")],
        )
        self.env.flush_all()
        counts = self.p_ok.sudo()._crm_vn_anonymize()
        self.env.flush_all()
        self.assertEqual(counts["mailing_contacts"], 1)
        self.assertEqual(counts["mailing_traces"], 2)
        self.assertFalse(self.env["mailing.contact"].search([("email_normalized", "=", "dong.y@example.vn")]))
        for table, column in (
            ("mailing_trace", "email"),
            ("mailing_trace", "crm_vn_email_normalized"),
            ("mail_mail", "email_to"),
            ("mailing_contact", "email"),
            ("mail_message", "email_from"),
        ):
            self.env.cr.execute(
                SQL(
                    "SELECT count(*) FROM %s WHERE %s ILIKE %s",
                    SQL.identifier(table),
                    SQL.identifier(column),
                    "%dong.y@%",
                )
            )
            self.assertEqual(self.env.cr.fetchone()[0], 0, f"{table}.{column} still holds the address")
        self.assertFalse(self.env["mail.mail"].sudo().search([("mailing_id", "=", mailing.id)]))
        self.assertTrue(
            self.env["mail.blacklist"].search([("email", "=", "dong.y@example.vn")]),
            "her opt-out survives the deletion",
        )


@slow
@tagged("post_install", "-at_install", "crm_vn_privacy_mass_mailing")
class TestConsentNotice(HttpCase):
    """The notice a marketer reads in the browser when preparing a mailing, in their language: on an email mailing,
    not on an SMS one."""

    # Waits for the form of the page, then logs the text of the consent notice shown in it (null when none is).
    READ_NOTICE = """
        (async () => {
            const until = Date.now() + 20000;
            const form = ".o_form_view .o_field_widget[name=mailing_model_id]";
            while (!document.querySelector(form) && Date.now() < until) {
                await new Promise((resolve) => setTimeout(resolve, 100));
            }
            const notice = document.querySelector(".o_form_view [name=crm_vn_consent_notice]");
            const text = notice && notice.innerText.replace(/\\s+/g, " ").trim();
            console.log("crm_vn consent notice", JSON.stringify(text));
            console.log("test successful");
        })().catch((error) => console.error(error.message));
    """

    def _notice(self, action):
        with self.assertLogs(self._logger.getChild("browser"), "DEBUG") as logs:
            self.browser_js(f"/odoo/action-{action}/new", self.READ_NOTICE, login="vn_notice_marketer")
        [notice] = [
            json.loads(record.getMessage().split(" ", 3)[3])
            for record in logs.records
            if record.getMessage().startswith("crm_vn consent notice ")
        ]
        return notice

    def test_the_notice_on_a_new_email_mailing(self):
        new_test_user(
            self.env, "vn_notice_marketer", groups="mass_mailing.group_mass_mailing_user", lang="vi_VN", tz="UTC"
        )
        notice = self._notice("mass_mailing.mailing_mailing_action_mail")
        # the rules it states, in Vietnamese (the rest of the wording is the translators')
        for words in (
            "Khách hàng chưa đồng ý nhận email tiếp thị",
            "(Do-Not-Call)",
            "3 email tiếp thị trong 24 giờ qua",
            "(Nghị định 91/2020/NĐ-CP)",
        ):
            self.assertIn(words, notice)
        self.assertIsNone(self._notice("mass_mailing_sms.mailing_mailing_action_sms"))
