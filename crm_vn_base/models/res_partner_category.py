from odoo import models


class ResPartnerCategory(models.Model):
    _inherit = "res.partner.category"
    # A tag's contacts: a user never tags a contact they may not see.
    _crm_vn_check_contacts = True
