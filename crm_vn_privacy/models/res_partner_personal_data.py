from odoo import fields, models
from odoo.osv import expression
from odoo.tools import html2plaintext

# Stored fields left out of an export: bookkeeping of the database, secrets,
# and copies of other values (resized images, avatars).
TECHNICAL_FIELDS = {"create_uid", "write_uid", "write_date", "access_token", "signup_token", "signup_type"}
TECHNICAL_PREFIXES = ("message_", "activity_", "website_message", "rating_", "image_", "avatar_", "signup_")
KEPT_IMAGE = "image_1920"


class ResPartner(models.Model):
    """Everything held on a customer, for a data-subject request (Law 91/2025/QH15).

    ``_crm_vn_personal_data()`` exports the customer's own records, then
    those of every model declaring its personal data
    (``crm.vn.personal.data.mixin``: feedback, sale orders, invoices, mailing
    subscriptions...) under its key. Values are made readable by
    ``_crm_vn_export_record`` (names for relations, ISO dates, plain text).

    Besides the records linked to the customer, the export looks for its
    addresses and numbers where they are kept without such a link (SMS, the
    marketing log, opt-out lists, leads from a form or an import): the same
    addresses anonymisation looks for (``_crm_vn_personal_data_addresses``).
    A record linked to another customer is that person's and stays out, as
    for marketing (see ``_crm_vn_marketing_consented``); so does one found
    only through an address or number another customer also holds (a
    family's landline: ``_crm_vn_own_addresses``), and the part of a shared
    meeting that concerns the other attendees. The export shows what
    anonymisation removes, by the same rules. Every section is there, empty
    when its application is not installed, so that the keys of the file do
    not depend on the database.
    """

    _inherit = "res.partner"

    def _crm_vn_personal_data(self):
        """Return a JSON-ready dict of the personal data held on this customer: the customer, its contacts, leads,
        messages, meetings, SMS and opt-outs here, and the records of every model declaring its personal data
        (crm.vn.personal.data.mixin)."""
        self.ensure_one()
        partners = self.with_context(active_test=False)._crm_vn_personal_data_partners()
        contacts = partners - self
        emails, numbers = self._crm_vn_personal_data_addresses(partners)
        __, own_numbers = self._crm_vn_own_addresses(partners, emails, numbers)
        data = {
            "customer": self._crm_vn_export_record(self),
            "contacts": [self._crm_vn_export_record(contact) for contact in contacts],
            "activities": self._crm_vn_export_activities("res.partner", partners.ids),
            "messages": self._crm_vn_export_messages("res.partner", partners.ids),
            "leads": self._crm_vn_export_leads(
                self.env["crm.lead"]
                .with_context(active_test=False)
                .search([("partner_id", "in", partners.ids)], order="id")
            ),
            "leads_by_email_or_phone": self._crm_vn_export_leads(
                self._crm_vn_unlinked_leads(partners, emails, numbers)
            ),
            "sms": self._crm_vn_export_sms(partners, own_numbers),
            "opt_outs": self._crm_vn_export_opt_outs(emails, numbers),
            "meetings": self._crm_vn_export_meetings(partners),
        }
        # The models that declare their personal data (crm.vn.personal.data.mixin), in the order of their sequence.
        for Model in self.env["crm.vn.personal.data.mixin"]._crm_vn_pd_models():
            if Model._crm_vn_pd_export:
                records = Model._crm_vn_pd_records(self, partners, emails, numbers)
                data[Model._crm_vn_pd_export_key or Model._crm_vn_pd_key] = Model._crm_vn_pd_export_values(
                    records, self
                )
        return data

    def _crm_vn_personal_data_addresses(self, partners):
        """(emails, numbers) of the customer, as sets: the normalised emails and E.164 numbers of ``partners``
        and of their leads (those anonymisation removes elsewhere), and the partners' phone match keys (a foreign
        number is kept as typed there)."""
        emails, numbers = self.with_context(active_test=False)._crm_vn_anonymize_addresses(partners)
        numbers |= {key for key in partners.mapped("vn_phone_key") + partners.mapped("vn_mobile_key") if key}
        return set(emails), numbers

    def _crm_vn_about_customer_domain(self, partners, fname, values):
        """Records of ``partners``, or of nobody and whose ``fname`` is one of the customer's addresses."""
        return [
            "|",
            ("partner_id", "in", partners.ids),
            "&",
            ("partner_id", "=", False),
            (fname, "in", sorted(values)),
        ]

    def _crm_vn_personal_data_partners(self):
        """The customer and its contacts (archived ones too): whose data the customer may ask for."""
        self.ensure_one()
        return self | self.with_context(active_test=False).search([("id", "child_of", self.id)])

    def _crm_vn_export_record(self, record, exclude=()):
        """Stored, non-technical fields of ``record`` that hold a value, as JSON-ready values.

        Yes/no fields are always there: "no" is a value (a withdrawn consent, not on the Do-Not-Call list).
        """
        values = {"id": record.id}
        for name, field in record._fields.items():
            if (
                not field.store
                or name in exclude
                or name in TECHNICAL_FIELDS
                or (name.startswith(TECHNICAL_PREFIXES) and name != KEPT_IMAGE)
                or field.type == "one2many"
            ):
                continue
            value = record[name]
            if field.type == "many2one":
                value = value.display_name if value else False
            elif field.type == "many2many":
                value = value.mapped("display_name")
            elif field.type in ("date", "datetime"):
                value = value.isoformat() if value else False
            elif field.type == "html":
                value = html2plaintext(value) if value else False
            elif field.type == "binary":
                value = value.decode() if isinstance(value, bytes) else value
            elif field.type == "properties":
                value = self._crm_vn_export_properties(value, field._get_properties_definition(record))
            if value or field.type == "boolean":
                values[name] = value
        return values

    def _crm_vn_export_messages(self, model, res_ids, domain=()):
        """Messages of the records (those among ``domain``), without the notifications sent to single users."""
        return [message for __, message in self._crm_vn_read_messages(model, res_ids, domain)]

    def _crm_vn_messages_by_record(self, model, res_ids, domain=()):
        """{res_id: exported messages} of the records, read in one search."""
        by_record = {}
        for res_id, message in self._crm_vn_read_messages(model, res_ids, domain):
            by_record.setdefault(res_id, []).append(message)
        return by_record

    def _crm_vn_read_messages(self, model, res_ids, domain=()):
        """[(res_id, exported message)] of the records, oldest first, read in one search."""
        messages = self.env["mail.message"].search(
            expression.AND(
                [
                    [("model", "=", model), ("res_id", "in", res_ids), ("message_type", "!=", "user_notification")],
                    domain,
                ]
            ),
            order="date, id",
        )
        return [
            (
                message.res_id,
                {
                    "date": fields.Datetime.to_string(message.date),
                    "author": message.author_id.display_name or message.email_from or False,
                    "subject": message.subject or False,
                    "body": html2plaintext(message.body or ""),
                    "tracking": self._crm_vn_export_tracking(message.tracking_value_ids),
                    "attachments": message.attachment_ids.mapped("name"),
                },
            )
            for message in messages
            if message.body or message.tracking_value_ids or message.attachment_ids
        ]

    def _crm_vn_export_activities(self, model, res_ids):
        return [activity for __, activity in self._crm_vn_read_activities(model, res_ids)]

    def _crm_vn_activities_by_record(self, model, res_ids):
        """{res_id: exported activities} of the records, read in one search."""
        by_record = {}
        for res_id, activity in self._crm_vn_read_activities(model, res_ids):
            by_record.setdefault(res_id, []).append(activity)
        return by_record

    def _crm_vn_read_activities(self, model, res_ids):
        """[(res_id, exported activity)] of the records, soonest deadline first, read in one search."""
        return [
            (
                activity.res_id,
                {
                    "type": activity.activity_type_id.name,
                    "summary": activity.summary or False,
                    "note": html2plaintext(activity.note or ""),
                    "deadline": activity.date_deadline.isoformat(),
                    "assigned_to": activity.user_id.name,
                },
            )
            for activity in self.env["mail.activity"].search([("res_model", "=", model), ("res_id", "in", res_ids)])
        ]

    def _crm_vn_export_properties(self, value, definition=None):
        """Properties as {label or name: value}, whatever form the field gives them in; a yes/no property is kept
        when "no" (its type is read from ``definition``, the properties' definition, in the {name: value} form)."""
        if isinstance(value, dict):
            booleans = {prop.get("name") for prop in definition or [] if prop.get("type") == "boolean"}
            return {key: val for key, val in value.items() if val or key in booleans}
        return {
            prop.get("string") or prop.get("name"): prop.get("value")
            for prop in value or []
            if prop.get("value") or prop.get("type") == "boolean"
        }

    def _crm_vn_export_tracking(self, trackings):
        """Tracked changes as {field, old, new}, the values as the chatter shows them (Odoo's own formatting:
        names for relations and choices, yes/no as booleans, dates as text)."""
        return [
            {"field": value["changedField"], "old": value["oldValue"]["value"], "new": value["newValue"]["value"]}
            for value in trackings._tracking_value_format()
        ]

    def _crm_vn_export_leads(self, leads):
        """The leads with their messages and activities, each kind read in one search for all the leads."""
        messages = self._crm_vn_messages_by_record("crm.lead", leads.ids)
        activities = self._crm_vn_activities_by_record("crm.lead", leads.ids)
        return [
            self._crm_vn_export_record(lead)
            | {"messages": messages.get(lead.id, []), "activities": activities.get(lead.id, [])}
            for lead in leads
        ]

    def _crm_vn_export_sms(self, partners, numbers):
        """Text messages still kept in the SMS queue (Odoo deletes them once sent), to the customer, or without a
        customer to ``numbers`` (those it holds alone, see ``_crm_vn_own_addresses``)."""
        messages = self.env["sms.sms"].search(
            self._crm_vn_about_customer_domain(partners, "number", numbers), order="id"
        )
        return [
            {
                "date": sms.create_date.isoformat(timespec="seconds"),
                "number": sms.number or False,
                "state": sms.state,
                "failure": sms.failure_type or False,
                "body": sms.body or False,
            }
            for sms in messages
        ]

    def _crm_vn_export_opt_outs(self, emails, numbers):
        """Entries of the email and phone blacklists for the customer's addresses; a lifted opt-out is inactive."""
        entries = []
        for list_type, list_model, list_fname, values in (
            ("email", "mail.blacklist", "email", emails),
            ("phone", "phone.blacklist", "number", numbers),
        ):
            if not values:
                continue
            found = (
                self.env[list_model]
                .with_context(active_test=False)
                .search([(list_fname, "in", sorted(values))], order="id")
            )
            entries += [
                {
                    "type": list_type,
                    "address": entry[list_fname],
                    "active": entry.active,
                    "added_on": entry.create_date.isoformat(timespec="seconds"),
                    "changed_on": entry.write_date.isoformat(timespec="seconds"),
                    "messages": self._crm_vn_export_messages(list_model, entry.ids),
                }
                for entry in found
            ]
        return entries

    def _crm_vn_export_meetings(self, partners):
        """Meetings the customer or its contacts attend: what of them concerns the customer.

        A meeting shared with others (a seminar, a colleague's meeting with
        another customer) holds their data too: their answers, a description
        written about them or for everyone, the chatter of the whole meeting.
        Each meeting gives its name, times, place and organiser, and the
        customer's own answers; its description only when it is about the
        customer (``_crm_vn_meetings_about_customer``, the rule anonymisation
        clears it by); its messages only when the customer or its contacts
        wrote them or received them.
        """
        meetings = (
            self.env["calendar.event"]
            .with_context(active_test=False)
            .search([("partner_ids", "in", partners.ids)], order="start, id")
        )
        about = self._crm_vn_meetings_about_customer(meetings, partners)
        theirs = ["|", ("author_id", "in", partners.ids), ("partner_ids", "in", partners.ids)]
        return [
            {
                "id": meeting.id,
                "name": meeting.name,
                "start": meeting.start.isoformat(),
                "stop": meeting.stop.isoformat(),
                "all_day": meeting.allday,
                "location": meeting.location or False,
                "video_call": meeting.videocall_location or False,
                "description": html2plaintext(meeting.description or "") if meeting in about else False,
                "organizer": meeting.user_id.name or False,
                "attendance": [
                    {"name": attendee.common_name or attendee.partner_id.display_name, "answer": attendee.state}
                    for attendee in meeting.attendee_ids
                    if attendee.partner_id in partners
                ],
                "messages": self._crm_vn_export_messages("calendar.event", meeting.ids, theirs),
            }
            for meeting in meetings
        ]
