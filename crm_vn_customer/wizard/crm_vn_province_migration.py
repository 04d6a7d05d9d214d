from odoo import fields, models


class CrmVnProvinceMigration(models.TransientModel):
    _name = "crm.vn.province.migration"
    _description = "Move Addresses to the 2025 Provinces"

    name = fields.Char()
