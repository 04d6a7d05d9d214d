"""Every public method of the suite is an RPC entry: tried systematically over JSON-RPC.

- Every public method (no leading ``_``) that an add-on of the suite adds to a model, or that it overrides on one
  of Odoo's (the ORM's own CRUD methods apart, tried field by field in test_rpc_systematic.py): called by a
  salesperson (``alice``) on a colleague's customer and on records pointing at it, and by a portal user (a customer
  of that colleague), it is refused with a clean error or returns nothing of the hidden customer. The methods are
  read from the registry: a new one fails the test until it is given a target in ``TARGETS`` (the record it acts
  on), so that nobody adds an entry without trying it.
- Every button of the suite's views restricted to a group checks that group in its method: called by a user outside
  the group on a record they may read, it is refused with an AccessError.
- Every field an external system or a workflow sets ignores the context's defaults and the user's saved defaults.
"""

import json

from lxml import etree

from odoo.models import BaseModel
from odoo.tests import new_test_user, tagged

from .rpc_common import RpcCase

OURS = ("odoo.addons.crm_vn", "odoo.addons.l10n_vn", "odoo.addons.base_import_vn")
ORM_METHODS = frozenset(name for name in dir(BaseModel) if not name.startswith("_"))

# (model, method) -> (target, args): the record of the fixtures the method acts on (None: an @api.model method), and
# the arguments after the ids. Targets are bob's customer or records pointing at it, or records of bob's / of the
# administrators that alice must not use.
WEB_CLIENT_ONLY = {("ir.http", "session_info")}
TARGETS = {
    ("crm.vn.commune.import", "action_enforce_cities"): ("admin_commune_import", ()),
    ("crm.vn.commune.import", "action_load"): ("admin_commune_import", ()),
    ("crm.vn.province.migration", "action_migrate"): ("admin_province_migration", ()),
    ("crm.vn.customer.check", "action_ask_owner"): ("bob_check", ()),
    ("crm.vn.customer.check", "action_create"): ("bob_check", ()),
    ("crm.vn.customer.handover", "action_confirm"): ("manager_handover", ()),
    ("crm.vn.data.request", "action_anonymize"): ("bob_request", ()),
    ("crm.vn.data.request", "action_answer"): ("bob_request", ()),
    ("crm.vn.data.request", "action_done"): ("bob_request", ()),
    ("crm.vn.data.request", "action_export_personal_data"): ("bob_request", ()),
    ("crm.vn.data.request", "action_refuse"): ("bob_request", ()),
    ("crm.vn.duplicate.group", "action_dismiss"): ("bob_group", ()),
    ("crm.vn.duplicate.group", "action_merge"): ("bob_group", ()),
    ("crm.vn.duplicate.group", "action_reopen"): ("bob_group", ()),
    ("crm.vn.duplicate.group", "action_scan"): ("bob_group", ()),
    ("crm.vn.feedback", "action_acknowledge"): ("bob_feedback", ()),
    ("crm.vn.feedback", "action_cancel"): ("bob_feedback", ()),
    ("crm.vn.feedback", "action_close"): ("bob_feedback", ()),
    ("crm.vn.feedback", "action_escalate"): ("bob_feedback", ()),
    ("crm.vn.feedback", "action_reopen"): ("bob_feedback", ()),
    ("crm.vn.feedback", "action_resolve"): ("bob_feedback", ()),
    ("crm.vn.feedback", "action_start"): ("bob_feedback", ()),
    ("crm.vn.feedback", "message_new"): (None, ({"email_from": "bimat@example.vn", "subject": "Tôi"},)),
    ("crm.vn.feedback", "message_post"): ("bob_feedback", ()),
    ("crm.vn.performance.report.wizard", "action_print"): ("bob_performance", ()),
    ("crm.vn.xlsx.export", "action_download"): ("bob_export", ()),
    ("crm.vn.xlsx.export", "action_export_from_list"): (None, ("customers",)),
    ("crm.vn.zalo.account", "action_refresh_token"): ("zalo_account", ()),
    ("crm.vn.zalo.account", "action_sync_templates"): ("zalo_account", ()),
    ("crm.vn.zalo.composer", "action_send"): ("bob_composer", ()),
    ("crm.vn.zalo.reply", "action_send"): ("bob_reply", ()),
    ("crm.vn.zalo.feedback", "action_create_feedback"): ("bob_zalo_feedback", ()),
    ("res.partner", "action_view_consents"): ("bob_customer", ()),
    ("res.partner", "action_view_feedback"): ("bob_customer", ()),
    ("res.partner", "action_view_vn_data_requests"): ("bob_customer", ()),
    ("res.partner", "action_view_zalo_messages"): ("bob_customer", ()),
    ("res.partner", "action_zalo_link_candidate"): ("bob_customer", ()),
    ("res.partner", "action_zalo_to_feedback"): ("bob_customer", ()),
    ("res.partner", "get_attendee_detail"): ("bob_customer", ("bob_meeting_ids",)),
    ("res.partner", "message_subscribe"): ("bob_customer", ("alice_partner_ids",)),
    ("res.users", "action_crm_vn_handover"): ("bob_user", ()),
    ("calendar.event", "web_read"): ("bob_meeting", ({"partner_ids": {"fields": {"email": {}, "phone": {}}}},)),
    ("base_import.import", "execute_import"): ("bob_import", (["name"], ["name"], {"has_headers": True})),
    ("mailing.mailing", "action_send_sms"): ("manager_mailing", ()),
    ("ir.qweb.field.contact", "value_to_html"): ("none", ("bob_customer_id", {})),
    ("ir.qweb.field.phone", "value_to_html"): ("none", ("+84988777666", {})),
    ("ir.http", "session_info"): ("none", ()),
    ("res.partner", "autocomplete"): (None, ("Khách Bí Mật Của Bob",)),
    ("res.partner", "read_by_vat"): (None, ("0101234567",)),
    ("res.partner", "enrich_company"): (None, ("bimat.vn", False, "0101234567")),
}
# Context of the call, for the methods that read it (the list's selection).
CONTEXTS = {
    ("crm.vn.xlsx.export", "action_export_from_list"): {
        "active_model": "res.partner",
        "active_ids": "bob_customer_ids",
    },
}
# Methods that return an action (a window to open) and nothing of the record: what the client does next is checked
# where it lands (the wizard's own rules, the list's record rules).
ACTIONS_WITHOUT_DATA = {
    ("res.partner", "action_view_consents"),
    ("res.partner", "action_view_feedback"),
    ("res.partner", "action_view_vn_data_requests"),
    ("res.partner", "action_view_zalo_messages"),
    ("res.users", "action_crm_vn_handover"),
}
# Methods that show a hidden customer by name only (what the duplicate warning and Odoo's calendar show too), with
# the reason; the other secrets (phone, email, address) never.
NAME_SHOWN = {
    ("res.partner", "get_attendee_detail"): "who attends a colleague's meeting is shown by name (calendar_event.py)",
}
# Odoo's methods the suite overrides on a few models only (message_subscribe is tried on the customer: the same
# override serves every model with a chatter).
TRIED_ON = {"message_subscribe": "res.partner"}


