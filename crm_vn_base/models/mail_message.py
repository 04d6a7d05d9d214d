from odoo import models


class MailMessage(models.Model):
    _inherit = "mail.message"
    # Recipients and author of a message: never contacts the user may not see.
    _crm_vn_check_contacts = True
