"""Two processes at once (two real cursors, committed data, cleaned up; tag crm_vn_commit): one token refresh,
each queued message sent once."""

import threading

import odoo
from odoo import SUPERUSER_ID, api
from odoo.tests import TransactionCase, tagged

from .zalo_stand_in import ZaloStandIn


@tagged("post_install", "-at_install", "crm_vn_zalo", "crm_vn_commit")
class TestZaloTwoWorkers(TransactionCase):
    def _run_twice(self, dbname, job):
        barrier = threading.Barrier(2, timeout=30)
        results = []

        def worker():
            with odoo.sql_db.db_connect(dbname).cursor() as cr:
                env = api.Environment(cr, SUPERUSER_ID, {})
                env["crm.vn.zalo.account"].search_count([])  # the transaction's snapshot starts here
                barrier.wait()
                try:
                    results.append(job(env))
                    env.flush_all()
                    cr.commit()  # pylint: disable=invalid-commit
                except Exception as error:
                    cr.rollback()
                    results.append(type(error).__name__)

        threads = [threading.Thread(target=worker) for __ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        return results

    def test_two_senders_refresh_an_expired_token_once_and_send_each_message_once(self):
        dbname = self.env.cr.dbname
        with ZaloStandIn(app_id="two-workers-app") as zalo:
            zalo.add_template(201, "Cảm ơn", tag="CUSTOMER_CARE", params=[("customer_name", "STRING", 30)])
            zalo.token_expired = True
            zalo.refresh_delay = 0.5  # both senders meet the expired token before the first refresh is answered
            with odoo.sql_db.db_connect(dbname).cursor() as cr:
                env = api.Environment(cr, SUPERUSER_ID, {})
                account = env["crm.vn.zalo.account"].create(zalo.account_values(name="OA song song"))
                template = env["crm.vn.zalo.template"].create(
                    {"name": "Cảm ơn", "account_id": account.id, "zalo_template_id": "201", "status": "ENABLE"}
                )
                messages = env["crm.vn.zalo.message"].create(
                    [
                        {
                            "account_id": account.id,
                            "template_id": template.id,
                            "phone": f"8491234{i:04d}",
                            "params": {"customer_name": f"Khách {i}"},
                        }
                        for i in range(30)
                    ]
                )
                account_id, message_ids = account.id, messages.ids
            try:
                # the second sender waiting on the first one's refresh is handled, not an error in the log
                with self.assertNoLogs("odoo.sql_db", level="ERROR"):
                    results = self._run_twice(
                        dbname, lambda env: env["crm.vn.zalo.message"]._cron_send(limit=10) or "ok"
                    )
                    refreshes_after_first = zalo.refreshes
                    results += self._run_twice(
                        dbname, lambda env: env["crm.vn.zalo.message"]._cron_send(limit=20) or "ok"
                    )
                with odoo.sql_db.db_connect(dbname).cursor() as cr:
                    env = api.Environment(cr, SUPERUSER_ID, {})
                    states = env["crm.vn.zalo.message"].browse(message_ids).mapped("state")
                    stored_refresh = env["crm.vn.zalo.account"].browse(account_id).refresh_token
            finally:
                with odoo.sql_db.db_connect(dbname).cursor() as cr:
                    env = api.Environment(cr, SUPERUSER_ID, {})
                    env["crm.vn.zalo.message"].browse(message_ids).exists().unlink()
                    env["crm.vn.zalo.account"].browse(account_id).exists().unlink()
        self.assertEqual(results, ["ok"] * 4)
        self.assertEqual(refreshes_after_first, 1, "one refresh for two senders")
        self.assertEqual(zalo.refreshes, 1)
        self.assertEqual(stored_refresh, zalo.refresh_token, "the new refresh token is the stored one")
        tracking = [send["tracking_id"] for send in zalo.sends]
        self.assertEqual(len(tracking), 30)
        self.assertEqual(len(set(tracking)), 30, "no message sent twice")
        self.assertEqual(set(states), {"sent"})
