"""Several Odoo processes at once on the same database (issue 17): real OS processes, each with its own registry and
connection, released together by a file barrier; committed data, cleaned up afterwards (tag crm_vn_commit)."""

import json
import os
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import odoo
from odoo import SUPERUSER_ID, api
from odoo.tests import TransactionCase, tagged

from odoo.addons.crm_vn_base.tests.common import slow

WORKER = textwrap.dedent(
    """
    import json, sys, time
    from pathlib import Path
    import odoo
    from odoo import SUPERUSER_ID, api, models
    config, dbname, barrier, index, count, job, args = sys.argv[1:8]
    odoo.tools.config.parse_config(["-c", config, "-d", dbname])
    registry = odoo.modules.registry.Registry(dbname)
    barrier = Path(barrier)
    (barrier / f"ready-{index}").touch()
    deadline = time.time() + 120
    while len(list(barrier.glob("ready-*"))) < int(count) and time.time() < deadline:
        time.sleep(0.01)
    args = json.loads(args)
    result = None
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"allowed_company_ids": [args["company_id"]]})
        try:
            if job == "create":
                env["res.partner"].create({"name": args["names"][int(index) % len(args["names"])],
                                           "mobile": args["mobile"]})
                result = "created"
            elif job == "escalate":
                # the job on these feedbacks only (as the scheduler runs it on all): other data stays untouched
                result = env["crm.vn.feedback"].browse(args["ids"])._cron_escalate()
            elif job == "zalo_send":
                env["crm.vn.zalo.message"]._cron_send(limit=args["limit"])
                result = "ok"
            elif job == "call":
                # a scheduled job's method, or (retry) a user's action retried on serialization errors like an
                # HTTP request (odoo.service.model.retrying)
                def call():
                    model = env[args["model"]].browse(args.get("ids") or [])
                    return getattr(model, args["method"])()
                if args.get("retry"):
                    from odoo.service.model import retrying
                    result = retrying(call, env)
                else:
                    result = call()
                if isinstance(result, models.BaseModel):
                    result = result.ids
                elif isinstance(result, dict):
                    result = {key: value for key, value in result.items() if isinstance(value, int)}
            env.flush_all()
            cr.commit()
        except Exception as error:
            cr.rollback()
            result = type(error).__name__
    print("RESULT " + json.dumps(result))
    """
)


