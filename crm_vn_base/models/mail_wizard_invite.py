from odoo import models


class MailWizardInvite(models.TransientModel):
    _inherit = "mail.wizard.invite"
    # Followers invited: never contacts the user may not see.
    _crm_vn_check_contacts = True
