from datetime import date, datetime, timedelta

from odoo import Command
from odoo.tests import new_test_user, tagged

from .common import CrmVnReportsCommon


@tagged("post_install", "-at_install", "crm_vn_reports")
class TestCustomerAnalytics(CrmVnReportsCommon):
    """Five buyers, one per quintile, with values computed by hand."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for days in (10, 40, 70, 100):
            cls._order(cls.p1, 100, days)  # 4 orders, 400, last 10 days ago
        cls._order(cls.p2, 500, 20)  # 1 order, 500, last 20 days ago
        for days in (200, 250, 300):
            cls._order(cls.p3, 50, days)  # 3 orders, 150, last 200 days ago
        for days in (60, 90):
            cls._order(cls.p4, 1000, days)  # 2 orders, 2,000, last 60 days ago
        cls._order(cls.p5, 30, 400)  # 1 order, 30, last 400 days ago
        # a cancelled order counts for nothing
        cancelled = cls._order(cls.p2, 9999, 1)
        cancelled._action_cancel()
        cls.env.flush_all()
        cls.Report = cls.env["crm.vn.customer.report"]

    def _rows(self, report=None):
        report = self.Report if report is None else report  # an empty model is falsy
        rows = report.search([("company_id", "=", self.company.id)])
        return {row.partner_id: row for row in rows}

    def test_kpis_per_customer(self):
        rows = self._rows()
        self.assertEqual(set(rows), {self.p1, self.p2, self.p3, self.p4, self.p5, self.p6})
        expected = {
            # partner: (orders, revenue, average, days since last, days between, R, F, M, RFM, segment, churned)
            self.p1: (4, 400, 100, 10, 30, 5, 5, 3, "553", "champions", False),
            self.p2: (1, 500, 500, 20, 0, 4, 2, 4, "424", "new", False),
            self.p3: (3, 150, 50, 200, 50, 2, 4, 2, "242", "at_risk", True),
            self.p4: (2, 2000, 1000, 60, 30, 3, 3, 5, "335", "loyal", False),
            self.p5: (1, 30, 30, 400, 0, 1, 1, 1, "111", "lost", True),
        }
        for partner, values in expected.items():
            row = rows[partner]
            with self.subTest(customer=partner.name):
                self.assertEqual(
                    (
                        row.order_count,
                        row.revenue,
                        row.average_order,
                        row.days_since_last_order,
                        row.days_between_orders,
                        row.recency_score,
                        row.frequency_score,
                        row.monetary_score,
                        row.rfm_score,
                        row.segment,
                        row.is_churned,
                    ),
                    values,
                )
        self.assertEqual(rows[self.p1].first_order_date, self.today - timedelta(days=100))
        self.assertEqual(rows[self.p1].last_order_date, self.today - timedelta(days=10))
        self.assertTrue(rows[self.p1].is_repeat)
        self.assertFalse(rows[self.p2].is_repeat)
        self.assertEqual(rows[self.p6].segment, "none", "owned, never bought")
        self.assertEqual(rows[self.p6].order_count, 0)
        self.assertEqual(rows[self.p1].currency_id, self.env.ref("base.VND"))
        self.assertEqual(rows[self.p1].favourite_category_id, self.product.categ_id)

    def test_read_group_by_salesperson_and_segment(self):
        groups = self.Report._read_group(
            [("company_id", "=", self.company.id)],
            ["user_id"],
            ["revenue:sum", "order_count:sum", "customer_count:sum", "repeat_count:sum", "churned_count:sum"],
        )
        self.assertEqual(
            {user: values for user, *values in groups},
            {self.seller_a: [1050, 8, 3, 2, 1], self.seller_b: [2030, 3, 3, 1, 1]},
        )
        segments = dict(
            self.Report._read_group([("company_id", "=", self.company.id)], ["segment"], ["customer_count:sum"])
        )
        self.assertEqual(segments, {"champions": 1, "new": 1, "at_risk": 1, "loyal": 1, "lost": 1, "none": 1})

    def test_one_row_per_company(self):
        """P1 also bought in the main company: a row there, apart from the test company's."""
        other = self.env.ref("base.main_company")
        order = (
            self.env["sale.order"]
            .with_company(other)
            .create(
                {
                    "partner_id": self.p1.id,
                    "company_id": other.id,
                    "order_line": [Command.create({"product_id": self.product.id, "price_unit": 777})],
                }
            )
        )
        order.action_confirm()
        self._refresh_analytics()
        self.env.flush_all()
        rows = self.Report.search([("partner_id", "=", self.p1.id)])
        self.assertEqual(
            {row.company_id: (row.revenue, row.order_count) for row in rows},
            {self.company: (400, 4), other: (777, 1)},
        )
        self.assertEqual(len(set(rows.ids)), 2, "one id per row")
        seen = self.Report.with_user(self.seller_a).search([("partner_id", "=", self.p1.id)])
        self.assertEqual(seen.mapped("revenue"), [400], "a user of the test company sees its row only")
        self.assertEqual(self.p1.with_company(self.company)._crm_vn_analytics().revenue, 400)

    def test_favourite_category_only_for_readable_customers(self):
        self.assertEqual(
            self.p4.with_user(self.seller_b)._crm_vn_favourite_categories(), {self.p4.id: self.product.categ_id}
        )
        self.assertEqual(self.p4.with_user(self.seller_a)._crm_vn_favourite_categories(), {})

    def test_churn_period_of_the_company(self):
        self.company.crm_vn_churn_days = 500
        self.env.flush_all()
        self.assertFalse(any(row.is_churned for row in self._rows().values()))

    def test_salesperson_sees_own_rows(self):
        rows = self._rows(self.Report.with_user(self.seller_a))
        self.assertEqual(set(rows), {self.p1, self.p2, self.p3})
        rows = self._rows(self.Report.with_user(self.seller_b))
        self.assertEqual(set(rows), {self.p4, self.p5, self.p6})
        rows = self._rows(self.Report.with_user(self.leader))
        self.assertEqual(set(rows), {self.p1, self.p2, self.p3}, "the team leader sees the team's customers")
        rows = self._rows(self.Report.with_user(self.manager))
        self.assertEqual(len(rows), 6)
        [(revenue,)] = self.Report.with_user(self.seller_b)._read_group([], aggregates=["revenue:sum"])
        self.assertEqual(revenue, 2030, "read_group sums only the rows one may read")

    def test_hand_over_shows_at_once_without_a_refresh(self):
        """Who reads a customer's row is decided by the customer as it is now, not by the owner copied at the last
        refresh: handed over from seller A to seller B, P1 (4 orders, 400) leaves A's analytics, grouping and cohorts
        and reaches B's at once; the figures themselves stay those of the last refresh."""
        wizard = (
            self.env["crm.vn.customer.handover"]
            .with_user(self.manager)
            .create(
                {
                    "from_user_ids": [Command.set(self.seller_a.ids)],
                    "to_user_ids": [Command.set(self.seller_b.ids)],
                    "partner_ids": [Command.set(self.p1.ids)],
                }
            )
        )
        wizard.action_confirm()
        self.assertEqual(self.p1.user_id, self.seller_b)
        # no refresh here
        self.assertEqual(set(self._rows(self.Report.with_user(self.seller_a))), {self.p2, self.p3})
        rows = self._rows(self.Report.with_user(self.seller_b))
        self.assertEqual(set(rows), {self.p1, self.p4, self.p5, self.p6})
        self.assertEqual((rows[self.p1].order_count, rows[self.p1].revenue), (4, 400))
        by_owner = dict(
            self.Report.with_user(self.manager)._read_group(
                [("company_id", "=", self.company.id)], ["user_id"], ["revenue:sum"]
            )
        )
        self.assertEqual(by_owner, {self.seller_a: 650, self.seller_b: 2430})
        Cohort = self.env["crm.vn.cohort.report"]
        self.assertFalse(Cohort.with_user(self.seller_a).search([("partner_id", "=", self.p1.id)]))
        self.assertEqual(
            len(Cohort.with_user(self.seller_b).search([("partner_id", "=", self.p1.id)])), 4, "one row per month"
        )


