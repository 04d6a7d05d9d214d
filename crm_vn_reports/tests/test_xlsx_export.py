import io
import os
import tempfile
from datetime import date, datetime
from unittest.mock import patch

import openpyxl
import pytz
from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import BaseCase, HttpCase, TransactionCase, new_test_user, tagged

from ..tools import xlsx_format
from ..wizard import crm_vn_xlsx_export

VND = '#,##0 "₫"'
CUSTOMER_HEADER = [
    "Name",
    "Reference",
    "Phone",
    "Mobile",
    "Email",
    "Province",
    "City",
    "Salesperson",
    "Sales Team",
    "Gender",
    "Birthdate",
    "Lifecycle Stage",
    "Customer Since",
    "Lead Source",
    "First Purchase",
    "Last Purchase",
    "Orders",
    "Revenue",
    "Average Order Value",
    "Days Since Last Purchase",
    "RFM Score",
    "Segment",
    "Churned",
    "Feedback",
    "Average Rating",
]


def vn_today(env):
    """Today in Vietnam as the reports' SQL sees it: at the transaction's start (tools/local_dates.py)."""
    return pytz.utc.localize(env.cr.now()).astimezone(pytz.timezone("Asia/Ho_Chi_Minh")).date()


class XlsxExportCase(TransactionCase):
    """A Vietnamese company (VND) with two salespeople of one team and their manager.

    - Phạm Minh An (salesperson A) owns Nguyễn Thị Ánh (Hà Nội: two orders in March 2025,
      1,200,000 and 800,000 ₫, one resolved and rated feedback) and Trần Văn Đức
      (Hồ Chí Minh: one order of 500,000 ₫ in April 2025);
    - Đỗ Thu Bình (salesperson B) owns Lê Hoàng Yến (Hà Nội: 3,000,000 ₫ in February 2025);
    - Vũ Quốc Cường manages them (leader of the team, sales manager).
    Times are in Asia/Ho_Chi_Minh (UTC+7).
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # English users (the database may have been created with Vietnamese only)
        cls.env["res.lang"]._activate_lang("en_US")
        vnd = cls.env.ref("base.VND")
        vnd.active = True
        cls.company = cls.env["res.company"].create({"name": "Công ty TNHH Nước Sạch", "currency_id": vnd.id})
        company_vals = {"company_id": cls.company.id, "company_ids": [Command.set(cls.company.ids)]}
        user_vals = {**company_vals, "tz": "Asia/Ho_Chi_Minh", "lang": "en_US"}
        cls.user_a = new_test_user(
            cls.env, "xlsx_sale_a", groups="sales_team.group_sale_salesman", name="Phạm Minh An", **user_vals
        )
        cls.user_b = new_test_user(
            cls.env, "xlsx_sale_b", groups="sales_team.group_sale_salesman", name="Đỗ Thu Bình", **user_vals
        )
        cls.manager = new_test_user(
            cls.env, "xlsx_manager", groups="sales_team.group_sale_manager", name="Vũ Quốc Cường", **user_vals
        )
        cls.team = cls.env["crm.team"].create(
            {
                "name": "Chi nhánh Hà Nội",
                "company_id": cls.company.id,
                "user_id": cls.manager.id,
                "member_ids": [Command.set((cls.user_a | cls.user_b).ids)],
            }
        )
        vietnam = cls.env.ref("base.vn")
        hanoi = cls.hanoi = cls.env.ref("base.state_vn_VN-HN")
        saigon = cls.env.ref("base.state_vn_VN-SG")
        source = cls.env["utm.source"].create({"name": "Hội chợ Hà Nội"})
        Partner = cls.env["res.partner"].with_context(tracking_disable=True)
        partner_vals = {"company_id": cls.company.id, "country_id": vietnam.id, "team_id": cls.team.id}
        cls.customer_a1 = Partner.create(
            {
                **partner_vals,
                "name": "Nguyễn Thị Ánh",
                "ref": "KH-0001",
                "phone": "024 3825 1234",
                "mobile": "0912 345 678",
                "email": "anh@xlsx-test.vn",
                "state_id": hanoi.id,
                "city": "Hà Nội",
                "user_id": cls.user_a.id,
                "gender": "female",
                "birthdate_date": "1990-05-17",
                "lifecycle_stage": "customer",
                "customer_since": "2025-01-15",
                "source_id": source.id,
            }
        )
        cls.customer_a2 = Partner.create(
            {
                **partner_vals,
                "name": "Trần Văn Đức",
                "mobile": "0987 654 321",
                "email": "duc@xlsx-test.vn",
                "state_id": saigon.id,
                "city": "Thủ Đức",
                "user_id": cls.user_a.id,
                "gender": "male",
                "lifecycle_stage": "customer",
                "customer_since": "2025-04-02",
            }
        )
        cls.customer_b1 = Partner.create(
            {
                **partner_vals,
                "name": "Lê Hoàng Yến",
                "email": "yen@xlsx-test.vn",
                "state_id": hanoi.id,
                "city": "Hà Nội",
                "user_id": cls.user_b.id,
                "lifecycle_stage": "vip",
                "customer_since": "2025-02-10",
            }
        )
        product = cls.env["product.product"].create({"name": "Máy lọc nước RO", "taxes_id": [Command.clear()]})
        for partner, user, when, amount in (
            (cls.customer_a1, cls.user_a, "2025-03-05 03:00:00", 1200000),
            (cls.customer_a1, cls.user_a, "2025-03-20 03:00:00", 800000),
            (cls.customer_a2, cls.user_a, "2025-04-02 03:00:00", 500000),
            (cls.customer_b1, cls.user_b, "2025-02-10 03:00:00", 3000000),
        ):
            order = cls.env["sale.order"].create(
                {
                    "partner_id": partner.id,
                    "user_id": user.id,
                    "company_id": cls.company.id,
                    "pricelist_id": False,
                    "order_line": [Command.create({"product_id": product.id, "price_unit": amount, "tax_id": False})],
                }
            )
            order.action_confirm()
            order.date_order = when
        Feedback = cls.env["crm.vn.feedback"].with_context(tracking_disable=True, mail_notrack=True)
        category = cls.env["crm.vn.feedback.category"].create({"name": "Chất lượng sản phẩm"})
        cls.feedback_a1 = Feedback.create(
            {
                "name": "Máy lọc nước bị rò rỉ",
                "partner_id": cls.customer_a1.id,
                "company_id": cls.company.id,
                "channel": "zalo",
                "feedback_type": "complaint",
                "priority": "2",
                "category_id": category.id,
                "date_received": "2025-03-21 02:00:00",
            }
        )
        with freeze_time("2025-03-21 03:30:00"):
            cls.feedback_a1.action_acknowledge()
        with freeze_time("2025-03-21 08:00:00"):
            cls.feedback_a1.write({"resolution": "<p>Đã xử lý xong.</p>"})
            cls.feedback_a1.action_resolve()
        with freeze_time("2025-03-22 02:00:00"):
            token = cls.feedback_a1._rating_get_access_token()  # what the rating request mail links to
            cls.feedback_a1.rating_apply(5, token=token, feedback="Rất hài lòng, nhân viên xử lý nhanh")
        cls.feedback_b1 = Feedback.create(
            {
                "name": "Giao hàng chậm",
                "partner_id": cls.customer_b1.id,
                "company_id": cls.company.id,
                "channel": "call",
                "feedback_type": "complaint",
                "date_received": "2025-02-12 01:00:00",
            }
        )
        cls.env.flush_all()
        cls.test_domain = [("email", "=like", "%@xlsx-test.vn")]

    def setUp(self):
        super().setUp()
        self.env["crm.vn.analytics.snapshot"]._cron_refresh_analytics()  # the orders above, in the analytics

    def export(self, user, kind, domain=None, record_ids=None):
        """Write an export as ``user``; return (row count, worksheet read back with openpyxl)."""
        export = (
            self.env["crm.vn.xlsx.export"]
            .with_user(user)
            .create({"kind": kind, "domain": repr(domain or []), "record_ids": record_ids or False})
        )
        with tempfile.TemporaryDirectory() as tmpdir:
            path = os.path.join(tmpdir, "export.xlsx")
            count = export._generate_xlsx(path)
            workbook = openpyxl.load_workbook(path)
        return count, workbook.active

    def rows(self, sheet):
        return [list(row) for row in sheet.iter_rows(min_row=2, values_only=True)]


@tagged("post_install", "-at_install", "crm_vn_reports")
class TestXlsxCustomerExport(XlsxExportCase):
    def test_customers_of_salesperson(self):
        """A's file: A's customers with their profile and KPIs, formatted, and nothing of B."""
        count, sheet = self.export(self.user_a, "customers", self.test_domain)
        self.assertEqual(count, 2)
        self.assertEqual(sheet.title, "Customers")
        self.assertEqual([cell.value for cell in sheet[1]], CUSTOMER_HEADER)
        self.assertTrue(all(cell.font.b for cell in sheet[1]), "bold header")
        self.assertEqual(sheet["A1"].fill.fgColor.rgb, "FFD9E1F2")
        self.assertEqual(sheet.freeze_panes, "A2")
        self.assertEqual(sheet.auto_filter.ref, "A1:Y3")
        days_since = (vn_today(self.env) - date(2025, 3, 20)).days  # last purchase on 20 March 2025
        self.assertEqual(
            self.rows(sheet),
            [
                [
                    "Nguyễn Thị Ánh",
                    "KH-0001",
                    "024 3825 1234",
                    "0912 345 678",
                    "anh@xlsx-test.vn",
                    "Hà Nội",
                    "Hà Nội",
                    "Phạm Minh An",
                    "Chi nhánh Hà Nội",
                    "Female",
                    datetime(1990, 5, 17),
                    "Customer",
                    datetime(2025, 1, 15),
                    "Hội chợ Hà Nội",
                    datetime(2025, 3, 5),
                    datetime(2025, 3, 20),
                    2,
                    2000000,
                    1000000,
                    days_since,
                    "232",
                    "At Risk",
                    "Yes",
                    1,
                    5,
                ],
                [
                    "Trần Văn Đức",
                    None,
                    None,
                    "0987 654 321",
                    "duc@xlsx-test.vn",
                    "TP Hồ Chí Minh",
                    "Thủ Đức",
                    "Phạm Minh An",
                    "Chi nhánh Hà Nội",
                    "Male",
                    None,
                    "Customer",
                    datetime(2025, 4, 2),
                    None,
                    datetime(2025, 4, 2),
                    datetime(2025, 4, 2),
                    1,
                    500000,
                    500000,
                    days_since - 13,
                    "311",
                    "Hibernating",
                    "Yes",
                    0,
                    None,
                ],
            ],
        )
        self.assertEqual(sheet["R2"].number_format, VND)
        self.assertEqual(sheet["S2"].number_format, VND)
        self.assertEqual(sheet["K2"].number_format, "mm/dd/yyyy")
        self.assertTrue(sheet["K2"].is_date)

    def test_manager_sees_every_customer(self):
        count, sheet = self.export(self.manager, "customers", self.test_domain)
        self.assertEqual(count, 3)
        self.assertEqual([row[0] for row in self.rows(sheet)], ["Lê Hoàng Yến", "Nguyễn Thị Ánh", "Trần Văn Đức"])
        days_since = (vn_today(self.env) - date(2025, 2, 10)).days  # bought on 10 February 2025
        self.assertEqual(self.rows(sheet)[0][16:22], [1, 3000000, 3000000, days_since, "123", "Lost"])

    def test_domain_on_screen_is_honoured(self):
        """Only Hà Nội: Ánh (A's) and Yến (B's) for the manager, Ánh only for A."""
        domain = [*self.test_domain, ("state_id", "=", self.hanoi.id)]
        __, sheet = self.export(self.manager, "customers", domain)
        self.assertEqual([row[0] for row in self.rows(sheet)], ["Lê Hoàng Yến", "Nguyễn Thị Ánh"])
        __, sheet = self.export(self.user_a, "customers", domain)
        self.assertEqual([row[0] for row in self.rows(sheet)], ["Nguyễn Thị Ánh"])

    def test_selected_ids_cannot_leak(self):
        """Ids of B's customer passed by A are dropped by the record rules."""
        count, sheet = self.export(
            self.user_a, "customers", record_ids=[self.customer_a1.id, self.customer_b1.id], domain=[("id", "<", 0)]
        )
        self.assertEqual(count, 1)
        self.assertEqual(self.rows(sheet)[0][0], "Nguyễn Thị Ánh")

    def test_from_customer_analytics(self):
        """The analytics list exports the same columns, most revenue first."""
        domain = [("partner_id.email", "=like", "%@xlsx-test.vn")]
        count, sheet = self.export(self.user_a, "customer_analytics", domain)
        self.assertEqual(count, 2)
        self.assertEqual([cell.value for cell in sheet[1]], CUSTOMER_HEADER)
        self.assertEqual(
            [(row[0], row[17]) for row in self.rows(sheet)], [("Nguyễn Thị Ánh", 2000000), ("Trần Văn Đức", 500000)]
        )
        count, __ = self.export(self.manager, "customer_analytics", domain)
        self.assertEqual(count, 3)

    def test_analytics_export_follows_a_hand_over_at_once(self):
        """Handed over to B, A's customer leaves A's analytics export before the next refresh, and reaches B's."""
        domain = [("partner_id.email", "=like", "%@xlsx-test.vn")]
        self.customer_a1.with_user(self.manager).user_id = self.user_b
        count, sheet = self.export(self.user_a, "customer_analytics", domain)
        self.assertEqual((count, [row[0] for row in self.rows(sheet)]), (1, ["Trần Văn Đức"]))
        count, sheet = self.export(self.user_b, "customer_analytics", domain)
        self.assertEqual([row[0] for row in self.rows(sheet)], ["Lê Hoàng Yến", "Nguyễn Thị Ánh"])

    def test_customer_of_two_companies_and_without_analytics(self):
        """A customer shared by two companies comes with the analytics of the company the user works in (either
        way round); a customer without analytics has empty KPI cells, not "No" under Churned."""
        other = self.env["res.company"].create(
            {"name": "Công ty CP Nước Sạch Miền Nam", "currency_id": self.env.ref("base.VND").id}
        )
        Partner = self.env["res.partner"].with_context(tracking_disable=True)
        shared = Partner.create({"name": "Hồ Thị Chung", "email": "chung@xlsx-test.vn", "lifecycle_stage": "customer"})
        product = self.env["product.product"].create({"name": "Lõi lọc thay thế", "taxes_id": [Command.clear()]})
        for company, amount in ((self.company, 1000000), (other, 4000000)):
            order = (
                self.env["sale.order"]
                .with_company(company)
                .create(
                    {
                        "partner_id": shared.id,
                        "company_id": company.id,
                        "order_line": [
                            Command.create({"product_id": product.id, "price_unit": amount, "tax_id": False})
                        ],
                    }
                )
            )
            order.action_confirm()
        self.env["crm.vn.analytics.snapshot"]._cron_refresh_analytics()
        # a customer recorded since the last refresh of the analytics (every 10 minutes): none yet
        Partner.create(
            {
                "name": "Mạc Văn Khánh",
                "email": "khanh@xlsx-test.vn",
                "company_id": self.company.id,
                "lifecycle_stage": "prospect",
            }
        )
        both = new_test_user(
            self.env,
            "xlsx_two_companies",
            groups="sales_team.group_sale_manager",
            company_id=other.id,
            company_ids=[Command.set((self.company | other).ids)],
            tz="Asia/Ho_Chi_Minh",
            lang="en_US",
        )
        revenue, churned = CUSTOMER_HEADER.index("Revenue"), CUSTOMER_HEADER.index("Churned")
        domain = [("email", "in", ["chung@xlsx-test.vn", "khanh@xlsx-test.vn"])]
        for current, expected in ((other, 4000000), (self.company, 1000000)):
            companies = (current | self.company | other).ids  # the current company first
            export = (
                self.env["crm.vn.xlsx.export"]
                .with_user(both)
                .with_context(allowed_company_ids=companies)
                .create({"kind": "customers", "domain": repr(domain)})
            )
            with tempfile.TemporaryDirectory() as tmpdir:
                path = os.path.join(tmpdir, "export.xlsx")
                self.assertEqual(export._generate_xlsx(path), 2)
                rows = {row[0]: row for row in self.rows(openpyxl.load_workbook(path).active)}
            self.assertEqual(rows["Hồ Thị Chung"][revenue], expected, current.name)
            self.assertEqual(rows["Hồ Thị Chung"][churned], "No")
            first_kpi = CUSTOMER_HEADER.index("First Purchase")
            self.assertEqual(rows["Mạc Văn Khánh"][first_kpi:], [None] * (len(CUSTOMER_HEADER) - first_kpi))

    def test_batches(self):
        """Rows read one record at a time come out identical, in the same order (customers and analytics)."""
        analytics = [("partner_id.email", "=like", "%@xlsx-test.vn")]
        for kind, domain in (("customers", self.test_domain), ("customer_analytics", analytics)):
            __, sheet = self.export(self.manager, kind, domain)
            with patch.object(crm_vn_xlsx_export, "BATCH_SIZE", 1):
                count, batched = self.export(self.manager, kind, domain)
            self.assertEqual(count, 3, kind)
            self.assertEqual(self.rows(batched), self.rows(sheet), kind)

    def test_rows_read_in_sql_are_those_of_read(self):
        """The rows the export reads in SQL are what ``read()`` gives the same user (NULL as None where read()
        gives False), record rules included: customers in their list order, their analytics looked up by
        customer, the feedback log; the names of the linked records as ``read()`` shows them."""
        self.maxDiff = None

        def as_read(rows):
            return sorted(
                ({fname: False if value is None else value for fname, value in row.items()} for row in rows),
                key=lambda row: row["id"],
            )

        customers = [self.customer_b1.id, self.customer_a2.id, self.customer_a1.id]
        for user in (self.user_a, self.manager):
            export = self.env["crm.vn.xlsx.export"].with_user(user).create({"kind": "customers"})
            env = export.env
            Partner, Report, Feedback = env["res.partner"], env["crm.vn.customer.report"], env["crm.vn.feedback"]
            visible = Partner.search([("id", "in", customers)])
            self.assertEqual(len(visible), 2 if user == self.user_a else 3)
            fnames = [column[0] for column in export._xlsx_columns(Partner, crm_vn_xlsx_export.PARTNER_FIELDS)]
            names, read_names = {}, {}
            streamed = [
                row for batch in export._xlsx_stream(Partner, [("id", "in", customers)], fnames, names) for row in batch
            ]
            self.assertEqual([row["id"] for row in streamed], visible.ids, "in the list's order")
            self.assertEqual(as_read(streamed), as_read(export._xlsx_read(visible, fnames, read_names)), user.login)
            self.assertEqual(
                as_read(export._xlsx_fetch(Partner, customers, fnames, names)), as_read(streamed), user.login
            )
            self.assertEqual(names, read_names)
            self.assertEqual(names["res.users"][self.user_a.id], "Phạm Minh An")

            kpi_fnames = [*crm_vn_xlsx_export.ANALYTICS_FIELDS, "partner_id", "currency_id"]
            reports = Report.search([("partner_id", "in", customers)])
            self.assertEqual(len(reports), len(visible))
            fetched = export._xlsx_fetch(Report, customers, kpi_fnames, {}, key="partner_id")
            self.assertEqual(as_read(fetched), as_read(export._xlsx_read(reports, kpi_fnames, {})), user.login)

            feedback = Feedback.search([])
            self.assertTrue(feedback)
            feedback_fnames = [fname for fname in crm_vn_xlsx_export.FEEDBACK_FIELDS if fname in Feedback._fields]
            streamed = [
                row
                for batch in export._xlsx_stream(Feedback, [("id", "in", self.feedback_a1.ids)], feedback_fnames, {})
                for row in batch
            ]
            self.assertEqual(
                as_read(streamed),
                as_read(export._xlsx_read(feedback & self.feedback_a1, feedback_fnames, {})),
                user.login,
            )

    def test_restricted_fields_left_out(self):
        """Fields of accounting groups are not columns for a salesperson."""
        export = self.env["crm.vn.xlsx.export"].with_user(self.user_a).create({"kind": "customers"})
        columns = export._xlsx_columns(export.env["res.partner"], ["name", "credit", "email"])
        self.assertEqual([column[0] for column in columns], ["name", "email"])

    def test_filename(self):
        export = self.env["crm.vn.xlsx.export"].with_user(self.user_a).create({"kind": "customers"})
        with freeze_time("2026-11-24 18:30:00"):  # 01:30 on the 25th in Hà Nội
            self.assertEqual(export._xlsx_filename(), "customers-2026-11-25.xlsx")


