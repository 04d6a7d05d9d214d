from dateutil.relativedelta import relativedelta

from odoo import api, fields, models


class CrmVnPerformanceReportWizard(models.TransientModel):
    """Asks for the month (and optionally the team) of the salesperson performance PDF.

    The figures come from ``report.crm_vn_reports.report_salesperson_performance``,
    read with the printing user's rights.
    """

    _name = "crm.vn.performance.report.wizard"
    _description = "Monthly Salesperson Performance Report"
    # crm_vn_base's guards: contacts one may see, computed fields never written by hand, clear errors on bad values
    _crm_vn_check_contacts = True
    _crm_vn_check_computed = True
    _crm_vn_check_values = True
    _check_company_auto = True

    def _default_month(self):
        return fields.Date.context_today(self).replace(day=1) - relativedelta(months=1)

    month = fields.Date(
        required=True,
        default=lambda self: self._default_month(),
        help="Any day of the month to report on; the month before is shown for comparison.",
    )
    team_id = fields.Many2one("crm.team", "Sales Team", check_company=True, help="Leave empty for every team.")
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)

    @api.onchange("month")
    def _onchange_month(self):
        if self.month and self.month.day != 1:
            self.month = self.month.replace(day=1)

    def action_print(self):
        """Download the PDF (named after the month) and close the dialog, as Odoo's own print wizards do."""
        self.ensure_one()
        action = self.env.ref("crm_vn_reports.action_report_salesperson_performance").report_action(self)
        action["close_on_report_download"] = True
        return action

    def _month_bounds(self):
        """(first day of the month, first day of the next month, first day of the previous month)."""
        self.ensure_one()
        start = self.month.replace(day=1)
        return start, start + relativedelta(months=1), start - relativedelta(months=1)
