"""The PDF reports, rendered for real by wkhtmltopdf and read back with pdftotext (poppler-utils).

Users read in Vietnamese (vi_VN: "1.250.000 ₫", dates dd/mm/yyyy) in Vietnam's
time zone. Labels of the templates are not asserted (they change with the
translations); names, references, dates and amounts are.
"""

import json
import logging
import re
import shutil
import subprocess
import tempfile
from datetime import date, datetime, time, timedelta
from pathlib import Path
from unittest.mock import patch

from dateutil.relativedelta import relativedelta

from odoo import Command, http
from odoo.exceptions import AccessError
from odoo.tests import Form, HttpCase, TransactionCase, freeze_time, new_test_user, tagged

from .common import CrmVnReportsCommon

TZ = "Asia/Ho_Chi_Minh"


class PdfReportsCommon(CrmVnReportsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("vi_VN")
        (cls.seller_a | cls.seller_b | cls.leader | cls.manager).write({"lang": "vi_VN", "tz": TZ})

    def _pdf_text(self, report_ref, records, user):
        """Text of the PDF printed by ``user`` (in their language and time zone), spaces normalized."""
        Report = self.env["ir.actions.report"].with_user(user)
        Report = Report.with_context(**Report.env.user.context_get(), force_report_rendering=True)
        pdf, report_type = Report._render_qweb_pdf(report_ref, records.ids)
        self.assertEqual(report_type, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        result = subprocess.run(
            ["pdftotext", "-layout", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True
        )
        text = result.stdout.decode("utf-8").replace("\N{NO-BREAK SPACE}", " ")
        # Odoo writes negative amounts as "-\N{ZERO WIDTH NO-BREAK SPACE}1".
        text = re.sub("-[\N{ZERO WIDTH NO-BREAK SPACE}\N{ZERO WIDTH SPACE}]", "-", text)
        return "\n".join(" ".join(line.split()) for line in text.splitlines() if line.strip())

    def assertInOrder(self, text, parts):
        """Each of ``parts`` occurs in ``text``, after the previous one."""
        position = 0
        for part in parts:
            found = text.find(part, position)
            self.assertNotEqual(found, -1, f"{part!r} not found after position {position} in:\n{text}")
            position = found + len(part)


@tagged("post_install", "-at_install", "crm_vn_reports")
class TestCustomerProfilePdf(PdfReportsCommon):
    """A VIP customer of Lê Thị Lan with four orders (one older than the chart) and two feedbacks."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Category = cls.env["product.category"]
        cls.product.categ_id = Category.create({"name": "Thiết bị lọc nước"})
        cls.filter_product = cls.env["product.product"].create(
            {
                "name": "Lõi lọc thay thế",
                "categ_id": Category.create({"name": "Phụ kiện"}).id,
                "taxes_id": [Command.clear()],
            }
        )
        cls.customer = (
            cls.env["res.partner"]
            .with_company(cls.company)
            .with_context(crm_vn_skip_duplicate_check=True)
            .create(
                {
                    "name": "Nguyễn Thị Ánh Tuyết",
                    "ref": "KH-0042",
                    "email": "anhtuyet@example.vn",
                    "mobile": "+84912 345 678",
                    "phone": "024 3825 1234",
                    "street": "12 Hàng Bạc",
                    "city": "Hoàn Kiếm",
                    "state_id": cls.env.ref("base.state_vn_VN-HN").id,
                    "country_id": cls.env.ref("base.vn").id,
                    "user_id": cls.seller_a.id,
                    "team_id": cls.team.id,
                    "gender": "female",
                    "birthdate_date": date(1990, 5, 12),
                    "lifecycle_stage": "vip",
                    "customer_since": date(2024, 8, 1),
                    "preferred_channel": "zalo",
                }
            )
        )
        this_month = cls.today.replace(day=1)
        cls.months = {
            "this": this_month,
            "last": this_month - relativedelta(months=1),
            "three_ago": this_month - relativedelta(months=3),
        }
        cls._order(cls.customer, 1_250_000, date=cls.today)
        cls._order(cls.customer, 3_750_000, date=cls.months["last"] + timedelta(days=4))
        filter_order = (
            cls.env["sale.order"]
            .with_company(cls.company)
            .create(
                {
                    "partner_id": cls.customer.id,
                    "company_id": cls.company.id,
                    "order_line": [
                        Command.create(
                            {"product_id": cls.filter_product.id, "product_uom_qty": 4, "price_unit": 500_000}
                        )
                    ],
                }
            )
        )
        filter_order.action_confirm()
        filter_order.date_order = datetime.combine(cls.months["three_ago"] + timedelta(days=9), time(3, 0))
        cls.old_order = cls._order(cls.customer, 9_000_000, date=this_month - relativedelta(months=14, days=-19))
        Feedback = cls.env["crm.vn.feedback"].with_company(cls.company)
        cls.complaint = Feedback.create(
            {
                "name": "Máy kêu to khi lọc",
                "partner_id": cls.customer.id,
                "company_id": cls.company.id,
                "feedback_type": "complaint",
                "date_received": datetime.combine(cls.months["last"] + timedelta(days=6), time(2, 0)),
            }
        )
        cls.complaint.action_acknowledge()
        cls.complaint.write({"resolution": "<p>Đã xử lý xong.</p>"})
        cls.complaint.action_resolve()
        rating = cls.complaint.rating_ids.filtered(lambda r: not r.consumed)
        cls.complaint.rating_apply(4, token=rating.access_token)
        cls.question = Feedback.create(
            {
                "name": "Hỏi về thay lõi lọc",
                "partner_id": cls.customer.id,
                "company_id": cls.company.id,
                "feedback_type": "question",
                "date_received": datetime.combine(cls.today, time(3, 0)),
            }
        )
        cls.env.flush_all()

    def test_profile(self):
        text = self._pdf_text("crm_vn_reports.action_report_customer_profile", self.customer, self.seller_a)
        # identity and profile, with the Vietnamese diacritics
        for part in (
            "Nguyễn Thị Ánh Tuyết",
            "KH-0042",
            "anhtuyet@example.vn",
            "0912 345 678",  # as staff read it, stored +84912345678
            "024 3825 1234",
            "12 Hàng Bạc",
            "Hà Nội",
            "Lê Thị Lan",
            "Chi nhánh Thử",
            "12/05/1990",
            "01/08/2024",
        ):
            with self.subTest(part=part):
                self.assertIn(part, text)
        # purchase summary: 4 orders, 16 000 000 ₫ in all, 4 000 000 ₫ on average
        first = self.old_order.date_order.date()
        self.assertInOrder(text, [first.strftime("%d/%m/%Y"), self.today.strftime("%d/%m/%Y")])
        self.assertIn("16.000.000 ₫", text)
        self.assertIn("4.000.000 ₫", text)
        self.assertIn("Thiết bị lọc nước, Phụ kiện", text)
        # chart: the 12 last months, three with sales; the order of 14 months ago is not in it
        chart_labels = [
            (self.months["this"] - relativedelta(months=count)).strftime("%m/%Y") for count in range(11, -1, -1)
        ]
        self.assertInOrder(text, chart_labels)
        for amount in ("2.000.000", "3.750.000", "1.250.000"):
            with self.subTest(amount=amount):
                self.assertIn(amount, text)
        self.assertNotIn("9.000.000", text)
        # feedback history, newest first, with the rating given
        self.assertInOrder(text, [self.question.reference, "Hỏi về thay lõi lọc"])
        self.assertInOrder(text, [self.complaint.reference, "Máy kêu to khi lọc"])
        self.assertLess(text.index(self.question.reference), text.index(self.complaint.reference))
        self.assertIn("4/5", text)

    def test_manager_sees_the_same_revenue(self):
        text = self._pdf_text("crm_vn_reports.action_report_customer_profile", self.customer, self.manager)
        self.assertIn("16.000.000 ₫", text)
        self.assertIn("3.750.000", text)

    def test_other_salesperson_cannot_print(self):
        with self.assertRaises(AccessError):
            self._pdf_text("crm_vn_reports.action_report_customer_profile", self.customer, self.seller_b)

    def test_customer_without_purchase(self):
        text = self._pdf_text("crm_vn_reports.action_report_customer_profile", self.p3, self.seller_a)
        self.assertIn("Khách Ba Bình", text)
        self.assertNotIn("₫", text)

    def test_print_menu_of_a_customer_offers_it(self):
        """The Print menu of a customer, as the web client reads it for a salesperson, offers the profile; a user
        outside sales does not get it."""
        action = self.env.ref("crm_vn_reports.action_report_customer_profile")
        Actions = self.env["ir.actions.actions"]
        reports = Actions.with_user(self.seller_a).get_bindings("res.partner").get("report", [])
        self.assertIn(action.id, [report["id"] for report in reports])
        employee = new_test_user(self.env, "rep_employee_print", groups="base.group_user")
        reports = Actions.with_user(employee).get_bindings("res.partner").get("report", [])
        self.assertNotIn(action.id, [report["id"] for report in reports])


@tagged("post_install", "-at_install", "crm_vn_reports")
class TestFeedbackCasePdf(PdfReportsCommon):
    """A complaint received on Monday 2 November 2026 at 09:00 (Vietnam), escalated twice, resolved, closed.

    The company works Monday-Friday 08:00-12:00 and 13:00-17:00: first response due
    4 working hours later (14:00), resolution 24 working hours later (Thursday 09:00).
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        calendar = cls.env["resource.calendar"].create(
            {
                "name": "Giờ hành chính",
                "tz": TZ,
                "company_id": cls.company.id,
                "attendance_ids": [
                    Command.clear(),
                    *[
                        Command.create(
                            {"name": f"{day} {start}", "dayofweek": str(day), "hour_from": start, "hour_to": end}
                        )
                        for day in range(5)
                        for start, end in ((8.0, 12.0), (13.0, 17.0))
                    ],
                ],
            }
        )
        cls.company.crm_vn_feedback_calendar_id = calendar
        cls.customer = cls.p1
        cls.customer.email = "khachmot@example.vn"  # the rating request is mailed
        received = datetime(2026, 11, 2, 2, 0)
        with freeze_time(received):
            cls.feedback = (
                cls.env["crm.vn.feedback"]
                .with_company(cls.company)
                .create(
                    {
                        "name": "Máy lọc nước rò rỉ",
                        "partner_id": cls.customer.id,
                        "company_id": cls.company.id,
                        "feedback_type": "complaint",
                        "priority": "1",
                        "channel": "zalo",
                        "description": "<p>Nước rò rỉ dưới đáy máy sau hai tuần sử dụng.</p>",
                        "date_received": received,
                    }
                )
            )
        # The escalation steps as the job writes them (at 15:00 on Monday, by hand on Tuesday at 11:00).
        cls.env["crm.vn.feedback.escalation"].create(
            [
                {
                    "feedback_id": cls.feedback.id,
                    "level": 1,
                    "date": datetime(2026, 11, 2, 8, 0),
                    "user_id": cls.leader.id,
                    "previous_user_id": cls.seller_a.id,
                    "trigger": "auto",
                    "breached_deadline": datetime(2026, 11, 2, 7, 0),
                    "new_deadline": datetime(2026, 11, 3, 3, 0),
                },
                {
                    "feedback_id": cls.feedback.id,
                    "level": 2,
                    "date": datetime(2026, 11, 3, 4, 0),
                    "user_id": cls.manager.id,
                    "previous_user_id": cls.leader.id,
                    "trigger": "manual",
                    "escalated_by_id": cls.leader.id,
                    "reason": "Khách gọi lại lần thứ ba",
                    "breached_deadline": datetime(2026, 11, 3, 3, 0),
                    "new_deadline": datetime(2026, 11, 4, 4, 0),
                },
            ]
        )
        cls.feedback.write(
            {
                "escalation_level": 2,
                "escalated_user_id": cls.manager.id,
                "escalation_deadline": datetime(2026, 11, 4, 4, 0),
            }
        )
        with freeze_time(datetime(2026, 11, 2, 10, 0)):  # 17:00: after the first escalation
            cls.feedback.action_acknowledge()
        cls.feedback.resolution = "<p>Đã thay gioăng và kiểm tra lại miễn phí.</p>"
        with freeze_time(datetime(2026, 11, 4, 2, 0)):
            cls.feedback.action_resolve()
        rating = cls.feedback.rating_ids.filtered(lambda r: not r.consumed)
        cls.feedback.rating_apply(5, token=rating.access_token, feedback="Nhân viên hỗ trợ rất nhiệt tình")
        with freeze_time(datetime(2026, 11, 5, 2, 0)):
            cls.feedback.action_close()
        cls.env.flush_all()

    def test_case(self):
        text = self._pdf_text("crm_vn_reports.action_report_feedback_case", self.feedback, self.manager)
        for part in (
            self.feedback.reference,
            "Máy lọc nước rò rỉ",
            "Khách Một Đồng",
            "Nước rò rỉ dưới đáy máy sau hai tuần sử dụng.",
            "02/11/2026 14:00:00",  # first response due
            "05/11/2026 09:00:00",  # resolution due
            "Đã thay gioăng và kiểm tra lại miễn phí.",
            "5/5",
            "Nhân viên hỗ trợ rất nhiệt tình",
        ):
            with self.subTest(part=part):
                self.assertIn(part, text)
        timeline = text[text.index("Chi nhánh Thử") :]
        self.assertInOrder(
            timeline,
            [
                "02/11/2026 09:00:00",  # received
                "02/11/2026 15:00:00",  # level 1: Lê Thị Lan → Nguyễn Văn Hùng
                "Lê Thị Lan",
                "Nguyễn Văn Hùng",
                "02/11/2026 14:00:00",  # breached deadline
                "03/11/2026 10:00:00",  # new deadline
                "02/11/2026 17:00:00",  # acknowledged
                "03/11/2026 11:00:00",  # level 2: Nguyễn Văn Hùng → Trần Thị Mai
                "Nguyễn Văn Hùng",
                "Trần Thị Mai",
                "04/11/2026 11:00:00",
                "Khách gọi lại lần thứ ba",
                "04/11/2026 09:00:00",  # resolved
                "05/11/2026 09:00:00",  # closed
            ],
        )

    def test_salesperson_prints_own_customer_case_only(self):
        text = self._pdf_text("crm_vn_reports.action_report_feedback_case", self.feedback, self.seller_a)
        self.assertIn(self.feedback.reference, text)
        with self.assertRaises(AccessError):
            self._pdf_text("crm_vn_reports.action_report_feedback_case", self.feedback, self.seller_b)


@tagged("post_install", "-at_install", "crm_vn_reports")
class TestPerformancePdf(PdfReportsCommon):
    """October 2026 against September 2026.

    Lê Thị Lan (team "Chi nhánh Thử"): September P1 4 000 000; October P1 5 000 000 and
    2 000 000 (repeat orders), P2 3 000 000 (first order); new customers P1 (September),
    P2 and P3 (October); two complaints resolved in October, one on time rated 5, one
    late rated 3. Phạm Minh Tuấn (no team): September P4 2 500 000 and P5 1 500 000,
    October P4 1 250 000 (repeat); new customers P4, P5 (September), P6 (October); one
    complaint resolved on time in September, rated 4.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._order(cls.p1, 4_000_000, date=date(2026, 9, 15))
        cls._order(cls.p1, 5_000_000, date=date(2026, 10, 6))
        cls._order(cls.p2, 3_000_000, date=date(2026, 10, 20))
        cls._order(cls.p1, 2_000_000, date=date(2026, 10, 25))
        cls._order(cls.p4, 2_500_000, date=date(2026, 9, 8))
        cls._order(cls.p5, 1_500_000, date=date(2026, 9, 21))
        cls._order(cls.p4, 1_250_000, date=date(2026, 10, 10))
        for partner, since in (
            (cls.p1, date(2026, 9, 15)),
            (cls.p2, date(2026, 10, 20)),
            (cls.p3, date(2026, 10, 2)),
            (cls.p4, date(2026, 9, 8)),
            (cls.p5, date(2026, 9, 21)),
            (cls.p6, date(2026, 10, 15)),
        ):
            partner.customer_since = since
        (cls.p1 | cls.p2 | cls.p4).email = "khach@example.vn"  # the rating requests are mailed
        Feedback = cls.env["crm.vn.feedback"].with_company(cls.company)
        # received on Mondays at 09:00 in Vietnam; resolved 1 hour or 20 days later
        for partner, received, resolved, rate in (
            (cls.p1, datetime(2026, 10, 5, 2, 0), datetime(2026, 10, 5, 3, 0), 5),
            (cls.p2, datetime(2026, 10, 5, 2, 0), datetime(2026, 10, 26, 3, 0), 3),
            (cls.p4, datetime(2026, 9, 7, 2, 0), datetime(2026, 9, 7, 3, 0), 4),
        ):
            with freeze_time(received):
                feedback = Feedback.create(
                    {
                        "name": "Máy kêu to",
                        "partner_id": partner.id,
                        "priority": "1",
                        "company_id": cls.company.id,
                        "date_received": received,
                    }
                )
                feedback.action_acknowledge()
            with freeze_time(resolved):
                feedback.write({"resolution": "<p>Đã xử lý xong.</p>"})
                feedback.action_resolve()
            rating = feedback.rating_ids.filtered(lambda r: not r.consumed)
            feedback.rating_apply(rate, token=rating.access_token)
        cls.env.flush_all()

    def _print(self, user, team=None):
        wizard = (
            self.env["crm.vn.performance.report.wizard"]
            .with_user(user)
            .create({"month": date(2026, 10, 17), "team_id": team and team.id, "company_id": self.company.id})
        )
        return self._pdf_text("crm_vn_reports.action_report_salesperson_performance", wizard, user)

    def test_manager_sees_everyone(self):
        text = self._print(self.manager)
        # Salesperson, month, revenue, orders, new customers, owned (today), repeat %, resolved, SLA %, rating;
        # then the previous month, then the change (the revenue's in % on the next line, after the
        # label's second line when the translated label wraps).
        self.assertInOrder(
            text,
            [
                "Lê Thị Lan 10/2026 10.000.000 ₫ 3 2 3 66,7% 2 50,0% 4,0\n",
                "09/2026 4.000.000 ₫ 1 1 – 0,0% 0 – –\n",
                "+6.000.000 ₫ +2 +1 – +66,7% +2 – –\n",
                "(+150,0%)\n",
                "Phạm Minh Tuấn 10/2026 1.250.000 ₫ 1 1 3 100,0% 0 – –\n",
                "09/2026 4.000.000 ₫ 2 2 – 0,0% 1 100,0% 4,0\n",
                "-2.750.000 ₫ -1 -1 – +100,0% -1 – –\n",
                "(-68,8%)\n",
                # team totals: 75% of the 4 orders are repeat orders
                "10/2026 11.250.000 ₫ 4 3 6 75,0% 2 50,0% 4,0\n",
                "09/2026 8.000.000 ₫ 3 3 – 0,0% 1 100,0% 4,0\n",
                "+3.250.000 ₫ +1 0 – +75,0% +1 -50,0% 0,0\n",
                "(+40,6%)\n",
                # the chart: one bar per salesperson
                "10.000.000 ₫\n1.250.000 ₫\nLê Thị Lan Phạm Minh Tuấn",
            ],
        )

    def test_salesperson_sees_own_figures_only(self):
        text = self._print(self.seller_b)
        self.assertNotIn("Lê Thị Lan", text)
        self.assertNotIn("10.000.000", text)
        # own figures, and team totals that add up the own figures only
        self.assertInOrder(
            text,
            [
                "Phạm Minh Tuấn 10/2026 1.250.000 ₫ 1 1 3 100,0% 0 – –\n",
                "-2.750.000 ₫ -1 -1 – +100,0% -1 – –\n",
                "10/2026 1.250.000 ₫ 1 1 3 100,0% 0 – –\n",
                "09/2026 4.000.000 ₫ 2 2 – 0,0% 1 100,0% 4,0\n",
            ],
        )

    def test_team_leader_sees_the_team(self):
        text = self._print(self.leader)
        self.assertIn("Lê Thị Lan 10/2026 10.000.000 ₫ 3 2 3 66,7% 2 50,0% 4,0\n", text)
        self.assertNotIn("Phạm Minh Tuấn", text)

    def test_team_filter(self):
        text = self._print(self.manager, team=self.team)
        self.assertIn("Chi nhánh Thử", text)
        self.assertIn("Lê Thị Lan 10/2026 10.000.000 ₫", text)
        self.assertNotIn("Phạm Minh Tuấn", text)

    def test_wizard_defaults_and_action(self):
        with freeze_time("2026-11-20 10:00:00"):
            form = Form(self.env["crm.vn.performance.report.wizard"].with_user(self.seller_a))
            self.assertEqual(form.month, date(2026, 10, 1))
            self.assertEqual(form.company_id, self.company)
            form.month = date(2026, 9, 12)
            self.assertEqual(form.month, date(2026, 9, 1), "any day selects its month")
            wizard = form.save()
        action = wizard.action_print()
        self.assertEqual(
            (action["type"], action["report_name"], action["context"]["active_ids"]),
            ("ir.actions.report", "crm_vn_reports.report_salesperson_performance", wizard.ids),
        )

    def test_employee_outside_sales_cannot_print(self):
        employee = self.env["res.users"].create(
            {
                "name": "Kế Toán",
                "login": "rep_employee",
                "company_id": self.company.id,
                "company_ids": [Command.set(self.company.ids)],
                "groups_id": [Command.set(self.env.ref("base.group_user").ids)],
            }
        )
        with self.assertRaises(AccessError):
            self.env["crm.vn.performance.report.wizard"].with_user(employee).create({"month": date(2026, 10, 1)})
        wizard = self.env["crm.vn.performance.report.wizard"].create(
            {"month": date(2026, 10, 1), "company_id": self.company.id}
        )
        with self.assertRaises(AccessError):
            self.env["report.crm_vn_reports.report_salesperson_performance"].with_user(employee)._get_report_values(
                wizard.ids
            )


@tagged("post_install", "-at_install", "crm_vn_reports")
class TestPerformanceReportDownload(HttpCase):
    def test_print_downloads_the_pdf_and_closes(self):
        """What the web client does on *Print*: the report action, then a download of the PDF over HTTP."""
        new_test_user(self.env, "perf_download", groups="sales_team.group_sale_manager")
        user = self.env["res.users"].search([("login", "=", "perf_download")])
        wizard = self.env["crm.vn.performance.report.wizard"].with_user(user).create({"month": date(2026, 10, 1)})
        action = wizard.action_print()
        self.assertTrue(action["close_on_report_download"], "the dialog closes once the file is downloaded")
        # wkhtmltopdf would fetch the styles from this test server while it serves the download: a closed port
        # instead (the PDF then has no styles, which is not what is tested here).
        self.env["ir.config_parameter"].sudo().set_param("report.url", "http://127.0.0.1:9")
        self.authenticate("perf_download", "perf_download")
        response = self.url_open(
            "/report/download",
            data={
                "data": json.dumps([f"/report/pdf/{action['report_name']}/{wizard.id}", "qweb-pdf"]),
                # Odoo renders reports as HTML under tests unless asked for the PDF.
                "context": json.dumps({"lang": "vi_VN", "force_report_rendering": True}),
                "csrf_token": http.Request.csrf_token(self),
            },
            timeout=120,
        )
        self.assertEqual(response.status_code, 200, response.text[:500])
        self.assertEqual(response.headers["Content-Type"], "application/pdf")
        self.assertTrue(response.content.startswith(b"%PDF"))
        self.assertIn("attachment", response.headers["Content-Disposition"])
        self.assertIn("10-2026.pdf", response.headers["Content-Disposition"])


@tagged("post_install", "-at_install", "crm_vn_reports")
class TestWkhtmltopdfBuild(TransactionCase):
    """A build without the patched Qt (Linux distributions') is said once in the log; wkhtmltopdf.org's is not."""

    def _check_with(self, version_line):
        script = Path(self.tmp) / "wkhtmltopdf"
        script.write_text(f"#!/bin/sh\necho '{version_line}'\n")
        script.chmod(0o755)
        module = "odoo.addons.crm_vn_reports.models.ir_actions_report"
        with (
            patch(f"{module}._get_wkhtmltopdf_bin", return_value=str(script)),
            patch(f"{module}._UNPATCHED_SAID", []),
            self.assertLogs(module, "WARNING") as logs,
        ):
            first = self.env["ir.actions.report"]._crm_vn_check_wkhtmltopdf()
            second = self.env["ir.actions.report"]._crm_vn_check_wkhtmltopdf()
            logging.getLogger(module).warning("end")
        return first, second, logs.output[:-1]

    def setUp(self):
        super().setUp()
        self.tmp = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, self.tmp)

    def test_unpatched_said_once(self):
        first, second, said = self._check_with("wkhtmltopdf 0.12.6")
        self.assertEqual((first, second), (False, False))
        self.assertEqual(len(said), 1)
        self.assertIn("wkhtmltopdf 0.12.6 is built without the patched Qt", said[0])

    def test_patched_not_said(self):
        first, __, said = self._check_with("wkhtmltopdf 0.12.6.1 (with patched qt)")
        self.assertTrue(first)
        self.assertEqual(said, [])
