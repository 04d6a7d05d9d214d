"""The dashboards as installed: every data source reads fields that exist, each reader sees only what the record
rules let them read, whatever they do with the dashboard's filters, and the figures drawn in the browser are the
right ones."""

import json
from datetime import timedelta

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged, users

from odoo.addons.crm_vn_base.tests.common import slow
from odoo.addons.crm_vn_reports.tests.common import CrmVnReportsCommon

MY_CUSTOMERS = "crm_vn_dashboard.spreadsheet_dashboard_my_customers"
SALES_TEAMS = "crm_vn_dashboard.spreadsheet_dashboard_sales_team"


def data_sources(dashboard):
    """(name, model, domain, measures, groupbys, field matching) of every pivot and chart of the spreadsheet."""
    data = json.loads(dashboard.spreadsheet_data)
    for pivot in data["pivots"].values():
        measures = [measure["fieldName"] for measure in pivot["measures"]]
        rows = [row["fieldName"] for row in pivot["rows"]]
        yield pivot["name"], pivot["model"], pivot["domain"], measures, rows, pivot["fieldMatching"]
    for sheet in data["sheets"]:
        for figure in sheet["figures"]:
            chart = figure["data"]
            if chart["type"].startswith("odoo_"):
                meta = chart["metaData"]
                domain = chart["searchParams"]["domain"]
                yield (
                    chart["title"]["text"],
                    meta["resModel"],
                    domain,
                    [meta["measure"]],
                    meta["groupBy"],
                    (chart["fieldMatching"]),
                )


def global_filters(dashboard):
    return {f["id"]: f for f in json.loads(dashboard.spreadsheet_data)["globalFilters"]}


