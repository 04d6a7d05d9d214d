import json
import logging
from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.tools import SQL

from odoo.addons.l10n_vn_phone.tools.phone import normalize_vn_phone

from ..tools.zalo import event_key_hash
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
    answers at once, and a resent event (same key) is stored once. The key is kept as a hash: the anonymisation of
    a customer empties their events but keeps the keys, so that the same event played again is still recognised
    and does not bring the person back."""

    _name = "crm.vn.zalo.event"
    _description = "Zalo Event"
    _inherit = ["crm.vn.personal.data.mixin"]
    # crm_vn_base's guards: contacts one may see, computed fields never written by hand, clear errors on bad values
    _crm_vn_check_contacts = True
    _crm_vn_check_computed = True
    _crm_vn_check_values = True
    _order = "id desc"
    _rec_name = "event_name"

    account_id = fields.Many2one("crm.vn.zalo.account", required=True, index=True, ondelete="cascade")
    # filled in by the webhook's own INSERT too (crm.vn.zalo.event._zalo_store): the contacts an event creates belong
    # to its company
    company_id = fields.Many2one(related="account_id.company_id", store=True, precompute=True, index=True)
    event_name = fields.Char(required=True, readonly=True)
    event_key = fields.Char(
        required=True, readonly=True, help="SHA-256 of the event's key (message id, or sender and time)."
    )
    payload = fields.Json(readonly=True)
    state = fields.Selection([("new", "To Handle"), ("done", "Handled"), ("error", "Error")], default="new", index=True)
    partner_id = fields.Many2one("res.partner", "Customer", index=True, ondelete="set null", readonly=True)
    error = fields.Char(readonly=True)

    _sql_constraints = [("event_uniq", "unique(account_id, event_key)", "Zalo resent an event already received.")]

    @api.model
    def _zalo_event_key(self, payload):
        """The hash of what identifies an event whatever Zalo resends: its message id, else its sender and time."""
        message = payload.get("message") or {}
        if message.get("msg_id"):
            return event_key_hash(f"{payload.get('event_name')}:{message['msg_id']}")
        sender = (payload.get("sender") or payload.get("follower") or {}).get("id", "")
        return event_key_hash(f"{payload.get('event_name')}:{sender}:{payload.get('timestamp')}")

    @api.model
    def _zalo_store(self, account, payload):
        """Store ``payload`` once (a resend is ignored) and wake the job up. Returns True when new."""
        self.env.cr.execute(
            SQL(
                """INSERT INTO crm_vn_zalo_event (account_id, company_id, event_name, event_key, payload, state,
                                                   create_date, write_date, create_uid, write_uid)
                   VALUES (%s, %s, %s, %s, %s, 'new', now() at time zone 'UTC', now() at time zone 'UTC', %s, %s)
                   ON CONFLICT (account_id, event_key) DO NOTHING RETURNING id""",
                account.id,
                account.company_id.id,
                str(payload.get("event_name") or "")[:64],
                self._zalo_event_key(payload),
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
                    # what the job writes (chatter notes, a new contact's name) in the company's language
                    event.with_context(lang=event.company_id.partner_id.lang or self.env.lang)._zalo_handle()
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
            # the messages of the account that signed the event, never another account's
            sent = self.env["crm.vn.zalo.message"].search(
                [("account_id", "=", self.account_id.id), ("zalo_msg_id", "in", [str(i) for i in ids if i])]
            )
            if name == "user_received_message":
                sent.filtered(lambda m: m.state == "sent").write(
                    {"state": "delivered", "delivered_at": fields.Datetime.now()}
                )
            else:
                sent.filtered(lambda m: m.state in ("sent", "delivered")).write({"state": "read"})

    def _zalo_partner(self, user_id, create=True):
        """The customer of a Zalo user of this event's Official Account: the active contact linked to that user id,
        else (``create``) a new contact marked unverified.

        The phone a Zalo user shares (``shared_info.phone``, which the user can change to anyone's number) never
        links them to an existing customer by itself: the new contact holds the number and, when exactly one active
        customer of the company has it, goes to that customer's salesperson, who links the two after checking
        (*Link to the customer*, res.partner); when several customers have it, nobody is guessed and nobody named.
        Never guessed from what the user wrote."""
        Partner = self.env["res.partner"]
        if not user_id:
            return Partner
        user_id = str(user_id)
        company = self.company_id
        linked = Partner.with_context(active_test=False).search([("zalo_user_id", "=", user_id)], limit=1)
        if linked and linked.active and linked.zalo_account_id in (self.account_id, self.account_id.browse()):
            return linked
        if linked and not linked.active:
            # an archived contact keeps no Zalo conversation: the user id goes to whoever they are now
            linked.write({"zalo_user_id": False, "zalo_account_id": False})
        elif linked:
            _logger.warning("Zalo user of account %s already linked to another account's contact", self.account_id.id)
            return Partner
        if not create:
            return Partner
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
        phone = normalize_vn_phone("+" + str(shared["phone"]).lstrip("+")) if shared.get("phone") else None
        holders = Partner.browse()
        if phone:
            holders = Partner.search(
                [
                    ("company_id", "in", [False, company.id]),
                    ("zalo_unverified", "=", False),
                    "|",
                    ("vn_mobile_key", "=", phone),
                    ("vn_phone_key", "=", phone),
                ],
                limit=2,
            )
        candidate = holders if len(holders) == 1 else Partner
        contact = Partner.with_context(crm_vn_skip_duplicate_check=True).create(
            {
                "name": shared.get("name") or detail.get("display_name") or self.env._("Zalo user %(id)s", id=user_id),
                "mobile": phone or False,
                "zalo_user_id": user_id,
                "zalo_account_id": self.account_id.id,
                "zalo_unverified": True,
                "zalo_candidate_partner_id": candidate.id,
                "company_id": company.id,
                # someone new writing to the OA: a prospect, in the customer lists until someone takes them; the
                # salesperson of the customer whose number Zalo shares, to check and link
                "user_id": candidate.user_id.id,
                "team_id": candidate.team_id.id,
                "lifecycle_stage": "prospect",
            }
        )
        if candidate:
            contact.with_context(lang=candidate.user_id.lang or None).message_post(
                body=self.env._(
                    "Zalo shares the phone number of %(customer)s for this Zalo user. If it is the same person, link "
                    "them (Link to the customer); the number alone does not prove it.",
                    customer=candidate.display_name,
                ),
                message_type="notification",
                subtype_xmlid="mail.mt_note",
            )
        return contact

    def _zalo_handle_message(self, payload):
        sender = (payload.get("sender") or {}).get("id")
        partner = self._zalo_partner(sender)
        if not partner:
            return
        self.partner_id = partner
        message = payload.get("message") or {}
        text = message.get("text") or ""
        links = [
            (attachment.get("payload") or {}).get("url")
            for attachment in message.get("attachments") or []
            if (attachment.get("payload") or {}).get("url")
        ]
        # Markup: the text and links are escaped once here, then posted as they are
        body = Markup("<br/>").join(
            ([text] if text else [])
            + [Markup('<a href="%s" target="_blank" rel="noopener">%s</a>') % (url, url) for url in links]
        )
        partner.zalo_last_message_at = fields.Datetime.now()
        if partner.zalo_status != "follower":
            partner.zalo_status = "follower"
        posted_on = partner
        feedback = self.env["crm.vn.feedback"].search(
            [
                ("partner_id", "=", partner.commercial_partner_id.id),
                ("is_open", "=", True),
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

    # ------------------------------------------------------------
    # Personal data (crm_vn_privacy's declarative mixin)
    # ------------------------------------------------------------
    # What the customer sent on Zalo, as received: exported; the anonymisation empties it (text, customer, error)
    # and keeps the hashed key, so that the same event sent again is recognised and does not bring the person back.

    _crm_vn_pd_key = "zalo_events"
    _crm_vn_pd_sequence = 46
    _crm_vn_pd_order = "id"
    _crm_vn_pd_export_exclude = ("event_key",)
    _crm_vn_pd_empty = ("payload", "partner_id", "error")

    def _crm_vn_pd_anonymize_label(self):
        return self.env._("Zalo events emptied (kept only to recognise them if sent again)")
