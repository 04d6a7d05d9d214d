from odoo import models
from odoo.tools import SQL


class CalendarEvent(models.Model):
    """Colleagues' meetings stay readable when a customer one may not open attends them.

    The event's attendees are shown like Odoo shows a many2one it cannot open: the name and the avatar, read as
    superuser for events the user may read, never the contact details of a customer owned by someone else. Odoo's
    many2many read leaves out the contacts the user may not read; the private meetings of others keep showing no
    attendee at all (Odoo shows them as "Busy").
    """

    _inherit = "calendar.event"
    # Its attendees: never contacts the user may not see (crm_vn_base's guard).
    _crm_vn_check_contacts = True

    ATTENDEE_PUBLIC_FIELDS = frozenset({"display_name", "name", "avatar_128", "image_128", "is_company"})

    def web_read(self, specification):
        partner_spec = specification.get("partner_ids") or {}
        if self.env.su or "fields" not in partner_spec:
            return super().web_read(specification)
        result = super().web_read({name: spec for name, spec in specification.items() if name != "partner_ids"})
        # All the attendees of the meetings just read (the read above checked the access), except those of others'
        # private meetings, which the user does not see. Read from the relation table: the cached value of the field
        # is the user's, without the contacts they may not read.
        field = self._fields["partner_ids"]
        self.flush_recordset(["partner_ids"])
        rows = self.env.execute_query(
            SQL(
                """SELECT rel.%(event)s, rel.%(partner)s
                     FROM %(relation)s rel JOIN res_partner p ON p.id = rel.%(partner)s
                    WHERE rel.%(event)s IN %(ids)s
                 ORDER BY p.complete_name, p.id DESC""",
                event=SQL.identifier(field.column1),
                partner=SQL.identifier(field.column2),
                relation=SQL.identifier(field.relation),
                ids=tuple(self.ids),
            )
        )
        Partner = self.env["res.partner"]
        attendees_of = {event.id: Partner for event in self}
        for event_id, partner_id in rows:
            attendees_of[event_id] |= Partner.browse(partner_id)
        # sudo: privacy, organiser and attendees of the meetings just read.
        for event in self.sudo():
            if event._check_private_event_conditions():
                attendees_of[event.id] = Partner
        attendees = self.env["res.partner"].union(*attendees_of.values())
        readable = attendees._filtered_access("read")
        fields_spec = partner_spec["fields"]
        data = {vals["id"]: vals for vals in readable.web_read(fields_spec)} if readable else {}
        public_spec = {name: spec for name, spec in fields_spec.items() if name in self.ATTENDEE_PUBLIC_FIELDS}
        hidden = attendees - readable
        # sudo: attendees of events the user may read; only their name and avatar are returned.
        for vals in hidden.sudo().web_read(public_spec) if hidden else []:
            data[vals["id"]] = {**dict.fromkeys(fields_spec, False), **vals}
        for vals in result:
            vals["partner_ids"] = [data[partner.id] for partner in attendees_of.get(vals["id"], [])]
        return result
