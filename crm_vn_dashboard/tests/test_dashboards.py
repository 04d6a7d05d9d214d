"""The dashboards as installed: every data source reads fields that exist, and each reader sees only what the record
rules let them read, whatever they do with the dashboard's filters."""

import json
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged

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
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._order(cls.p1, 100.0, days_ago=5)  # seller A, this period
        cls._order(cls.p2, 50.0, days_ago=40)  # seller A, the period before
        cls._order(cls.p4, 1000.0, days_ago=3)  # seller B, this period
        cls.my_customers = cls.env.ref(MY_CUSTOMERS)
        cls.sales_teams = cls.env.ref(SALES_TEAMS)

    def _domain(self, dashboard, source, user, filter_values):
        """The domain the spreadsheet sends for ``source``: its own, then each global filter's through the field
        matching (the period filter as 'the last 30 days' the way spreadsheet's getRelativeDateDomain does it)."""
        _name, _model, domain, _measures, _groupbys, matching = source
        domain = list(domain)
        filters = global_filters(dashboard)
        for filter_id, match in matching.items():
            if not match.get("chain"):
                continue
            spec = filters[filter_id]
            value = filter_values.get(filter_id, spec["defaultValue"])
            if spec["type"] == "date":
                self.assertEqual(value, "last_month")
                end = self.today + timedelta(days=30 * match.get("offset", 0))
                start = end - timedelta(days=29)
                domain += [(match["chain"], ">=", fields.Date.to_string(start))]
                domain += [(match["chain"], "<=", fields.Date.to_string(end))]
            elif spec["type"] == "relation" and value:
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
        this_month = self._read(self.my_customers, "My month", self.seller_a)
        self.assertEqual(this_month[0]["revenue"], 100.0)
        self.assertEqual(self._read(self.my_customers, "Last month", self.seller_a)[0]["revenue"], 50.0)
        # The salesperson clears the Salesperson filter, or sets it to a colleague: still only what is theirs.
        cleared = self._read(self.my_customers, "My month", self.seller_a, **{seller_filter: []})
        self.assertEqual(cleared[0]["revenue"], 100.0)
        colleague = self._read(self.my_customers, "My month", self.seller_a, **{seller_filter: [self.seller_b.id]})
        self.assertFalse(colleague[0]["revenue"])
        # The manager sees the whole company once the filter is cleared.
        everyone = self._read(self.my_customers, "My month", self.manager, **{seller_filter: []})
        self.assertEqual(everyone[0]["revenue"], 1100.0)

    def test_customers_by_stage_are_the_readers_own(self):
        self.p1.lifecycle_stage = "vip"
        (self.p2 | self.p3 | self.p4).lifecycle_stage = "customer"
        groups = self._read(self.my_customers, "My customers by stage", self.seller_a)
        self.assertEqual({g["lifecycle_stage"]: g["__count"] for g in groups}, {"vip": 1, "customer": 2})

    def test_sales_teams_row_per_salesperson(self):
        groups = self._read(self.sales_teams, "Per salesperson", self.manager)
        self.assertEqual(
            {g["user_id"][0]: g["revenue"] for g in groups}, {self.seller_a.id: 100.0, self.seller_b.id: 1000.0}
        )
        # a salesperson who opened it anyway (the dashboard is not theirs) would read only their own row
        groups = self._read(self.sales_teams, "Per salesperson", self.seller_a)
        self.assertEqual({g["user_id"][0]: g["revenue"] for g in groups}, {self.seller_a.id: 100.0})

    def test_who_sees_which_dashboard(self):
        Dashboard = self.env["spreadsheet.dashboard"]
        ours = self.my_customers | self.sales_teams
        self.assertEqual(Dashboard.with_user(self.seller_a).search([("id", "in", ours.ids)]), self.my_customers)
        self.assertEqual(Dashboard.with_user(self.manager).search([("id", "in", ours.ids)]), ours)
        with self.assertRaises(AccessError):
            self.sales_teams.with_user(self.seller_a).read(["name", "spreadsheet_binary_data"])
        employee = new_test_user(self.env, "dash_employee", groups="base.group_user", company_id=self.company.id)
        self.assertFalse(Dashboard.with_user(employee).search([("id", "in", ours.ids)]))


@tagged("post_install", "-at_install", "crm_vn_dashboard")
class TestDashboardMobileTour(HttpCase):
    browser_size = "375x667"
    touch_enabled = True

    def test_open_my_dashboard_on_a_phone(self):
        self.env["res.lang"]._activate_lang("vi_VN")
        new_test_user(self.env, "vn_dash_tour", groups="sales_team.group_sale_salesman", lang="vi_VN")
        self.start_tour("/odoo", "crm_vn_dashboard_mobile_open", login="vn_dash_tour")


@tagged("post_install", "-at_install", "crm_vn_dashboard")
class TestLanding(HttpCase):
    """After login the sales team lands on its dashboard (the web client's home action), not on Discuss."""

    def test_each_role_lands_on_its_dashboard(self):
        seller = new_test_user(self.env, "landing_seller", groups="sales_team.group_sale_salesman")
        manager = new_test_user(self.env, "landing_manager", groups="sales_team.group_sale_manager")
        chosen = new_test_user(self.env, "landing_chosen", groups="sales_team.group_sale_salesman")
        chosen.action_id = self.env["ir.actions.actions"].browse(self.env.ref("crm.crm_lead_action_pipeline").id)
        employee = new_test_user(self.env, "landing_employee", groups="base.group_user")
        expected = {
            seller: self.env.ref("crm_vn_dashboard.action_dashboard_my_customers").id,
            manager: self.env.ref("crm_vn_dashboard.action_dashboard_sales_team").id,
            chosen: self.env["ir.actions.actions"].browse(self.env.ref("crm.crm_lead_action_pipeline").id).id,
            employee: False,
        }
        for user, action_id in expected.items():
            with self.subTest(user=user.login):
                self.authenticate(user.login, user.login)
                info = self.make_jsonrpc_request("/web/session/get_session_info")
                self.assertEqual(info["home_action_id"], action_id)
        # and the manager's home opens the Sales Teams dashboard in the browser, in Vietnamese
        self.env["res.lang"]._activate_lang("vi_VN")
        manager.lang = "vi_VN"
        self.start_tour("/odoo", "crm_vn_dashboard_manager_lands_on_sales_teams", login="landing_manager")
