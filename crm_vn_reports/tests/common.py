"""Shared fixtures of crm_vn_reports' tests: a company of its own, so that quintiles and totals
depend only on the data created here.

Company "Công ty Thử Báo Cáo" (currency VND) with:
- ``seller_a`` (salesperson, member of ``team`` led by ``leader``) owning customers P1, P2, P3;
- ``seller_b`` (salesperson, no team) owning P4, P5 and P6 (P6 has never bought);
- ``manager`` (sales manager).
``_order(partner, amount, days_ago)`` creates and confirms an order of one line dated
``days_ago`` days before today (the views count days from PostgreSQL's current date).
"""

from datetime import datetime, time, timedelta

import pytz

from odoo import Command
from odoo.tests import TransactionCase, new_test_user


class CrmVnReportsCommon(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True, crm_vn_feedback_no_ack=True))
        vnd = cls.env.ref("base.VND")
        vnd.active = True
        cls.company = cls.env["res.company"].create({"name": "Công ty Thử Báo Cáo", "currency_id": vnd.id})
        company_vals = {"company_id": cls.company.id, "company_ids": [Command.set(cls.company.ids)]}
        salesman = "sales_team.group_sale_salesman,base.group_allow_export"
        cls.seller_a = new_test_user(cls.env, "rep_seller_a", groups=salesman, name="Lê Thị Lan", **company_vals)
        cls.seller_b = new_test_user(cls.env, "rep_seller_b", groups=salesman, name="Phạm Minh Tuấn", **company_vals)
        cls.leader = new_test_user(cls.env, "rep_leader", groups=salesman, name="Nguyễn Văn Hùng", **company_vals)
        cls.manager = new_test_user(
            cls.env, "rep_manager", groups="sales_team.group_sale_manager", name="Trần Thị Mai", **company_vals
        )
        cls.team = cls.env["crm.team"].create(
            {
                "name": "Chi nhánh Thử",
                "company_id": cls.company.id,
                "user_id": cls.leader.id,
                "crm_team_member_ids": [Command.create({"user_id": cls.seller_a.id})],
            }
        )
        # created in the test company, as its salespeople would
        Partner = cls.env["res.partner"].with_company(cls.company).with_context(crm_vn_skip_duplicate_check=True)
        cls.p1, cls.p2, cls.p3 = (
            Partner.create({"name": name, "user_id": cls.seller_a.id, "team_id": cls.team.id})
            for name in ("Khách Một Đồng", "Khách Hai Hà", "Khách Ba Bình")
        )
        cls.p4, cls.p5, cls.p6 = (
            Partner.create({"name": name, "user_id": cls.seller_b.id})
            for name in ("Khách Bốn Bảo", "Khách Năm Nam", "Khách Sáu Sơn")
        )
        cls.product = cls.env["product.product"].create(
            {"name": "Máy lọc nước", "list_price": 1.0, "taxes_id": [Command.clear()], "company_id": False}
        )
        # The reports count days in Vietnam time (tools/local_dates.py).
        cls.today = pytz.utc.localize(cls.env.cr.now()).astimezone(pytz.timezone("Asia/Ho_Chi_Minh")).date()

    def setUp(self):
        super().setUp()
        self._refresh_analytics()  # the class's orders, in the analytics (materialized views)

    def _refresh_analytics(self):
        """Compute the analytics again, as the scheduled action does every 10 minutes."""
        self.env["crm.vn.analytics.snapshot"]._cron_refresh_analytics()

    @classmethod
    def _order(cls, partner, amount, days_ago=None, date=None):
        order = (
            cls.env["sale.order"]
            .with_company(cls.company)
            .create(
                {
                    "partner_id": partner.id,
                    "company_id": cls.company.id,
                    "order_line": [
                        Command.create({"product_id": cls.product.id, "product_uom_qty": 1, "price_unit": amount})
                    ],
                }
            )
        )
        order.action_confirm()
        day = date or cls.today - timedelta(days=days_ago)
        order.date_order = datetime.combine(day, time(3, 0))
        return order
