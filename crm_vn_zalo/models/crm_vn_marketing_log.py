from odoo import fields, models

from odoo.addons.crm_vn_base.tools.channels import channel_selection


class CrmVnMarketingLog(models.Model):
    _inherit = "crm.vn.marketing.log"

    channel = fields.Selection(selection_add=channel_selection("zalo"), ondelete={"zalo": "cascade"})
