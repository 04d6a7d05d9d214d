from datetime import timedelta

import phonenumbers

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.osv import expression
from odoo.tools import html2plaintext
from odoo.tools.mail import email_normalize_all, email_split_and_format

from odoo.addons.l10n_vn_address.tools.names import normalize_vn_name
from odoo.addons.l10n_vn_phone.tools.phone import normalize_vn_phone

MARKETING_CHANNELS = ("email", "sms", "call", "zalo", "facebook")
# Stored fields left out of an export: bookkeeping of the database, secrets,
# and copies of other values (resized images, avatars).
TECHNICAL_FIELDS = {"create_uid", "write_uid", "write_date", "access_token", "signup_token", "signup_type"}
TECHNICAL_PREFIXES = ("message_", "activity_", "website_message", "rating_", "image_", "avatar_", "signup_")
KEPT_IMAGE = "image_1920"
# Personal fields of a customer and its contacts, emptied by anonymisation.
# ``name`` is replaced by a neutral label; the match keys, ``complete_name``
# and ``commercial_company_name`` follow by recomputation.
PARTNER_FIELDS = (
    "email",
    "phone",
    "mobile",
    "street",
    "street2",
    "city",
    "city_id",
    "zip",
    "state_id",
    "country_id",
    "website",
    "function",
    "comment",
    "title",
    "ref",
    "vat",
    "company_registry",
    "image_1920",
    "birthdate_date",
    "gender",
    "marital_status",
    "occupation",
    "income_band",
    "interest_ids",
    "preferred_channel",
    "best_contact_time",
    "source_id",
    "customer_since",
    "lifecycle_stage",
    "profile_properties",
)
LEAD_FIELDS = (
    "contact_name",
    "partner_name",
    "email_from",
    "email_cc",
    "phone",
    "mobile",
    "website",
    "function",
    "title",
    "street",
    "street2",
    "city",
    "zip",
    "state_id",
    "country_id",
    "description",
    "referred",
    "lead_properties",
)
# Context of every anonymising write: no tracking message may copy the old
# values into the chatter, and blank numbers need no duplicate check.
ANONYMIZE_CONTEXT = {
    "active_test": False,
    "tracking_disable": True,
    "mail_notrack": True,
    "crm_vn_skip_duplicate_check": True,
}


def national_digits(number):
    """Digits of an E.164 number after its country code: they appear in every way of writing it
    (``+84912345678``, ``0912345678``, ``0084...``), so a ``like`` on them finds the candidates."""
    try:
        return str(phonenumbers.parse(number).national_number)
    except phonenumbers.NumberParseException:
        return number.lstrip("+")