def suite_public_methods(env):
    """{(model, method): api} of the public methods the suite adds or overrides (ORM methods apart)."""
    found = {}
    for name in env.registry:
        cls = type(env[name])
        ours = [k for k in cls.__mro__ if (getattr(k, "__module__", "") or "").startswith(OURS)]
        for klass in ours:
            for attr, value in vars(klass).items():
                if attr.startswith("_") or attr in ORM_METHODS or not callable(value) or isinstance(value, type):
                    continue
                if TRIED_ON.get(attr, name) != name:
                    continue
                found[(name, attr)] = getattr(value, "_api", None)
    return found


@tagged("post_install", "-at_install", "crm_vn_security")
class TestPublicMethods(RpcCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.employee = new_test_user(env, "plain_employee", groups="base.group_user", name="Nhân Viên Kho")
        bob = env(user=cls.bob)
        cls.records = {
            "bob_customer": cls.bob_customer,
            "bob_user": cls.bob,
            "bob_feedback": env["crm.vn.feedback"].create(
                {"name": "Khiếu nại của Bí Mật", "partner_id": cls.bob_customer.id, "user_id": cls.bob.id}
            ),
            "bob_request": env["crm.vn.data.request"].create(
                {"partner_id": cls.bob_customer.id, "request_type": "access", "user_id": cls.bob.id}
            ),
            "bob_group": env["crm.vn.duplicate.group"].create(
                {
                    "partner_ids": [(6, 0, (cls.bob_customer | cls.bob_portal).ids)],
                    "key": f"{cls.bob_customer.id}-{cls.bob_portal.id}",
                }
            ),
            "bob_check": bob["crm.vn.customer.check"].create({"name": "Khách Bí Mật Của Bob", "mobile": "0988777666"}),
            "manager_handover": env(user=cls.manager)["crm.vn.customer.handover"].create(
                {"from_user_ids": [(6, 0, cls.bob.ids)], "to_user_ids": [(6, 0, cls.alice.ids)]}
            ),
            "bob_performance": bob["crm.vn.performance.report.wizard"].create({}),
            "bob_export": bob["crm.vn.xlsx.export"].create({"kind": "customers", "domain": "[]"}),
            "bob_meeting": env["calendar.event"].create(
                {
                    "name": "Gặp Khách Bí Mật",
                    "start": "2026-12-01 02:00:00",
                    "stop": "2026-12-01 03:00:00",
                    "user_id": cls.bob.id,
                    "partner_ids": [(6, 0, (cls.bob.partner_id | cls.bob_customer).ids)],
                }
            ),
            "bob_import": bob["base_import.import"].create(
                {"res_model": "res.partner", "file": b"name\nKhach Bi Mat Cua Bob\n", "file_type": "text/csv"}
            ),
            "admin_commune_import": env["crm.vn.commune.import"].create({}),
            "admin_province_migration": env["crm.vn.province.migration"].create({}),
            "manager_mailing": env(user=cls.manager)["mailing.mailing"]
            .sudo()
            .create({"subject": "Khuyến mãi", "mailing_type": "sms", "body_plaintext": "Giảm giá"}),
        }
        account = env["crm.vn.zalo.account"].create(
            {
                "name": "OA thử",
                "app_id": "rpc-public-methods",
                "oauth_url": "http://127.0.0.1:9",
                "openapi_url": "http://127.0.0.1:9",
                "business_url": "http://127.0.0.1:9",
                "refresh_token": "refresh-secret",
            }
        )
        template = env["crm.vn.zalo.template"].create(
            {
                "name": "Cảm ơn",
                "account_id": account.id,
                "zalo_template_id": "1",
                "status": "ENABLE",
                "model_id": env["ir.model"]._get_id("res.partner"),
            }
        )
        cls.records["zalo_account"] = account
        cls.records["bob_composer"] = bob["crm.vn.zalo.composer"].create(
            {"res_model": "res.partner", "res_ids": cls.bob_customer.ids, "template_id": template.id}
        )
        cls.bob_customer.sudo().write({"zalo_last_message_at": "2026-12-01 02:00:00", "zalo_user_id": "u-bimat"})
        env["crm.vn.zalo.event"].create(
            {
                "account_id": account.id,
                "company_id": account.company_id.id,
                "event_name": "user_send_text",
                "event_key": "rpc-public-methods-1",
                "payload": {"message": {"text": "Số tài khoản bí mật 0123456789"}},
                "partner_id": cls.bob_customer.id,
                "state": "done",
            }
        )
        cls.records["bob_zalo_feedback"] = bob["crm.vn.zalo.feedback"].create({"partner_id": cls.bob_customer.id})
        cls.records["bob_reply"] = bob["crm.vn.zalo.reply"].create(
            {"partner_id": cls.bob_customer.id, "body": "Dạ em chào chị Bí Mật"}
        )
        cls.values = {
            "bob_customer_ids": cls.bob_customer.ids,
            "bob_customer_id": cls.bob_customer.id,
            "bob_meeting_ids": cls.records["bob_meeting"].ids,
            "alice_partner_ids": cls.alice.partner_id.ids,
        }

    def _args(self, args):
        return [self.values.get(arg, arg) if isinstance(arg, str) else arg for arg in args]

    def _attempt(self, user, model, method, api):
        """Call ``model.method`` as ``user`` on its target; return (result, error) where error is the RpcError."""
        target, args = TARGETS[(model, method)]
        call_args = self._args(args)
        if target and api not in ("model", "model_create"):
            call_args = [self.records[target].ids if target in self.records else [], *call_args]
        context = {key: self.values.get(value, value) for key, value in CONTEXTS.get((model, method), {}).items()}
        # What only the web client calls, called as the web client does (Odoo's session_info reads the browser's
        # session: over the external API Odoo's own code fails before ours runs).
        call = self.web if (model, method) in WEB_CLIENT_ONLY else self.rpc
        try:
            return call(user, model, method, *call_args, context=context), None
        except Exception as error:  # the error is judged by the caller
            return None, error

    def test_every_public_method_of_the_suite_is_tried(self):
        found = suite_public_methods(self.env)
        self.assertFalse(
            set(found) - set(TARGETS),
            "a new public method: give it a target in TARGETS (and make it safe for a salesperson and a portal user)",
        )
        self.assertFalse(set(TARGETS) - set(found), "a method of TARGETS no longer exists: remove it")
        bob_records = {key: record for key, record in self.records.items() if record._name != "res.users"}

        def state(record):
            # the values people wrote (computed fields follow them; who wrote last and when are not a change)
            fnames = [
                name
                for name, field in record._fields.items()
                if field.store and not field.compute and name not in ("write_uid", "write_date")
            ]
            values = record.sudo().read(fnames)[0]
            return {k: sorted(v) if isinstance(v, list) else v for k, v in values.items()}

        states = {key: state(record) for key, record in bob_records.items()}
        secrets = self.secrets | {
            "Khiếu nại của Bí Mật",
            "Dạ em chào chị Bí Mật",
            "refresh-secret",
            "u-bimat",
            "0123456789",
        }
        for (model, method), api in sorted(found.items()):
            for user in (self.alice, self.bob_portal_user):
                with self.subTest(model=model, method=method, user=user.login):
                    result, error = self._attempt(user, model, method, api)
                    if error is not None:
                        self.assertIn(getattr(error, "name", ""), self.CLEAN_ERRORS, str(error))
                        self.assertNoSecret(getattr(error, "message", str(error)), secrets)
                    elif user == self.bob_portal_user or (model, method) not in ACTIONS_WITHOUT_DATA:
                        shown = {self.bob_customer.name} if (model, method) in NAME_SHOWN else set()
                        self.assertNoSecret(result, secrets - shown)
                    else:
                        self.assertEqual(result.get("type"), "ir.actions.act_window")
        # and nothing of bob's changed
        for key, record in bob_records.items():
            record.invalidate_recordset()
            with self.subTest(unchanged=key):
                self.assertTrue(record.sudo().exists())
                self.assertEqual(state(record), states[key])

    def test_every_restricted_button_checks_its_group(self):
        """Buttons of the suite's views with ``groups`` (on the button or an element around it), called by a user
        outside the group on a record they may read: AccessError, as the view would have hidden it."""
        own = {
            "res.partner": self.alice_customer,
            "crm.vn.feedback": self.env["crm.vn.feedback"].create(
                {"name": "Của Alice", "partner_id": self.alice_customer.id, "user_id": self.alice.id}
            ),
            "crm.vn.data.request": self.env["crm.vn.data.request"].create(
                {"partner_id": self.alice_customer.id, "request_type": "access", "user_id": self.alice.id}
            ),
            "crm.vn.zalo.account": self.records["zalo_account"],
        }
        candidates = [self.alice, self.employee, self.bob_portal_user]
        tried = set()
        views = self.env["ir.ui.view"].search([("type", "in", ("form", "list", "kanban"))])
        for view in views:
            if not (view.xml_id or "").startswith(tuple(prefix.split(".")[-1] for prefix in OURS)):
                continue
            arch = etree.fromstring(view.arch_db)
            for button in arch.iter("button"):
                if button.get("type") != "object" or not button.get("name"):
                    continue
                groups = set()
                for node in (button, *button.iterancestors()):
                    groups.update(filter(None, (node.get("groups") or "").split(",")))
                if not groups:
                    continue
                model = view.model
                record = own.get(model)
                user = next((u for u in candidates if not any(u.has_group(g) for g in groups)), None)
                if record is None or user is None:
                    continue
                key = (model, button.get("name"), ",".join(sorted(groups)))
                if key in tried:
                    continue
                tried.add(key)
                with self.subTest(button=key, user=user.login):
                    error = self.assertRefused(self.rpc, user, model, button.get("name"), record.ids)
                    self.assertEqual(error.name, "odoo.exceptions.AccessError", error.message)
        for expected in (
            ("crm.vn.data.request", "action_anonymize"),
            ("crm.vn.zalo.account", "action_refresh_token"),
            ("crm.vn.zalo.account", "action_sync_templates"),
        ):
            self.assertIn(expected, {key[:2] for key in tried})

    def _forged_value(self, field, forged):
        if field.type == "selection":
            return field.get_values(self.env)[-1]
        if field.type == "many2one":
            return self.env[field.comodel_name].search([], limit=1, order="id desc").id or None
        return forged[field.type]

    def test_external_and_workflow_fields_ignore_defaults(self):
        """Context defaults and saved defaults (ir.default) of fields set by an external system or a workflow are
        ignored for a salesperson: the record starts as the code says."""
        creatable = {
            "res.partner": {"name": "Khách Mới"},
            "crm.vn.feedback": {"name": "Phản hồi", "partner_id": self.alice_customer.id},
            "crm.vn.data.request": {"partner_id": self.alice_customer.id, "request_type": "access"},
        }
        forged = {
            "char": "giả-mạo",
            "datetime": "2031-01-02 03:04:05",
            "date": "2031-01-02",
            "boolean": True,
            "integer": 7,
            "float": 7.5,
        }
        tried = []
        Default = self.env["ir.default"]
        for model, vals in creatable.items():
            Model = self.env[model]
            fnames = [
                fname
                for fname in Model._crm_vn_external_fnames() | Model._crm_vn_protected_fnames()
                if Model._fields[fname].store and Model._fields[fname].type in (*forged, "selection", "many2one")
            ]
            for fname in fnames:
                field = Model._fields[fname]
                value = self._forged_value(field, forged)
                if value is None:
                    continue
                controls = Model.browse(
                    [id_ for _i in range(2) for id_ in self.rpc(self.alice, model, "create", [vals])]
                )

                def shown(record, fname=fname, field=field):
                    return record[fname].id if field.type == "many2one" else json.dumps(record[fname], default=str)

                # a value of each record's own (a reference number, the record itself): only never the forged one
                own_value = shown(controls[0]) != shown(controls[1])
                for how in ("context", "saved"):
                    with self.subTest(model=model, field=fname, how=how):
                        context = {f"default_{fname}": value} if how == "context" else {}
                        if how == "saved":
                            Default.set(model, fname, value, user_id=self.alice.id)
                        try:
                            new_id = self.rpc(self.alice, model, "create", [vals], context=context)
                        finally:
                            if how == "saved":
                                Default.discard_values(model, fname, [value])
                        record = Model.browse(new_id)
                        forged_shown = value if field.type == "many2one" else json.dumps(value, default=str)
                        if own_value:
                            self.assertNotEqual(shown(record), forged_shown, f"{model}.{fname}: default as {how}")
                        else:
                            self.assertEqual(shown(record), shown(controls[0]), f"{model}.{fname}: default as {how}")
                tried.append((model, fname))
        for expected in (
            ("res.partner", "zalo_user_id"),
            ("res.partner", "zalo_last_message_at"),
            ("res.partner", "zalo_status"),
            ("crm.vn.feedback", "sla_deadline"),
            ("crm.vn.feedback", "date_resolved"),
            ("crm.vn.data.request", "answer_deadline"),
        ):
            self.assertIn(expected, tried)
