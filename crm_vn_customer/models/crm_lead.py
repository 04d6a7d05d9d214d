from odoo import models


class CrmLead(models.Model):
    _inherit = "crm.lead"
    # A lead's customer: never a contact the salesperson may not see (crm_vn_base's guard).
    _crm_vn_check_contacts = True
