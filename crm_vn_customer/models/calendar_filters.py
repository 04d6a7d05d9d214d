from odoo import models


class CalendarFilters(models.Model):
    _inherit = "calendar.filters"
    # The calendars a user shows: never the contact of a customer they may not see (crm_vn_base's guard).
    _crm_vn_check_contacts = True
