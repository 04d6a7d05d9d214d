from odoo import SUPERUSER_ID, api, fields, models
from odoo.tools import SQL

from ..tools.local_dates import local_date, local_today


class CrmVnSalespersonReport(models.Model):
    """Salesperson performance, comparable month to month (group by date:month).

    A union of dated events, each counted in its own measures: confirmed
    orders (revenue, repeat orders), customers acquired (customer since, else
    creation), customers owned today (dated today), feedback resolved (on
    time, rating). Ids are ``source id * 4 + kind`` so that they stay stable.
    """

    _name = "crm.vn.salesperson.report"
    _inherit = ["crm.vn.analytics.snapshot"]
    _description = "Salesperson Performance"
    _auto = False
    _rec_name = "user_id"
    _order = "date desc, id"

    date = fields.Date(readonly=True)
    kind = fields.Selection(
        [("order", "Order"), ("new_customer", "New customer"), ("owned", "Owned customer"), ("feedback", "Feedback")],
        readonly=True,
    )
    user_id = fields.Many2one("res.users", "Salesperson", readonly=True)
    team_id = fields.Many2one("crm.team", "Sales Team", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    partner_id = fields.Many2one("res.partner", "Customer", readonly=True)
    owned_customer_count = fields.Integer("Customers Owned", readonly=True)
    new_customer_count = fields.Integer("New Customers", readonly=True)
    order_count = fields.Integer("Orders", readonly=True)
    revenue = fields.Monetary(readonly=True, currency_field="currency_id")
    repeat_rate = fields.Float(
        "Repeat Order Rate (%)",
        readonly=True,
        aggregator="avg",
        digits=(5, 1),
        help="Share of the orders placed by customers who had bought before.",
    )
    feedback_handled = fields.Integer("Feedback Resolved", readonly=True)
    feedback_on_time = fields.Integer(readonly=True)
    sla_compliance = fields.Float("SLA Compliance (%)", readonly=True, aggregator="avg", digits=(5, 1))
    rating = fields.Float("Average Rating", readonly=True, aggregator="avg", digits=(3, 1))

    @api.model
    def _query(self):
        return SQL(
            """
            WITH orders AS (
                SELECT so.id, so.date_order, so.user_id, so.team_id, so.company_id,
                       p.commercial_partner_id AS partner_id,
                       so.amount_untaxed / COALESCE(NULLIF(so.currency_rate, 0), 1.0) AS revenue,
                       row_number() OVER (PARTITION BY p.commercial_partner_id, so.company_id
                                          ORDER BY so.date_order, so.id) AS rank
                  FROM sale_order so
                  JOIN res_partner p ON p.id = so.partner_id
                 WHERE so.state = 'sale'
            ), customers AS (
                SELECT p.id, p.user_id, p.team_id, p.customer_since, p.create_date,
                       COALESCE(p.company_id, p.profile_company_id) AS company_id
                  FROM res_partner p
                 WHERE p.active AND p.id = p.commercial_partner_id AND p.user_id IS NOT NULL AND %(is_customer)s
                   AND NOT EXISTS (SELECT 1 FROM res_users u WHERE u.partner_id = p.id)
            ), events AS (
                SELECT o.id * 4 AS id, 'order' AS kind, %(order_day)s AS date, o.user_id, o.team_id,
                       o.company_id, o.partner_id, 0 AS owned_customer_count, 0 AS new_customer_count,
                       1 AS order_count, o.revenue, CASE WHEN o.rank > 1 THEN 100.0 ELSE 0.0 END AS repeat_rate,
                       0 AS feedback_handled, 0 AS feedback_on_time,
                       NULL::float AS sla_compliance, NULL::float AS rating
                  FROM orders o
                UNION ALL
                SELECT c.id * 4 + 1, 'new_customer', COALESCE(c.customer_since, %(created_day)s), c.user_id,
                       c.team_id, c.company_id, c.id, 0, 1, 0, 0, NULL, 0, 0, NULL, NULL
                  FROM customers c
                UNION ALL
                SELECT c.id * 4 + 2, 'owned', %(today)s, c.user_id, c.team_id, c.company_id, c.id,
                       1, 0, 0, 0, NULL, 0, 0, NULL, NULL
                  FROM customers c
                UNION ALL
                SELECT f.id * 4 + 3, 'feedback', %(resolved_day)s, f.user_id, f.team_id, f.company_id,
                       f.commercial_partner_id, 0, 0, 0, 0, NULL, 1,
                       CASE WHEN f.sla_result = 'met' THEN 1 ELSE 0 END,
                       CASE f.sla_result WHEN 'met' THEN 100.0 WHEN 'missed' THEN 0.0 END,
                       CASE WHEN f.rating_last_value > 0 THEN f.rating_last_value END
                  FROM crm_vn_feedback f
                 WHERE f.active AND f.date_resolved IS NOT NULL AND f.state IN ('resolved', 'closed')
            )
            SELECT e.*, comp.currency_id
              FROM events e
         LEFT JOIN res_company comp ON comp.id = e.company_id
             -- Salespeople only: not what nobody, OdooBot (the superuser, in every group) or a user outside Sales
             -- (an accountant) recorded.
             WHERE e.user_id IN (
                    SELECT rel.uid
                      FROM res_groups_users_rel rel
                      JOIN ir_model_data imd ON imd.model = 'res.groups' AND imd.res_id = rel.gid
                     WHERE imd.module = 'sales_team' AND imd.name = 'group_sale_salesman'
                       AND rel.uid != %(superuser)s)
            """,
            superuser=SUPERUSER_ID,
            is_customer=self.env["res.partner"]._crm_vn_customer_sql("p"),
            order_day=local_date(SQL("o.date_order")),
            created_day=local_date(SQL("c.create_date")),
            today=local_today(),
            resolved_day=local_date(SQL("f.date_resolved")),
        )
