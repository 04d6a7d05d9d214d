from odoo import api, models
from odoo.tools import format_amount, format_date

from ..tools.svg_chart import bar_chart

# Measures of crm.vn.salesperson.report summed or averaged per salesperson and month.
MEASURES = [
    "revenue:sum",
    "order_count:sum",
    "new_customer_count:sum",
    "repeat_rate:avg",
    "feedback_handled:sum",
    "sla_compliance:avg",
    "rating:avg",
]
# Averages, with the count of the values averaged: None, not 0, when there is nothing to average.
AVERAGES = ("repeat_rate", "sla_compliance", "rating")
COUNTS = [f"{name}:count" for name in AVERAGES]


class ReportSalespersonPerformance(models.AbstractModel):
    """Monthly salesperson performance PDF, printed from ``crm.vn.performance.report.wizard``.

    Reads ``crm.vn.salesperson.report`` as the printing user: its record rules
    decide whose figures appear (a salesperson sees their own, a team leader
    the team's, managers everyone's), and the team totals add up the rows
    shown. Override ``_performance_domain`` to narrow the rows further.
    """

    _name = "report.crm_vn_reports.report_salesperson_performance"
    _description = "Monthly Salesperson Performance Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        wizards = self.env["crm.vn.performance.report.wizard"].browse(docids)
        return {
            "doc_ids": docids,
            "doc_model": "crm.vn.performance.report.wizard",
            "docs": wizards,
            "performances": {wizard.id: self._performance(wizard) for wizard in wizards},
        }

    @api.model
    def _performance_domain(self, wizard):
        """Rows of the analysis counted for ``wizard`` (any month)."""
        domain = [("company_id", "=", wizard.company_id.id)]
        if wizard.team_id:
            domain.append(("team_id", "=", wizard.team_id.id))
        return domain

    @api.model
    def _performance(self, wizard):
        """Figures of the wizard's month and of the month before, per salesperson and for the team."""
        Report = self.env["crm.vn.salesperson.report"]
        start, end, previous = wizard._month_bounds()
        currency = wizard.company_id.currency_id
        domain = self._performance_domain(wizard)
        # "owned" rows are dated today: customers owned now, read apart from the months.
        dated = [*domain, ("kind", "!=", "owned"), ("date", ">=", previous), ("date", "<", end)]
        figures = {}
        for user, month, *values in Report._read_group(dated, ["user_id", "date:month"], MEASURES + COUNTS):
            figures.setdefault(user, {})[month] = self._measures(values)
        totals = {
            month: self._measures(values)
            for month, *values in Report._read_group(dated, ["date:month"], MEASURES + COUNTS)
        }
        owned = dict(Report._read_group([*domain, ("kind", "=", "owned")], ["user_id"], ["owned_customer_count:sum"]))

        lines = []
        for user in sorted(set(figures) | set(owned), key=lambda u: (not u, u.name or "")):
            current = figures.get(user, {}).get(start) or self._measures(None)
            before = figures.get(user, {}).get(previous) or self._measures(None)
            current["owned_customer_count"] = owned.get(user, 0)
            lines.append(
                {
                    "name": user.name if user else self.env._("Unassigned"),
                    "current": current,
                    "previous": before,
                    "change": self._change(current, before),
                }
            )
        total = totals.get(start) or self._measures(None)
        total_before = totals.get(previous) or self._measures(None)
        total["owned_customer_count"] = sum(owned.values())
        chart = bar_chart(
            [line["name"] for line in lines],
            [line["current"]["revenue"] for line in lines],
            width=960,
            height=180,
            value_format=lambda value: format_amount(self.env, value, currency),
            title=self.env._("Revenue per salesperson"),
            empty_text=self.env._("No sales this month"),
        )
        return {
            "company": wizard.company_id,
            "team": wizard.team_id,
            "currency": currency,
            "month_label": format_date(self.env, start, date_format="MM/yyyy"),
            "previous_label": format_date(self.env, previous, date_format="MM/yyyy"),
            "lines": lines,
            "total": {"current": total, "previous": total_before, "change": self._change(total, total_before)},
            "chart": chart,
        }

    @api.model
    def _measures(self, values):
        """Dict of the measures of a ``_read_group`` row (``values`` of MEASURES + COUNTS; None: no row)."""
        names = [measure.split(":")[0] for measure in MEASURES]
        if values is None:
            return {name: None if name in AVERAGES else 0 for name in names}
        measures = dict(zip(names, values[: len(MEASURES)], strict=True))
        for name, count in zip(AVERAGES, values[len(MEASURES) :], strict=True):
            if not count:
                measures[name] = None
        return measures

    @api.model
    def _change(self, current, previous):
        """Difference of each measure from the previous month (None when either side has no value).

        ``revenue_percent`` is the revenue change relative to the previous month, None from zero.
        """
        change = {}
        for name, value in current.items():
            if name == "owned_customer_count" or value is None or previous.get(name) is None:
                change[name] = None
            else:
                change[name] = value - previous[name]
        revenue_before = previous["revenue"]
        change["revenue_percent"] = (
            (current["revenue"] - revenue_before) * 100.0 / revenue_before if revenue_before else None
        )
        return change
