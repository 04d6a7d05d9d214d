from odoo import api, fields, models
from odoo.tools import SQL

from ..tools.local_dates import local_date


class CrmVnCohortReport(models.Model):
    """Cohort retention: customers grouped by the month of their first purchase.

    One row per customer and month in which they bought. Grouped by
    ``cohort_month`` (rows) and ``month_number`` (columns), the count is the
    number of the cohort's customers buying that month and ``retention`` the
    share of the cohort (in %). Shares are never added up
    (``_read_group_select``): a cohort's total is its own repeat rate (the
    share of its customers who bought again in a later month), a total over
    several cohorts is left empty.
    """

    _name = "crm.vn.cohort.report"
    _inherit = ["crm.vn.analytics.snapshot"]
    _description = "Customer Cohort Retention"
    _auto = False
    _rec_name = "partner_id"
    _order = "cohort_month desc, month_number"

    partner_id = fields.Many2one("res.partner", "Customer", readonly=True)
    user_id = fields.Many2one("res.users", "Salesperson", readonly=True)
    team_id = fields.Many2one("crm.team", "Sales Team", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    state_id = fields.Many2one("res.country.state", "Province", readonly=True)
    cohort_month = fields.Date("First Purchase Month", readonly=True)
    order_month = fields.Date("Purchase Month", readonly=True)
    month_number = fields.Integer("Months After First Purchase", readonly=True, aggregator=None)
    cohort_size = fields.Integer(readonly=True, aggregator="max")
    retention = fields.Float("Retention (%)", readonly=True, digits=(5, 1))
    revenue = fields.Float(readonly=True)

    @api.model
    def _query(self):
        return SQL(
            """
            WITH monthly AS (
                SELECT p.commercial_partner_id AS partner_id,
                       so.company_id,
                       date_trunc('month', %(order_day)s)::date AS order_month,
                       sum(so.amount_untaxed / COALESCE(NULLIF(so.currency_rate, 0), 1.0)) AS revenue
                  FROM sale_order so
                  JOIN res_partner p ON p.id = so.partner_id
                 WHERE so.state = 'sale'
              GROUP BY 1, 2, 3
            ), cohorts AS (
                SELECT partner_id, company_id, min(order_month) AS cohort_month
                  FROM monthly
              GROUP BY 1, 2
            ), sizes AS (
                SELECT company_id, cohort_month, count(*) AS cohort_size
                  FROM cohorts
              GROUP BY 1, 2
            )
            SELECT row_number() OVER (ORDER BY m.partner_id, m.company_id, m.order_month) AS id,
                   m.partner_id,
                   partner.user_id,
                   partner.team_id,
                   m.company_id,
                   partner.state_id,
                   c.cohort_month,
                   m.order_month,
                   ((extract(year FROM m.order_month) - extract(year FROM c.cohort_month)) * 12
                    + extract(month FROM m.order_month) - extract(month FROM c.cohort_month))::int AS month_number,
                   s.cohort_size,
                   100.0 / s.cohort_size AS retention,
                   m.revenue
              FROM monthly m
              JOIN cohorts c ON c.partner_id = m.partner_id AND c.company_id = m.company_id
              JOIN sizes s ON s.company_id = c.company_id AND s.cohort_month = c.cohort_month
              JOIN res_partner partner ON partner.id = m.partner_id
            """,
            order_day=local_date(SQL("so.date_order")),
        )

    def _read_group_select(self, aggregate_spec, query):
        if aggregate_spec != "retention:sum":
            return super()._read_group_select(aggregate_spec, query)

        # Each row weighs 100 / cohort size: their sum is the share of one cohort in one month, and only then.
        def column(fname):
            return self._field_to_sql(self._table, fname, query)

        return SQL(
            """CASE WHEN count(DISTINCT (%(company)s, %(cohort)s)) = 1 THEN
                   CASE WHEN count(DISTINCT %(month)s) = 1 THEN sum(%(retention)s)
                        ELSE 100.0 * count(DISTINCT %(partner)s) FILTER (WHERE %(month)s > 0) / max(%(size)s)
                   END
               END""",
            company=column("company_id"),
            cohort=column("cohort_month"),
            month=column("month_number"),
            retention=column("retention"),
            partner=column("partner_id"),
            size=column("cohort_size"),
        )
