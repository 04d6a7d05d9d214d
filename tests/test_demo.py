"""Cross-module: the demo a newcomer opens first (the whole suite is installed with demo data here)."""

from odoo.tests import TransactionCase, tagged
from odoo.tools.safe_eval import safe_eval


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
        customers = self.env["res.partner"].search(
            [("email", "=like", "%.__@example.vn"), ("lifecycle_stage", "!=", False)]
        )
        self.assertEqual(len(customers), 60)
        for customer in customers:
            with self.subTest(customer=customer.name):
                self.assertTrue(customer.state_id.active, "a province of 2025")
                self.assertEqual(customer.city_id.name, customer.city, "the ward is linked to the official list")
                self.assertEqual(customer.city_id.state_id, customer.state_id)
                self.assertEqual(customer.lang, "vi_VN")
        nguyen = customers.filtered(lambda customer: customer.name.startswith("Nguyễn "))
        self.assertEqual(len(nguyen), 23)
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
        for login in ("mai", "hung", "lan", "tuan"):
            user = self.env["res.users"].search([("login", "=", login)])
            self.assertEqual(
                (user.company_id, user.company_ids, user.lang, user.tz), (company, company, "vi_VN", "Asia/Ho_Chi_Minh")
            )
        orders = self.env["sale.order"].search(
            [("partner_id.email", "=like", "%.__@example.vn"), ("state", "=", "sale")]
        )
        self.assertEqual(len(orders), 80)
        self.assertEqual(orders.company_id, company)
        self.assertEqual(orders.currency_id.name, "VND")
        self.assertGreaterEqual(min(orders.mapped("amount_total")), 300000, "prices in đồng")
        staff = self.env["res.users"].search([("login", "in", ["hung", "lan", "tuan"])])
        self.assertEqual(orders.user_id, staff, "every order has one of the demo salespeople")
        leads = self.env["crm.lead"].search([("company_id", "=", company.id)])
        self.assertGreaterEqual(len(leads), 10)
        self.assertEqual(leads.company_currency.name, "VND")
        self.assertTrue(
            self.env["calendar.event"].search([("opportunity_id", "in", leads.ids), ("start", ">=", "now")])
        )
        self.assertTrue(self.env["mail.activity"].search([("user_id", "in", staff.ids)]))

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
