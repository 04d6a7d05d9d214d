from odoo import fields, models


class CrmVnMarketingLog(models.Model):
    _inherit = "crm.vn.marketing.log"

    channel = fields.Selection(selection_add=[("zalo", "Zalo")], ondelete={"zalo": "cascade"})
