from odoo import models


class MailScheduledMessage(models.Model):
    _inherit = "mail.scheduled.message"
    # Recipients and author of a scheduled message: never contacts the user may not see.
    _crm_vn_check_contacts = True
