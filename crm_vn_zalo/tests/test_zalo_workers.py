"""Two processes at once (two real cursors, committed data, cleaned up; tag crm_vn_commit): one token refresh,
each queued message sent once."""

from odoo.tests import TransactionCase, tagged

from odoo.addons.crm_vn_base.tests.common import committed_env, run_in_workers, slow

from .zalo_stand_in import ZaloStandIn


@slow
@tagged("post_install", "-at_install", "crm_vn_zalo", "crm_vn_commit")
class TestZaloTwoWorkers(TransactionCase):
    @staticmethod
    def _send(limit):
        """The sending job, as the scheduler runs it."""
        return lambda env: env["crm.vn.zalo.message"]._cron_send(limit=limit) or "ok"

    def test_two_senders_refresh_an_expired_token_once_and_send_each_message_once(self):
        dbname = self.env.cr.dbname
        with ZaloStandIn(app_id="two-workers-app") as zalo:
            zalo.add_template(201, "Cảm ơn", tag="CUSTOMER_CARE", params=[("customer_name", "STRING", 30)])
            zalo.token_expired = True
            zalo.refresh_delay = 0.5  # both senders meet the expired token before the first refresh is answered
            with committed_env(dbname) as env:
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
                    results = run_in_workers(dbname, [self._send(10)] * 2)
                    refreshes_after_first = zalo.refreshes
                    results += run_in_workers(dbname, [self._send(20)] * 2)
                with committed_env(dbname) as env:
                    states = env["crm.vn.zalo.message"].browse(message_ids).mapped("state")
                    stored_refresh = env["crm.vn.zalo.account"].browse(account_id).refresh_token
            finally:
                with committed_env(dbname) as env:
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
