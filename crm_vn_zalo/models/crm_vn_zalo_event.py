import json
import logging
from datetime import timedelta

from odoo import api, fields, models
from odoo.tools import SQL, html_escape

from .crm_vn_zalo_account import ZaloError

_logger = logging.getLogger(__name__)

MESSAGE_EVENTS = {
    "user_send_text",
    "user_send_image",
    "user_send_link",
    "user_send_file",
    "user_send_sticker",
    "user_send_location",
    "user_send_audio",
    "user_send_video",
}
DELIVERY_EVENTS = {"user_received_message", "user_seen_message"}
# Zalo lets an Official Account answer a user this long after the user's last message (consultation messages).
REPLY_WINDOW = timedelta(days=7)


class CrmVnZaloEvent(models.Model):
    """An event Zalo posted to the webhook, stored as received (signature checked) and handled by a job: the webhook
    answers at once, and a resent event (same key) is stored once."""

    _name = "crm.vn.zalo.event"
    _description = "Zalo Event"
    _order = "id desc"
    _rec_name = "event_name"

    account_id = fields.Many2one("crm.vn.zalo.account", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(related="account_id.company_id", store=True)
    event_name = fields.Char(required=True, readonly=True)
    event_key = fields.Char(required=True, readonly=True)
    payload = fields.Json(readonly=True)
    state = fields.Selection([("new", "To Handle"), ("done", "Handled"), ("error", "Error")], default="new", index=True)
    partner_id = fields.Many2one("res.partner", "Customer", index=True, ondelete="set null", readonly=True)
    error = fields.Char(readonly=True)

    _sql_constraints = [("event_uniq", "unique(account_id, event_key)", "Zalo resent an event already received.")]

    @api.model
    def _zalo_event_key(self, payload):
        message = payload.get("message") or {}
        if message.get("msg_id"):
            return f"{payload.get('event_name')}:{message['msg_id']}"
        sender = (payload.get("sender") or payload.get("follower") or {}).get("id", "")
        return f"{payload.get('event_name')}:{sender}:{payload.get('timestamp')}"

    @api.model
    def _zalo_store(self, account, payload):
        """Store ``payload`` once (a resend is ignored) and wake the job up. Returns True when new."""
        self.env.cr.execute(
            SQL(
                """INSERT INTO crm_vn_zalo_event (account_id, event_name, event_key, payload, state, create_date,
                                                   write_date, create_uid, write_uid)
                   VALUES (%s, %s, %s, %s, 'new', now() at time zone 'UTC', now() at time zone 'UTC', %s, %s)
                   ON CONFLICT (account_id, event_key) DO NOTHING RETURNING id""",
                account.id,
                str(payload.get("event_name") or "")[:64],
                self._zalo_event_key(payload)[:255],
                json.dumps(payload),
                self.env.uid,
                self.env.uid,
            )
        )
        created = bool(self.env.cr.fetchone())
        if created:
            self.env.ref("crm_vn_zalo.ir_cron_crm_vn_zalo_events")._trigger()
        return created

    @api.model
    def _cron_process(self, limit=500):
        self.flush_model(["state"])
        self.env.cr.execute(
            SQL(
                "SELECT id FROM crm_vn_zalo_event WHERE state = 'new' ORDER BY id LIMIT %s FOR UPDATE SKIP LOCKED",
                limit,
            )
        )
        events = self.browse([row[0] for row in self.env.cr.fetchall()])
        for event in events:
            try:
                with self.env.cr.savepoint():
                    event._zalo_handle()
                    event.state = "done"
            except Exception as error:
                _logger.warning("Zalo event %s could not be handled: %s", event.id, type(error).__name__)
                event.write({"state": "error", "error": type(error).__name__})
        self.env["ir.cron"]._notify_progress(done=len(events), remaining=self.search_count([("state", "=", "new")]))

    def _zalo_handle(self):
        payload, name = self.payload or {}, self.event_name
        if name in MESSAGE_EVENTS:
            self._zalo_handle_message(payload)
        elif name in ("follow", "unfollow"):
            user_id = (payload.get("follower") or {}).get("id")
            partner = self._zalo_partner(user_id, create=name == "follow")
            if partner:
                partner.zalo_status = "follower" if name == "follow" else "unfollowed"
                self.partner_id = partner
        elif name in DELIVERY_EVENTS:
            message = payload.get("message") or {}
            ids = message.get("msg_ids") or [message.get("msg_id")]
            sent = self.env["crm.vn.zalo.message"].search([("zalo_msg_id", "in", [i for i in ids if i])])
            if name == "user_received_message":
                sent.filtered(lambda m: m.state == "sent").write(
                    {"state": "delivered", "delivered_at": fields.Datetime.now()}
                )
            else:
                sent.filtered(lambda m: m.state in ("sent", "delivered")).write({"state": "read"})

    def _zalo_partner(self, user_id, create=True):
        """The customer of a Zalo user: the one linked to the user id, else the one holding the phone Zalo shares,
        else (``create``) a new contact marked unverified. Never guessed from what the user wrote."""
        if not user_id:
            return self.env["res.partner"]
        Partner = self.env["res.partner"].with_context(active_test=False)
        partner = Partner.search([("zalo_user_id", "=", user_id)], limit=1)
        if partner:
            return partner
        detail = {}
        try:
            detail = (
                self.account_id._zalo_call(
                    "GET", "openapi", "/v3.0/oa/user/detail", params={"data": json.dumps({"user_id": user_id})}
                )
                or {}
            )
        except ZaloError as error:
            _logger.info("Zalo user detail unavailable (%s)", error.code)
        shared = detail.get("shared_info") or {}
        phone = shared.get("phone")
        if phone:
            key = "+" + str(phone).lstrip("+")
            partner = Partner.search(
                [
                    ("company_id", "in", [False, self.company_id.id]),
                    "|",
                    ("vn_mobile_key", "=", key),
                    ("vn_phone_key", "=", key),
                ],
                limit=1,
            )
            if partner:
                partner.zalo_user_id = user_id
                return partner
        if not create:
            return Partner
        return Partner.with_context(crm_vn_skip_duplicate_check=True).create(
            {
                "name": shared.get("name") or detail.get("display_name") or self.env._("Zalo user %(id)s", id=user_id),
                "mobile": ("+" + str(phone).lstrip("+")) if phone else False,
                "zalo_user_id": user_id,
                "zalo_unverified": True,
                "company_id": self.company_id.id,
                # someone new writing to the OA: a prospect, in the customer lists until someone takes them
                "lifecycle_stage": "prospect",
            }
        )

    def _zalo_handle_message(self, payload):
        sender = (payload.get("sender") or {}).get("id")
        partner = self._zalo_partner(sender)
        self.partner_id = partner
        message = payload.get("message") or {}
        text = message.get("text") or ""
        links = [
            (attachment.get("payload") or {}).get("url")
            for attachment in message.get("attachments") or []
            if (attachment.get("payload") or {}).get("url")
        ]
        body = html_escape(text)
        for url in links:
            body += f'<br/><a href="{html_escape(url)}" target="_blank" rel="noopener">{html_escape(url)}</a>'
        partner.sudo().zalo_last_message_at = fields.Datetime.now()
        if partner.zalo_status != "follower":
            partner.zalo_status = "follower"
        posted_on = partner
        feedback = self.env["crm.vn.feedback"].search(
            [
                ("partner_id", "=", partner.commercial_partner_id.id),
                ("state", "in", ("new", "acknowledged", "in_progress")),
            ],
            order="id desc",
            limit=1,
        )
        if feedback:
            posted_on = feedback
        # the customer's salesperson follows the conversation: each message reaches their Discuss inbox
        owner = partner.user_id or feedback.user_id
        if owner:
            posted_on.message_subscribe(partner_ids=owner.partner_id.ids)
        posted_on.message_post(
            body=self.env._("On Zalo: %(text)s", text=body) if body else self.env._("On Zalo (no text)."),
            author_id=partner.id,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        if feedback:
            partner.message_post(
                body=self.env._("Message on Zalo added to feedback %(ref)s.", ref=feedback.reference),
                message_type="notification",
                subtype_xmlid="mail.mt_note",
            )
