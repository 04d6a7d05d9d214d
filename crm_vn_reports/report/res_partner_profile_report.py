from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.tools import format_date, formatLang

from ..tools.svg_chart import bar_chart

# Months in the revenue chart of the customer profile, the current one included.
CHART_MONTHS = 12


class ReportCustomerProfile(models.AbstractModel):
    """Customer profile PDF (``action_report_customer_profile``): the purchase summary of
    ``crm.vn.customer.report``, the revenue of the last 12 months and the feedback history.

    Override ``_monthly_revenue`` to chart another measure.
    """

    _name = "report.crm_vn_reports.report_customer_profile"
    _description = "Customer Profile Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        partners = self.env["res.partner"].browse(docids)
        partners.check_access("read")
        favourites = partners._crm_vn_favourite_categories(limit=3)
        profiles = {}
        for partner in partners:
            commercial = partner.commercial_partner_id
            analytics = partner._crm_vn_analytics()
            company = analytics.company_id or partner.company_id or self.env.company
            currency = analytics.currency_id or company.currency_id
            months, revenue = self._monthly_revenue(partner, analytics, company)
            profiles[partner.id] = {
                "analytics": analytics,
                "company": company,
                "currency": currency,
                "favourite_categories": favourites.get(commercial.id, self.env["product.category"]),
                "chart": bar_chart(
                    [format_date(self.env, month, date_format="MM/yyyy") for month in months],
                    revenue,
                    width=700,
                    height=200,
                    font_size=8,
                    value_format=lambda value, currency=currency: formatLang(
                        self.env, value, digits=currency.decimal_places
                    ),
                    title=self.env._("Revenue per month (%(currency)s)", currency=currency.symbol),
                    empty_text=self.env._("No purchase"),
                ),
                "feedbacks": self.env["crm.vn.feedback"].search(
                    [("commercial_partner_id", "=", commercial.id)], order="date_received desc, id desc"
                ),
            }
        return {
            "doc_ids": docids,
            "doc_model": "res.partner",
            "docs": partners,
            "profiles": profiles,
        }

    @api.model
    def _monthly_revenue(self, partner, analytics, company):
        """([first day of each of the last 12 months], [untaxed revenue of confirmed orders in each month]).

        Amounts are in the company's currency, as in the analytics row; months
        follow the user's time zone.
        """
        this_month = fields.Date.context_today(self).replace(day=1)
        months = [this_month - relativedelta(months=count) for count in range(CHART_MONTHS - 1, -1, -1)]
        revenue = dict.fromkeys(months, 0.0)
        if not analytics:
            return months, list(revenue.values())
        # sudo: the analytics row read above (with its record rules) already shows
        # this customer's revenue to the user; the chart details the same orders by
        # month, including those that sale's "own documents" rule would hide.
        orders = (
            self.env["sale.order"]
            .sudo()
            .search_fetch(
                [
                    ("partner_id", "child_of", partner.commercial_partner_id.id),
                    ("company_id", "=", company.id),
                    ("state", "=", "sale"),
                    # a day early: the months are cut in the user's time zone below
                    ("date_order", ">=", months[0] - relativedelta(days=1)),
                ],
                ["date_order", "amount_untaxed", "currency_rate"],
            )
        )
        for order in orders:
            month = fields.Datetime.context_timestamp(self, order.date_order).date().replace(day=1)
            if month in revenue:
                revenue[month] += order.amount_untaxed / (order.currency_rate or 1.0)
        return months, [company.currency_id.round(amount) for amount in revenue.values()]