class ResPartner(models.Model):
    """Consent and the Do-Not-Call list on customers.

    ``consent_marketing_<channel>`` is True only when the latest consent
    record for marketing on that channel (or on all channels) gives it:
    silence is not consent. Senders ask ``_crm_vn_marketing_allowed(channel)``
    (extension point), which also refuses calls and SMS to numbers on the
    Do-Not-Call list.
    """

    _inherit = "res.partner"

    consent_ids = fields.One2many("crm.vn.consent", "partner_id", "Consents")
    consent_service = fields.Boolean(
        "Consent: Customer Service",
        compute="_compute_consents",
        store=True,
        prefetch="crm_vn_consent",
        help="Latest consent for customer service.",
    )
    consent_marketing_email = fields.Boolean(
        "Consent: Marketing Email", compute="_compute_consents", store=True, prefetch="crm_vn_consent"
    )
    consent_marketing_sms = fields.Boolean(
        "Consent: Marketing SMS", compute="_compute_consents", store=True, prefetch="crm_vn_consent"
    )
    consent_marketing_call = fields.Boolean(
        "Consent: Marketing Calls", compute="_compute_consents", store=True, prefetch="crm_vn_consent"
    )
    consent_marketing_zalo = fields.Boolean(
        "Consent: Marketing on Zalo", compute="_compute_consents", store=True, prefetch="crm_vn_consent"
    )
    consent_marketing_facebook = fields.Boolean(
        "Consent: Marketing on Facebook", compute="_compute_consents", store=True, prefetch="crm_vn_consent"
    )
    consent_date = fields.Datetime(
        "Last Consent Change", compute="_compute_consents", store=True, prefetch="crm_vn_consent"
    )
    vn_do_not_call = fields.Boolean(
        "Do Not Call",
        tracking=True,
        prefetch="crm_vn_consent",
        help="On the Do-Not-Call list (Decree 91/2020/NĐ-CP): no marketing at all (calls, SMS, emails, messages), "
        "whatever the consent.",
    )

    def write(self, vals):
        """Anyone handling the customer may put it on the Do-Not-Call list; only a sales administrator takes it off
        (the customer's objection to marketing is not undone by whoever wants to market to them)."""
        if (
            "vn_do_not_call" in vals
            and not vals["vn_do_not_call"]
            and not self.env.su
            and not self.env.user.has_group("sales_team.group_sale_manager")
            and any(self.mapped("vn_do_not_call"))
        ):
            raise AccessError(
                self.env._(
                    "Only a sales administrator can take a customer off the Do-Not-Call list. Ask one, with the "
                    "customer's request to receive marketing again."
                )
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_consent_or_marketing_log(self):
        """A customer with a consent log or a marketing log is archived, not deleted: both are the company's
        evidence (and deleting would also drop the Do-Not-Call flag). Anonymisation empties such a customer instead.
        Contacts merged into another keep their logs on the one kept (the merge moves them first)."""
        if self.env.su or not self:
            return
        # sudo: whether evidence exists does not depend on who deletes.
        for model in ("crm.vn.consent", "crm.vn.marketing.log"):
            if self.env[model].sudo().search_count([("partner_id", "in", self.ids)], limit=1):
                raise UserError(
                    self.env._(
                        "A customer with a consent or marketing log cannot be deleted: the log is the company's "
                        "evidence. Archive the customer, or carry out a deletion request (Anonymise)."
                    )
                )

    @api.depends("consent_ids.state", "consent_ids.date", "consent_ids.purpose", "consent_ids.channel")
    def _compute_consents(self):
        for partner in self:
            state = partner._crm_vn_consent_state()
            partner.consent_service = state.get(("service", "all"), False)
            for channel in MARKETING_CHANNELS:
                partner[f"consent_marketing_{channel}"] = state.get(("marketing", channel), False)
            partner.consent_date = max(partner.consent_ids.mapped("date"), default=False)

    def _crm_vn_consent_state(self):
        """{(purpose, channel): given?} from the consent log, latest record first wins.

        A record "all channels" sets every channel at its date; a later record
        for one channel overrides it for that channel only.
        """
        self.ensure_one()
        state = {}
        for consent in self.consent_ids.sorted(lambda c: (c.date, c.id)):
            channels = ("all", *MARKETING_CHANNELS) if consent.channel == "all" else (consent.channel,)
            for channel in channels:
                state[consent.purpose, channel] = consent.state == "given"
        return state

    def _crm_vn_marketing_allowed(self, channel):
        """May this customer be sent marketing on ``channel`` (email, sms, call, zalo, facebook)?"""
        self.ensure_one()
        if self.vn_do_not_call:
            return False
        return bool(self[f"consent_marketing_{channel}"])

    def _crm_vn_marketing_withdrawn(self, channel):
        """Is the latest marketing consent of this customer for ``channel`` a withdrawal?"""
        self.ensure_one()
        return self._crm_vn_consent_state().get(("marketing", channel)) is False

    @api.model
    def _crm_vn_marketing_consented(self, channel, model, linked, known, subscribed=False):
        """May a marketing message on ``channel`` go to a record of ``model``?

        The person is recognised by ``linked``, the customer of the record (the
        partner itself, or the record's ``partner_id``), and by ``known``, the
        contacts sharing the record's address or number:

        - anyone of them on the Do-Not-Call list, or whose latest consent for the
          channel is a withdrawal, stops the message;
        - the linked customer must have consented; without one, a contact at the
          address must have: silence is not consent;
        - ``subscribed``: the record subscribed to a list whose subscribers all
          asked for it (an opt-in list, see crm_vn_privacy_mass_mailing): the
          subscription, with its one-click opt-out, is the consent to that list.
        """
        # sudo: the person's consent log decides, whoever sends (a marketer outside the sales groups).
        linked, known = linked.sudo(), known.sudo()
        for partner in linked | known:
            if partner.vn_do_not_call or partner._crm_vn_marketing_withdrawn(channel):
                return False
        if linked:
            return all(partner[f"consent_marketing_{channel}"] for partner in linked)
        if subscribed:
            return True
        return any(partner[f"consent_marketing_{channel}"] for partner in known)

    def _crm_vn_marketing_sent_today(self, channel):
        """{partner id: marketing messages of ``channel`` sent in the last 24 hours}."""
        counts = self._crm_vn_marketing_counts(channel, "partner_id", self.ids)
        return {partner.id: count for partner, count in counts.items()}

    @api.model
    def _crm_vn_number_holders(self, numbers):
        """{number (E.164): contacts holding it as phone or mobile}, archived ones included."""
        numbers = [number for number in numbers if number]
        if not numbers:
            return {}
        # sudo: whoever holds the number decides on its marketing, whoever sends.
        partners = (
            self.sudo()
            .with_context(active_test=False)
            .search(["|", ("vn_phone_key", "in", numbers), ("vn_mobile_key", "in", numbers)])
        )
        holders = {}
        for partner in partners:
            for number in {partner.vn_phone_key, partner.vn_mobile_key} & set(numbers):
                holders[number] = holders.get(number, partners.browse()) | partner
        return holders

    @api.model
    def _crm_vn_marketing_sent_to(self, channel, recipients):
        """{number or address: marketing messages of ``channel`` sent to it in the last 24 hours}."""
        return self._crm_vn_marketing_counts(channel, "recipient", [recipient for recipient in recipients if recipient])

    @api.model
    def _crm_vn_marketing_counts(self, channel, fname, values):
        """{value of ``fname``: entries of the marketing log for ``channel`` in the last 24 hours}."""
        if not values:
            return {}
        since = fields.Datetime.now() - timedelta(hours=24)
        # sudo: the limit counts what anyone sent to the person.
        groups = (
            self.env["crm.vn.marketing.log"]
            .sudo()
            ._read_group([(fname, "in", values), ("channel", "=", channel), ("date", ">", since)], [fname], ["__count"])
        )
        return dict(groups)

    def action_view_consents(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Consents of %(customer)s", customer=self.display_name),
            "res_model": "crm.vn.consent",
            "view_mode": "list,form",
            "domain": [("partner_id", "=", self.id)],
            "context": {"default_partner_id": self.id},
        }

    # ------------------------------------------------------------
    # Data request
    # ------------------------------------------------------------
    # The customer's personal data requests, one click away from the customer (Law 91/2025/QH15).

    vn_data_request_count = fields.Integer("Data Requests", compute="_compute_vn_data_request_count")

    @api.depends_context("uid")
    def _compute_vn_data_request_count(self):
        Request = self.env["crm.vn.data.request"]
        counts = {}
        if Request.has_access("read"):
            # the requests the user may see (record rules follow the customer's owner)
            counts = {
                partner.id: count
                for partner, count in Request._read_group([("partner_id", "in", self.ids)], ["partner_id"], ["__count"])
            }
        for partner in self:
            partner.vn_data_request_count = counts.get(partner.id, 0)

    @api.readonly
    def action_view_vn_data_requests(self):
        """The customer's requests; a new one is for this customer. Read-only (a read replica may answer it): it
        reads nothing of the customer but its id, which a replica that has not replayed its creation yet lacks."""
        self.env["res.users"]._crm_vn_check_group("sales_team.group_sale_salesman")
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("crm_vn_privacy.crm_vn_data_request_action")
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"default_partner_id": self.id}
        return action

    # ------------------------------------------------------------
    # Personal data
    # ------------------------------------------------------------
    # Everything held on a customer, for a data-subject request (Law 91/2025/QH15).
    #
    # ``_crm_vn_personal_data()`` exports the customer's own records, then
    # those of every model declaring its personal data
    # (``crm.vn.personal.data.mixin``: feedback, sale orders, invoices, mailing
    # subscriptions...) under its key. Values are made readable by
    # ``_crm_vn_export_record`` (names for relations, ISO dates, plain text).
    #
    # Besides the records linked to the customer, the export looks for its
    # addresses and numbers where they are kept without such a link (SMS, the
    # marketing log, opt-out lists, leads from a form or an import): the same
    # addresses anonymisation looks for (``_crm_vn_personal_data_addresses``).
    # A record linked to another customer is that person's and stays out, as
    # for marketing (see ``_crm_vn_marketing_consented``); so does one found
    # only through an address or number another customer also holds (a
    # family's landline: ``_crm_vn_own_addresses``), and the part of a shared
    # meeting that concerns the other attendees. The export shows what
    # anonymisation removes, by the same rules. Every section is there, empty
    # when its application is not installed, so that the keys of the file do
    # not depend on the database.

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

    # ------------------------------------------------------------
    # Anonymize
    # ------------------------------------------------------------
    # Anonymisation of a customer for a deletion request (Law 91/2025/QH15).
    #
    # ``_crm_vn_anonymize()`` is the mirror of ``_crm_vn_personal_data()``:
    # after the customer's own records, it walks the models declaring their
    # personal data (``crm.vn.personal.data.mixin``: feedback and ratings, sale
    # orders, invoices, mailing contacts...) in the order of their sequence,
    # and counts each under its key. Records are kept where
    # they serve as evidence (consents, accounting documents); only their
    # personal values go. The customer's addresses and numbers also leave the
    # places that hold them without a link to its records: leads left without a
    # customer (a web form), meetings, outgoing mails and text messages, opt-out
    # lists. Free text on other customers' records that mentions this one (a
    # note, a message) is out of scope: it cannot be told apart from what it
    # says about them. Nothing is committed: a failure undoes everything.

    def _crm_vn_anonymize(self):
        """Remove the personal data held on this customer; return counts per kind (declare a model to add yours).

        The caller checks the request (``crm.vn.data.request.action_anonymize``)
        and calls this as superuser: the messages, activities and consents of
        other users must be reached.
        """
        self.ensure_one()
        partner = self.with_context(**ANONYMIZE_CONTEXT)
        partners = partner._crm_vn_personal_data_partners()
        # Read before anything is emptied: the addresses to look for elsewhere, and
        # those of the partners who objected to marketing. Meetings first: their
        # names and attendees are compared with the customer's, and the invitations
        # sent to the customer are deleted rather than emptied below.
        emails, numbers = partner._crm_vn_anonymize_addresses(partners)
        objected_emails, objected_numbers = partner._crm_vn_anonymize_objected_addresses(partners)
        counts = {}
        counts["meetings"] = partner._crm_vn_anonymize_meetings(partners, emails)
        # Activities before archiving (which would delete them uncounted), then
        # the partners: the records below copy their new names.
        counts["activities"] = partner._crm_vn_anonymize_activities("res.partner", partners.ids)
        counts["portal_users"] = partner._crm_vn_anonymize_portal_users(partners)
        counts["bank_accounts"] = partner._crm_vn_anonymize_bank_accounts(partners)
        counts["contacts"] = partner._crm_vn_anonymize_partners(partners) - 1
        counts["messages"] = partner._crm_vn_anonymize_messages("res.partner", partners.ids)
        counts["attachments"] = partner._crm_vn_anonymize_attachments("res.partner", partners.ids)
        counts["authored_messages"] = partner._crm_vn_anonymize_authored_messages(partners, emails)
        counts["mails"] = partner._crm_vn_anonymize_mails(partners, emails)
        counts["leads"] = partner._crm_vn_anonymize_leads(partners, emails, numbers)
        # The models that declare their personal data (crm.vn.personal.data.mixin), in the order of their sequence.
        for Model in partner.env["crm.vn.personal.data.mixin"]._crm_vn_pd_models():
            records = Model._crm_vn_pd_records(partner, partners, emails, numbers)
            result = records._crm_vn_pd_anonymize(partner)
            counts.update(result if isinstance(result, dict) else {Model._crm_vn_pd_key: result})
        counts["tracking_values"] = partner._crm_vn_anonymize_tracking(partners)
        counts["meeting_attendances"] = partner._crm_vn_anonymize_attendees(partners)
        counts["sms"] = partner._crm_vn_anonymize_sms(partners, numbers)
        counts["opt_outs"] = partner._crm_vn_anonymize_opt_outs(emails, numbers, objected_emails, objected_numbers)
        return counts

    def _crm_vn_anonymize_labels(self):
        """Readable label of each count returned by ``_crm_vn_anonymize``."""
        labels = {
            "contacts": self.env._("Contacts anonymised"),
            "leads": self.env._("Leads and opportunities anonymised"),
            "activities": self.env._("Activities deleted"),
            "messages": self.env._("Messages emptied"),
            "attachments": self.env._("Attachments deleted"),
            "bank_accounts": self.env._("Bank accounts deleted"),
            "portal_users": self.env._("Portal users archived"),
            "authored_messages": self.env._("Messages sent by the customer elsewhere, address removed"),
            "tracking_values": self.env._("Tracked changes removed or anonymised"),
            "mails": self.env._("Outgoing emails to the customer, address removed"),
            "meeting_attendances": self.env._("Meeting attendances anonymised"),
            "meetings": self.env._("Meetings whose description, location, invitations and files were removed"),
            "sms": self.env._("Text messages to the customer deleted"),
            "opt_outs": self.env._("Opt-outs kept so that the address is never marketed to again, history removed"),
        }
        for Model in self.env["crm.vn.personal.data.mixin"]._crm_vn_pd_models():
            labels.update(Model._crm_vn_pd_anonymize_labels())
        return labels

    def _crm_vn_anonymize_kept_fields(self):
        """Fields of this partner the law requires to keep (override: accounting documents)."""
        self.ensure_one()
        return set()

    def _crm_vn_anonymize_kept_banks(self):
        """Bank accounts of these partners the law requires to keep (override: used by payments)."""
        return self.env["res.partner.bank"]

    # Partners ------------------------------------------------------------

    def _crm_vn_anonymize_partners(self, partners):
        """Empty the personal fields of each partner (except those kept by law), then archive it."""
        for each in partners:
            kept = each._crm_vn_anonymize_kept_fields()
            vals = {fname: False for fname in PARTNER_FIELDS if fname not in kept and fname in each._fields}
            if "name" not in kept:
                vals["name"] = self.env._("Deleted customer %(id)s", id=each.id)
            vals["active"] = False
            each.write(vals)
        return len(partners)

    def _crm_vn_anonymize_portal_users(self, partners):
        """Archive the portal accounts of the customer: their login is its e-mail address."""
        users = self.env["res.users"].search([("partner_id", "in", partners.ids), ("share", "=", True)])
        for user in users:
            user.write({"login": f"deleted-{user.id}", "active": False})
        return len(users)

    def _crm_vn_anonymize_bank_accounts(self, partners):
        banks = partners.bank_ids - partners._crm_vn_anonymize_kept_banks()
        count = len(banks)
        banks.unlink()
        return count

    # Records about the customer -------------------------------------------

    def _crm_vn_anonymize_leads(self, partners, emails=(), numbers=()):
        """Anonymise the customer's leads, and those without a customer whose contact it is
        (``_crm_vn_unlinked_leads``): the lead stays for the pipeline's figures, its
        personal values, messages and files go."""
        leads = self.env["crm.lead"].search([("partner_id", "in", partners.ids)])
        leads |= self._crm_vn_unlinked_leads(partners, emails, numbers)
        for lead in leads:
            vals = {fname: False for fname in LEAD_FIELDS if fname in lead._fields}
            vals["name"] = self.env._("Anonymised opportunity %(id)s", id=lead.id)
            lead.write(vals)
        self._crm_vn_anonymize_activities("crm.lead", leads.ids)
        self._crm_vn_anonymize_messages("crm.lead", leads.ids)
        self._crm_vn_anonymize_attachments("crm.lead", leads.ids)
        return len(leads)

    def _crm_vn_own_addresses(self, partners, emails, numbers):
        """(emails, numbers): those of ``emails`` and ``numbers`` no one but ``partners`` holds.

        An address or number another customer also holds (a family's landline,
        a shared mailbox) does not tell whose a record is: a record found only
        through such a value, without a customer (a web-form lead, a text
        message, an entry of the marketing log), may be that person's. The
        export leaves it out, rather than handing over another person's data;
        anonymisation leaves it alone, rather than destroying it. A contact of
        the customer holding the value does not make it shared: its records
        are the customer's as well.
        """
        Partner = self.env["res.partner"].with_context(active_test=False)
        shared_numbers = {
            number for number, holders in Partner._crm_vn_number_holders(numbers).items() if holders - partners
        }
        others = (
            Partner.search([("email_normalized", "in", sorted(emails)), ("id", "not in", partners.ids)])
            if emails
            else Partner
        )
        return set(emails) - set(others.mapped("email_normalized")), set(numbers) - shared_numbers

    def _crm_vn_unlinked_leads(self, partners, emails, numbers):
        """Leads without a customer (a web form, an import, an email) that are the customer's: their email or
        phone/mobile is one of its own addresses (``_crm_vn_own_addresses``).

        The export hands them over and anonymisation empties them: one
        selection, so that the customer is given exactly what is deleted for
        it. A lead linked to another customer is that customer's, whatever it
        holds; one found only through a shared address is left out. Numbers are
        compared on their match key (``_vn_phone_key``), whatever way the lead's
        number is typed; the search on their digits only narrows the candidates.
        """
        Lead = self.env["crm.lead"].with_context(active_test=False)
        own_emails, own_numbers = self._crm_vn_own_addresses(partners, emails, numbers)
        # A shorter number is refused by the search (and would match almost anything).
        searchable = [number for number in own_numbers if len(national_digits(number)) >= 3]
        domains = [
            *self._crm_vn_email_domains(("email_from",), own_emails),
            *self._crm_vn_number_domains(("phone_mobile_search",), searchable),
        ]
        if not domains:
            return Lead
        candidates = Lead.search(expression.AND([[("partner_id", "=", False)], expression.OR(domains)]), order="id")
        key = self.env["res.partner"]._vn_phone_key

        def theirs(lead):
            lead_numbers = {key(value) for value in (lead.phone, lead.mobile) if value}
            return bool(set(email_normalize_all(lead.email_from)) & own_emails or lead_numbers & own_numbers)

        return candidates.filtered(theirs)

    def _crm_vn_meetings_about_customer(self, meetings, partners):
        """The ``meetings`` whose only attendees outside the company are ``partners`` (the customer, its contacts).

        Such a meeting is about the customer: its description and location are
        the customer's data, and go to it in an export and with it in a
        deletion. A meeting shared with other customers (a seminar) or their
        representatives holds their data as well: only the customer's part of
        it is exported or removed.
        """
        return meetings.filtered(lambda meeting: not meeting.partner_ids.filtered("partner_share") - partners)

    # Mail ----------------------------------------------------------------

    def _crm_vn_anonymize_activities(self, model, res_ids):
        activities = self.env["mail.activity"].search([("res_model", "=", model), ("res_id", "in", res_ids)])
        count = len(activities)
        activities.unlink()
        return count

    def _crm_vn_anonymize_attachments(self, model, res_ids):
        """Delete the files attached to the records (those of binary fields are emptied with the field)."""
        attachments = self.env["ir.attachment"].search([("res_model", "=", model), ("res_id", "in", res_ids)])
        count = len(attachments)
        attachments.unlink()
        return count

    def _crm_vn_anonymize_messages(self, model, res_ids, message_types=None, keep_tracking=False):
        """Empty the messages of the records: body, subject, addresses, attachments, tracked values.

        The messages stay (dates and authors are the history of the file), the
        record name they copy is set to the record's new name.
        """
        domain = [("model", "=", model), ("res_id", "in", res_ids)]
        if message_types:
            domain.append(("message_type", "in", list(message_types)))
        messages = self.env["mail.message"].search(domain)
        if not messages:
            return 0
        names = {record.id: record.display_name for record in self.env[model].browse(res_ids)}
        attachments = messages.attachment_ids
        tracking = messages.tracking_value_ids
        for message in messages:
            message.write(
                {
                    "body": "",
                    "subject": False,
                    "email_from": False,
                    "reply_to": False,
                    "record_name": names.get(message.res_id, False),
                    "attachment_ids": [fields.Command.clear()],
                }
            )
        if not keep_tracking:
            tracking.unlink()
        attachments.unlink()
        self.env["mail.mail"].search([("mail_message_id", "in", messages.ids)]).write(
            {"body_html": False, "email_to": False, "email_cc": False}
        )
        return len(messages)

    def _crm_vn_anonymize_authored_messages(self, partners, emails=()):
        """Messages the customer wrote on other records keep their author (now anonymous) but lose
        the sender's address; so do those received from one of its ``emails`` with no author."""
        domain = [("author_id", "in", partners.ids), ("email_from", "!=", False)]
        messages = self.env["mail.message"].search(
            expression.OR([domain, *self._crm_vn_email_domains(("email_from", "reply_to"), emails)])
        )
        # One write per set of fields to empty: a customer may have written thousands of messages.
        groups = {}
        for message in messages:
            by_customer = message.author_id in partners
            fnames = tuple(
                fname
                for fname in ("email_from", "reply_to")
                if message[fname] and (by_customer or set(email_normalize_all(message[fname])) & set(emails))
            )
            if fnames:
                groups.setdefault(fnames, []).append(message.id)
        for fnames, ids in groups.items():
            messages.browse(ids).write(dict.fromkeys(fnames, False))
        return sum(len(ids) for ids in groups.values())

    def _crm_vn_anonymize_mails(self, partners, emails):
        """Outgoing emails to the customer on any record: its addresses leave the recipients and the
        error text; an email left without recipient is cancelled and its text removed."""
        mails = self.env["mail.mail"].search(
            expression.OR(
                [[("recipient_ids", "in", partners.ids)], *self._crm_vn_email_domains(("email_to", "email_cc"), emails)]
            )
        )
        for mail in mails:
            vals = {
                "failure_reason": False,
                "recipient_ids": [fields.Command.unlink(p.id) for p in mail.recipient_ids & partners],
            }
            for fname in ("email_to", "email_cc"):
                kept = [
                    address
                    for address in email_split_and_format(mail[fname])
                    if not set(email_normalize_all(address)) & set(emails)
                ]
                vals[fname] = ", ".join(kept) or False
            if not (vals["email_to"] or vals["email_cc"] or mail.recipient_ids - partners):
                vals["body_html"] = False
                if mail.state in ("outgoing", "exception"):
                    vals["state"] = "cancel"
            mail.write(vals)
        # Delivery errors may quote the address.
        self.env["mail.notification"].search(
            [("res_partner_id", "in", partners.ids), ("failure_reason", "!=", False)]
        ).write({"failure_reason": False})
        return len(mails)

    def _crm_vn_email_domains(self, fnames, emails):
        """Domains finding ``emails`` in the text fields ``fnames`` (candidates: compare the normalised
        addresses of each result, an address may be a part of another one)."""
        return [[(fname, "ilike", email)] for fname in fnames for email in sorted(emails)]

    def _crm_vn_number_domains(self, fnames, numbers):
        """Domains finding the E.164 ``numbers`` in the fields ``fnames``, however written (candidates:
        compare the normalised number of each result; ``phone_mobile_search`` ignores spaces and dots)."""
        return [[(fname, "like", national_digits(number))] for fname in fnames for number in sorted(numbers)]

    # Addresses held elsewhere ---------------------------------------------

    def _crm_vn_anonymize_addresses(self, partners):
        """Normalised emails and E.164 numbers of the customer, its contacts and its leads."""
        leads = self.env["crm.lead"].search([("partner_id", "in", partners.ids)])
        emails = set()
        for value in partners.mapped("email") + leads.mapped("email_from"):
            emails.update(email_normalize_all(value))
        numbers = {
            normalize_vn_phone(value)
            for value in partners.mapped("phone")
            + partners.mapped("mobile")
            + leads.mapped("phone")
            + leads.mapped("mobile")
            if value
        }
        numbers.discard(None)
        return emails, numbers

    def _crm_vn_anonymize_attendees(self, partners):
        """The customer's attendances keep the meeting's answer; the name they store goes, even when the
        customer keeps its name by law (accounting documents do not need its meetings)."""
        attendees = self.env["calendar.attendee"].search([("partner_id", "in", partners.ids)])
        for attendee in attendees:
            attendee.common_name = self.env._("Deleted customer %(id)s", id=attendee.partner_id.id)
        return len(attendees)

    def _crm_vn_anonymize_meetings(self, partners, emails):
        """Meetings the customer attends lose what they hold on it; the other attendees keep their meetings.

        Called before the partners are emptied: the names are compared with the
        meetings' names, and the attendees with the customer's partners.

        - A meeting about the customer (``_crm_vn_meetings_about_customer``: the
          customer and its contacts are its only attendees outside the company)
          loses its description and location, where its address, number and
          wishes are written, and gets a neutral name: the name tells what they
          wanted or where they live even without naming them ("Water filter, 12
          Hang Bac"). The copies of it sent to the colleagues (invitations,
          updates, reminders: ``user_notification``, each listing the attendees
          with the description and location) are emptied, not deleted: they
          stay in the colleague's history, showing the new name. So are its
          ``.ics`` files (the attendees' addresses, the description).
        - A meeting shared with others (a seminar, a colleague's meeting with
          another customer) keeps its description, location and files, which
          are theirs as well; its name becomes the neutral one only when it
          contains the name of the customer or of one of its contacts.
        - On every meeting, the messages the customer wrote (its answers) or
          that were sent to it alone (its invitations, with the ``.ics`` file
          addressed to it) are deleted. The invitations of the other attendees
          stay. Colleagues' own notes in the chatter stay: free text on a shared
          record is out of scope, as notes on other customers are.

        The meetings are written one occurrence at a time with
        ``recurrence_update="self_only"`` and neither times nor rule: an
        occurrence of a recurring meeting stays in its series
        (``calendar.event.write`` splits or rebuilds a series for the other
        modes or a change of its rule, and makes an occurrence an exception for
        a change of its times). The attendances are kept, anonymous
        (``_crm_vn_anonymize_attendees``). Returns the number of meetings about
        the customer.
        """
        events = self.env["calendar.event"].search([("partner_ids", "in", partners.ids)])
        if not events:
            return 0
        about = self._crm_vn_meetings_about_customer(events, partners)
        names = {f" {key} " for key in map(_name_words, partners.mapped("name")) if key}
        neutral = self.env._("Meeting with a deleted customer")
        renamed = self.env["calendar.event"]
        for event in events:
            vals = {}
            if event in about:
                vals = {"description": False, "location": False}
            if event in about or any(name in f" {_name_words(event.name)} " for name in names):
                vals["name"] = neutral
                renamed |= event
            if vals:
                event.write({**vals, "recurrence_update": "self_only"})
        messages = self.env["mail.message"].search([("model", "=", "calendar.event"), ("res_id", "in", events.ids)])
        customer_emails = set(emails)

        def customers(message):
            recipients = message.partner_ids
            return bool(
                message.author_id & partners
                or (recipients and not recipients - partners)
                or set(email_normalize_all(message.email_from)) & customer_emails
            )

        sent = messages.filtered(customers)
        copies = (messages - sent).filtered(
            lambda message: message.message_type == "user_notification" and message.res_id in about.ids
        )
        files = sent.attachment_ids | copies.attachment_ids
        files |= self.env["ir.attachment"].search(
            [
                ("res_model", "=", "calendar.event"),
                ("res_id", "in", about.ids),
                "|",
                ("mimetype", "=", "text/calendar"),
                ("name", "=ilike", "%.ics"),
            ]
        )
        copies.write({"body": "", "subject": False, "attachment_ids": [fields.Command.clear()]})
        # Their emails, if not sent yet, would carry the removed description: emptied, and not sent empty.
        outgoing = self.env["mail.mail"].search([("mail_message_id", "in", copies.ids)])
        outgoing.write({"body_html": False})
        outgoing.filtered(lambda mail: mail.state in ("outgoing", "exception")).write({"state": "cancel"})
        (messages - sent).filtered(lambda message: message.res_id in renamed.ids).write({"record_name": neutral})
        sent.unlink()
        files.unlink()
        return len(about)

    def _crm_vn_anonymize_sms(self, partners, numbers):
        """Text messages to the customer (queued, sent or failed) are deleted, as Odoo itself deletes
        them once sent: an ``sms.sms`` is only a number and a text. Those still queued are cancelled
        first, so that their notifications say so; the notifications keep their state, not the number.

        An SMS linked to another customer stays, even to this number (theirs as well).
        """
        # Numbers are stored as sent (E.164, as ours): compared as such, no scan of the digits. A number another
        # customer shares finds only what is linked to this one (``_crm_vn_own_addresses``).
        own_numbers = sorted(self._crm_vn_own_addresses(partners, set(), numbers)[1])
        sms = self.env["sms.sms"].search(
            ["|", ("partner_id", "in", partners.ids), "&", ("partner_id", "=", False), ("number", "in", own_numbers)]
        )
        sms.filtered(lambda sms: sms.state == "outgoing").action_set_canceled()
        count = len(sms)
        sms.unlink()
        self.env["mail.notification"].search(
            [
                ("notification_type", "=", "sms"),
                ("sms_number", "!=", False),
                "|",
                ("res_partner_id", "in", partners.ids),
                "&",
                ("res_partner_id", "=", False),
                ("sms_number", "in", own_numbers),
            ]
        ).write({"sms_number": False})
        return count

    def _crm_vn_anonymize_objected_addresses(self, partners):
        """(emails, numbers) of the partners who objected to marketing, read before they are emptied.

        Each partner objects for itself: the Do-Not-Call list, or a withdrawn
        marketing consent (email for addresses; SMS or calls for numbers), on
        that partner. The addresses of a contact who did not object (a spouse)
        are not blacklisted because the customer did.
        """
        emails, numbers = set(), set()
        for each in partners:
            own_emails, own_numbers = self._crm_vn_anonymize_addresses(each)
            if each.vn_do_not_call or each._crm_vn_marketing_withdrawn("email"):
                emails |= own_emails
            if each.vn_do_not_call or any(each._crm_vn_marketing_withdrawn(channel) for channel in ("sms", "call")):
                numbers |= own_numbers
        return emails, numbers

    def _crm_vn_anonymize_opt_outs(self, emails, numbers, objected_emails, objected_numbers):
        """Keep the customer's opt-outs (email and phone blacklists), without their history.

        A deletion must not undo an objection to marketing: were the entry
        removed, the address or number would be marketed to again as soon as it
        came back (an import, a web form, a mailing list). The entry keeps the
        bare address, which is needed for that purpose alone; its history
        (messages, which may name the person or quote their words) goes. The
        opt-outs already on the list are kept for every address of the
        customer and its contacts. An objection recorded only on a partner (the
        Do-Not-Call list, a withdrawn marketing consent, both kept on the
        anonymised records, which no longer hold the addresses) becomes an
        opt-out of that partner's addresses (``objected_emails``,
        ``objected_numbers``, see ``_crm_vn_anonymize_objected_addresses``).
        """
        for email in sorted(objected_emails):
            self.env["mail.blacklist"]._add(email)
        for number in sorted(objected_numbers):
            self.env["phone.blacklist"].add(number)
        count = 0
        for list_model, list_fname, values in (
            ("mail.blacklist", "email", emails),
            ("phone.blacklist", "number", numbers),
        ):
            if not values:
                continue
            entries = self.env[list_model].with_context(active_test=False).search([(list_fname, "in", sorted(values))])
            self.env["mail.message"].search([("model", "=", list_model), ("res_id", "in", entries.ids)]).unlink()
            count += len(entries)
        return count

    def _crm_vn_anonymize_tracking(self, partners):
        """Tracked changes of a customer field (on a request, a lead, an order) show its new name."""
        tracking = self.env["mail.tracking.value"].search(
            [
                ("field_id.relation", "=", "res.partner"),
                "|",
                ("old_value_integer", "in", partners.ids),
                ("new_value_integer", "in", partners.ids),
            ]
        )
        names = {partner.id: partner.display_name for partner in partners}
        for value in tracking:
            value.write(
                {
                    "old_value_char": names.get(value.old_value_integer, value.old_value_char),
                    "new_value_char": names.get(value.new_value_integer, value.new_value_char),
                }
            )
        return len(tracking)


def _name_words(name):
    """A name compared word by word: folded (no diacritics, no case) and without punctuation."""
    return " ".join(normalize_vn_name(name).replace(".", " ").replace(",", " ").split())