@tagged("post_install", "-at_install", "crm_vn_reports")
class TestCohortAnalytics(CrmVnReportsCommon):
    """Fixed dates: January's cohort (P1, P2) and February's (P3)."""

    def test_retention_by_cohort(self):

        self._order(self.p1, 100, date=date(2026, 1, 15))
        self._order(self.p1, 100, date=date(2026, 1, 28))  # same month: one row
        self._order(self.p1, 100, date=date(2026, 2, 10))
        self._order(self.p1, 100, date=date(2026, 4, 5))
        self._order(self.p2, 200, date=date(2026, 1, 20))
        self._order(self.p2, 200, date=date(2026, 3, 1))
        self._order(self.p3, 300, date=date(2026, 2, 5))
        self._order(self.p3, 300, date=date(2026, 3, 10))
        self.env.flush_all()
        self._refresh_analytics()
        groups = self.env["crm.vn.cohort.report"]._read_group(
            [("company_id", "=", self.company.id)],
            ["cohort_month:month", "month_number"],
            ["__count", "retention:sum", "revenue:sum"],
        )
        table = {
            (cohort.strftime("%Y-%m"), number): (count, round(retention, 1), revenue)
            for cohort, number, count, retention, revenue in groups
        }
        self.assertEqual(
            table,
            {
                ("2026-01", 0): (2, 100.0, 400),
                ("2026-01", 1): (1, 50.0, 100),
                ("2026-01", 2): (1, 50.0, 200),
                ("2026-01", 3): (1, 50.0, 100),
                ("2026-02", 0): (1, 100.0, 300),
                ("2026-02", 1): (1, 100.0, 300),
            },
        )
        # The pivot's totals: a cohort's own rate (January: P1 and P2 both bought again; February: P3 did), the
        # total of a month over two cohorts and the grand total left empty, never a sum of shares.
        Cohort = self.env["crm.vn.cohort.report"]
        domain = [("company_id", "=", self.company.id)]
        by_cohort = Cohort._read_group(domain, ["cohort_month:month"], ["retention:sum"])
        self.assertEqual(
            [(cohort.strftime("%Y-%m"), rate) for cohort, rate in by_cohort], [("2026-01", 100.0), ("2026-02", 100.0)]
        )
        self._order(self.p4, 400, date=date(2026, 1, 9))
        self.assertEqual(len(Cohort.search(domain)), 7, "the figures of the last refresh until the next one")
        self._refresh_analytics()
        by_cohort = dict(Cohort._read_group(domain, ["cohort_month:month"], ["retention:sum"]))
        self.assertAlmostEqual(by_cohort[date(2026, 1, 1)], 200 / 3, places=3)
        self.assertEqual(Cohort._read_group(domain, ["month_number"], ["retention:sum"])[0], (0, False))
        self.assertEqual(Cohort._read_group(domain, [], ["retention:sum", "__count"]), [(False, 8)])


