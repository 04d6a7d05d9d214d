from odoo import models


class CalendarAttendee(models.Model):
    _inherit = "calendar.attendee"
    # An attendee: never a contact the user may not see (crm_vn_base's guard).
    _crm_vn_check_contacts = True
