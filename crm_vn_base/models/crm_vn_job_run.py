import logging

import psycopg2

from odoo import api, fields, models
from odoo.tools import SQL

_logger = logging.getLogger(__name__)


class CrmVnJobRun(models.Model):
    """The runs of the suite's scheduled jobs, one row per job (and per piece of work done once, see
    :meth:`_mark_done`): what makes a job safe when several Odoo processes run it at once.

    Odoo's scheduler never runs one scheduled action in two cron workers at once, but the same job also runs from
    buttons ("Scan Now"), from "Run Manually" while the scheduler runs it, from another database's server with a
    different schedule, or from scripts. :meth:`_try_start` lets one transaction at a time run a job: the others
    skip it at once. The row it updates also makes a transaction that started before the last run committed (its
    snapshot does not see that run's work: Odoo runs at REPEATABLE READ) skip the job instead of doing the work
    again.
    """

    _name = "crm.vn.job.run"
    _description = "Scheduled Job Run"
    _log_access = False
    _order = "name"

    name = fields.Char(required=True, readonly=True, index=True)
    date_started = fields.Datetime("Last Started", readonly=True)

    _sql_constraints = [("name_uniq", "unique (name)", "A job is recorded once.")]

    @api.model
    def _try_start(self, job):
        """Whether the current transaction may run ``job`` now: False while another transaction runs it, or when
        another run committed after this transaction began (its work is not visible here). The right is held until
        the transaction ends."""
        cr = self.env.cr
        cr.execute(SQL("SELECT pg_try_advisory_xact_lock(hashtext(%s))", f"crm_vn_job:{job}"))
        if not cr.fetchone()[0]:
            _logger.info("Job %s skipped: another process is running it.", job)
            return False
        try:
            with cr.savepoint(flush=False):
                cr.execute(
                    SQL(
                        """INSERT INTO crm_vn_job_run (name, date_started) VALUES (%s, now() at time zone 'UTC')
                           ON CONFLICT (name) DO UPDATE SET date_started = EXCLUDED.date_started""",
                        job,
                    )
                )
        except psycopg2.errors.SerializationFailure:
            _logger.info("Job %s skipped: another process ran it while this one was starting.", job)
            return False
        self.invalidate_model()
        return True

    @api.model
    def _mark_done(self, key):
        """Record the piece of work ``key`` (a digest of one week to one manager...) as done; False when it was
        already, by this or a concurrent transaction (which then holds it until it ends)."""
        self.flush_model()
        self.env.cr.execute(
            SQL(
                """INSERT INTO crm_vn_job_run (name, date_started) VALUES (%s, now() at time zone 'UTC')
                   ON CONFLICT (name) DO NOTHING RETURNING id""",
                key,
            )
        )
        return bool(self.env.cr.fetchone())
