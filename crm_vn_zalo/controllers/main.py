import json
import logging

from odoo import http
from odoo.http import request

from ..tools.zalo import signature_matches

_logger = logging.getLogger(__name__)


class ZaloWebhook(http.Controller):
    @http.route("/crm_vn_zalo/webhook", type="http", auth="public", methods=["POST"], csrf=False, save_session=False)
    def zalo_webhook(self):
        """Events of the Official Accounts: checked (X-ZEvent-Signature), stored once, handled by a job; the answer
        goes back at once (Zalo waits 2 seconds). A refused event is logged without its body."""
        body = request.httprequest.get_data()
        try:
            payload = json.loads(body)
            app_id = str(payload["app_id"])
            timestamp = str(payload["timestamp"])
        except (ValueError, KeyError, TypeError):
            _logger.warning("Zalo webhook: unreadable event refused (%s bytes)", len(body))
            return request.make_json_response({"error": -1, "message": "bad request"}, status=400)
        # sudo: an anonymous sender proves who it is by the signature, checked against the account's secret
        account = request.env["crm.vn.zalo.account"].sudo().search([("app_id", "=", app_id)], limit=1)
        signature = request.httprequest.headers.get("X-ZEvent-Signature", "")
        if not account or not signature_matches(signature, app_id, body, timestamp, account.oa_secret_key or ""):
            _logger.warning("Zalo webhook: event with a wrong signature refused (app %s)", app_id[:32])
            return request.make_json_response({"error": -1, "message": "unauthorized"}, status=401)
        request.env["crm.vn.zalo.event"].sudo()._zalo_store(account, payload)
        return request.make_json_response({"error": 0, "message": "ok"})
