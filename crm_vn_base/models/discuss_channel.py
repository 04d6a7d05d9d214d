from odoo import models


class DiscussChannel(models.Model):
    _inherit = "discuss.channel"
    # Its members are contacts: a user never adds one they may not see (a colleague's customer).
    _crm_vn_check_contacts = True
