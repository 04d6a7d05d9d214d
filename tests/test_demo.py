"""Cross-module: the demo a newcomer opens first (the whole suite is installed with demo data here): what it is for,
as the README's "Demo data and logins" tells it, not how many records its XML holds."""

import ast

from odoo.tests import HttpCase, TransactionCase, tagged, users
from odoo.tools.safe_eval import safe_eval

DEMO_CUSTOMERS = [("email", "=like", "%.__@example.vn"), ("lifecycle_stage", "!=", False)]


@tagged("post_install", "-at_install", "crm_vn_demo")
class TestDemo(TransactionCase):
    def test_escalations_go_to_the_demo_staff(self):
        leader = self.env.ref("crm_vn_feedback.crm_vn_feedback_escalation_level_leader")
        manager = self.env.ref("crm_vn_feedback.crm_vn_feedback_escalation_level_manager")
        self.assertEqual(leader.user_id.login, "hung")
        self.assertEqual(manager.user_id.login, "mai")

    def test_some_feedback_past_its_deadline_after_the_escalation_job(self):
        """A manager opening the demo sees feedback past its deadline, even once the escalation job has run (it
        gives escalated feedback a new deadline: only those at the last level stay past due)."""
        Feedback = self.env["crm.vn.feedback"]
        Feedback._cron_escalate()
        breached = Feedback.search([("sla_status", "=", "breached")])
        demo = self.env.ref("crm_vn_feedback.crm_vn_feedback_06_demo") | self.env.ref(
            "crm_vn_feedback.crm_vn_feedback_11_demo"
        )
        self.assertEqual(breached & demo, demo)
        self.assertEqual([feedback.escalated_user_id.login for feedback in demo], ["mai", "mai"])

    def test_demo_customers_live_in_2025_vietnam(self):
        """Every demo customer has a ward of the 2025 list linked in a province that still exists, and reads
        Vietnamese; surnames in about their national shares (Nguyễn about 38 %)."""
        customers = self.env["res.partner"].search(DEMO_CUSTOMERS)
        self.assertTrue(customers)
        for customer in customers:
            with self.subTest(customer=customer.name):
                self.assertTrue(customer.state_id.active, "a province of 2025")
                self.assertEqual(customer.city_id.name, customer.city, "the ward is linked to the official list")
                self.assertEqual(customer.city_id.state_id, customer.state_id)
                self.assertEqual(customer.lang, "vi_VN")
        nguyen = customers.filtered(lambda customer: customer.name.startswith("Nguyễn "))
        self.assertAlmostEqual(len(nguyen) / len(customers), 0.38, delta=0.05)
        self.assertTrue(customers.filtered("phone"), "landlines too")

    def test_a_vietnamese_demo_company(self):
        """The demo staff work in a Vietnamese company, in đồng, on Vietnam's working calendar with its public
        holidays; their customers, orders, feedback and pipeline are that company's."""
        company = self.env.ref("crm_vn_customer.res_company_vn_demo")
        self.assertEqual(
            (
                company.country_id.code,
                company.currency_id.name,
                company.partner_id.lang,
                company.partner_id.city_id.name,
            ),
            ("VN", "VND", "vi_VN", "Phường Cầu Giấy"),
        )
        calendar = company.resource_calendar_id
        self.assertEqual(calendar.tz, "Asia/Ho_Chi_Minh")
        new_year = self.env["resource.calendar.leaves"].search(
            [
                ("company_id", "=", company.id),
                ("calendar_id", "=", False),
                ("date_from", "<=", f"{company.create_date.year + 1}-01-01 00:00:00"),
                ("date_to", ">=", f"{company.create_date.year + 1}-01-01 00:00:00"),
            ]
        )
        self.assertTrue(new_year, "the public holidays of next year are the company's time off")
        orders = self.env["sale.order"].search(
            [("partner_id.email", "=like", "%.__@example.vn"), ("state", "=", "sale")]
        )
        self.assertEqual(orders.company_id, company)
        self.assertEqual(orders.currency_id.name, "VND")
        self.assertGreaterEqual(min(orders.mapped("amount_total")), 300000, "prices in đồng")
        staff = self.env["res.users"].search([("login", "in", ["hung", "lan", "tuan"])])
        self.assertEqual(orders.user_id, staff, "every order has one of the demo salespeople")
        leads = self.env["crm.lead"].search([("company_id", "=", company.id)])
        self.assertEqual(leads.company_currency.name, "VND")
        self.assertTrue(
            self.env["calendar.event"].search([("opportunity_id", "in", leads.ids), ("start", ">=", "now")])
        )

    def test_orders_fill_every_report(self):
        """The orders (over fourteen months) fill the reports month by month and every RFM segment of the customer
        analytics, so that each report and chart of the demo shows something."""
        company = self.env.ref("crm_vn_customer.res_company_vn_demo")
        orders = self.env["sale.order"].search([("company_id", "=", company.id), ("state", "=", "sale")])
        months = {order.date_order.strftime("%Y-%m") for order in orders}
        self.assertGreaterEqual(len(months), 13, "a year and more, month by month")
        self.env["crm.vn.analytics.snapshot"]._cron_refresh_analytics()
        segments = {
            segment
            for (segment,) in self.env["crm.vn.customer.report"]._read_group(
                [("company_id", "=", company.id)], ["segment"]
            )
        }
        self.assertEqual(segments, {"champions", "loyal", "new", "promising", "at_risk", "hibernating", "lost", "none"})

    def test_only_the_demo_staff_in_the_salesperson_report(self):
        """A demo manager's performance report lists the demo salespeople, not Odoo's demo users, OdooBot or
        nobody."""
        mai = self.env["res.users"].search([("login", "=", "mai")])
        rows = self.env["crm.vn.salesperson.report"].with_user(mai).search([])
        self.assertEqual(set(rows.user_id.mapped("login")), {"hung", "lan", "tuan"})
        self.assertTrue(all(rows.mapped("user_id")))

    def test_the_salespersons_customer_list_holds_customers_only(self):
        """A demo salesperson's *Customer Profiles* list: their own and unassigned Vietnamese customers, none of Odoo's
        US demo contacts."""
        lan = self.env["res.users"].search([("login", "=", "lan")])
        action = self.env["ir.actions.act_window"]._for_xml_id("crm_vn_customer.res_partner_action_customer")
        customers = (
            self.env["res.partner"].with_user(lan).with_context(**lan.context_get()).search(safe_eval(action["domain"]))
        )
        self.assertTrue(customers)
        self.assertEqual(set(customers.mapped("country_id.code")), {"VN"})
        self.assertTrue(all(c.user_id.login in (False, "lan") for c in customers))

    def test_customer_sources_offered_are_vietnamese(self):
        """The customer form's source picker offers the sources of a Vietnamese shop, not Odoo's marketing and
        recruitment sources in English ("Search engine", "Newsletter", "Glassdoor"...)."""
        lan = self.env["res.users"].search([("login", "=", "lan")])
        domain = self.env["res.partner"].with_user(lan).fields_get(["source_id"])["source_id"]["domain"]
        offered = self.env["utm.source"].with_user(lan).search(safe_eval(domain) if isinstance(domain, str) else domain)
        names = set(offered.mapped("name"))
        self.assertIn("Khách hàng giới thiệu", names)
        self.assertFalse(names & {"Search engine", "Newsletter", "Lead Recall", "Glassdoor", "Monster", "Craigslist"})
        customers = self.env["res.partner"].search([("email", "=like", "%.__@example.vn"), ("source_id", "!=", False)])
        self.assertLessEqual(customers.source_id, offered)


