from odoo import api, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    @api.readonly
    def get_attendee_detail(self, meeting_ids):
        """The calendar view lists the attendees of the meetings it shows by name: read them as superuser once the
        meetings are known to be readable, leaving out the private meetings of others the user does not attend
        (Odoo shows those as "Busy", without attendees)."""
        meetings = self.env["calendar.event"].browse(meeting_ids)
        meetings.check_access("read")
        # sudo: privacy and attendees of meetings the user may read, to leave out others' private ones.
        shown = meetings.sudo().filtered(lambda meeting: not meeting._check_private_event_conditions())
        # The attendee rows cached for the user leave out those of contacts they may not read: read them again.
        shown.invalidate_recordset(["attendee_ids"])
        try:
            # sudo: names and answers of the attendees of readable meetings, no contact details.
            return super(ResPartner, self.sudo()).get_attendee_detail(shown.ids)
        finally:
            shown.invalidate_recordset(["attendee_ids"])
