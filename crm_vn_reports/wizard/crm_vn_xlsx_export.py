from odoo import fields, models


class CrmVnXlsxExport(models.TransientModel):
    _name = "crm.vn.xlsx.export"
    _description = "Excel Export"

    name = fields.Char()
