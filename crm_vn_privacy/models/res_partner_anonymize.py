import phonenumbers

from odoo import fields, models
from odoo.osv import expression
from odoo.tools.mail import email_normalize_all, email_split_and_format

from odoo.addons.l10n_vn_address.tools.names import normalize_vn_name
from odoo.addons.l10n_vn_phone.tools.phone import normalize_vn_phone

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
    """Anonymisation of a customer for a deletion request (Law 91/2025/QH15).

    ``_crm_vn_anonymize()`` is the mirror of ``_crm_vn_personal_data()``:
    after the customer's own records, it walks the models declaring their
    personal data (``crm.vn.personal.data.mixin``: feedback and ratings, sale
    orders, invoices, mailing contacts...) in the order of their sequence,
    and counts each under its key. Records are kept where
    they serve as evidence (consents, accounting documents); only their
    personal values go. The customer's addresses and numbers also leave the
    places that hold them without a link to its records: leads left without a
    customer (a web form), meetings, outgoing mails and text messages, opt-out
    lists. Free text on other customers' records that mentions this one (a
    note, a message) is out of scope: it cannot be told apart from what it
    says about them. Nothing is committed: a failure undoes everything.
    """

    _inherit = "res.partner"

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