@tagged("post_install", "-at_install", "crm_vn_reports")
class TestXlsxFeedbackAndPerformance(XlsxExportCase):
    def test_feedback_log(self):
        count, sheet = self.export(self.user_a, "feedback")
        self.assertEqual(count, 1)
        self.assertEqual(sheet.title, "Customer Feedback")
        header = [cell.value for cell in sheet[1]]
        self.assertEqual(
            header,
            [
                "Reference",
                "Received On",
                "Customer",
                "Channel",
                "Type",
                "Category",
                "Priority",
                "Subject",
                "Assigned To",
                "Sales Team",
                "Stage",
                "First Response Due",
                "Resolution Due",
                "SLA Result",
                "Escalation Level",
                "Acknowledged On",
                "Resolved On",
                "Response Time (h)",
                "Resolution Time (h)",
                "Rating",
                "Rating Comment",
            ],
        )
        self.assertEqual(sheet.freeze_panes, "A2")
        self.assertEqual(sheet.auto_filter.ref, "A1:U2")
        row = dict(zip(header, self.rows(sheet)[0], strict=True))
        self.assertEqual(row["Reference"], self.feedback_a1.reference)
        expected = {
            "Received On": datetime(2025, 3, 21, 9, 0),  # 02:00 UTC
            "Customer": "Nguyễn Thị Ánh",
            "Channel": "Zalo",
            "Type": "Complaint",
            "Category": "Chất lượng sản phẩm",
            "Priority": "High",
            "Subject": "Máy lọc nước bị rò rỉ",
            "Assigned To": "Phạm Minh An",
            "Sales Team": "Chi nhánh Hà Nội",
            "Stage": "Resolved",
            "SLA Result": "Met",
            "Escalation Level": 0,
            "Acknowledged On": datetime(2025, 3, 21, 10, 30),
            "Resolved On": datetime(2025, 3, 21, 15, 0),
            "Response Time (h)": 1.5,
            "Resolution Time (h)": 6,
            "Rating": 5,
            "Rating Comment": "Rất hài lòng, nhân viên xử lý nhanh",
        }
        self.assertEqual({key: row[key] for key in expected}, expected)
        self.assertIsInstance(row["First Response Due"], datetime)
        self.assertIsInstance(row["Resolution Due"], datetime)
        self.assertEqual(sheet["B2"].number_format, "mm/dd/yyyy hh:mm:ss")
        self.assertEqual(sheet["R2"].number_format, "#,##0.0")
        count, sheet = self.export(self.manager, "feedback", [("company_id", "=", self.company.id)])
        self.assertEqual(count, 2)
        self.assertEqual({row[2] for row in self.rows(sheet)}, {"Nguyễn Thị Ánh", "Lê Hoàng Yến"})

    def test_performance_of_salesperson(self):
        """A's months: new customer in January, orders and feedback in March, a new customer's
        order in April, two customers owned this month; nothing of B."""
        count, sheet = self.export(self.user_a, "performance")
        self.assertEqual(sheet.title, "Salesperson Performance")
        self.assertEqual(
            [cell.value for cell in sheet[1]],
            [
                "Salesperson",
                "Month",
                "Revenue",
                "Orders",
                "New Customers",
                "Customers Owned",
                "Repeat Order Rate (%)",
                "Feedback Resolved",
                "SLA Compliance (%)",
                "Average Rating",
            ],
        )
        this_month = vn_today(self.env).replace(day=1)
        self.assertEqual(count, 4)
        self.assertEqual(
            self.rows(sheet),
            [
                ["Phạm Minh An", datetime(2025, 1, 1), 0, 0, 1, 0, None, 0, None, None],
                ["Phạm Minh An", datetime(2025, 3, 1), 2000000, 2, 0, 0, 0.5, 1, 1, 5],
                ["Phạm Minh An", datetime(2025, 4, 1), 500000, 1, 1, 0, 0, 0, None, None],
                ["Phạm Minh An", datetime(this_month.year, this_month.month, 1), 0, 0, 0, 2, None, 0, None, None],
            ],
        )
        self.assertEqual(sheet.auto_filter.ref, "A1:J5")
        self.assertEqual(sheet["C3"].number_format, VND)
        self.assertEqual(sheet["G3"].number_format, "0.0%")
        self.assertEqual(sheet["B3"].number_format, "mm/yyyy")
        count, sheet = self.export(self.manager, "performance")
        self.assertEqual(count, 6)
        self.assertEqual(sheet["C2"].number_format, VND)
        self.assertEqual(sheet["B2"].number_format, "mm/yyyy")
        self.assertEqual(
            [row[:3] for row in self.rows(sheet) if row[0] == "Đỗ Thu Bình"],
            [
                ["Đỗ Thu Bình", datetime(2025, 2, 1), 3000000],
                ["Đỗ Thu Bình", datetime(this_month.year, this_month.month, 1), 0],
            ],
        )

    def test_vietnamese_reader(self):
        """A salesperson reading Vietnamese gets the sheet in Vietnamese: its name, the titles and labels, dates as
        dd/mm/yyyy and times with the language's format, still real dates and numbers, and only her customers."""
        self.env["res.lang"]._activate_lang("vi_VN")
        self.user_a.lang = "vi_VN"
        count, sheet = self.export(self.user_a, "customers", self.test_domain)
        self.assertEqual(count, 2)
        self.assertEqual(sheet.title, "Khách hàng")
        self.assertEqual(sheet[1][CUSTOMER_HEADER.index("Province")].value, "Tỉnh/Thành phố")
        self.assertEqual(sheet.freeze_panes, "A2")
        self.assertEqual(sheet.auto_filter.ref, "A1:Y3")
        rows = self.rows(sheet)
        self.assertEqual([row[0] for row in rows], ["Nguyễn Thị Ánh", "Trần Văn Đức"])
        birthdate, revenue = CUSTOMER_HEADER.index("Birthdate"), CUSTOMER_HEADER.index("Revenue")
        churned = CUSTOMER_HEADER.index("Churned")
        self.assertEqual(
            (rows[0][birthdate], rows[0][revenue], rows[0][churned]), (datetime(1990, 5, 17), 2000000, "Có")
        )
        self.assertEqual(sheet["K2"].number_format, "dd/mm/yyyy")
        self.assertTrue(sheet["K2"].is_date)
        self.assertEqual((sheet["R2"].data_type, sheet["R2"].number_format), ("n", VND))

        count, sheet = self.export(self.user_a, "feedback")
        self.assertEqual((count, sheet.title), (1, "Phản ánh của khách hàng"))
        self.assertEqual(sheet["B2"].value, datetime(2025, 3, 21, 9, 0))
        self.assertEqual(sheet["B2"].number_format, "dd/mm/yyyy hh:mm:ss")
        count, sheet = self.export(self.user_a, "performance")
        self.assertEqual((count, sheet.title), (4, "Hiệu suất chuyên viên sales"))
        self.assertEqual(sheet["B2"].number_format, "mm/yyyy")


