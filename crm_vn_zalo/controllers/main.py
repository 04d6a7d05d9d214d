import json
import logging
import time

from odoo import http
from odoo.http import request

from ..tools.zalo import WEBHOOK_MAX_BYTES, signature_matches, timestamp_is_fresh

_logger = logging.getLogger(__name__)


class ZaloWebhook(http.Controller):
    @http.route("/crm_vn_zalo/webhook", type="http", auth="public", methods=["POST"], csrf=False, save_session=False)
    def zalo_webhook(self):
        """Events of the Official Accounts: checked, stored once, handled by a job; the answer goes back at once (Zalo
        waits 2 seconds). A refused event is logged without its body.

        Checks, in order: the size (above ``WEBHOOK_MAX_BYTES`` refused before parsing), the signature
        (X-ZEvent-Signature over the raw bytes, compared as bytes in constant time), the time (an event signed more
        than a few minutes from now is refused: a captured event cannot be played again), the Official Account (the
        event's ``oa_id``/recipient must be the account's when the account names it). A resent event is recognised by
        its key, kept hashed even after the anonymisation deleted what it led to (crm.vn.zalo.event)."""
        length = request.httprequest.content_length
        if length is None or length > WEBHOOK_MAX_BYTES:
            _logger.info("Zalo webhook: event of %s bytes refused (limit %s)", length, WEBHOOK_MAX_BYTES)
            return request.make_json_response({"error": -1, "message": "too large"}, status=413)
        body = request.httprequest.get_data()
        try:
            payload = json.loads(body)
            app_id = str(payload["app_id"])
            timestamp = str(payload["timestamp"])
        except (ValueError, KeyError, TypeError):
            _logger.info("Zalo webhook: unreadable event refused (%s bytes)", len(body))
            return request.make_json_response({"error": -1, "message": "bad request"}, status=400)
        # sudo: an anonymous sender proves who it is by the signature, checked against the account's secret
        account = request.env["crm.vn.zalo.account"].sudo().search([("app_id", "=", app_id)], limit=1)
        signature = request.httprequest.headers.get("X-ZEvent-Signature", "")
        if not account or not signature_matches(signature, app_id, body, timestamp, account.oa_secret_key or ""):
            _logger.warning("Zalo webhook: event with a wrong signature refused (app %s)", app_id[:32])
            return request.make_json_response({"error": -1, "message": "unauthorized"}, status=401)
        if not timestamp_is_fresh(timestamp, time.time()):
            _logger.warning("Zalo webhook: event signed at another time refused (app %s)", app_id[:32])
            return request.make_json_response({"error": -1, "message": "stale event"}, status=401)
        if not account._zalo_event_is_ours(payload):
            _logger.warning("Zalo webhook: event of another Official Account refused (app %s)", app_id[:32])
            return request.make_json_response({"error": -1, "message": "unknown official account"}, status=401)
        request.env["crm.vn.zalo.event"].sudo()._zalo_store(account, payload)
        return request.make_json_response({"error": 0, "message": "ok"})
