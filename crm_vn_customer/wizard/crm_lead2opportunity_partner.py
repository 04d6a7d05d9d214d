from odoo import models


class CrmLead2opportunityPartner(models.TransientModel):
    _inherit = "crm.lead2opportunity.partner"
    # The customer a lead is converted for: never one the salesperson may not see.
    _crm_vn_check_contacts = True
