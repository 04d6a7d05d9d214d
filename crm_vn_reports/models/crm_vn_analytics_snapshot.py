import logging

from odoo import api, fields, models, tools
from odoo.tools import SQL

_logger = logging.getLogger(__name__)

# Fields indexed in every snapshot that has them: what the record rules and the usual filters read.
INDEXED_FIELDS = ("company_id", "user_id", "team_id", "partner_id", "date", "cohort_month")
# Who owns a customer is read from the customer as it is now, never from the snapshot: a hand-over shows at once in
# the rows a salesperson reads (record rules), groups by and exports.
LIVE_OWNER_FIELDS = ("user_id", "team_id")


class CrmVnAnalyticsSnapshot(models.AbstractModel):
    """Analytics kept as a PostgreSQL materialized view of their ``_query()``: pivots, graphs and exports read
    stored rows, in milliseconds however many orders there are, instead of aggregating every order on each read.

    **Freshness.** The figures are those of the last refresh: the scheduled action *Analytics: refresh the figures*
    (every 10 minutes), the installation or update of the module, and the weekly digest (which refreshes before it
    counts). :meth:`_crm_vn_refreshed_at` tells when. The refresh is ``REFRESH MATERIALIZED VIEW CONCURRENTLY``:
    readers go on reading the previous figures meanwhile; one process refreshes at a time (crm.vn.job.run). On a
    read replica the refreshed figures arrive with the replication stream.

    **Ownership is live.** In a report with a ``partner_id`` (one row per customer...), the owner fields
    (``LIVE_OWNER_FIELDS``: salesperson and team) are not part of the snapshot: the model's table is a plain view
    joining the snapshot (``<table>_snapshot``) with the customer as it is now, so the record rules, the
    dashboards and the exports follow a hand-over at once, whatever the last refresh.

    Models inheriting it are ``_auto = False`` with a ``_query()`` returning the SELECT of their rows and a unique
    ``id`` column.
    """

    _name = "crm.vn.analytics.snapshot"
    _description = "Analytics Snapshot"

    @api.model
    def _query(self):
        raise NotImplementedError

    @api.model
    def _crm_vn_snapshot_table(self):
        """The materialized view holding the figures (the model's table itself when no field is read live)."""
        return f"{self._table}_snapshot" if self._crm_vn_live_fields() else self._table

    @api.model
    def _crm_vn_live_fields(self):
        """The owner fields read from the customer as it is now (see the class docstring)."""
        if "partner_id" not in self._fields:
            return ()
        return tuple(fname for fname in LIVE_OWNER_FIELDS if fname in self._fields)

    def _field_to_sql(self, alias, fname, query=None, flush=True):
        """An owner field read live is the customer's: reading, searching or grouping by it first writes the
        customers' pending changes (a hand-over earlier in the same transaction) to the database."""
        sql = super()._field_to_sql(alias, fname, query, flush)
        if flush and fname in self._crm_vn_live_fields():
            sql = SQL("%s", sql, to_flush=self.env["res.partner"]._fields[fname])
        return sql

    def init(self):
        if self._abstract:
            return
        cr = self.env.cr
        snapshot = self._crm_vn_snapshot_table()
        table = SQL.identifier(snapshot)
        tools.drop_view_if_exists(cr, self._table)
        tools.drop_view_if_exists(cr, snapshot)
        cr.execute(SQL("CREATE MATERIALIZED VIEW %s AS (%s)", table, self._query()))
        # unique: what REFRESH ... CONCURRENTLY needs to replace the rows while they are read
        cr.execute(SQL("CREATE UNIQUE INDEX %s ON %s (id)", SQL.identifier(f"{snapshot}_id_uniq"), table))
        live = self._crm_vn_live_fields()
        for fname in INDEXED_FIELDS:
            if fname in self._fields and fname not in live:
                cr.execute(
                    SQL(
                        "CREATE INDEX %s ON %s (%s)",
                        SQL.identifier(f"{snapshot}_{fname}_idx"),
                        table,
                        SQL.identifier(fname),
                    )
                )
        if live:
            cr.execute(
                SQL(
                    """SELECT attname FROM pg_attribute
                        WHERE attrelid = %s::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum""",
                    snapshot,
                )
            )
            columns = [name for (name,) in cr.fetchall() if name not in live]
            cr.execute(
                SQL(
                    "CREATE VIEW %s AS (SELECT %s, %s FROM %s s LEFT JOIN res_partner p ON p.id = s.partner_id)",
                    SQL.identifier(self._table),
                    SQL(", ").join(SQL.identifier("s", name) for name in columns),
                    SQL(", ").join(SQL.identifier("p", name) for name in live),
                    table,
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
        self.env.cr.execute(
            SQL("REFRESH MATERIALIZED VIEW CONCURRENTLY %s", SQL.identifier(self._crm_vn_snapshot_table()))
        )
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