@tagged("post_install", "-at_install", "crm_vn_reports")
class TestXlsxListAction(XlsxExportCase):
    def test_selected_records(self):
        Export = self.env["crm.vn.xlsx.export"].with_user(self.user_a)
        action = Export.with_context(
            active_model="res.partner",
            active_ids=[self.customer_a1.id],
            active_domain=self.test_domain,
        ).action_export_from_list("customers")
        export = Export.search([], order="id desc", limit=1)
        self.assertEqual(action["type"], "ir.actions.act_url")
        self.assertEqual(action["url"], f"/crm_vn_reports/xlsx/{export.id}")
        self.assertEqual(export.record_ids, [self.customer_a1.id])
        self.assertEqual(export.res_model, "res.partner")

    def test_select_all_exports_the_domain(self):
        """The web client stops at web.active_ids_limit ids: reaching it means "all matching"."""
        self.env["ir.config_parameter"].set_param("web.active_ids_limit", "2")
        Export = self.env["crm.vn.xlsx.export"].with_user(self.manager)
        Export.with_context(
            active_model="res.partner",
            active_ids=[self.customer_a1.id, self.customer_a2.id],
            active_domain=self.test_domain,
        ).action_export_from_list("customers")
        export = Export.search([], order="id desc", limit=1)
        self.assertFalse(export.record_ids)
        self.assertEqual(export._xlsx_domain(), self.test_domain)
        with tempfile.TemporaryDirectory() as tmpdir:
            self.assertEqual(export._generate_xlsx(os.path.join(tmpdir, "all.xlsx")), 3)

    def test_wrong_list_refused(self):
        Export = self.env["crm.vn.xlsx.export"].with_user(self.user_a)
        with self.assertRaises(UserError):
            Export.with_context(active_model="res.partner", active_ids=[1]).action_export_from_list("feedback")
        with self.assertRaises(UserError):
            Export.action_export_from_list("invoices")

    def test_exports_are_private(self):
        export = self.env["crm.vn.xlsx.export"].with_user(self.user_a).create({"kind": "customers"})
        self.assertFalse(self.env["crm.vn.xlsx.export"].with_user(self.user_b).search([("id", "=", export.id)]))
        with self.assertRaises(AccessError):
            export.with_user(self.user_b).read(["kind"])


