from datetime import timedelta

from odoo import api, fields, models
from odoo.osv import expression

from .crm_vn_feedback import OPEN_STATES

SLA_STATUSES = [
    ("on_time", "On Time"),
    ("at_risk", "At Risk"),
    ("breached", "Breached"),
    ("done", "Done"),
]


class CrmVnFeedback(models.Model):
    """SLA deadlines, counted in the company's working hours without its time off (Vietnamese holidays).

    The deadlines are stored computes over resource.calendar's arithmetic (``plan_hours``); nothing is written by a
    cron except the escalation deadline, which the escalation step sets.
    """

    _inherit = "crm.vn.feedback"

    sla_policy_id = fields.Many2one(
        "crm.vn.feedback.sla",
        "SLA Policy",
        compute="_compute_sla_policy_id",
        store=True,
        readonly=False,
        groups="base.group_user",
    )
    response_deadline = fields.Datetime(
        "First Response Due", compute="_compute_policy_deadlines", store=True, copy=False
    )
    resolution_deadline = fields.Datetime("Resolution Due", compute="_compute_policy_deadlines", store=True, copy=False)
    escalation_deadline = fields.Datetime(
        "Escalation Due",
        readonly=True,
        copy=False,
        groups="base.group_user",
        help="Deadline given to the level the feedback was escalated to.",
    )
    sla_deadline = fields.Datetime(
        "Deadline",
        compute="_compute_sla_deadline",
        store=True,
        index=True,
        copy=False,
        help="The next deadline this feedback can breach: first response, resolution or, once escalated, "
        "the deadline given to the new level.",
    )
    sla_status = fields.Selection(SLA_STATUSES, "SLA", compute="_compute_sla_status", search="_search_sla_status")
    sla_result = fields.Selection(
        [("met", "Met"), ("missed", "Missed")],
        "SLA Result",
        compute="_compute_sla_result",
        store=True,
        groups="base.group_user",
        help="Whether the first response and the resolution came before their deadlines.",
    )

    @api.depends("company_id", "feedback_type", "priority")
    def _compute_sla_policy_id(self):
        policies = (
            self.env["crm.vn.feedback.sla"]
            .sudo()
            .search([("company_id", "in", [False, self.env.company.id, *self.company_id.ids])])
        )
        for feedback in self:
            company = feedback.company_id or self.env.company
            feedback.sla_policy_id = policies._find_policy(company, feedback.feedback_type, feedback.priority, policies)

    @api.depends("company_id", "date_received", "sla_policy_id.response_hours", "sla_policy_id.resolution_hours")
    def _compute_policy_deadlines(self):
        for feedback in self:
            policy = feedback.sla_policy_id.sudo()
            if not policy or not feedback.date_received:
                feedback.response_deadline = feedback.resolution_deadline = False
                continue
            start = feedback.date_received
            feedback.response_deadline = (
                feedback._sla_add_hours(start, policy.response_hours) if policy.response_hours else False
            )
            feedback.resolution_deadline = feedback._sla_add_hours(start, policy.resolution_hours)

    @api.depends("state", "response_deadline", "resolution_deadline", "escalation_deadline", "escalation_level")
    def _compute_sla_deadline(self):
        for feedback in self:
            if feedback.state not in OPEN_STATES:
                feedback.sla_deadline = False
            elif feedback.escalation_level and feedback.escalation_deadline:
                feedback.sla_deadline = feedback.escalation_deadline
            elif feedback.state == "new" and feedback.response_deadline:
                feedback.sla_deadline = min(feedback.response_deadline, feedback.resolution_deadline)
            else:
                feedback.sla_deadline = feedback.resolution_deadline

    @api.depends("state", "sla_deadline")
    def _compute_sla_status(self):
        now = self._sla_now()
        for feedback in self:
            if feedback.state not in OPEN_STATES:
                feedback.sla_status = "done"
            elif not feedback.sla_deadline or feedback.sla_deadline >= now + feedback._sla_at_risk_delta():
                feedback.sla_status = "on_time"
            elif feedback.sla_deadline > now:
                feedback.sla_status = "at_risk"
            else:
                feedback.sla_status = "breached"

    def _search_sla_status(self, operator, value):
        if operator not in ("=", "!=", "in", "not in"):
            raise NotImplementedError(self.env._("Unsupported search on the SLA status."))
        values = {value} if isinstance(value, str) else set(value or ())
        now = self._sla_now()
        risk = now + self._sla_at_risk_delta()
        domains = {
            "done": [("state", "not in", OPEN_STATES)],
            "breached": [("state", "in", OPEN_STATES), ("sla_deadline", "<=", now)],
            "at_risk": [("state", "in", OPEN_STATES), ("sla_deadline", ">", now), ("sla_deadline", "<", risk)],
            "on_time": [
                ("state", "in", OPEN_STATES),
                "|",
                ("sla_deadline", "=", False),
                ("sla_deadline", ">=", risk),
            ],
        }
        selected = [domains[status] for status in values if status in domains]
        domain = expression.OR(selected) if selected else expression.FALSE_DOMAIN
        if operator in ("!=", "not in"):
            return ["!", *expression.normalize_domain(domain)]
        return domain

    @api.depends("date_resolved", "date_acknowledged", "response_deadline", "resolution_deadline", "escalation_level")
    def _compute_sla_result(self):
        for feedback in self:
            if not feedback.date_resolved:
                feedback.sla_result = False
                continue
            late_response = (
                feedback.response_deadline
                and feedback.date_acknowledged
                and feedback.date_acknowledged > feedback.response_deadline
            )
            late_resolution = feedback.resolution_deadline and feedback.date_resolved > feedback.resolution_deadline
            missed = late_response or late_resolution or feedback.escalation_level
            feedback.sla_result = "missed" if missed else "met"

    # ------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------

    def _sla_now(self):
        return fields.Datetime.now()

    def _sla_at_risk_delta(self):
        company = self.company_id[:1] or self.env.company
        return timedelta(hours=company.sudo().crm_vn_feedback_at_risk_hours or 0.0)

    def _sla_add_hours(self, start, hours):
        """``start`` plus ``hours`` working hours of this feedback's company (naive UTC)."""
        self.ensure_one()
        return (self.company_id or self.env.company)._crm_vn_feedback_add_hours(start, hours)