@tagged("post_install", "-at_install", "crm_vn_reports")
class TestSalespersonPerformance(CrmVnReportsCommon):
    def test_only_salespeople_are_listed(self):
        """Orders nobody sold, or recorded by a user outside Sales (an accountant, OdooBot), are nobody's
        performance: no row for them beside the staff."""
        accountant = new_test_user(
            self.env, "rep_accountant", groups="base.group_user", name="Kế Toán", company_id=self.company.id,
            company_ids=[Command.set(self.company.ids)],
        )  # fmt: skip
        self._order(self.p1, 100, 5)
        self._order(self.p2, 200, 5).user_id = False
        self._order(self.p3, 300, 5).user_id = accountant
        self.env.flush_all()
        Performance = self.env["crm.vn.salesperson.report"]
        users = [user for (user,) in Performance._read_group([("company_id", "=", self.company.id)], ["user_id"])]
        self.assertEqual(set(users), {self.seller_a, self.seller_b})

    def test_figures_per_salesperson(self):
        for days in (10, 40, 70, 100):
            self._order(self.p1, 100, days)
        self._order(self.p2, 500, 20)
        for days in (200, 250, 300):
            self._order(self.p3, 50, days)
        self._order(self.p4, 1000, 60)
        self.env.flush_all()
        self._refresh_analytics()
        Performance = self.env["crm.vn.salesperson.report"]
        measures = [
            "revenue:sum",
            "order_count:sum",
            "repeat_rate:avg",
            "owned_customer_count:sum",
            "new_customer_count:sum",
        ]
        groups = Performance._read_group([("company_id", "=", self.company.id)], ["user_id"], measures)
        figures = {user: values for user, *values in groups}
        # Lan: 8 orders, 5 of them from customers who had bought before (3 of P1, 2 of P3)
        self.assertEqual(figures[self.seller_a], [1050, 8, 62.5, 3, 3])
        self.assertEqual(figures[self.seller_b], [1000, 1, 0.0, 3, 3])

    def test_revenue_month_by_month(self):
        """Revenue counts in the month of each order, salesperson by salesperson: Lan 300 in March (two orders, the
        last on the 31st) and 400 in April (the 1st), Tuấn 1,000 in March."""
        self._order(self.p1, 100, date=date(2026, 3, 5))
        self._order(self.p2, 200, date=date(2026, 3, 31))
        self._order(self.p1, 400, date=date(2026, 4, 1))
        self._order(self.p4, 1000, date=date(2026, 3, 20))
        self.env.flush_all()
        self._refresh_analytics()
        groups = self.env["crm.vn.salesperson.report"]._read_group(
            [("company_id", "=", self.company.id), ("kind", "=", "order")], ["user_id", "date:month"], ["revenue:sum"]
        )
        self.assertEqual(
            {(user, month.strftime("%Y-%m")): revenue for user, month, revenue in groups},
            {(self.seller_a, "2026-03"): 300, (self.seller_a, "2026-04"): 400, (self.seller_b, "2026-03"): 1000},
        )

    def test_salesperson_compares_own_figures(self):
        self._order(self.p1, 100, 5)
        self._order(self.p4, 1000, 5)
        self.env.flush_all()
        users = {row.user_id for row in self.env["crm.vn.salesperson.report"].with_user(self.seller_b).search([])}
        self.assertEqual(users, {self.seller_b})
        users = {
            row.user_id
            for row in self.env["crm.vn.salesperson.report"]
            .with_user(self.leader)
            .search([("company_id", "=", self.company.id)])
        }
        self.assertEqual(users, {self.seller_a}, "the leader sees the team members")