@tagged("post_install", "-at_install", "crm_vn_dashboard")
class TestDashboards(CrmVnReportsCommon):
    """The data sources read as a reader whose filters say anything: the salesperson and team filters set by hand,
    the period left out (every order counts here; the period is the browser's, see TestDashboardFigures)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._order(cls.p1, 100.0, days_ago=5)  # seller A
        cls._order(cls.p2, 50.0, days_ago=40)  # seller A
        cls._order(cls.p4, 1000.0, days_ago=3)  # seller B
        cls.my_customers = cls.env.ref(MY_CUSTOMERS)
        cls.sales_teams = cls.env.ref(SALES_TEAMS)

    def _domain(self, dashboard, source, user, filter_values):
        """The domain the spreadsheet sends for ``source``: its own, then each salesperson or team filter's through
        the field matching (its default, or the value given)."""
        _name, _model, domain, _measures, _groupbys, matching = source
        domain = list(domain)
        filters = global_filters(dashboard)
        for filter_id, match in matching.items():
            spec = filters[filter_id]
            value = filter_values.get(filter_id, spec["defaultValue"])
            if match.get("chain") and spec["type"] == "relation" and value:
                ids = [user.id] if value == "current_user" else value
                domain += [(match["chain"], "in", ids)]
        return domain

    def _read(self, dashboard, name, user, **filter_values):
        source = next(source for source in data_sources(dashboard) if source[0] == name)
        _name, model, _domain, measures, groupbys, _matching = source
        specs = [
            f"{measure}:{self.env[model]._fields[measure].aggregator}" for measure in measures if measure != "__count"
        ]
        groups = (
            self.env[model]
            .with_user(user)
            .with_company(self.company)
            .read_group(
                self._domain(dashboard, source, user, filter_values), specs or ["__count"], groupbys, lazy=False
            )
        )
        return groups

    def test_every_source_reads_fields_that_exist(self):
        """A renamed or unstored field would leave a figure empty in the browser, not fail: checked here."""
        for dashboard in self.my_customers | self.sales_teams:
            filters = global_filters(dashboard)
            for source in data_sources(dashboard):
                name, model, _domain, measures, groupbys, matching = source
                with self.subTest(dashboard=dashboard.name, source=name):
                    fields_ = self.env[model]._fields
                    for measure in measures:
                        self.assertTrue(measure == "__count" or fields_[measure].aggregator, measure)
                    for groupby in groupbys:
                        self.assertTrue(fields_[groupby.split(":")[0]].store, groupby)
                    for filter_id, match in matching.items():
                        self.assertIn(filter_id, filters)
                        if match.get("chain"):
                            field = fields_[match["chain"]]
                            expected = {"date": ("date", "datetime"), "relation": ("many2one",)}
                            self.assertIn(field.type, expected[filters[filter_id]["type"]], match["chain"])
                            if filters[filter_id]["type"] == "relation":
                                self.assertEqual(field.comodel_name, filters[filter_id]["modelName"])
                    # and the manager's read works
                    self._read(dashboard, name, self.manager)

    def test_a_salesperson_sees_own_figures_whatever_the_filters(self):
        salesperson = global_filters(self.my_customers)
        seller_filter = next(f["id"] for f in salesperson.values() if f["type"] == "relation")
        own = self._read(self.my_customers, "My month", self.seller_a)
        self.assertEqual(own[0]["revenue"], 150.0)
        # The salesperson clears the Salesperson filter, or sets it to a colleague: still only what is theirs.
        cleared = self._read(self.my_customers, "My month", self.seller_a, **{seller_filter: []})
        self.assertEqual(cleared[0]["revenue"], 150.0)
        colleague = self._read(self.my_customers, "My month", self.seller_a, **{seller_filter: [self.seller_b.id]})
        self.assertFalse(colleague[0]["revenue"])
        # The manager sees the whole company once the filter is cleared.
        everyone = self._read(self.my_customers, "My month", self.manager, **{seller_filter: []})
        self.assertEqual(everyone[0]["revenue"], 1150.0)

    def test_customers_by_stage_are_the_readers_own(self):
        self.p1.lifecycle_stage = "vip"
        (self.p2 | self.p3 | self.p4).lifecycle_stage = "customer"
        groups = self._read(self.my_customers, "My customers by stage", self.seller_a)
        self.assertEqual({g["lifecycle_stage"]: g["__count"] for g in groups}, {"vip": 1, "customer": 2})

    def test_sales_teams_row_per_salesperson(self):
        groups = self._read(self.sales_teams, "Per salesperson", self.manager)
        self.assertEqual(
            {g["user_id"][0]: g["revenue"] for g in groups}, {self.seller_a.id: 150.0, self.seller_b.id: 1000.0}
        )
        # a salesperson who opened it anyway (the dashboard is not theirs) would read only their own row
        groups = self._read(self.sales_teams, "Per salesperson", self.seller_a)
        self.assertEqual({g["user_id"][0]: g["revenue"] for g in groups}, {self.seller_a.id: 150.0})

    def test_who_sees_which_dashboard(self):
        Dashboard = self.env["spreadsheet.dashboard"]
        ours = self.my_customers | self.sales_teams
        self.assertEqual(Dashboard.with_user(self.seller_a).search([("id", "in", ours.ids)]), self.my_customers)
        self.assertEqual(Dashboard.with_user(self.manager).search([("id", "in", ours.ids)]), ours)
        with self.assertRaises(AccessError):
            self.sales_teams.with_user(self.seller_a).read(["name", "spreadsheet_binary_data"])
        employee = new_test_user(self.env, "dash_employee", groups="base.group_user", company_id=self.company.id)
        self.assertFalse(Dashboard.with_user(employee).search([("id", "in", ours.ids)]))


@slow
@tagged("post_install", "-at_install", "crm_vn_dashboard")
class TestDashboardFigures(CrmVnReportsCommon, HttpCase):
    """The figures drawn on the dashboards in the browser, for a dataset whose figures are written here by hand.

    In the last 30 days (the dashboards' default period): Lan (seller A) sold 1.000.000 to P1, 1.500.000 to P2 and
    2.000.000 to P3, and P2 and P3 became her customers; Tuấn (seller B) sold 1.000.000 to P4 and 1.500.000 to P5,
    who became his customers. In the 30 days before, P1 bought for 3.000.000 and became Lan's customer, P6 Tuấn's.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        (cls.seller_a | cls.seller_b | cls.manager).write({"lang": "vi_VN", "tz": "Asia/Ho_Chi_Minh"})
        for partner, amount, days_ago in (
            (cls.p1, 1_000_000, 5),
            (cls.p1, 3_000_000, 45),
            (cls.p2, 1_500_000, 10),
            (cls.p3, 2_000_000, 20),
            (cls.p4, 1_000_000, 3),
            (cls.p5, 1_500_000, 15),
        ):
            cls._order(partner, amount, days_ago=days_ago)
        for partner, days_ago in ((cls.p1, 45), (cls.p2, 10), (cls.p3, 20), (cls.p4, 3), (cls.p5, 15), (cls.p6, 50)):
            partner.customer_since = cls.today - timedelta(days=days_ago)

    def _figures(self, tour, user):
        """Log in as ``user`` and run ``tour`` on the dashboard they land on: what it read, ``dashboard`` (the name
        shown), ``scorecards`` (source title: [value, comparison]) and ``axes`` (source title: value axis labels)."""
        # the browser's console, as the test's logger receives it
        with self.assertLogs(self._logger.getChild("browser"), "DEBUG") as logs:
            self.start_tour("/odoo", tour, login=user.login)
        [figures] = [
            json.loads(record.getMessage().split(" ", 2)[2])
            for record in logs.records
            if record.getMessage().startswith("crm_vn_dashboard figures ")
        ]
        return figures

    def _name(self, xmlid):
        """The dashboard's name as a Vietnamese reader sees it (the words are the translators')."""
        return self.env.ref(xmlid).with_context(lang="vi_VN").name

    def test_a_salesperson_reads_own_figures_on_a_phone(self):
        """Lan lands on My Customers and sees her revenue (4.500.000, half as much again as the 3.000.000 before) and
        her two new customers (one before); her customers by stage (one VIP, two customers) on a whole-number axis."""
        self.p1.lifecycle_stage = "vip"
        (self.p2 | self.p3).lifecycle_stage = "customer"
        self.browser_size = "375x667"
        self.touch_enabled = True
        figures = self._figures("crm_vn_dashboard_salesperson_figures", self.seller_a)
        self.assertEqual(figures["dashboard"], self._name(MY_CUSTOMERS))
        self.assertEqual(figures["scorecards"]["Revenue"], ["4.500.000₫", "50,0%"])
        self.assertEqual(figures["scorecards"]["New customers"], ["2", "1"])
        self.assertEqual(figures["axes"]["My customers by stage"], ["0", "1", "2"])

    def test_a_manager_reads_the_teams_figures(self):
        """Mai lands on Sales Teams and sees the team's revenue (7.000.000 against 3.000.000 before) and four new
        customers (two before); the revenue per salesperson (4.500.000 and 2.500.000) on a value axis in Vietnamese
        numbers."""
        figures = self._figures("crm_vn_dashboard_manager_figures", self.manager)
        self.assertEqual(figures["dashboard"], self._name(SALES_TEAMS))
        self.assertEqual(figures["scorecards"]["Team revenue"], ["7.000.000₫", "133,3%"])
        self.assertEqual(figures["scorecards"]["New customers"], ["4", "2"])
        self.assertEqual(
            figures["axes"]["Revenue per salesperson"],
            ["0", "500.000", "1.000.000", "1.500.000", "2.000.000", "2.500.000", "3.000.000", "3.500.000", "4.000.000",
             "4.500.000"],
        )  # fmt: skip


@tagged("post_install", "-at_install", "crm_vn_dashboard")
class TestLanding(HttpCase):
    """After login the sales team lands on its dashboard (the web client's home action), not on Discuss."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        new_test_user(cls.env, "landing_seller", groups="sales_team.group_sale_salesman")
        new_test_user(cls.env, "landing_manager", groups="sales_team.group_sale_manager")
        chosen = new_test_user(cls.env, "landing_chosen", groups="sales_team.group_sale_salesman")
        chosen.action_id = cls.env["ir.actions.actions"].browse(cls.env.ref("crm.crm_lead_action_pipeline").id)
        new_test_user(cls.env, "landing_employee", groups="base.group_user")

    @users("landing_seller", "landing_manager", "landing_chosen", "landing_employee")
    def test_each_role_lands_on_its_dashboard(self):
        expected = {
            "landing_seller": self.env.ref("crm_vn_dashboard.action_dashboard_my_customers").id,
            "landing_manager": self.env.ref("crm_vn_dashboard.action_dashboard_sales_team").id,
            "landing_chosen": self.env.ref("crm.crm_lead_action_pipeline").id,
            "landing_employee": False,
        }
        login = self.env.user.login
        self.authenticate(login, login)
        info = self.make_jsonrpc_request("/web/session/get_session_info")
        self.assertEqual(info["home_action_id"], expected[login])
