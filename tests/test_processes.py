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

WORKER = textwrap.dedent(
    """
    import json, sys, time
    from pathlib import Path
    import odoo
    from odoo import SUPERUSER_ID, api
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
            env.flush_all()
            cr.commit()
        except Exception as error:
            cr.rollback()
            result = type(error).__name__
    print("RESULT " + json.dumps(result))
    """
)


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
            zalo.add_template(501, "Cảm ơn", tag="CUSTOMER_CARE", params=[("customer_name", "1", 30)])
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
