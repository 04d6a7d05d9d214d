import logging
from datetime import timedelta

import psycopg2.errors
import requests

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from ..tools.zalo import EXPIRED_TOKEN_ERRORS

_logger = logging.getLogger(__name__)

TIMEOUT = 10  # seconds: a job waits this long at most for Zalo; a user's request never does (sends are queued)


class ZaloError(Exception):
    """Zalo answered with an error (``code``, Zalo's ``message``) or could not be reached (``http_status``)."""

    def __init__(self, code, message, http_status=None):
        super().__init__(f"{code}: {message}")
        self.code, self.message, self.http_status = code, message, http_status


class CrmVnZaloAccount(models.Model):
    """A Zalo Official Account of a company and the app that acts for it (OAuth v4).

    The secrets and tokens are readable by system administrators only (``groups``) and never logged. The access
    token is refreshed before it expires (scheduled job) and once on an "expired token" answer; a refresh token is
    single-use, so a refresh locks the account's row in its own transaction and commits at once: a second process
    waiting on the lock then finds the new token and does not refresh again.
    """

    _name = "crm.vn.zalo.account"
    _description = "Zalo Official Account"
    # crm_vn_base's guards: contacts one may see, computed fields never written by hand, clear errors on bad values
    _crm_vn_check_contacts = True
    _crm_vn_check_computed = True
    _crm_vn_check_values = True
    _order = "company_id, name"

    name = fields.Char(required=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company, index=True)
    oa_id = fields.Char("OA ID", index=True, help="The Official Account's id, as in Zalo's events (recipient.id).")
    app_id = fields.Char("App ID", required=True, index=True)
    app_secret = fields.Char(groups="base.group_system", copy=False, exportable=False)
    oa_secret_key = fields.Char(
        "OA Secret Key",
        groups="base.group_system",
        copy=False,
        exportable=False,
        help="Signs the events Zalo sends to the webhook.",
    )
    access_token = fields.Char(groups="base.group_system", copy=False, exportable=False)
    refresh_token = fields.Char(groups="base.group_system", copy=False, exportable=False)
    token_expires_at = fields.Datetime("Access Token Expires", readonly=True, copy=False)
    oauth_url = fields.Char("OAuth URL", required=True, default="https://oauth.zaloapp.com")
    openapi_url = fields.Char("Official Account API URL", required=True, default="https://openapi.zalo.me")
    business_url = fields.Char("ZNS API URL", required=True, default="https://business.openapi.zalo.me")
    template_ids = fields.One2many("crm.vn.zalo.template", "account_id", "ZNS Templates")
    feedback_ack_template_id = fields.Many2one(
        "crm.vn.zalo.template",
        "Feedback Acknowledgement",
        domain="[('account_id', '=', id), ('model', '=', 'crm.vn.feedback')]",
        help="Sent by ZNS instead of the email when a customer whose preferred channel is Zalo files feedback.",
    )
    feedback_rating_template_id = fields.Many2one(
        "crm.vn.zalo.template",
        "Feedback Rating Request",
        domain="[('account_id', '=', id), ('model', '=', 'crm.vn.feedback')]",
        help="Sent by ZNS instead of the email when the feedback of a customer who prefers Zalo is resolved; map a "
        "parameter to the field Rating Token, for the buttons /rate/<token>/5, /3 and /1 of the template.",
    )
    birthday_template_id = fields.Many2one(
        "crm.vn.zalo.template",
        "Birthday Greeting",
        domain="[('account_id', '=', id), ('model', '=', 'res.partner')]",
        help="Sent by ZNS on their birthday to the company's customers with a Vietnamese mobile number (promotion "
        "templates only to those who consented). Empty: no greeting.",
    )
    webhook_url = fields.Char(compute="_compute_webhook_url", help="The address to give Zalo for the OA's events.")

    _sql_constraints = [("app_id_uniq", "unique(app_id)", "A Zalo app can serve one Official Account here.")]

    @api.model_create_multi
    def create(self, vals_list):
        accounts = super().create(vals_list)
        self._zalo_update_bindings()
        return accounts

    def write(self, vals):
        result = super().write(vals)
        if "active" in vals:
            self._zalo_update_bindings()
        return result

    def unlink(self):
        result = super().unlink()
        self._zalo_update_bindings()
        return result

    @api.model
    def _zalo_action_bindings(self):
        """{action xmlid: model xmlid}: the *Send Zalo* and *Reply on Zalo* actions of the records' menus, offered
        only while an Official Account is set up (extension point: add-ons sending from other records add theirs)."""
        return {
            "crm_vn_zalo.crm_vn_zalo_composer_action_partner": "base.model_res_partner",
            "crm_vn_zalo.crm_vn_zalo_composer_action_feedback": "crm_vn_feedback.model_crm_vn_feedback",
            "crm_vn_zalo.crm_vn_zalo_reply_action": "base.model_res_partner",
        }

    @api.model
    def _zalo_check_configured(self):
        """A clear error when the user's company has no Official Account: what to do, and who does it."""
        if not self.search_count([("company_id", "in", self.env.company.ids)], limit=1):
            raise UserError(
                self.env._(
                    "No Zalo Official Account is set up for %(company)s: nothing can be sent on Zalo. An administrator "
                    "connects one in CRM > Configuration > Zalo > Official Accounts.",
                    company=self.env.company.name,
                )
            )

    @api.model
    def _zalo_update_bindings(self):
        """Offer the Zalo actions in the records' menus when an active Official Account exists, hide them otherwise:
        without one, nothing can be sent (the module's data runs this after every update)."""
        # sudo: the actions are the administrators'; which of them are offered follows the accounts
        active = bool(self.sudo().search_count([], limit=1))
        for xmlid, model_xmlid in self._zalo_action_bindings().items():
            action = self.env.ref(xmlid, raise_if_not_found=False)
            model = self.env.ref(model_xmlid, raise_if_not_found=False)
            if action and model:
                action.sudo().binding_model_id = model.id if active else False

    def _compute_webhook_url(self):
        base = self.env["ir.config_parameter"].sudo().get_param("web.base.url", "")
        for account in self:
            account.webhook_url = f"{base}/crm_vn_zalo/webhook"

    # ------------------------------------------------------------------ tokens
    def _zalo_access_token(self):
        self.ensure_one()
        return self.sudo().access_token

    def _zalo_refresh(self, known_token):
        """Refresh the access token (OAuth v4 refresh grant) in a transaction of its own, once for all processes.

        ``known_token``: the access token the caller has (the one Zalo refused, or the one about to expire); when
        the stored token is another one, another process refreshed meanwhile and its token is returned as is.
        """
        self.ensure_one()
        for attempt in range(3):
            try:
                with self.env.registry.cursor() as cr:
                    account = self.with_env(self.env(cr=cr)).sudo()
                    # a concurrent refresh makes this fail with a serialization error, handled below: not an error
                    # for the log (log_exceptions=False)
                    cr.execute(
                        SQL("SELECT id FROM crm_vn_zalo_account WHERE id = %s FOR UPDATE", account.id),
                        log_exceptions=False,
                    )
                    if account.access_token != known_token:
                        return account.access_token
                    token = account._zalo_call_refresh()
                    # the refresh token was spent: the new one must be kept whatever the caller's transaction does
                    cr.commit()  # pylint: disable=invalid-commit
                self.invalidate_recordset(["access_token", "refresh_token", "token_expires_at"])
                return token
            except psycopg2.errors.SerializationFailure:
                # another process refreshed between our snapshot and the lock: read again in a new transaction
                _logger.info("Zalo account %s: refreshed by another process meanwhile, reading its token", self.id)
                if attempt == 2:
                    raise
        return None

    def _zalo_call_refresh(self):
        if not self.refresh_token:
            raise UserError(self.env._("Zalo account %(name)s: there is no refresh token.", name=self.name))
        try:
            response = requests.post(
                f"{self.oauth_url.rstrip('/')}/v4/oa/access_token",
                headers={"secret_key": self.app_secret or ""},
                data={"refresh_token": self.refresh_token, "app_id": self.app_id, "grant_type": "refresh_token"},
                timeout=TIMEOUT,
            )
            answer = response.json()
        except (requests.RequestException, ValueError) as error:
            raise ZaloError(-1, type(error).__name__) from None
        if not answer.get("access_token"):
            # the refresh token is kept: Zalo did not use it
            raise ZaloError(answer.get("error", -1), answer.get("error_description") or answer.get("message", ""))
        self.write(
            {
                "access_token": answer["access_token"],
                "refresh_token": answer.get("refresh_token") or self.refresh_token,
                "token_expires_at": fields.Datetime.now() + timedelta(seconds=int(answer.get("expires_in") or 0)),
            }
        )
        _logger.info("Zalo account %s: access token refreshed", self.id)
        return answer["access_token"]

    @api.model
    def _cron_refresh_tokens(self):
        """Refresh the tokens that expire within the hour (they last 25 hours)."""
        soon = fields.Datetime.now() + timedelta(hours=1)
        for account in self.search(["|", ("token_expires_at", "=", False), ("token_expires_at", "<", soon)]):
            if not account.sudo().refresh_token:
                continue
            try:
                account._zalo_refresh(account.sudo().access_token)
            except ZaloError as error:
                _logger.warning("Zalo account %s: token refresh failed (%s)", account.id, error.code)

    def _zalo_event_is_ours(self, payload):
        """Whether an event signed with this account's secret is about this Official Account: the OA it names
        (``oa_id``, or the OA side of a message: the recipient of what a user sends, the sender of what the OA
        sent) is the account's. An account without an OA id accepts what its secret signs."""
        self.ensure_one()
        if not self.oa_id:
            return True
        name = str(payload.get("event_name") or "")
        named = set()
        if payload.get("oa_id"):
            named.add(str(payload["oa_id"]))
        side = "recipient" if name.startswith("user_send_") else "sender" if name.startswith("oa_send_") else None
        if name in ("user_received_message", "user_seen_message"):
            side = "sender"
        if side and isinstance(payload.get(side), dict) and payload[side].get("id"):
            named.add(str(payload[side]["id"]))
        return named <= {self.oa_id}

    # ------------------------------------------------------------------ calls
    def _zalo_call(self, method, api, path, params=None, payload=None):
        """Call Zalo (``api``: "openapi" or "business") and return the answer's ``data``; on an expired token,
        refresh once and try again. Raises ZaloError."""
        self.ensure_one()
        base = self.openapi_url if api == "openapi" else self.business_url
        url = f"{base.rstrip('/')}/{path.lstrip('/')}"
        token = self._zalo_access_token()
        for attempt in (1, 2):
            try:
                response = requests.request(
                    method, url, headers={"access_token": token or ""}, params=params, json=payload, timeout=TIMEOUT
                )
            except requests.RequestException as error:
                raise ZaloError(-1, type(error).__name__) from None
            try:
                answer = response.json()
            except ValueError:
                raise ZaloError(-1, f"HTTP {response.status_code}", response.status_code) from None
            code = answer.get("error", 0)
            if response.status_code >= 400 and not code:
                code = -1
            if code in EXPIRED_TOKEN_ERRORS and attempt == 1:
                token = self._zalo_refresh(token)
                continue
            if code:
                raise ZaloError(code, answer.get("message", ""), response.status_code)
            return answer.get("data") if "data" in answer else answer
        raise ZaloError(-124, "expired token")

    # ------------------------------------------------------------------ actions
    def _zalo_check_admin(self):
        """The account's buttons spend single-use tokens and call Zalo: system administrators only, whatever
        calls them (the view hides them from others; an RPC call does not go through the view)."""
        self.env["res.users"]._crm_vn_check_group("base.group_system")
        self.check_access("write")

    def action_refresh_token(self):
        self._zalo_check_admin()
        for account in self:
            try:
                account._zalo_refresh(account.sudo().access_token)
            except ZaloError as error:
                raise UserError(
                    self.env._(
                        "Zalo refused to refresh the token (%(code)s: %(message)s).",
                        code=error.code,
                        message=error.message,
                    )
                ) from None
        return True

    def action_sync_templates(self):
        self._zalo_check_admin()
        for account in self:
            self.env["crm.vn.zalo.template"]._zalo_sync(account)
        return True
