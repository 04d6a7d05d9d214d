from odoo import models


class ResUsersSettingsVolumes(models.Model):
    _inherit = "res.users.settings.volumes"
    # The contact whose call volume is set: never one the user may not see.
    _crm_vn_check_contacts = True
