from odoo import models


class MailNotification(models.Model):
    _inherit = "mail.notification"
    # A notification's recipient: never a contact the user may not see.
    _crm_vn_check_contacts = True
