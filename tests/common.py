"""Shared fixtures of the cross-module suites (``tests/``): real users on sales_team's group ladder, their teams and
their customers, and calls over HTTP as each of them.

Users, all created with ``new_test_user`` (password: the login, padded with "x" to 8 characters, see
:meth:`CrmVnSuiteCommon.password`):

- ``alice``: salesperson, own documents only (``sales_team.group_sale_salesman``), member of ``team_alice``, the
  attacker of the security suites;
- ``bob``: salesperson, own documents only, member of ``team_bob``, owner of the customers alice wants;
- ``leader``: salesperson leading ``team_bob`` (bob is a member): sees bob's customers;
- ``manager``: sales administrator (``sales_team.group_sale_manager``): sees everything;
- ``bob_portal_user`` (login ``portal_customer``): the portal login of bob's customer ``bob_portal``.

Customers of bob (alice must reach none of them): ``bob_customer`` (a person with mobile, email, street),
``bob_portal`` (a customer with a portal login), ``bob_company`` (a company with an address); ``free_customer`` has
no owner (everyone's); ``alice_customer`` is alice's. ``secrets`` holds what bob's customers must never leak.

:class:`CrmVnSuiteCase` (``TransactionCase``) and :class:`CrmVnSuiteHttpCase` (``HttpCase``) set them up;
:class:`RpcCase` calls Odoo as them through ``/jsonrpc`` (the external API the mobile app and integrations use),
each call carrying its user's credentials, or through the web client's ``/web/dataset/call_kw`` after
``authenticate``. An error comes back as :class:`RpcError` with the exception's class name and its message as the
user would read it.
"""

import json

from odoo.tests import HttpCase, TransactionCase, new_test_user

SALESMAN = "sales_team.group_sale_salesman"
MANAGER = "sales_team.group_sale_manager"


class RpcError(Exception):
    def __init__(self, name, message):
        super().__init__(f"{name}: {message}")
        self.name = name
        self.message = message


class CrmVnSuiteCommon:
    """The users, teams and customers above, created once per test class (a mixin of a test case class)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, lang="en_US", crm_vn_feedback_no_ack=True))
        cls.env.company.country_id = cls.env.ref("base.vn")
        cls.alice = new_test_user(cls.env, "alice", groups=SALESMAN, name="Nguyễn Thị Alice", email="alice@crm.vn")
        cls.bob = new_test_user(cls.env, "bob", groups=SALESMAN, name="Trần Văn Bob", email="bob@crm.vn")
        cls.leader = new_test_user(cls.env, "leader", groups=SALESMAN, name="Lê Văn Trưởng", email="leader@crm.vn")
        cls.manager = new_test_user(cls.env, "manager", groups=MANAGER, name="Trần Thị Mai", email="mai@crm.vn")
        cls.team_bob = cls.env["crm.team"].create(
            {"name": "Đội của Bob", "user_id": cls.leader.id, "member_ids": [(4, cls.bob.id), (4, cls.leader.id)]}
        )
        cls.team_alice = cls.env["crm.team"].create({"name": "Đội của Alice", "member_ids": [(4, cls.alice.id)]})
        Partner = cls.env["res.partner"]
        cls.bob_customer = Partner.create(
            {
                "name": "Khách Bí Mật Của Bob",
                "mobile": "0988 777 666",
                "email": "bimat@example.vn",
                "street": "99 Phố Riêng Tư",
                "city": "Hà Nội",
                "user_id": cls.bob.id,
            }
        )
        cls.bob_company = Partner.create(
            {
                "name": "Công ty Bí Mật",
                "is_company": True,
                "street": "12 Đường Kín",
                "email": "congty@bimat.vn",
                "vat": "0101234567",
                "user_id": cls.bob.id,
            }
        )
        cls.bob_portal = Partner.create(
            {"name": "Khách Cổng Bí Mật", "email": "cong@bimat.vn", "mobile": "0977 666 555", "user_id": cls.bob.id}
        )
        cls.bob_portal_user = new_test_user(
            cls.env, "portal_customer", groups="base.group_portal", partner_id=cls.bob_portal.id, email="cong@bimat.vn"
        )
        cls.alice_customer = Partner.create(
            {
                "name": "Khách Của Alice",
                "mobile": "0912 000 111",
                "email": "alicekh@example.vn",
                "user_id": cls.alice.id,
            }
        )
        cls.free_customer = Partner.create({"name": "Khách Vãng Lai", "mobile": "0933 222 111"})
        cls.secrets = {
            "Khách Bí Mật Của Bob",
            "+84988777666",
            "bimat@example.vn",
            "99 Phố Riêng Tư",
            "Công ty Bí Mật",
            "12 Đường Kín",
            "congty@bimat.vn",
            "0101234567",
            "Khách Cổng Bí Mật",
            "cong@bimat.vn",
            "+84977666555",
        }

    @staticmethod
    def password(user):
        return user.login + "x" * (8 - len(user.login))


class CrmVnSuiteCase(CrmVnSuiteCommon, TransactionCase):
    pass


class CrmVnSuiteHttpCase(CrmVnSuiteCommon, HttpCase):
    pass


class RpcCase(CrmVnSuiteHttpCase):
    # Exceptions a caller may receive for a refused operation: clear, translated, never a traceback.
    CLEAN_ERRORS = frozenset(
        {
            "odoo.exceptions.AccessError",
            "odoo.exceptions.UserError",
            "odoo.exceptions.ValidationError",
            "odoo.exceptions.MissingError",
        }
    )

    # ------------------------------------------------------------------
    # Calls
    # ------------------------------------------------------------------

    def _post_json(self, route, params):
        payload = {"jsonrpc": "2.0", "method": "call", "id": 1, "params": params}
        response = self.url_open(route, data=json.dumps(payload), headers={"Content-Type": "application/json"})
        response.raise_for_status()
        body = response.json()
        if "error" in body:
            data = body["error"].get("data") or {}
            raise RpcError(data.get("name", "?"), data.get("message", body["error"].get("message", "")))
        return body["result"]

    def rpc(self, user, model, method, *args, **kwargs):
        """Call ``model.method(*args, **kwargs)`` as ``user`` through the external JSON-RPC API."""
        return self._post_json(
            "/jsonrpc",
            {
                "service": "object",
                "method": "execute_kw",
                "args": [self.env.cr.dbname, user.id, self.password(user), model, method, list(args), kwargs],
            },
        )

    def web(self, user, model, method, *args, **kwargs):
        """Call ``model.method`` as ``user`` the way the web client does (session, ``/web/dataset/call_kw``)."""
        self.authenticate(user.login, self.password(user))
        return self._post_json(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        )

    # ------------------------------------------------------------------
    # Assertions
    # ------------------------------------------------------------------

    def assertNoSecret(self, payload, secrets=None):
        text = json.dumps(payload, default=str, ensure_ascii=False)
        for secret in secrets or self.secrets:
            self.assertNotIn(secret, text)

    def assertRefused(self, call, *args, names=None, secrets=None, **kwargs):
        """``call(*args, **kwargs)`` fails with a clear error (AccessError, UserError...), leaking no secret (of
        ``secrets``, default all); returns the error for further checks."""
        with self.assertRaises(RpcError) as caught:
            call(*args, **kwargs)
        error = caught.exception
        self.assertIn(error.name, names or self.CLEAN_ERRORS, error.message)
        self.assertNoSecret(error.message, secrets)
        return error
