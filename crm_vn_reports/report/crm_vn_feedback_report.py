from odoo import api, fields, models, tools
from odoo.tools import SQL

from odoo.addons.crm_vn_feedback.models.crm_vn_feedback import FEEDBACK_TYPES, PRIORITIES


class CrmVnFeedbackReport(models.Model):
    """Feedback analytics: response and resolution times, SLA compliance, satisfaction and NPS.

    One row per feedback (cancelled ones left out). Times are elapsed hours
    from reception. ``sla_compliance`` is 100 for a feedback that met its
    deadlines and 0 for one that missed them, so its average is the share
    on time. Odoo's rating has three smileys: a satisfied customer (5) counts
    as a promoter, a dissatisfied one (1) as a detractor, so the average of
    ``nps`` (100, 0, -100) is the Net Promoter Score of the rated feedback.
    """

    _name = "crm.vn.feedback.report"
    _description = "Feedback Analytics"
    _auto = False
    _rec_name = "feedback_id"
    _order = "date_received desc, id desc"

    feedback_id = fields.Many2one("crm.vn.feedback", readonly=True)
    partner_id = fields.Many2one("res.partner", "Customer", readonly=True)
    user_id = fields.Many2one("res.users", "Assigned To", readonly=True)
    team_id = fields.Many2one("crm.team", "Sales Team", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    state_id = fields.Many2one("res.country.state", "Province", readonly=True)
    category_id = fields.Many2one("crm.vn.feedback.category", readonly=True)
    channel = fields.Selection(
        selection=lambda self: self.env["crm.vn.feedback"]._fields["channel"]._description_selection(self.env),
        readonly=True,
    )
    feedback_type = fields.Selection(FEEDBACK_TYPES, "Type", readonly=True)
    priority = fields.Selection(PRIORITIES, readonly=True)
    state = fields.Selection(
        selection=lambda self: self.env["crm.vn.feedback"]._fields["state"]._description_selection(self.env),
        string="Stage",
        readonly=True,
    )
    date_received = fields.Datetime("Received", readonly=True)
    date_resolved = fields.Datetime("Resolved", readonly=True)
    escalation_level = fields.Integer(readonly=True, aggregator="max")
    feedback_count = fields.Integer(readonly=True)
    open_count = fields.Integer("Open", readonly=True)
    breached_count = fields.Integer("Breached (open)", readonly=True)
    response_hours = fields.Float("Response Time (h)", readonly=True, aggregator="avg", digits=(10, 1))
    resolution_hours = fields.Float("Resolution Time (h)", readonly=True, aggregator="avg", digits=(10, 1))
    sla_compliance = fields.Float("SLA Compliance (%)", readonly=True, aggregator="avg", digits=(5, 1))
    rating = fields.Float(readonly=True, aggregator="avg", digits=(3, 1))
    nps = fields.Float("NPS", readonly=True, aggregator="avg", digits=(5, 1))

    @api.model
    def _query(self):
        return SQL(
            """
            SELECT f.id,
                   f.id AS feedback_id,
                   f.partner_id,
                   f.user_id,
                   f.team_id,
                   f.company_id,
                   p.state_id,
                   f.category_id,
                   f.channel,
                   f.feedback_type,
                   f.priority,
                   f.state,
                   f.date_received,
                   f.date_resolved,
                   f.escalation_level,
                   1 AS feedback_count,
                   CASE WHEN f.is_open THEN 1 ELSE 0 END AS open_count,
                   CASE WHEN f.is_open AND f.sla_deadline < (now() AT TIME ZONE 'UTC') THEN 1 ELSE 0 END
                       AS breached_count,
                   extract(epoch FROM f.date_acknowledged - f.date_received) / 3600.0 AS response_hours,
                   extract(epoch FROM f.date_resolved - f.date_received) / 3600.0 AS resolution_hours,
                   CASE f.sla_result WHEN 'met' THEN 100.0 WHEN 'missed' THEN 0.0 END AS sla_compliance,
                   CASE WHEN f.rating_last_value > 0 THEN f.rating_last_value END AS rating,
                   CASE WHEN f.rating_last_value >= 5 THEN 100.0
                        WHEN f.rating_last_value > 0 AND f.rating_last_value <= 1 THEN -100.0
                        WHEN f.rating_last_value > 0 THEN 0.0 END AS nps
              FROM crm_vn_feedback f
              JOIN res_partner p ON p.id = f.partner_id
             WHERE f.active AND f.state != 'cancelled'
            """
        )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(SQL("CREATE OR REPLACE VIEW %s AS (%s)", SQL.identifier(self._table), self._query()))