@tagged("post_install", "-at_install", "crm_vn_reports")
class TestVietnameseDays(CrmVnReportsCommon):
    """Days and months are Vietnamese ones: 1 April 06:00 in Hà Nội is 31 March 23:00 UTC."""

    def test_month_edge_in_vietnam_time(self):
        first = self._order(self.p1, 100, 1)
        first.date_order = datetime(2026, 3, 31, 23, 0)  # 1 April, 06:00 in Vietnam
        second = self._order(self.p1, 100, 1)
        second.date_order = datetime(2026, 4, 30, 16, 59)  # 30 April, 23:59 in Vietnam
        self.env.flush_all()
        self._refresh_analytics()
        cohorts = self.env["crm.vn.cohort.report"].search([("partner_id", "=", self.p1.id)])
        self.assertEqual(
            [(row.cohort_month, row.order_month) for row in cohorts], [(date(2026, 4, 1), date(2026, 4, 1))]
        )
        events = self.env["crm.vn.salesperson.report"].search(
            [("partner_id", "=", self.p1.id), ("order_count", "=", 1)], order="date"
        )
        self.assertEqual(events.mapped("date"), [date(2026, 4, 1), date(2026, 4, 30)])
        row = self.env["crm.vn.customer.report"].search(
            [("partner_id", "=", self.p1.id), ("company_id", "=", self.company.id)]
        )
        self.assertEqual((row.first_order_date, row.last_order_date), (date(2026, 4, 1), date(2026, 4, 30)))