@tagged("post_install", "-at_install", "crm_vn_demo")
class TestDemoLogins(HttpCase):
    """Each demo login, as the README's table gives it (login = password), logs in and sees what the table says."""

    def _customer_owners(self):
        """The owners (logins, False for none) of the demo customers in the *Customer Profiles* list, read as the web
        client reads it over HTTP."""
        action = self.make_jsonrpc_request(
            "/web/action/load", {"action_id": "crm_vn_customer.res_partner_action_customer"}
        )
        rows = self.make_jsonrpc_request(
            "/web/dataset/call_kw/res.partner/web_search_read",
            {
                "model": "res.partner",
                "method": "web_search_read",
                "args": [],
                "kwargs": {
                    "domain": [*ast.literal_eval(action["domain"]), *DEMO_CUSTOMERS],
                    "specification": {"user_id": {"fields": {"login": {}}}},
                },
            },
        )["records"]
        return {row["user_id"] and row["user_id"]["login"] for row in rows}

    @users("mai", "hung", "lan", "tuan")
    def test_each_demo_login_sees_what_the_readme_says(self):
        login = self.env.user.login
        # whom each one's customer list shows (the README's "sees" column)
        owners = {
            "mai": {False, "hung", "lan", "tuan"},  # every customer
            "hung": {False, "hung", "lan"},  # own, unassigned and Hà Nội team's
            "lan": {False, "lan"},  # own and unassigned
            "tuan": {False, "tuan"},
        }
        home = {
            "mai": "crm_vn_dashboard.action_dashboard_sales_team",
            "hung": "crm_vn_dashboard.action_dashboard_my_customers",
            "lan": "crm_vn_dashboard.action_dashboard_my_customers",
            "tuan": "crm_vn_dashboard.action_dashboard_my_customers",
        }
        self.authenticate(login, login)
        info = self.make_jsonrpc_request("/web/session/get_session_info")
        self.assertEqual(info["home_action_id"], self.env.ref(home[login]).id, "lands on the dashboard")
        self.assertEqual(info["user_context"]["lang"], "vi_VN")
        self.assertEqual(self._customer_owners(), owners[login])
        menus = self.url_open(f"/web/webclient/load_menus/{info['cache_hashes']['load_menus']}").json()
        self.assertEqual(
            "crm_vn_customer.crm_vn_customer_handover_menu" in {menu["xmlid"] for menu in menus.values()},
            login == "mai",
            "the hand-over wizard is the manager's",
        )
        # each one's to-do list and the salespeople's pipeline are filled
        self.assertTrue(self.env["mail.activity"].search([("user_id", "=", self.env.uid)]))
        if login != "mai":
            self.assertTrue(self.env["crm.lead"].search([("user_id", "=", self.env.uid)]))

    @users("mai", "hung", "lan", "tuan")
    def test_the_demo_staff_work_in_the_vietnamese_company(self):
        company = self.env.ref("crm_vn_customer.res_company_vn_demo")
        user = self.env.user
        self.assertEqual(
            (user.company_id, user.company_ids, user.lang, user.tz), (company, company, "vi_VN", "Asia/Ho_Chi_Minh")
        )
