from odoo import models


class CalendarEvent(models.Model):
    """Colleagues' meetings stay readable when a customer one may not open attends them.

    The event's attendees are shown like Odoo shows a many2one it cannot
    open: the name and the avatar, read as superuser for events the user may
    read, never the contact details of a customer owned by someone else.
    """

    _inherit = "calendar.event"

    ATTENDEE_PUBLIC_FIELDS = frozenset({"display_name", "name", "avatar_128", "image_128", "is_company"})

    def web_read(self, specification):
        partner_spec = specification.get("partner_ids") or {}
        if self.env.su or "fields" not in partner_spec:
            return super().web_read(specification)
        attendees = self.partner_ids
        hidden = attendees - attendees._filtered_access("read")
        if not hidden:
            return super().web_read(specification)
        result = super().web_read({name: spec for name, spec in specification.items() if name != "partner_ids"})
        fields_spec = partner_spec["fields"]
        data = {vals["id"]: vals for vals in (attendees - hidden).web_read(fields_spec)}
        public_spec = {name: spec for name, spec in fields_spec.items() if name in self.ATTENDEE_PUBLIC_FIELDS}
        # sudo: attendees of events the user may read (checked by the read above); only
        # their name and avatar are returned, the other fields are left empty.
        for vals in hidden.sudo().web_read(public_spec):
            data[vals["id"]] = {**dict.fromkeys(fields_spec, False), **vals}
        for record, vals in zip(self, result, strict=True):
            vals["partner_ids"] = [data[partner_id] for partner_id in record.partner_ids.ids]
        return result
