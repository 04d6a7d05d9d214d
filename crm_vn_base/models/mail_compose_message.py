from odoo import models


class MailComposeMessage(models.TransientModel):
    _inherit = "mail.compose.message"
    # Recipients and author of a message: never contacts the user may not see.
    _crm_vn_check_contacts = True
