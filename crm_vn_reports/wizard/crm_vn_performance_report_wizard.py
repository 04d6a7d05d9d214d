from odoo import fields, models


class CrmVnPerformanceReportWizard(models.TransientModel):
    _name = "crm.vn.performance.report.wizard"
    _description = "Monthly Salesperson Performance Report"

    name = fields.Char()
