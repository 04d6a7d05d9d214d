from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

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
        calls = self.filtered(lambda a: a.activity_type_id.vn_marketing and a.activity_type_id.category == "phonecall")
        calls._crm_vn_check_call_hours()
        calls._crm_vn_log_calls()
        return super()._action_done(feedback=feedback, attachment_ids=attachment_ids)

    def _crm_vn_log_calls(self):
        """Count the marketing calls made (Decree 91/2020: one per person and 24 hours) in the marketing log."""
        logs = []
        for call in self:
            customer = call._crm_vn_customer()
            if not customer:
                continue
            if customer._crm_vn_marketing_sent_today("call").get(customer.id, 0) >= CALLS_PER_DAY:
                raise UserError(
                    self.env._(
                        "%(customer)s already received a marketing call in the last 24 hours: at most one marketing "
                        "call per person per day.",
                        customer=customer.display_name,
                    )
                )
            logs.append(
                {
                    "partner_id": customer.id,
                    "recipient": customer.vn_mobile_key or customer.vn_phone_key,
                    "channel": "call",
                }
            )
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

    def _crm_vn_check_marketing_consent(self):
        for activity in self:
            customer = activity._crm_vn_customer()
            if not customer:
                continue
            channel = "call" if activity.activity_type_id.category == "phonecall" else "email"
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
            if channel == "call":
                same_day = (activity._crm_vn_marketing_calls_of(customer) - activity).filtered(
                    lambda other, day=activity.date_deadline: other.date_deadline == day
                )
                if same_day:
                    raise ValidationError(
                        self.env._(
                            "%(customer)s already has a marketing call planned on %(date)s: at most one marketing call "
                            "per person per day.",
                            customer=customer.display_name,
                            date=activity.date_deadline,
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
        if "crm.lead" in self.env:
            leads = (
                self.env["crm.lead"].sudo().with_context(active_test=False).search([("partner_id", "=", customer.id)])
            )
            calls |= self.sudo().search([*domain[:2], ("res_model", "=", "crm.lead"), ("res_id", "in", leads.ids)])
        return calls
