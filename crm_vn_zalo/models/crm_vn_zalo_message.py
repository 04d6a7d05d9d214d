import logging
import uuid
from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.tools import SQL

from odoo.addons.crm_vn_privacy.tools.marketing import SMS_HOURS, SMS_PER_DAY, next_opening, within_hours

from ..tools.zalo import backoff_minutes, is_transient, zalo_phone
from .crm_vn_zalo_account import ZaloError

_logger = logging.getLogger(__name__)

STATES = [
    ("queued", "Queued"),
    ("sent", "Sent"),
    ("delivered", "Delivered"),
    ("read", "Read"),
    ("failed", "Failed"),
    ("skipped", "Not Sent"),
]
BATCH = 200


class CrmVnZaloMessage(models.Model):
    """One message to a customer on Zalo: a ZNS template message (to a phone number) or a consultation message of the
    Official Account (to a Zalo user). Queued by the user's request, sent by the scheduler in batches: a request
    never waits on Zalo, and two processes never send the same message (rows locked, SKIP LOCKED)."""

    _name = "crm.vn.zalo.message"
    _description = "Zalo Message"
    _inherit = ["crm.vn.personal.data.mixin"]
    # crm_vn_base's guards: contacts one may see, computed fields never written by hand, clear errors on bad values
    _crm_vn_check_contacts = True
    _crm_vn_check_computed = True
    _crm_vn_check_values = True
    _order = "id desc"
    _rec_name = "partner_id"

    account_id = fields.Many2one("crm.vn.zalo.account", required=True, index=True, ondelete="restrict")
    company_id = fields.Many2one(related="account_id.company_id", store=True, index=True)
    partner_id = fields.Many2one("res.partner", "Customer", index=True, ondelete="cascade")
    kind = fields.Selection([("zns", "ZNS"), ("oa", "Official Account Message")], required=True, default="zns")
    template_id = fields.Many2one("crm.vn.zalo.template", "ZNS Template", ondelete="restrict")
    tag = fields.Selection(related="template_id.tag", store=True)
    phone = fields.Char(help="The number written to, as Zalo wants it (84912345678).")
    zalo_user_id = fields.Char("Zalo User ID")
    params = fields.Json("Parameters")
    body = fields.Text()
    res_model = fields.Char("Sent From Model")
    res_id = fields.Many2oneReference("Sent From", model_field="res_model")
    state = fields.Selection(STATES, required=True, default="queued", index=True)
    failure_code = fields.Char(readonly=True)
    # said from the code in the reader's language (a job that records a failure has no language of its own)
    failure_reason = fields.Char(compute="_compute_failure_reason")
    zalo_msg_id = fields.Char("Zalo Message ID", index="btree_not_null", readonly=True, copy=False)
    tracking_id = fields.Char(required=True, readonly=True, copy=False, default=lambda self: uuid.uuid4().hex)
    attempt_count = fields.Integer(readonly=True)
    next_try_at = fields.Datetime(readonly=True)
    sent_at = fields.Datetime(readonly=True)
    delivered_at = fields.Datetime(readonly=True)
    user_id = fields.Many2one("res.users", "Queued By", default=lambda self: self.env.user, readonly=True)

    _sql_constraints = [("tracking_uniq", "unique(tracking_id)", "Tracking ids are unique.")]

    def init(self):
        self.env.cr.execute(
            "CREATE INDEX IF NOT EXISTS crm_vn_zalo_message_queue_idx "
            "ON crm_vn_zalo_message (id) WHERE state = 'queued'"
        )

    # ------------------------------------------------------------------ queueing
    @api.model
    def _zalo_queue_template(self, template, records, partner_field=None):
        """Queue ``template`` for each of ``records`` (customers, or records with a customer in ``partner_field``).

        Parameters are read now, as the current user; marketing rules are checked now (consent, Do-Not-Call,
        daily limit, hours) and again at sending. Returns the messages, refused ones included with their reason.
        """
        vals_list = []
        for record in records:
            partner = record if record._name == "res.partner" else record[partner_field or "partner_id"]
            vals = {
                "account_id": template.account_id.id,
                "template_id": template.id,
                "kind": "zns",
                "partner_id": partner.id,
                "res_model": record._name,
                "res_id": record.id,
                "phone": zalo_phone(partner.vn_mobile_key) or zalo_phone(partner.vn_phone_key),
                "params": template._zalo_render(record),
            }
            vals_list.append(vals)
        # sudo: queueing is allowed to whoever may read the records; the records' rules were applied above.
        messages = self.sudo().create(vals_list)
        messages._zalo_refuse()
        messages._zalo_post_queued()
        self.env.ref("crm_vn_zalo.ir_cron_crm_vn_zalo_send")._trigger()
        return messages.with_env(self.env)

    def _zalo_refuse(self):
        """Mark "Not Sent", with the reason, the queued messages that must not go."""
        promotion = self.filtered(lambda message: message.tag == "promotion")
        sent_today = promotion.partner_id._crm_vn_marketing_sent_today("zalo") if promotion else {}
        now = fields.Datetime.now()
        in_hours = within_hours(SMS_HOURS, now)
        for message in self.filtered(lambda message: message.state == "queued"):
            reason = None
            if message.kind == "zns" and not message.phone:
                reason = "no_phone"
            elif message.kind == "oa" and not message.zalo_user_id:
                reason = "no_zalo_user"
            elif message.tag == "promotion":
                partner = message.partner_id
                if not partner or not partner._crm_vn_marketing_allowed("zalo"):
                    reason = "no_consent"
                elif sent_today.get(partner.id, 0) >= SMS_PER_DAY:
                    reason = "limit"
                elif not in_hours:
                    # advertising waits for the marketing hours (07:00-22:00, Vietnam time)
                    message.next_try_at = next_opening(SMS_HOURS, now)
                else:
                    sent_today[partner.id] = sent_today.get(partner.id, 0) + 1
            if reason:
                message._zalo_fail(reason, final=True, state="skipped")

    def _zalo_failure_reasons(self):
        """Why a message did not go, said to the user (Zalo's codes as its ZNS and OA documentation list them)."""
        return {
            "no_phone": self.env._("The customer has no Vietnamese mobile number."),
            "no_consent": self.env._("No marketing consent for Zalo, or on the Do-Not-Call list."),
            "limit": self.env._("Daily marketing limit reached."),
            "no_zalo_user": self.env._("The customer has not written to the Official Account on Zalo."),
            "-108": self.env._("Invalid phone number."),
            "-109": self.env._("Unknown template."),
            "-112": self.env._("A parameter does not fit the template."),
            "-115": self.env._("The Official Account's ZNS quota is used up."),
            "-118": self.env._("No Zalo account with this phone number, or it is disabled."),
            "-119": self.env._("This Zalo account cannot receive ZNS."),
            "-124": self.env._("The access token was refused."),
            "-131": self.env._("The template is not approved."),
            "-213": self.env._("The customer does not follow the Official Account."),
            "-32": self.env._("Too many requests to Zalo."),
            "-1": self.env._("Zalo could not be reached."),
        }

    @api.depends("failure_code")
    @api.depends_context("lang")
    def _compute_failure_reason(self):
        reasons = self._zalo_failure_reasons()
        for message in self:
            code = message.failure_code
            message.failure_reason = (
                (reasons.get(code) or self.env._("Zalo error %(code)s.", code=code)) if code else False
            )

    def _zalo_fail(self, code, final=True, state="failed"):
        self.ensure_one()
        vals = {"failure_code": str(code)}
        if final:
            vals["state"] = state
        self.write(vals)

    def _zalo_log(self, say):
        """Say in each customer's chatter, as a note, ``say(message)`` of their messages (one note per customer and
        call, written in one batch: a campaign of thousands does not post thousands of times). ``message`` comes in
        the language of the customer's salesperson (the company's when none): the scheduler writes most of them."""
        bodies = {}
        for message in self.filtered("partner_id"):
            partner = message.partner_id
            lang = partner.user_id.lang or message.company_id.partner_id.lang or self.env.lang
            text = say(message.with_context(lang=lang))
            if text:
                bodies.setdefault(message.partner_id.id, []).append(text)
        if bodies:
            partners = self.env["res.partner"].sudo().browse(list(bodies))
            partners._message_log_batch({pid: Markup("<br/>").join(texts) for pid, texts in bodies.items()})

    def _zalo_post_queued(self):
        """Say in the customer's chatter what was queued (or why it will not go)."""

        def say(message):
            # one whole sentence per case: a template's name is no word of a sentence built around it
            template, reason = message.template_id.name, message.failure_reason
            if message.state == "skipped":
                if template:
                    return message.env._(
                        'Not sent on Zalo with the template "%(template)s": %(reason)s',
                        template=template,
                        reason=reason,
                    )
                return message.env._("Zalo message not sent: %(reason)s", reason=reason)
            if template:
                return message.env._('Queued for Zalo with the template "%(template)s".', template=template)
            return message.env._("Zalo message queued.")

        self._zalo_log(say)

    # ------------------------------------------------------------------ sending
    @api.model
    def _cron_send(self, limit=BATCH):
        """Send the queued messages that are due, a batch at a time; each row is locked while it is sent, and
        rows another process holds are skipped."""
        now = fields.Datetime.now()
        self.flush_model(["state", "next_try_at"])
        self.env.cr.execute(
            SQL(
                """SELECT id FROM crm_vn_zalo_message
                    WHERE state = 'queued' AND (next_try_at IS NULL OR next_try_at <= %s)
                    ORDER BY id LIMIT %s FOR UPDATE SKIP LOCKED""",
                now,
                limit,
            )
        )
        messages = self.browse([row[0] for row in self.env.cr.fetchall()])
        messages._zalo_refuse()  # marketing rules again: consent may have been withdrawn meanwhile
        messages.filtered(lambda message: message.state == "queued")._zalo_send()
        remaining = self.search_count([("state", "=", "queued"), ("next_try_at", "=", False)], limit=1)
        self.env["ir.cron"]._notify_progress(done=len(messages), remaining=remaining)

    def _zalo_send(self):
        log, done = [], []
        for message in self:
            try:
                if message.kind == "zns":
                    data = message.account_id._zalo_call(
                        "POST",
                        "business",
                        "/message/template",
                        payload={
                            "phone": message.phone,
                            "template_id": message.template_id.zalo_template_id,
                            "template_data": message._zalo_template_data(),
                            "tracking_id": message.tracking_id,
                        },
                    )
                else:
                    data = message.account_id._zalo_call(
                        "POST",
                        "openapi",
                        "/v3.0/oa/message/cs",
                        payload={"recipient": {"user_id": message.zalo_user_id}, "message": {"text": message.body}},
                    )
            except ZaloError as error:
                attempt = message.attempt_count + 1
                wait = backoff_minutes(attempt) if is_transient(error.code, error.http_status) else None
                message.write({"attempt_count": attempt})
                if wait is not None:
                    message.write({"next_try_at": fields.Datetime.now() + timedelta(minutes=wait)})
                    message._zalo_fail(error.code, final=False)
                else:
                    message._zalo_fail(error.code)
                    done.append(message.id)
                continue
            message.write(
                {
                    "state": "sent",
                    "zalo_msg_id": (data or {}).get("msg_id") or (data or {}).get("message_id"),
                    "sent_at": fields.Datetime.now(),
                    "attempt_count": message.attempt_count + 1,
                    "failure_code": False,
                }
            )
            if message.tag == "promotion":
                log.append(
                    {
                        "partner_id": message.partner_id.id,
                        "recipient": f"+{message.phone}",
                        "channel": "zalo",
                        "company_id": message.company_id.id,
                    }
                )
            done.append(message.id)
        self.browse(done)._zalo_post_result()
        if log:
            self.env["crm.vn.marketing.log"].sudo().create(log)

    def _zalo_template_data(self):
        """The parameters as Zalo receives them: those kept in the message, and the secret ones (rating tokens) read
        now from the record the message was sent from."""
        self.ensure_one()
        data = dict(self.params or {})
        secret = self.template_id.param_ids.filtered(lambda param: param._zalo_is_secret())
        if secret and self.res_model and self.res_id:
            # sudo: the secret is read by the sender, for Zalo only; nobody reads it in the message
            record = self.env[self.res_model].sudo().browse(self.res_id).exists()
            for param in secret:
                data[param.name] = param.sudo()._zalo_value(record) if record else ""
        return data

    def _zalo_post_result(self):
        def say(message):
            template, reason = message.template_id.name, message.failure_reason
            if message.state == "sent":
                if template:
                    return message.env._('Sent on Zalo with the template "%(template)s".', template=template)
                return message.env._("Zalo message sent.")
            if template:
                return message.env._(
                    'Sending on Zalo with the template "%(template)s" failed: %(reason)s',
                    template=template,
                    reason=reason,
                )
            return message.env._("Sending the Zalo message failed: %(reason)s", reason=reason)

        self._zalo_log(say)

    # ------------------------------------------------------------
    # Personal data (crm_vn_privacy's declarative mixin)
    # ------------------------------------------------------------
    # Zalo messages in a customer's personal data: exported; anonymisation keeps that a message was sent (costs,
    # daily limits) without the number, the Zalo user, the parameters or the text.

    _crm_vn_pd_key = "zalo_messages"
    _crm_vn_pd_sequence = 45
    _crm_vn_pd_order = "id"
    _crm_vn_pd_export_exclude = ("tracking_id",)
    _crm_vn_pd_empty = ("phone", "zalo_user_id", "params", "body")

    def _crm_vn_pd_anonymize_label(self):
        return self.env._("Zalo messages kept without number, user or text")
