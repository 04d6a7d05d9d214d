from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.l10n_vn_phone.tools.phone import normalize_vn_phone

from ..tools.marketing import CALL_HOURS, CALLS_PER_DAY, within_hours


class MailActivity(models.Model):
    """Marketing calls planned as activities follow the customer's consent (Decree 91/2020/NĐ-CP)."""

    _inherit = "mail.activity"

    @api.model_create_multi
    def create(self, vals_list):
        activities = super().create(vals_list)
        activities.filtered(lambda a: a.activity_type_id.vn_marketing)._crm_vn_check_marketing_consent()
        return activities

    def write(self, vals):
        result = super().write(vals)
        if {"activity_type_id", "date_deadline", "res_id", "res_model_id"}.intersection(vals):
            self.filtered(lambda a: a.activity_type_id.vn_marketing)._crm_vn_check_marketing_consent()
        return result

    def _action_done(self, feedback=False, attachment_ids=None):
        marketing = self.filtered(lambda a: a.activity_type_id.vn_marketing)
        # Planned before the customer joined the Do-Not-Call list or withdrew consent: not to be carried out now.
        marketing._crm_vn_check_marketing_consent(planning=False)
        calls = marketing.filtered(lambda a: a.activity_type_id.category == "phonecall")
        calls._crm_vn_check_call_hours()
        calls._crm_vn_log_calls()
        return super()._action_done(feedback=feedback, attachment_ids=attachment_ids)

    def _crm_vn_log_calls(self):
        """Count the marketing calls made (Decree 91/2020: one per person and 24 hours) in the marketing log.

        The person is the customer of the record, or else whoever holds its number; the calls are counted per
        customer and per number, those of this batch included.
        """
        Partner = self.env["res.partner"]
        logs = []
        for call in self:
            customer, numbers = call._crm_vn_customer(), call._crm_vn_numbers()
            made = customer._crm_vn_marketing_sent_today("call").get(customer.id, 0) if customer else 0
            made = max([made, *Partner._crm_vn_marketing_sent_to("call", numbers).values()])
            made += sum(
                1
                for log in logs
                if (customer and log["partner_id"] == customer.id) or (log["recipient"] and log["recipient"] in numbers)
            )
            if made >= CALLS_PER_DAY:
                raise UserError(
                    self.env._(
                        "%(person)s already received a marketing call in the last 24 hours: at most one marketing "
                        "call per person per day.",
                        person=customer.display_name or call.res_name or ", ".join(numbers),
                    )
                )
            logs += [
                {"partner_id": customer.id, "recipient": number, "channel": "call"} for number in numbers or [False]
            ]
        # sudo: the log is the company's record of contacts, written whoever calls.
        self.env["crm.vn.marketing.log"].sudo().create(logs)

    def _crm_vn_check_call_hours(self):
        """A marketing call is logged when it is made: only between 08:00 and 17:00, Vietnam time."""
        if not self:
            return
        if not within_hours(CALL_HOURS, fields.Datetime.now()):
            raise UserError(
                self.env._(
                    "Marketing calls may only be made between 08:00 and 17:00 (Vietnam time): call the customer "
                    "during those hours, then mark the call done."
                )
            )

    def _crm_vn_customer(self):
        """The customer an activity is about (the partner itself, or the partner of a lead or order)."""
        self.ensure_one()
        if not self.res_model or not self.res_id:
            return self.env["res.partner"]
        # sudo: the customer's consent decides, whoever plans the call.
        record = self.env[self.res_model].sudo().browse(self.res_id)
        if self.res_model == "res.partner":
            return record
        return record.partner_id if "partner_id" in record._fields else self.env["res.partner"]

    def _crm_vn_numbers(self):
        """The phone numbers (E.164) of the customer of the activity, or else of its record (a lead without one)."""
        self.ensure_one()
        customer = self._crm_vn_customer()
        if customer:
            return sorted({key for key in (customer.vn_mobile_key, customer.vn_phone_key) if key})
        if not self.res_model or not self.res_id:
            return []
        # sudo: as for the customer, the record's number decides whoever plans the call.
        record = self.env[self.res_model].sudo().browse(self.res_id)
        raw = [record[fname] for fname in ("mobile", "phone") if fname in record._fields and record[fname]]
        return sorted({normalize_vn_phone(number) for number in raw} - {None})

    def _crm_vn_holders(self, channel):
        """Contacts holding the number (calls) or the email address (other channels) of the activity's record."""
        self.ensure_one()
        Partner = self.env["res.partner"]
        if channel == "call":
            holders = Partner._crm_vn_number_holders(self._crm_vn_numbers())
            return Partner.concat(*holders.values()) if holders else Partner
        if not self.res_model or not self.res_id:
            return Partner
        # sudo: as for the customer, the record's address decides whoever plans the contact.
        record = self.env[self.res_model].sudo().browse(self.res_id)
        email = record.email_normalized if "email_normalized" in record._fields else False
        if not email:
            return Partner
        return Partner.sudo().with_context(active_test=False).search([("email_normalized", "=", email)])

    def _crm_vn_check_marketing_consent(self, planning=True):
        """Refuse marketing activities the customer did not consent to (or on the Do-Not-Call list); when
        ``planning``, also a second marketing call planned on the same day."""
        Partner = self.env["res.partner"]
        for activity in self:
            customer = activity._crm_vn_customer()
            channel = "call" if activity.activity_type_id.category == "phonecall" else "email"
            if not customer:
                # A lead without customer: whoever holds its number or address must have consented; silence is
                # not consent.
                people = activity._crm_vn_holders(channel)
                if not Partner._crm_vn_marketing_consented(channel, activity.res_model, Partner, people):
                    raise ValidationError(
                        self.env._(
                            "%(record)s has no customer, and nobody holding its number or address consented to this "
                            "marketing contact: link the customer, or record their consent first.",
                            record=activity.res_name or activity.res_model,
                        )
                    )
                continue
            if not customer._crm_vn_marketing_allowed(channel):
                if customer.vn_do_not_call:
                    message = self.env._("%(customer)s is on the Do-Not-Call list.", customer=customer.display_name)
                else:
                    message = self.env._(
                        "%(customer)s has not consented to marketing by %(channel)s.",
                        customer=customer.display_name,
                        channel=dict(customer.consent_ids._fields["channel"]._description_selection(self.env))[channel],
                    )
                raise ValidationError(message)
            if channel == "call" and planning:
                same_day = (activity._crm_vn_marketing_calls_of(customer) - activity).filtered(
                    lambda other, day=activity.date_deadline: other.date_deadline == day
                )
                if same_day:
                    raise ValidationError(
                        self.env._(
                            "%(customer)s already has a marketing call planned on %(date)s: at most one marketing call "
                            "per person per day.",
                            customer=customer.display_name,
                            date=activity.date_deadline.strftime("%d/%m/%Y"),
                        )
                    )

    def _crm_vn_marketing_calls_of(self, customer):
        """Planned marketing calls of a customer: on the customer and on the customer's leads."""
        # sudo: the limit counts every call planned for the person, by anyone.
        domain = [
            ("activity_type_id.vn_marketing", "=", True),
            ("activity_type_id.category", "=", "phonecall"),
            ("res_model", "=", "res.partner"),
            ("res_id", "=", customer.id),
        ]
        calls = self.sudo().search(domain)
        leads = self.env["crm.lead"].sudo().with_context(active_test=False).search([("partner_id", "=", customer.id)])
        calls |= self.sudo().search([*domain[:2], ("res_model", "=", "crm.lead"), ("res_id", "in", leads.ids)])
        return calls
