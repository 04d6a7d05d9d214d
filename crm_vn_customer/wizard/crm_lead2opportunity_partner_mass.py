from odoo import models


class CrmLead2opportunityPartnerMass(models.TransientModel):
    _inherit = "crm.lead2opportunity.partner.mass"
    # The customer leads are converted for: never one the salesperson may not see.
    _crm_vn_check_contacts = True
