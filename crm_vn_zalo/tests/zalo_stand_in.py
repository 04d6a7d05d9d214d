"""A stand-in for Zalo's APIs on 127.0.0.1, written from Zalo's public documentation (OAuth v4, Official Account API
v3, ZNS): the requests and answers of the endpoints the connector uses, and their errors."""

import json
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse


class ZaloStandIn:
    def __init__(self, app_id="4291763606161179100", app_secret="app-secret"):
        self.app_id, self.app_secret = app_id, app_secret
        self.templates = {}
        self.reset()
        self.lock = threading.Lock()
        handler = type("Handler", (_Handler,), {"zalo": self})
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def account_values(self, **values):
        """Values of a crm.vn.zalo.account that talks to this stand-in with its current tokens."""
        return {
            "app_id": self.app_id,
            "app_secret": self.app_secret,
            "access_token": self.access_token,
            "refresh_token": self.refresh_token,
            "oauth_url": self.url,
            "openapi_url": self.url,
            "business_url": self.url,
            **values,
        }

    def reset(self):
        """Forget what happened (between tests: the database rolls back, so does Zalo)."""
        self.access_token, self.refresh_token = "access-1", "refresh-1"
        self.token_expired = False
        self.refreshes = 0
        self.refresh_delay = 0.0
        self.users = {}
        self.sends = []
        self.oa_messages = []
        self.next_error = []  # errors to answer the next ZNS sends with, in order

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()

    def add_template(self, template_id, name, tag="TRANSACTION", status="ENABLE", params=()):
        """A template as the 2026 template detail (/template/info/v2) gives it: the price by phone and by Zalo
        user (price_sdt, price_uid), each parameter's kind of value by name (STRING, NUMBER, DATE...)."""
        self.templates[str(template_id)] = {
            "templateId": int(template_id),
            "templateName": name,
            "status": status,
            "templateTag": tag,
            "price_sdt": "300.0",
            "price_uid": "200.0",
            "previewUrl": f"https://account.zalo.cloud/znspreview/{template_id}",
            "timeout": 7200000,
            "templateQuality": "HIGH",
            "listParams": [
                {"name": p[0], "require": True, "type": p[1], "maxLength": p[2], "minLength": 0, "acceptNull": False}
                for p in params
            ],
        }


class _Handler(BaseHTTPRequestHandler):
    zalo = None

    def log_message(self, *args):
        pass

    def _answer(self, body, status=200):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _body(self):
        return self.rfile.read(int(self.headers.get("Content-Length") or 0))

    def _token_ok(self):
        zalo = self.zalo
        return self.headers.get("access_token") == zalo.access_token and not zalo.token_expired

    def do_POST(self):  # noqa: PLR0911 - one answer per endpoint and error
        zalo, url = self.zalo, urlparse(self.path)
        raw = self._body()
        if url.path == "/v4/oa/access_token":
            form = {key: values[0] for key, values in parse_qs(raw.decode()).items()}
            time.sleep(zalo.refresh_delay)
            with zalo.lock:
                if (
                    self.headers.get("secret_key") != zalo.app_secret
                    or form.get("app_id") != zalo.app_id
                    or form.get("grant_type") != "refresh_token"
                    or form.get("refresh_token") != zalo.refresh_token
                ):
                    return self._answer(
                        {
                            "error": -14014,
                            "error_name": "Invalid refresh token",
                            "error_description": "Refresh token is invalid",
                        }
                    )
                zalo.refreshes += 1
                zalo.access_token = f"access-{zalo.refreshes + 1}"
                zalo.refresh_token = f"refresh-{zalo.refreshes + 1}"  # single use: the old one is dead
                zalo.token_expired = False
                return self._answer(
                    {"access_token": zalo.access_token, "refresh_token": zalo.refresh_token, "expires_in": "90000"}
                )
        if not self._token_ok():
            return self._answer({"error": -124, "message": "Access token is invalid"})
        body = json.loads(raw or b"{}")
        if url.path == "/message/template":
            if zalo.next_error:
                code, message = zalo.next_error.pop(0)
                return self._answer({"error": code, "message": message})
            template = zalo.templates.get(str(body.get("template_id")))
            if not template:
                return self._answer({"error": -109, "message": "Template id is invalid"})
            if template["status"] != "ENABLE":
                return self._answer({"error": -131, "message": "Template is not approved"})
            phone = str(body.get("phone", ""))
            if not (phone.startswith("84") and phone.isdigit() and len(phone) == 11):
                return self._answer({"error": -108, "message": "Phone number is invalid"})
            for param in template["listParams"]:
                value = (body.get("template_data") or {}).get(param["name"])
                if value is None or len(str(value)) > param["maxLength"]:
                    return self._answer({"error": -112, "message": f"Param {param['name']} is invalid"})
            msg_id = uuid.uuid4().hex
            zalo.sends.append(dict(body, msg_id=msg_id))
            return self._answer(
                {
                    "error": 0,
                    "message": "Success",
                    "data": {
                        "msg_id": msg_id,
                        "sent_time": str(int(time.time() * 1000)),
                        "quota": {"dailyQuota": "500", "remainingQuota": "499"},
                    },
                }
            )
        if url.path == "/v3.0/oa/message/cs":
            user_id = (body.get("recipient") or {}).get("user_id")
            if user_id not in zalo.users:
                return self._answer({"error": -213, "message": "User has not followed OA"})
            message_id = uuid.uuid4().hex
            zalo.oa_messages.append(dict(body, message_id=message_id))
            return self._answer(
                {"error": 0, "message": "Success", "data": {"message_id": message_id, "user_id": user_id}}
            )
        return self._answer({"error": -201, "message": "Unknown endpoint"}, status=404)

    def do_GET(self):  # noqa: PLR0911 - one answer per endpoint and error
        zalo, url = self.zalo, urlparse(self.path)
        query = {key: values[0] for key, values in parse_qs(url.query).items()}
        if not self._token_ok():
            return self._answer({"error": -124, "message": "Access token is invalid"})
        if url.path == "/template/all":
            offset, limit = int(query.get("offset", 0)), int(query.get("limit", 100))
            items = [
                {
                    "templateId": t["templateId"],
                    "templateName": t["templateName"],
                    "createdTime": 1700000000000,
                    "status": t["status"],
                    "templateQuality": t["templateQuality"],
                }
                for t in zalo.templates.values()
            ]
            return self._answer(
                {
                    "error": 0,
                    "message": "Success",
                    "data": items[offset : offset + limit],
                    "metadata": {"total": len(items)},
                }
            )
        if url.path == "/template/info/v2":
            template = zalo.templates.get(query.get("template_id"))
            if not template:
                return self._answer({"error": -109, "message": "Template id is invalid"})
            return self._answer({"error": 0, "message": "Success", "data": template})
        if url.path == "/v3.0/oa/user/detail":
            user_id = json.loads(query.get("data", "{}")).get("user_id")
            user = zalo.users.get(user_id)
            if not user:
                return self._answer({"error": -213, "message": "User has not followed OA"})
            return self._answer({"error": 0, "message": "Success", "data": user})
        if url.path == "/message/quota":
            return self._answer(
                {
                    "error": 0,
                    "message": "Success",
                    "data": {"dailyQuota": "500", "remainingQuota": str(500 - len(zalo.sends))},
                }
            )
        return self._answer({"error": -201, "message": "Unknown endpoint"}, status=404)
