from odoo import api, fields, models
from odoo.tools import SQL

from ..tools.local_dates import local_date, local_today

SEGMENTS = [
    ("champions", "Champions"),
    ("loyal", "Loyal"),
    ("new", "New"),
    ("promising", "Promising"),
    ("at_risk", "At Risk"),
    ("hibernating", "Hibernating"),
    ("lost", "Lost"),
    ("none", "No Purchase"),
]


class CrmVnCustomerReport(models.Model):
    """Customer analytics: one row per customer (commercial partner) and company.

    A materialized view (crm.vn.analytics.snapshot: figures as of the last refresh, every 10 minutes) over confirmed
    sale orders (headers, not lines, so that a
    million order lines cost nothing here), feedback and ratings. RFM scores
    are quintiles (1-5) within the company: recency of the last order,
    number of orders and revenue; the segment follows from them
    (``_segment_sql`` is the extension point). Amounts are untaxed, in the
    company's currency, as in Odoo's sales analysis. A customer who bought or
    gave feedback in two companies has a row in each (id = partner id * 10000
    + company id). The rows: every customer (``res.partner.crm_vn_is_customer``) and whoever bought or gave feedback,
    except the company's own contacts and its users'.
    """

    _name = "crm.vn.customer.report"
    _inherit = ["crm.vn.analytics.snapshot"]
    _description = "Customer Analytics"
    _auto = False
    _rec_name = "partner_id"
    _order = "revenue desc, id"

    partner_id = fields.Many2one("res.partner", "Customer", readonly=True)
    user_id = fields.Many2one("res.users", "Salesperson", readonly=True)
    team_id = fields.Many2one("crm.team", "Sales Team", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    state_id = fields.Many2one("res.country.state", "Province", readonly=True)
    lifecycle_stage = fields.Selection(
        selection=lambda self: self.env["res.partner"]._fields["lifecycle_stage"]._description_selection(self.env),
        readonly=True,
    )
    customer_since = fields.Date(readonly=True)
    first_order_date = fields.Date("First Purchase", readonly=True)
    last_order_date = fields.Date("Last Purchase", readonly=True)
    order_count = fields.Integer("Orders", readonly=True)
    revenue = fields.Monetary(readonly=True, currency_field="currency_id")
    average_order = fields.Monetary(
        "Average Order Value", readonly=True, currency_field="currency_id", aggregator="avg"
    )
    days_since_last_order = fields.Integer("Days Since Last Purchase", readonly=True, aggregator="avg")
    days_between_orders = fields.Float(
        readonly=True,
        aggregator="avg",
        help="Average days between two orders (2 orders or more).",
    )
    orders_per_month = fields.Float("Purchase Frequency (orders/month)", readonly=True, aggregator="avg")
    recency_score = fields.Integer(readonly=True, aggregator="avg")
    frequency_score = fields.Integer(readonly=True, aggregator="avg")
    monetary_score = fields.Integer(readonly=True, aggregator="avg")
    rfm_score = fields.Char(
        "RFM Score", readonly=True, aggregator=None, help="Recency, frequency and monetary scores, 1-5 each."
    )
    segment = fields.Selection(SEGMENTS, readonly=True)
    is_repeat = fields.Boolean("Repeat Customer", readonly=True)
    is_churned = fields.Boolean(
        "Churned", readonly=True, help="Bought before, but not within the company's churn period (180 days by default)."
    )
    churned_count = fields.Integer("Churned Customers", readonly=True)
    repeat_count = fields.Integer("Repeat Customers", readonly=True)
    customer_count = fields.Integer("Customers", readonly=True)
    feedback_count = fields.Integer("Feedback", readonly=True)
    complaint_count = fields.Integer("Complaints", readonly=True)
    rating_avg = fields.Float("Average Rating", readonly=True, aggregator="avg", digits=(3, 1))
    favourite_category_id = fields.Many2one(
        "product.category",
        compute="_compute_favourite_category_id",
        help="The product category this customer spent most on.",
    )

    @api.depends("partner_id")
    def _compute_favourite_category_id(self):
        """Read from order lines for the rows shown only (not part of the view: it would read every line)."""
        favourites = self.env["res.partner"].browse(self.partner_id.ids)._crm_vn_favourite_categories(limit=1)
        for row in self:
            categories = favourites.get(row.partner_id.id)
            row.favourite_category_id = categories[0] if categories else False

    @api.model
    def _segment_sql(self):
        """CASE expression of the segment from r, f (scores) and order_count (override to segment differently)."""
        return SQL(
            """CASE
                WHEN order_count = 0 THEN 'none'
                WHEN r >= 4 AND f >= 4 THEN 'champions'
                WHEN r >= 4 AND order_count = 1 THEN 'new'
                WHEN r >= 3 AND f >= 3 THEN 'loyal'
                WHEN r >= 4 THEN 'promising'
                WHEN r <= 2 AND f >= 3 THEN 'at_risk'
                WHEN r = 1 THEN 'lost'
                ELSE 'hibernating'
            END"""
        )

    @api.model
    def _query(self):
        return SQL(
            """
            WITH orders AS (
                SELECT p.commercial_partner_id AS partner_id,
                       so.company_id,
                       count(*) AS order_count,
                       min(so.date_order) AS first_order,
                       max(so.date_order) AS last_order,
                       sum(so.amount_untaxed / COALESCE(NULLIF(so.currency_rate, 0), 1.0)) AS revenue
                  FROM sale_order so
                  JOIN res_partner p ON p.id = so.partner_id
                 WHERE so.state = 'sale'
              GROUP BY p.commercial_partner_id, so.company_id
            ), feedback AS (
                SELECT f.commercial_partner_id AS partner_id,
                       f.company_id,
                       count(*) AS feedback_count,
                       count(*) FILTER (WHERE f.feedback_type = 'complaint') AS complaint_count,
                       avg(f.rating_last_value) FILTER (WHERE f.rating_last_value > 0) AS rating_avg
                  FROM crm_vn_feedback f
                 WHERE f.active AND f.state != 'cancelled'
              GROUP BY f.commercial_partner_id, f.company_id
            ), activity AS (
                SELECT partner_id, company_id FROM orders
                 UNION
                SELECT partner_id, company_id FROM feedback
            ), customers AS (
                SELECT p.id AS partner_id,
                       COALESCE(a.company_id, p.company_id, p.profile_company_id) AS company_id,
                       p.user_id, p.team_id, p.state_id, p.lifecycle_stage, p.customer_since,
                       COALESCE(o.order_count, 0) AS order_count,
                       o.first_order, o.last_order,
                       COALESCE(o.revenue, 0) AS revenue,
                       fb.feedback_count, fb.complaint_count, fb.rating_avg
                  FROM res_partner p
             LEFT JOIN activity a ON a.partner_id = p.id
             LEFT JOIN orders o ON o.partner_id = p.id AND o.company_id = a.company_id
             LEFT JOIN feedback fb ON fb.partner_id = p.id AND fb.company_id = a.company_id
                 WHERE p.active AND p.id = p.commercial_partner_id
                   AND (a.partner_id IS NOT NULL OR %(is_customer)s)
                   AND NOT EXISTS (SELECT 1 FROM res_users u WHERE u.partner_id = p.id)
                   AND NOT EXISTS (SELECT 1 FROM res_company c WHERE c.partner_id = p.id)
            ), scored AS (
                SELECT c.*,
                       CASE WHEN c.order_count > 0 THEN
                           ntile(5) OVER (PARTITION BY c.company_id, c.order_count > 0
                                          ORDER BY c.last_order, c.partner_id) END AS r,
                       CASE WHEN c.order_count > 0 THEN
                           ntile(5) OVER (PARTITION BY c.company_id, c.order_count > 0
                                          ORDER BY c.order_count, c.revenue, c.partner_id) END AS f,
                       CASE WHEN c.order_count > 0 THEN
                           ntile(5) OVER (PARTITION BY c.company_id, c.order_count > 0
                                          ORDER BY c.revenue, c.partner_id) END AS m
                  FROM customers c
            )
            SELECT s.partner_id::bigint * 10000 + COALESCE(s.company_id, 0) AS id,
                   s.partner_id,
                   s.user_id,
                   s.team_id,
                   s.company_id,
                   comp.currency_id,
                   s.state_id,
                   s.lifecycle_stage,
                   s.customer_since,
                   %(first_day)s AS first_order_date,
                   %(last_day)s AS last_order_date,
                   s.order_count,
                   s.revenue,
                   CASE WHEN s.order_count > 0 THEN s.revenue / s.order_count END AS average_order,
                   CASE WHEN s.order_count > 0 THEN %(today)s - %(last_day)s END AS days_since_last_order,
                   CASE WHEN s.order_count > 1
                        THEN (%(last_day)s - %(first_day)s)::float / (s.order_count - 1) END
                       AS days_between_orders,
                   CASE WHEN s.order_count > 0
                        THEN s.order_count / GREATEST(1.0, (%(today)s - %(first_day)s) / 30.4375) END
                       AS orders_per_month,
                   s.r AS recency_score,
                   s.f AS frequency_score,
                   s.m AS monetary_score,
                   CASE WHEN s.order_count > 0 THEN concat(s.r, s.f, s.m) END AS rfm_score,
                   %(segment)s AS segment,
                   s.order_count > 1 AS is_repeat,
                   s.order_count > 0
                       AND %(last_day)s < %(today)s - COALESCE(comp.crm_vn_churn_days, 180) AS is_churned,
                   CASE WHEN s.order_count > 0
                         AND %(last_day)s < %(today)s - COALESCE(comp.crm_vn_churn_days, 180) THEN 1 ELSE 0 END
                       AS churned_count,
                   CASE WHEN s.order_count > 1 THEN 1 ELSE 0 END AS repeat_count,
                   1 AS customer_count,
                   COALESCE(s.feedback_count, 0) AS feedback_count,
                   COALESCE(s.complaint_count, 0) AS complaint_count,
                   s.rating_avg
              FROM scored s
         LEFT JOIN res_company comp ON comp.id = s.company_id
            """,
            segment=self._segment_sql(),
            is_customer=self.env["res.partner"]._crm_vn_customer_sql("p"),
            first_day=local_date(SQL("s.first_order")),
            last_day=local_date(SQL("s.last_order")),
            today=local_today(),
        )
