from odoo import models


class MailActivity(models.Model):
    _inherit = "mail.activity"
    # The contact an activity is requested for: never one the user may not see.
    _crm_vn_check_contacts = True