@tagged("post_install", "-at_install", "crm_vn_reports")
class TestXlsxDownload(HttpCase, XlsxExportCase):
    def test_download_route(self):
        export = (
            self.env["crm.vn.xlsx.export"]
            .with_user(self.user_a)
            .create({"kind": "customers", "domain": repr(self.test_domain)})
        )
        self.authenticate("xlsx_sale_a", "xlsx_sale_a")
        response = self.url_open(f"/crm_vn_reports/xlsx/{export.id}")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            response.headers["Content-Type"], "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
        self.assertIn("attachment", response.headers["Content-Disposition"])
        today_in_hanoi = datetime.now(pytz.timezone("Asia/Ho_Chi_Minh")).date()
        self.assertIn(f"customers-{today_in_hanoi.isoformat()}.xlsx", response.headers["Content-Disposition"])
        sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
        self.assertEqual([row[0] for row in self.rows(sheet)], ["Nguyễn Thị Ánh", "Trần Văn Đức"])

        self.authenticate("xlsx_sale_b", "xlsx_sale_b")
        response = self.url_open(f"/crm_vn_reports/xlsx/{export.id}")
        self.assertEqual(response.status_code, 404)


@tagged("post_install", "-at_install", "crm_vn_reports")
class TestXlsxFormat(BaseCase):
    def test_currency_format(self):
        for args, expected in (
            (("₫", 0, "after"), '#,##0 "₫"'),
            (("$", 2, "before"), '"$"#,##0.00'),
            (("€", 2, "after"), '#,##0.00 "€"'),
            (("", 0, "after"), "#,##0"),
        ):
            with self.subTest(args=args):
                self.assertEqual(xlsx_format.currency_format(*args), expected)

    def test_excel_date_format(self):
        for pattern, expected in (
            ("%d/%m/%Y", "dd/mm/yyyy"),
            ("%m/%d/%Y %H:%M:%S", "mm/dd/yyyy hh:mm:ss"),
            ("%d.%m.%y %I:%M %p", "dd.mm.yy hh:mm AM/PM"),
            ("ngày %d", "\\n\\g\\à\\y dd"),
            ("", "yyyy-mm-dd"),
        ):
            with self.subTest(pattern=pattern):
                self.assertEqual(xlsx_format.excel_date_format(pattern), expected)

    def test_slugify_filename(self):
        for title, expected in (
            ("Khách hàng", "khach-hang"),
            ("Đánh giá & Phản hồi", "danh-gia-phan-hoi"),
            ("Salesperson Performance", "salesperson-performance"),
            ("***", "export"),
        ):
            with self.subTest(title=title):
                self.assertEqual(xlsx_format.slugify_filename(title), expected)

    def test_sheet_title(self):
        self.assertEqual(xlsx_format.sheet_title("Doanh số [2026/11]"), "Doanh số  2026 11")
        self.assertEqual(len(xlsx_format.sheet_title("x" * 40)), 31)