@slow
@tagged("post_install", "-at_install", "crm_vn_commit")
class TestSeveralProcesses(TransactionCase):
    def _run(self, job, count, args):
        """Run ``job`` in ``count`` separate Odoo processes released at the same moment; their results."""
        barrier = tempfile.mkdtemp(prefix="crmvn-barrier-")
        root = str(Path(odoo.__file__).resolve().parent.parent)
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")])))
        config = odoo.tools.config.rcfile
        processes = [
            subprocess.Popen(
                [
                    sys.executable,
                    "-c",
                    WORKER,
                    config,
                    self.env.cr.dbname,
                    barrier,
                    str(index),
                    str(count),
                    job,
                    json.dumps(args),
                ],
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                text=True,
            )
            for index in range(count)
        ]
        results = []
        for process in processes:
            out, _err = process.communicate(timeout=300)
            line = next((line for line in out.splitlines() if line.startswith("RESULT ")), "RESULT null")
            results.append(json.loads(line[len("RESULT ") :]))
        return results

    def _committed(self):
        return odoo.sql_db.db_connect(self.env.cr.dbname).cursor()

    def test_eight_processes_create_one_customer_under_the_refuse_policy(self):
        phone = "+84909876555"
        company_id = self.env.company.id
        with self._committed() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            company = env["res.company"].browse(company_id)
            previous = company.crm_vn_duplicate_policy
            company.crm_vn_duplicate_policy = "block"
            env["res.partner"].search([("vn_mobile_key", "=", phone)]).unlink()
        try:
            results = self._run(
                "create", 8, {"company_id": company_id, "mobile": phone, "names": ["Ngô Bảo Châu", "NGO BAO CHAU"]}
            )
            with self._committed() as cr:
                env = api.Environment(cr, SUPERUSER_ID, {})
                count = env["res.partner"].search_count([("vn_mobile_key", "=", phone)])
        finally:
            with self._committed() as cr:
                env = api.Environment(cr, SUPERUSER_ID, {})
                env["res.partner"].search([("vn_mobile_key", "=", phone)]).unlink()
                env["res.company"].browse(company_id).crm_vn_duplicate_policy = previous
        self.assertEqual(count, 1)
        self.assertEqual(results.count("created"), 1, results)
        self.assertEqual(results.count("ValidationError"), 7, results)

    def test_two_processes_escalate_each_breach_once(self):
        company_id = self.env.company.id
        with self._committed() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"crm_vn_feedback_no_ack": True})
            partner = env["res.partner"].create({"name": "Khách Hai Tiến Trình"})
            feedbacks = env["crm.vn.feedback"].create(
                [
                    {
                        "name": f"Quá hạn {i}",
                        "partner_id": partner.id,
                        "priority": "3",
                        "date_received": "2026-03-02 02:00:00",
                    }
                    for i in range(30)
                ]
            )
            feedback_ids, partner_id = feedbacks.ids, partner.id
        try:
            results = self._run("escalate", 2, {"company_id": company_id, "ids": feedback_ids})
            with self._committed() as cr:
                env = api.Environment(cr, SUPERUSER_ID, {})
                feedbacks = env["crm.vn.feedback"].browse(feedback_ids)
                levels = feedbacks.mapped("escalation_level")
                steps = [len(feedback.escalation_ids) for feedback in feedbacks]
        finally:
            with self._committed() as cr:
                env = api.Environment(cr, SUPERUSER_ID, {})
                env["crm.vn.feedback"].browse(feedback_ids).exists().unlink()
                env["res.partner"].browse(partner_id).exists().unlink()
        self.assertEqual(set(levels), {1}, "each breach escalated once, to the first level")
        self.assertEqual(set(steps), {1})
        self.assertEqual(sum(r for r in results if isinstance(r, int)), 30, results)

    def test_two_processes_send_each_zalo_message_once_and_refresh_once(self):
        from odoo.addons.crm_vn_zalo.tests.zalo_stand_in import ZaloStandIn  # noqa: PLC0415

        company_id = self.env.company.id
        with ZaloStandIn(app_id="processes-app") as zalo:
            zalo.add_template(501, "Cảm ơn", tag="CUSTOMER_CARE", params=[("customer_name", "STRING", 30)])
            zalo.token_expired = True
            zalo.refresh_delay = 0.5
            with self._committed() as cr:
                env = api.Environment(cr, SUPERUSER_ID, {})
                account = env["crm.vn.zalo.account"].create(
                    zalo.account_values(name="OA nhiều tiến trình", company_id=company_id)
                )
                template = env["crm.vn.zalo.template"].create(
                    {"name": "Cảm ơn", "account_id": account.id, "zalo_template_id": "501", "status": "ENABLE"}
                )
                messages = env["crm.vn.zalo.message"].create(
                    [
                        {
                            "account_id": account.id,
                            "template_id": template.id,
                            "phone": f"8491235{i:04d}",
                            "params": {"customer_name": f"Khách {i}"},
                        }
                        for i in range(40)
                    ]
                )
                account_id, message_ids = account.id, messages.ids
            try:
                results = self._run("zalo_send", 2, {"company_id": company_id, "limit": 40})
                with self._committed() as cr:
                    env = api.Environment(cr, SUPERUSER_ID, {})
                    states = env["crm.vn.zalo.message"].browse(message_ids).mapped("state")
            finally:
                with self._committed() as cr:
                    env = api.Environment(cr, SUPERUSER_ID, {})
                    env["crm.vn.zalo.message"].browse(message_ids).exists().unlink()
                    env["crm.vn.zalo.account"].browse(account_id).exists().unlink()
        self.assertEqual(results, ["ok", "ok"])
        self.assertEqual(zalo.refreshes, 1)
        tracking = [send["tracking_id"] for send in zalo.sends]
        self.assertEqual((len(tracking), len(set(tracking))), (40, 40))
        self.assertEqual(set(states), {"sent"})

    # ------------------------------------------------------------------
    # Every other scheduled job of the suite, run by two processes at once
    # ------------------------------------------------------------------

    def _call(self, model, method, ids=None, retry=False, count=2):
        return self._run(
            "call",
            count,
            {"company_id": self.env.company.id, "model": model, "method": method, "ids": ids or [], "retry": retry},
        )

    def test_two_processes_load_the_communes_once(self):
        """The commune load (the administrator's wizard, retried by Odoo on a serialization error like any
        request): each commune once, the second load finding them all."""
        vietnam_id = self.env.ref("base.vn").id
        with self._committed() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            used = env["res.partner"].with_context(active_test=False).search([("city_id", "!=", False)]).city_id
            communes = env["res.city"].search(
                [("country_id", "=", vietnam_id), ("vn_code", "!=", False), ("id", "not in", used.ids)],
                order="id desc",
                limit=6,
            )
            codes = communes.mapped("vn_code")
            total = env["res.city"].search_count([("country_id", "=", vietnam_id)])
            communes.unlink()
        try:
            results = self._call("crm.vn.commune.import", "_load_official_communes", retry=True)
            with self._committed() as cr:
                env = api.Environment(cr, SUPERUSER_ID, {})
                found = sorted(
                    env["res.city"]
                    .search([("country_id", "=", vietnam_id), ("vn_code", "in", codes)])
                    .mapped("vn_code")
                )
                after = env["res.city"].search_count([("country_id", "=", vietnam_id)])
        finally:
            with self._committed() as cr:
                env = api.Environment(cr, SUPERUSER_ID, {})
                if env["res.city"].search_count([("country_id", "=", vietnam_id)]) < total:
                    env["crm.vn.commune.import"]._load_official_communes()
        self.assertTrue(all(isinstance(result, dict) for result in results), results)
        self.assertEqual(sorted(result["created"] for result in results), [0, 6], results)
        self.assertEqual(found, sorted(codes))
        self.assertEqual(after, total)

    def test_two_processes_scan_duplicates_once(self):
        with self._committed() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            last_group = env["crm.vn.duplicate.group"].search([], order="id desc", limit=1).id or 0
            partners = env["res.partner"].create(
                [
                    {"name": name, "mobile": f"+8498765{pair:04d}", "email": f"quet{pair}@example.vn"}
                    for pair in range(5)
                    for name in (f"Khách Quét {pair}", f"KHACH QUET {pair}")
                ]
            )
            partner_ids = partners.ids
        try:
            results = self._call("crm.vn.duplicate.group", "_scan_duplicates")
            with self._committed() as cr:
                env = api.Environment(cr, SUPERUSER_ID, {})
                groups = env["crm.vn.duplicate.group"].search([("partner_ids", "in", partner_ids)])
                per_partner = [len(groups.filtered(lambda g, pid=pid: pid in g.partner_ids.ids)) for pid in partner_ids]
        finally:
            with self._committed() as cr:
                env = api.Environment(cr, SUPERUSER_ID, {})
                env["crm.vn.duplicate.group"].search([("id", ">", last_group)]).unlink()
                env["res.partner"].browse(partner_ids).unlink()
        self.assertTrue(all(r is None or isinstance(r, int) for r in results), results)
        self.assertEqual(len(groups), 5)
        self.assertEqual(set(per_partner), {1}, "each pair in one group")

    def test_two_processes_send_the_weekly_digest_once(self):
        with self._committed() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            last_mail = env["mail.mail"].search([], order="id desc", limit=1).id or 0
            recipients = env["crm.vn.weekly.digest"]._digest_recipients()
            expected_per = {user.id: len(user.company_ids) for user in recipients}
            expected = sum(expected_per.values())
        try:
            results = self._call("crm.vn.weekly.digest", "_cron_send")
            with self._committed() as cr:
                env = api.Environment(cr, SUPERUSER_ID, {})
                digests = env["mail.mail"].search([("id", ">", last_mail), ("model", "=", "res.users")])
                per_recipient = {
                    user.id: len(digests.filtered(lambda m, user=user: user.partner_id in m.recipient_ids))
                    for user in env["res.users"].browse(list(expected_per))
                }
        finally:
            with self._committed() as cr:
                env = api.Environment(cr, SUPERUSER_ID, {})
                env["mail.mail"].search([("id", ">", last_mail)]).unlink()
                env["crm.vn.job.run"].search([("name", "=like", "crm_vn_reports.digest:%")]).unlink()
        self.assertTrue(expected, "the demo has sales managers with an email")
        self.assertEqual(sorted(results, key=str), [0, expected], results)
        self.assertEqual(per_recipient, expected_per, "one digest per manager and company")

    def test_two_processes_escalate_late_data_requests_once(self):
        with self._committed() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            partner = env["res.partner"].create({"name": "Khách Yêu Cầu Trễ", "email": "tre@example.vn"})
            requests = env["crm.vn.data.request"].create(
                [{"partner_id": partner.id, "request_type": "access", "date_received": "2026-01-05"} for _i in range(3)]
            )
            request_ids, partner_id = requests.ids, partner.id
        try:
            results = self._call("crm.vn.data.request", "_cron_escalate_late_requests")
            with self._committed() as cr:
                env = api.Environment(cr, SUPERUSER_ID, {})
                requests = env["crm.vn.data.request"].browse(request_ids)
                activities = env["mail.activity"].search(
                    [("res_model", "=", "crm.vn.data.request"), ("res_id", "in", request_ids)]
                )
                flags = {(r.escalated_answer, r.escalated_completion) for r in requests}
                per_request = [sorted(a.user_id.id for a in activities if a.res_id == r.id) for r in requests]
                managers = env["crm.vn.data.request"].browse(request_ids[0])._crm_vn_escalation_users()
        finally:
            with self._committed() as cr:
                env = api.Environment(cr, SUPERUSER_ID, {})
                env["crm.vn.data.request"].browse(request_ids).unlink()
                env["res.partner"].browse(partner_id).unlink()
        self.assertTrue(all(r in (True, False) for r in results), results)
        self.assertEqual(flags, {(True, True)})
        self.assertTrue(managers)
        # the answer and the completion deadlines both passed: two activities per manager, not four
        self.assertEqual(per_request, [sorted(managers.ids * 2)] * 3)

    def test_two_processes_give_one_birthday_activity(self):
        with self._committed() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            # the job's day is Vietnam's, whatever OdooBot's zone
            today = odoo.fields.Date.context_today(env["res.partner"].with_context(tz="Asia/Ho_Chi_Minh"))
            day = today.replace(year=1990) if (today.month, today.day) != (2, 29) else today.replace(year=1992)
            partners = env["res.partner"].create(
                [{"name": f"Sinh Nhật {i}", "birthdate_date": day, "user_id": env.ref("base.user_admin").id}
                 for i in range(4)]
            )  # fmt: skip
            partner_ids = partners.ids
        try:
            results = self._call("res.partner", "_cron_birthday_activities")
            with self._committed() as cr:
                env = api.Environment(cr, SUPERUSER_ID, {})
                activities = env["mail.activity"].search(
                    [
                        ("res_model", "=", "res.partner"),
                        ("res_id", "in", partner_ids),
                        ("activity_type_id", "=", env.ref("crm_vn_customer.mail_activity_type_birthday").id),
                    ]
                )
                per_partner = sorted(activities.mapped("res_id"))
        finally:
            with self._committed() as cr:
                env = api.Environment(cr, SUPERUSER_ID, {})
                env["res.partner"].browse(partner_ids).unlink()
        self.assertTrue(all(isinstance(r, list) for r in results), results)
        self.assertEqual(per_partner, sorted(partner_ids), "one birthday to-do per customer")

    def test_two_processes_write_the_public_holidays_once(self):
        company = self.env.ref("crm_vn_customer.res_company_vn_demo")
        year = odoo.fields.Date.today().year + 1
        domain = [
            ("company_id", "=", company.id),
            ("calendar_id", "=", False),
            ("date_from", ">=", f"{year - 1}-12-31"),
            ("date_from", "<", f"{year}-12-31"),
        ]
        with self._committed() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            leaves = env["resource.calendar.leaves"].search(domain)
            before = sorted(leaves.mapped(lambda leave: (leave.name, str(leave.date_from))))
            leaves.unlink()
        try:
            results = self._call("res.company", "_cron_l10n_vn_public_holidays")
        finally:
            with self._committed() as cr:
                env = api.Environment(cr, SUPERUSER_ID, {})
                after = sorted(env["resource.calendar.leaves"].search(domain).mapped(
                    lambda leave: (leave.name, str(leave.date_from))
                ))  # fmt: skip
                if not after:
                    env["res.company"].browse(company.id)._l10n_vn_write_public_holidays()
        self.assertEqual(results, [None, None])
        self.assertTrue(before)
        self.assertEqual(after, before, "each holiday of next year written once")

    def test_two_processes_handle_each_zalo_event_once_and_greet_once(self):
        from odoo.addons.crm_vn_zalo.tests.zalo_stand_in import ZaloStandIn  # noqa: PLC0415

        company_id = self.env.company.id
        with ZaloStandIn(app_id="processes-events") as zalo:
            zalo.add_template(601, "Sinh nhật", tag="CUSTOMER_CARE", params=[("customer_name", "STRING", 30)])
            with self._committed() as cr:
                env = api.Environment(cr, SUPERUSER_ID, {})
                account = env["crm.vn.zalo.account"].create(
                    zalo.account_values(name="OA sự kiện", company_id=company_id)
                )
                template = env["crm.vn.zalo.template"].create(
                    {
                        "name": "Sinh nhật",
                        "account_id": account.id,
                        "zalo_template_id": "601",
                        "status": "ENABLE",
                        "model_id": env["ir.model"]._get_id("res.partner"),
                    }
                )
                template.param_ids.filtered(lambda p: p.name == "customer_name").field_path = "name"
                account.birthday_template_id = template
                events = env["crm.vn.zalo.event"].create(
                    [
                        {
                            "account_id": account.id,
                            "event_name": "follow",
                            "event_key": f"follow-proc-{i}",
                            "payload": {"event_name": "follow", "follower": {"id": f"88880000{i:03d}"}},
                        }
                        for i in range(12)
                    ]
                )
                # the greetings go on the customer's birthday in Vietnam (OdooBot's day is Brussels')
                today = odoo.fields.Date.context_today(env["res.partner"].with_context(tz="Asia/Ho_Chi_Minh"))
                day = today.replace(year=1991) if (today.month, today.day) != (2, 29) else today.replace(year=1992)
                customer = env["res.partner"].create(
                    {"name": "Khách Sinh Nhật Zalo", "mobile": "0912000601", "birthdate_date": day,
                     "company_id": company_id, "user_id": env.ref("base.user_admin").id, "lifecycle_stage": "customer"}
                )  # fmt: skip
                account_id, event_ids, customer_id = account.id, events.ids, customer.id
            try:
                handled = self._call("crm.vn.zalo.event", "_cron_process")
                greeted = self._call("res.partner", "_cron_zalo_birthday_greetings")
                with self._committed() as cr:
                    env = api.Environment(cr, SUPERUSER_ID, {})
                    events = env["crm.vn.zalo.event"].browse(event_ids)
                    states = set(events.mapped("state"))
                    followers = (
                        env["res.partner"]
                        .with_context(active_test=False)
                        .search([("zalo_user_id", "=like", "88880000%")])
                    )
                    per_user = sorted(followers.mapped("zalo_user_id"))
                    messages = env["crm.vn.zalo.message"].search(
                        [("partner_id", "=", customer_id), ("template_id", "=", template.id)]
                    )
                    message_count = len(messages)
            finally:
                with self._committed() as cr:
                    env = api.Environment(cr, SUPERUSER_ID, {})
                    env["crm.vn.zalo.message"].search([("account_id", "=", account_id)]).unlink()
                    env["crm.vn.zalo.event"].browse(event_ids).unlink()
                    env["res.partner"].with_context(active_test=False).search(
                        [("zalo_user_id", "=like", "88880000%")]
                    ).unlink()
                    env["res.partner"].browse(customer_id).unlink()
                    env["crm.vn.zalo.account"].browse(account_id).unlink()
        self.assertEqual(handled, [None, None])
        self.assertEqual(greeted, [None, None])
        self.assertEqual(states, {"done"})
        self.assertEqual(per_user, [f"88880000{i:03d}" for i in range(12)], "one contact per follower")
        self.assertEqual(message_count, 1, "one birthday greeting")

    def test_two_processes_refresh_the_analytics(self):
        """The 10-minute refresh of the analytics (materialized views) started twice at once: one refreshes, the
        other skips; the figures are those of the committed orders."""
        with self._committed() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            partner = env["res.partner"].create({"name": "Khách Làm Mới Số Liệu", "user_id": env.uid})
            order = env["sale.order"].create(
                {"partner_id": partner.id, "order_line": [(0, 0, {"product_id": env["product.product"].search(
                    [("sale_ok", "=", True)], limit=1).id, "price_unit": 123000, "product_uom_qty": 1})]}
            )  # fmt: skip
            order.action_confirm()
            partner_id, order_id = partner.id, order.id
        try:
            results = self._call("crm.vn.analytics.snapshot", "_cron_refresh_analytics")
            with self._committed() as cr:
                env = api.Environment(cr, SUPERUSER_ID, {})
                rows = env["crm.vn.customer.report"].search([("partner_id", "=", partner_id)])
                found = [(row.order_count, row.revenue) for row in rows]
        finally:
            with self._committed() as cr:
                env = api.Environment(cr, SUPERUSER_ID, {})
                order = env["sale.order"].browse(order_id)
                order._action_cancel()
                order.unlink()
                env["res.partner"].browse(partner_id).unlink()
                env["crm.vn.analytics.snapshot"]._cron_refresh_analytics()
        self.assertIn(True, results)
        self.assertTrue(all(result in (True, False) for result in results), results)
        self.assertEqual(found, [(1, 123000.0)])
