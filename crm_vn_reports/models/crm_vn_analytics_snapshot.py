import logging

from odoo import api, fields, models, tools
from odoo.tools import SQL

_logger = logging.getLogger(__name__)

# Fields indexed in every snapshot that has them: what the record rules and the usual filters read.
INDEXED_FIELDS = ("company_id", "user_id", "team_id", "partner_id", "date", "cohort_month")


class CrmVnAnalyticsSnapshot(models.AbstractModel):
    """Analytics kept as a PostgreSQL materialized view of their ``_query()``: pivots, graphs and exports read
    stored rows, in milliseconds however many orders there are, instead of aggregating every order on each read.

    **Freshness.** The figures are those of the last refresh: the scheduled action *Analytics: refresh the figures*
    (every 10 minutes), the installation or update of the module, and the weekly digest (which refreshes before it
    counts). :meth:`_crm_vn_refreshed_at` tells when. The refresh is ``REFRESH MATERIALIZED VIEW CONCURRENTLY``:
    readers go on reading the previous figures meanwhile; one process refreshes at a time (crm.vn.job.run). On a
    read replica the refreshed figures arrive with the replication stream.

    Models inheriting it are ``_auto = False`` with a ``_query()`` returning the SELECT of their rows and a unique
    ``id`` column.
    """

    _name = "crm.vn.analytics.snapshot"
    _description = "Analytics Snapshot"

    @api.model
    def _query(self):
        raise NotImplementedError

    def init(self):
        if self._abstract:
            return
        cr = self.env.cr
        table = SQL.identifier(self._table)
        tools.drop_view_if_exists(cr, self._table)
        cr.execute(SQL("CREATE MATERIALIZED VIEW %s AS (%s)", table, self._query()))
        # unique: what REFRESH ... CONCURRENTLY needs to replace the rows while they are read
        cr.execute(SQL("CREATE UNIQUE INDEX %s ON %s (id)", SQL.identifier(f"{self._table}_id_uniq"), table))
        for fname in INDEXED_FIELDS:
            if fname in self._fields:
                cr.execute(
                    SQL(
                        "CREATE INDEX %s ON %s (%s)",
                        SQL.identifier(f"{self._table}_{fname}_idx"),
                        table,
                        SQL.identifier(fname),
                    )
                )
        self._crm_vn_mark_refreshed()

    @api.model
    def _crm_vn_snapshot_models(self):
        names = self.env.registry["crm.vn.analytics.snapshot"]._inherit_children
        return [self.env[name] for name in sorted(names) if not self.env[name]._abstract]

    @api.model
    def _crm_vn_refresh(self):
        """Compute the figures of this report again from the orders, feedback and customers as they are now."""
        self.env.flush_all()
        started = fields.Datetime.now()
        self.env.cr.execute(SQL("REFRESH MATERIALIZED VIEW CONCURRENTLY %s", SQL.identifier(self._table)))
        self._crm_vn_mark_refreshed()
        self.invalidate_model()
        _logger.info("%s refreshed in %.1f s.", self._name, (fields.Datetime.now() - started).total_seconds())

    @api.model
    def _crm_vn_mark_refreshed(self):
        self.env.cr.execute(
            SQL(
                """INSERT INTO crm_vn_job_run (name, date_started) VALUES (%s, now() at time zone 'UTC')
                   ON CONFLICT (name) DO UPDATE SET date_started = EXCLUDED.date_started""",
                f"crm_vn_reports.snapshot:{self._table}",
            )
        )

    @api.model
    def _crm_vn_refreshed_at(self):
        """When the figures of this report were last computed (UTC), or None."""
        self.env.cr.execute(
            SQL("SELECT date_started FROM crm_vn_job_run WHERE name = %s", f"crm_vn_reports.snapshot:{self._table}")
        )
        row = self.env.cr.fetchone()
        return row and row[0]

    @api.model
    def _cron_refresh_analytics(self):
        """Refresh every analytics snapshot; one process at a time (a second one skips)."""
        if not self.env["crm.vn.job.run"]._try_start("crm_vn_reports.analytics_refresh"):
            return False
        for report in self._crm_vn_snapshot_models():
            report._crm_vn_refresh()
        return True
