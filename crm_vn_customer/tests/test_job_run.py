import odoo
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install", "crm_vn_customer")
class TestJobRun(TransactionCase):
    """The lock of the suite's scheduled jobs (several processes at once: tests/test_processes.py)."""

    def _other_session_may_start(self, job):
        """Whether another database session (another Odoo process) gets the job's lock now."""
        with odoo.sql_db.db_connect(self.env.cr.dbname).cursor() as cr:
            cr.execute("SELECT pg_try_advisory_xact_lock(hashtext(%s))", [f"crm_vn_job:{job}"])
            return cr.fetchone()[0]

    def test_one_transaction_at_a_time(self):
        Runs = self.env["crm.vn.job.run"]
        self.assertTrue(self._other_session_may_start("test.job"), "free before")
        self.assertTrue(Runs._try_start("test.job"))
        self.assertTrue(Runs._try_start("test.job"), "the same transaction may run it again")
        self.assertFalse(self._other_session_may_start("test.job"), "held until this transaction ends")
        self.assertTrue(self._other_session_may_start("test.other_job"), "jobs are locked one by one")
        run = Runs.search([("name", "=", "test.job")])
        self.assertEqual(len(run), 1)
        self.assertTrue(run.date_started)

    def test_work_done_once(self):
        Runs = self.env["crm.vn.job.run"]
        self.assertTrue(Runs._mark_done("test.digest:1:2026-12-07"))
        self.assertFalse(Runs._mark_done("test.digest:1:2026-12-07"))
        self.assertTrue(Runs._mark_done("test.digest:2:2026-12-07"))

    def test_only_administrators_read_the_runs(self):
        self.env["crm.vn.job.run"]._try_start("test.job")
        user = odoo.tests.new_test_user(self.env, "jobrun_sales", groups="sales_team.group_sale_manager")
        with self.assertRaises(odoo.exceptions.AccessError):
            self.env["crm.vn.job.run"].with_user(user).search([])
