from odoo import models


class DiscussChannelMember(models.Model):
    _inherit = "discuss.channel.member"
    # A member is a contact: never one the user may not see.
    _crm_vn_check_contacts = True
