import time
from collections import defaultdict
from datetime import timedelta

import pytz
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.osv import expression
from odoo.tools import SQL, format_datetime, is_html_empty
from odoo.tools.mail import email_normalize, email_split_tuples, generate_tracking_message_id

from odoo.addons.crm_vn_base.tools.channels import channel_selection
from odoo.addons.crm_vn_base.tools.vietnam_time import today_in_vietnam
from odoo.addons.l10n_vn_public_holidays.tools.holidays import VN_TZ

# Stages in which the feedback still has a deadline to meet.
OPEN_STATES = ("new", "acknowledged", "in_progress")
DONE_STATES = ("resolved", "closed", "cancelled")
# By hand only for sales managers: set by the escalation job (read-only on screen), the SLA policy found for the
# type and priority (a more lenient one moves the deadlines), and archiving (an archived feedback leaves the
# escalation job and the reports).
MANAGER_FIELDS = {"escalation_level", "escalated_user_id", "escalation_deadline", "sla_policy_id", "active"}
# The button (action) that moves a feedback to each stage; a stage written by hand (a kanban card dragged to a
# column) goes through it, with its checks and effects.
STATE_ACTIONS = {
    "acknowledged": "action_acknowledge",
    "in_progress": "action_start",
    "resolved": "action_resolve",
    "closed": "action_close",
    "cancelled": "action_cancel",
}
PRIORITIES = [("0", "Low"), ("1", "Medium"), ("2", "High"), ("3", "Urgent")]
FEEDBACK_TYPES = [
    ("complaint", "Complaint"),
    ("question", "Question"),
    ("suggestion", "Suggestion"),
    ("praise", "Praise"),
]
SLA_STATUSES = [
    ("on_time", "On Time"),
    ("at_risk", "At Risk"),
    ("breached", "Breached"),
    ("done", "Done"),
]
# Inbox notifications per person and per run: above this, one digest message.
NOTIFY_ONE_BY_ONE = 10
FEEDBACK_FIELDS = ("description", "resolution", "order_reference", "email_cc")


class CrmVnFeedback(models.Model):
    """Feedback or complaint of a customer, from any channel.

    One model, one file, in sections: the record and its stages, deadlines (SLA), escalation, the mail gateway
    with the acknowledgement and rating request, and what a customer's personal data holds of it.
    """

    _name = "crm.vn.feedback"
    _description = "Customer Feedback"
    # crm_vn_base's guards: contacts one may see, computed fields never written by hand, clear errors on bad values
    _crm_vn_check_contacts = True
    _crm_vn_check_computed = True
    _crm_vn_check_values = True
    _inherit = ["portal.mixin", "mail.thread.cc", "mail.activity.mixin", "rating.mixin", "crm.vn.personal.data.mixin"]
    _order = "priority desc, sla_deadline, id desc"
    _rec_names_search = ["name", "reference"]
    _check_company_auto = True
    _crm_vn_pd_key = "feedback"
    _crm_vn_pd_sequence = 50
    _crm_vn_pd_order = "id"
    _crm_vn_pd_export_exclude = ("access_token",)

    # Identification
    reference = fields.Char(
        compute="_compute_reference",
        store=True,
        precompute=True,
        copy=False,
        index="trigram",
        help="Number the customer can quote when calling back.",
    )
    name = fields.Char("Subject", required=True, tracking=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", required=True, index=True, default=lambda self: self.env.company)
    color = fields.Integer()

    # Customer and origin
    partner_id = fields.Many2one(
        "res.partner",
        "Customer",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        domain="[('type', '!=', 'private')]",
    )
    commercial_partner_id = fields.Many2one(related="partner_id.commercial_partner_id", store=True, index=True)
    partner_phone = fields.Char("Customer Mobile", compute="_compute_partner_contact")
    partner_email = fields.Char("Customer Email", compute="_compute_partner_contact")
    channel = fields.Selection(
        channel_selection("call", "zalo", "facebook", "email", "web", "in_person"),
        required=True,
        default="call",
        tracking=True,
    )
    feedback_type = fields.Selection(
        FEEDBACK_TYPES,
        "Type",
        required=True,
        default="complaint",
        tracking=True,
    )
    category_id = fields.Many2one("crm.vn.feedback.category", tracking=True)
    priority = fields.Selection(PRIORITIES, required=True, default="1", tracking=True, index=True)
    description = fields.Html()
    product_id = fields.Many2one("product.product", check_company=True)
    order_reference = fields.Char(help="Number of the order, invoice or delivery the feedback is about.")
    date_received = fields.Datetime(
        "Received On",
        required=True,
        default=fields.Datetime.now,
        help="When the customer contacted us: the SLA deadlines count from here. Never in the future; moved later "
        "by sales managers only.",
    )

    # Ownership
    user_id = fields.Many2one(
        "res.users",
        "Assigned To",
        compute="_compute_user_id",
        store=True,
        readonly=False,
        index=True,
        tracking=True,
        domain="[('share', '=', False)]",
    )
    team_id = fields.Many2one(
        "crm.team",
        "Sales Team",
        compute="_compute_team_id",
        store=True,
        readonly=False,
        index=True,
        tracking=True,
        check_company=True,
        groups="base.group_user",
    )

    # Progress
    state = fields.Selection(
        [
            ("new", "To Acknowledge"),
            ("acknowledged", "Acknowledged"),
            ("in_progress", "In Progress"),
            ("resolved", "Resolved"),
            ("closed", "Closed"),
            ("cancelled", "Cancelled"),
        ],
        "Stage",
        required=True,
        default="new",
        tracking=True,
        index=True,
        copy=False,
        group_expand="_group_expand_states",
        crm_vn_workflow=True,
    )
    # The one definition of an open feedback (OPEN_STATES), for views, searches, other add-ons and SQL reports.
    is_open = fields.Boolean("Open", compute="_compute_is_open", store=True, index=True)
    date_acknowledged = fields.Datetime("Acknowledged On", readonly=True, copy=False, crm_vn_workflow=True)
    date_resolved = fields.Datetime("Resolved On", readonly=True, copy=False, crm_vn_workflow=True)
    date_closed = fields.Datetime("Closed On", readonly=True, copy=False, crm_vn_workflow=True)
    resolution = fields.Html("Resolution Notes", groups="base.group_user")

    _sql_constraints = [
        ("reference_uniq", "unique(company_id, reference)", "The feedback reference must be unique per company."),
    ]

    @api.depends("partner_id.mobile", "partner_id.email")
    @api.depends_context("uid")
    def _compute_partner_contact(self):
        """The customer's mobile and email, for those who may read the customer: a feedback still assigned to a
        former owner (or escalated to someone outside the team) does not open the customer's contact details."""
        readable = self.partner_id._filtered_access("read")
        for feedback in self:
            partner = feedback.partner_id if feedback.partner_id in readable else feedback.partner_id.browse()
            feedback.partner_phone = partner.mobile
            feedback.partner_email = partner.email

    @api.depends("state")
    def _compute_is_open(self):
        for feedback in self:
            feedback.is_open = feedback.state in OPEN_STATES

    def _compute_reference(self):
        for feedback in self:
            company = feedback.company_id or self.env.company
            # sudo: the number comes from the company's sequence, whoever files the feedback (portal, gateway).
            sequence = self.env["ir.sequence"].sudo().with_company(company)
            feedback.reference = feedback.reference or sequence.next_by_code("crm.vn.feedback") or "/"

    @api.depends("partner_id")
    def _compute_user_id(self):
        for feedback in self:
            partner = feedback.partner_id.commercial_partner_id
            # The customer's owner (contacts follow their company's owner).
            owner = feedback.partner_id.sudo().user_id or partner.sudo().user_id
            if owner and not owner.share:
                feedback.user_id = owner
            elif not feedback.user_id:
                feedback.user_id = False

    @api.depends("user_id", "partner_id")
    def _compute_team_id(self):
        for feedback in self:
            team = feedback.partner_id.sudo().team_id or feedback.partner_id.commercial_partner_id.sudo().team_id
            if not team and feedback.user_id:
                team = feedback.user_id.sudo().sale_team_id
            feedback.team_id = team

    @api.model
    def _group_expand_states(self, states, domain):
        return [key for key, __ in self._fields["state"].selection if key != "cancelled"]

    def _compute_access_url(self):
        for feedback in self:
            feedback.access_url = f"/my/feedback/{feedback.id}"

    @api.depends("reference", "name")
    def _compute_display_name(self):
        for feedback in self:
            if feedback.reference and feedback.id:
                feedback.display_name = f"{feedback.reference} {feedback.name or ''}".strip()
            else:
                feedback.display_name = feedback.name or ""

    @api.model
    def default_get(self, fields_list):
        """The escalation, the SLA policy and archiving are for sales managers: a context key or a saved default
        does not set them for anyone else."""
        defaults = super().default_get(fields_list)
        if not self.env.su and not self._is_sales_manager():
            self._crm_vn_code_defaults(defaults, MANAGER_FIELDS)
        return defaults

    @api.model
    def _is_sales_manager(self):
        return self.env.user.has_group("sales_team.group_sale_manager")

    @api.model_create_multi
    def create(self, vals_list):
        context = self.env.context
        if not self.env.su:
            # Checked first: the values are read below (the base model checks them again).
            vals_list = [self._crm_vn_clean_values(vals) for vals in vals_list]
        for vals in vals_list:
            subject = str(vals.get("name", context.get("default_name")) or "").strip()
            if not subject:
                raise ValidationError(self.env._("Give the feedback a subject."))
            if not vals.get("partner_id", context.get("default_partner_id")):
                raise ValidationError(self.env._('Feedback "%(subject)s" needs a customer.', subject=subject))
        # The form sends back the SLA policy its onchange found: anyone may send that one, only managers another.
        sent_policies = [self._crm_vn_pop_sent_policy(vals) for vals in vals_list]
        for vals in vals_list:
            if not self.env.su:
                self._check_manager_fields(vals)
        feedbacks = super().create(vals_list)
        for feedback, policy in zip(feedbacks, sent_policies, strict=True):
            feedback._crm_vn_check_sent_policy(policy)
        if not self.env.su:
            feedbacks._check_date_received()
        for state in {feedback.state for feedback in feedbacks} - {"new"}:
            feedbacks.filtered(lambda f, s=state: f.state == s)._stamp_state_dates(state)
        feedbacks._send_acknowledgement()
        return feedbacks

    def write(self, vals):
        if self.env.su:
            result = super().write(vals)
            if vals.get("state"):
                self._stamp_state_dates(vals["state"])
            return result
        vals = self._crm_vn_clean_values(vals)
        sent_policy = self._crm_vn_pop_sent_policy(vals)
        self._check_manager_fields(vals)
        self._check_assessment_change(vals)
        # A stage written by hand (a kanban card dragged to a column) goes through its button: checks, dates,
        # rating request.
        state = vals.pop("state", None)
        received_before = {feedback: feedback.date_received for feedback in self} if "date_received" in vals else None
        result = super().write(vals) if vals else True
        if received_before is not None:
            self._check_date_received(received_before)
        for feedback in self:
            feedback._crm_vn_check_sent_policy(sent_policy)
        if state is not None:
            self._move_to_state(state)
        return result

    def _crm_vn_pop_sent_policy(self, vals):
        """The SLA policy in ``vals`` of a user who is not a sales manager, taken out of them (None if none): the
        policy is then the one found for the type and priority, and the one sent must be that one."""
        if self.env.su or "sla_policy_id" not in vals or self._is_sales_manager():
            return None
        return vals.pop("sla_policy_id") or False

    def _crm_vn_check_sent_policy(self, policy):
        if policy is not None and policy != self.sla_policy_id.id:
            self._check_manager_fields({"sla_policy_id": policy})

    def _check_assessment_change(self, vals):
        """Type and priority decide the SLA policy, hence the deadlines and the result the reports count: set when
        the feedback is received; afterwards the priority may only be raised (a stricter deadline), other changes are
        for sales managers. A closed case is never re-assessed by its handler."""
        if not {"priority", "feedback_type"}.intersection(vals) or self._is_sales_manager():
            return
        for feedback in self.filtered(lambda f: f.state != "new"):
            lowered = "priority" in vals and str(vals["priority"]) < feedback.priority
            retyped = "feedback_type" in vals and vals["feedback_type"] != feedback.feedback_type
            raised_when_done = (
                "priority" in vals and feedback.state in DONE_STATES and vals["priority"] != feedback.priority
            )
            if lowered or retyped or raised_when_done:
                raise AccessError(
                    self.env._(
                        "%(reference)s: its type and priority were set when it was received and decide its deadlines. "
                        "Raise its priority if it is more urgent; any other change is for a sales manager.",
                        reference=feedback.reference,
                    )
                )

    def _check_manager_fields(self, vals):
        manager_only = MANAGER_FIELDS.intersection(vals)
        if manager_only and not self._is_sales_manager():
            raise AccessError(
                self.env._(
                    "Only sales managers can change %(fields)s of feedback: the escalation, the SLA policy found "
                    "for its type and priority, and whether it is archived.",
                    fields=", ".join(self._fields[name]._description_string(self.env) for name in sorted(manager_only)),
                )
            )

    def _check_date_received(self, before=None):
        """The deadlines count from the received date: never in the future, and moved later by sales managers
        only (it pushes the deadlines back). An earlier date (the customer called yesterday) is anyone's to set."""
        now = fields.Datetime.now()
        manager = self._is_sales_manager()
        for feedback in self:
            if feedback.date_received > now:
                raise ValidationError(
                    self.env._(
                        "Received On: %(date)s is in the future. Enter when the customer contacted you.",
                        date=fields.Datetime.to_string(feedback.date_received),
                    )
                )
            previous = (before or {}).get(feedback)
            if previous and feedback.date_received > previous and not manager:
                raise AccessError(
                    self.env._(
                        "Only a sales manager can move the received date of %(reference)s later: it pushes the "
                        "deadlines back.",
                        reference=feedback.reference,
                    )
                )

    def _move_to_state(self, state):
        labels = dict(self._fields["state"]._description_selection(self.env))
        if state not in labels:
            raise ValidationError(
                self.env._(
                    'Stage: "%(state)s" is not a stage of feedback (choose one of: %(stages)s).',
                    state=str(state)[:100],
                    stages=", ".join(labels.values()),
                )
            )
        if state == "in_progress":
            for feedback in self:
                if feedback.state in DONE_STATES:
                    feedback.action_reopen()
                else:
                    feedback.action_start()
            return
        action = STATE_ACTIONS.get(state)
        if not action:
            raise UserError(
                self.env._(
                    "Feedback cannot be moved back to %(state)s: use the buttons of the feedback.",
                    state=labels.get(state, state),
                )
            )
        getattr(self, action)()

    def _stamp_state_dates(self, state):
        """Record when the feedback was first acknowledged, resolved and closed."""
        now = fields.Datetime.now()
        # sudo: the dates are the workflow's record, written after the stage change was checked.
        feedbacks = self.sudo()
        if state in OPEN_STATES:
            feedbacks.filtered(lambda f: f.date_resolved or f.date_closed).write(
                {"date_resolved": False, "date_closed": False}
            )
        if state not in ("new", "cancelled"):
            feedbacks.filtered(lambda f: not f.date_acknowledged).write({"date_acknowledged": now})
        if state in ("resolved", "closed"):
            feedbacks.filtered(lambda f: not f.date_resolved).write({"date_resolved": now})
        if state == "closed":
            feedbacks.filtered(lambda f: not f.date_closed).write({"date_closed": now})

    # ------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------

    def _set_state(self, state):
        """Write the stage (the workflow's field) once the action checked it may move."""
        self.check_access("write")
        # sudo: the stage is the workflow's, written after the checks of the action and the write access above.
        self.sudo().write({"state": state})

    def _check_state_change(self, allowed_from, target):
        self.check_access("write")
        labels = dict(self._fields["state"]._description_selection(self.env))
        for feedback in self:
            if feedback.state not in allowed_from:
                raise UserError(
                    self.env._(
                        "Feedback %(reference)s is %(state)s: it cannot be moved to %(target)s.",
                        reference=feedback.reference,
                        state=labels[feedback.state],
                        target=labels[target],
                    )
                )

    def action_acknowledge(self):
        self._check_state_change(("new",), "acknowledged")
        self._set_state("acknowledged")
        return True

    def action_start(self):
        self._check_state_change(("new", "acknowledged"), "in_progress")
        self._set_state("in_progress")
        return True

    def action_resolve(self):
        """Mark as resolved and ask the customer to rate the service. A complaint says how it was resolved: the
        customer is asked to rate a resolution, which cannot be empty."""
        self._check_state_change(OPEN_STATES, "resolved")
        unexplained = self.filtered(lambda f: f.feedback_type == "complaint" and is_html_empty(f.sudo().resolution))
        if unexplained:
            raise UserError(
                self.env._(
                    "%(ref)s: write the resolution (Resolution Notes) before resolving a complaint.",
                    ref=", ".join(unexplained.mapped("reference")),
                )
            )
        self._set_state("resolved")
        self._send_rating_request()
        return True

    def action_close(self):
        self._check_state_change(("resolved",), "closed")
        self._set_state("closed")
        return True

    def action_cancel(self):
        self._check_state_change(OPEN_STATES, "cancelled")
        self._set_state("cancelled")
        return True

    def action_reopen(self):
        self._check_state_change(DONE_STATES, "in_progress")
        self._set_state("in_progress")
        return True

    # ------------------------------------------------------------
    # Deadlines (SLA)
    # ------------------------------------------------------------
    # SLA deadlines, counted in the company's working hours without its time off (Vietnamese holidays).
    #
    # The deadlines are stored computes over resource.calendar's arithmetic (``plan_hours``); nothing is written by a
    # cron except the escalation deadline, which the escalation step sets.

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

    # ------------------------------------------------------------
    # Escalation
    # ------------------------------------------------------------
    # Escalation: a breached deadline raises the feedback one level.
    #
    # ``_cron_escalate`` (scheduled action ``ir_cron_feedback_escalation``) is
    # safe with several workers: rows are locked with ``FOR UPDATE SKIP
    # LOCKED`` and re-checked after locking, and a level is reached once
    # (unique step per feedback and level). Extension point:
    # ``_escalation_target`` decides who is notified at a level.

    escalation_level = fields.Integer(
        default=0,
        readonly=True,
        copy=False,
        index=True,
        groups="base.group_user",
        help="0: not escalated; 1: first level; and so on.",
    )
    escalated_user_id = fields.Many2one(
        "res.users",
        "Escalated To",
        readonly=True,
        copy=False,
        index=True,
        groups="base.group_user",
        help="Person at the current level.",
    )
    escalation_ids = fields.One2many(
        "crm.vn.feedback.escalation", "feedback_id", "Escalations", readonly=True, groups="base.group_user"
    )
    can_escalate = fields.Boolean(compute="_compute_can_escalate", groups="base.group_user")

    @api.depends_context("uid")
    @api.depends("team_id", "state")
    def _compute_can_escalate(self):
        manager = self.env.user.has_group("sales_team.group_sale_salesman_all_leads")
        for feedback in self:
            feedback.can_escalate = feedback.state in OPEN_STATES and (
                manager or feedback.team_id.user_id == self.env.user
            )

    # ------------------------------------------------------------
    # Scheduled job
    # ------------------------------------------------------------

    @api.model
    def _cron_escalate(self, batch_size=1000, time_budget=300.0):
        """Escalate every open feedback whose deadline has passed, one level.

        Run by the scheduler, processes one batch and reports the remainder through ``ir.cron`` progress, so that
        the scheduler commits it and runs the job again right away; called otherwise, processes batches until none
        is left or ``time_budget`` seconds are spent. Called on records, only
        those are considered (the scheduler calls it on the empty model).
        Returns the number of feedbacks escalated.
        """
        now = fields.Datetime.now()
        [(top,)] = self.env["crm.vn.feedback.escalation.level"].sudo()._read_group([], aggregates=["level:max"])
        if not top:
            return 0
        self.flush_model(["active", "state", "sla_deadline", "escalation_level"])
        started = time.monotonic()
        done = last_id = 0
        while True:
            self.env.cr.execute(
                SQL(
                    """SELECT id FROM crm_vn_feedback
                        WHERE active AND state IN %(states)s AND sla_deadline <= %(now)s
                          AND escalation_level < %(top)s AND id > %(last_id)s
                          AND (%(everything)s OR id = ANY(%(ids)s::int[]))
                     ORDER BY id LIMIT %(limit)s
                   FOR UPDATE SKIP LOCKED""",
                    states=OPEN_STATES,
                    now=now,
                    top=top,
                    last_id=last_id,
                    everything=not self.ids,
                    ids=self.ids,
                    limit=batch_size,
                )
            )
            ids = [row[0] for row in self.env.cr.fetchall()]
            if not ids:
                break
            last_id = ids[-1]
            batch = self.browse(ids)
            # The rows are locked now: forget what the cache knew before.
            batch.invalidate_recordset()
            done += len(batch._escalate(now=now))
            # Run by the scheduler: one batch per call. The scheduler commits it (its row locks are released, and the
            # escalations already notified stay whatever happens later) and calls again while some remain, as Odoo's
            # batched crons do (ir.cron._notify_progress). Called otherwise: batches until the time budget is spent.
            if self.env.context.get("ir_cron_progress_id") or time.monotonic() - started > time_budget:
                remaining = self.search_count(
                    [
                        ("state", "in", OPEN_STATES),
                        ("sla_deadline", "<=", now),
                        ("escalation_level", "<", top),
                        ("id", ">", last_id),
                    ]
                )
                self.env["ir.cron"]._notify_progress(done=done, remaining=remaining)
                return done
        self.env["ir.cron"]._notify_progress(done=done, remaining=0)
        return done

    # ------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------

    def action_escalate(self):
        """Escalate by hand (team leader of the feedback's team or sales managers)."""
        for feedback in self:
            if not feedback.can_escalate:
                raise UserError(
                    self.env._(
                        "Only the leader of the sales team or a sales manager can escalate feedback %(reference)s.",
                        reference=feedback.reference,
                    )
                )
        escalated = self._escalate(manual=True)
        for feedback in self - escalated:
            raise UserError(
                self.env._(
                    "Feedback %(reference)s is already at the highest escalation level.",
                    reference=feedback.reference,
                )
            )
        return True

    # ------------------------------------------------------------
    # Business
    # ------------------------------------------------------------

    def _escalation_target(self, level, levels, exclude=None):
        """Person notified when this feedback reaches ``level`` (override to route differently).

        The team leader when the level targets the team leader and the team
        has a leader other than the people already in charge; else the
        level's named person; else the same for the next levels.
        """
        self.ensure_one()
        in_charge = self.user_id | self.escalated_user_id | (exclude or self.env["res.users"])
        for number in sorted(n for n in levels if n >= level):
            step = levels[number]
            candidates = [step.user_id]
            if step.target == "team_leader":
                candidates.insert(0, self.team_id.sudo().user_id)
            for user in candidates:
                if user and user.active and user not in in_charge:
                    return user
        return self.env["res.users"]

    def _escalate(self, now=None, manual=False):
        """Raise each feedback of ``self`` one level; return those escalated.

        Automatic runs only take open feedback whose ``sla_deadline`` has
        passed; the new level gets an activity, a message and a deadline, and
        the step is recorded. Writes are grouped, so thousands of feedbacks
        cost a few dozen queries per batch.
        """
        now = now or fields.Datetime.now()
        Level = self.env["crm.vn.feedback.escalation.level"]
        levels_by_company = {}
        group_ids = defaultdict(list)  # ids, made recordsets once (a union per feedback costs its size each time)
        deadlines = {}
        steps = []
        for feedback in self:
            if feedback.state not in OPEN_STATES:
                continue
            breached = feedback.sla_deadline
            if not manual and (not breached or breached > now):
                continue
            company = feedback.company_id
            if company.id not in levels_by_company:
                levels_by_company[company.id] = Level._levels_for(company)
            levels = levels_by_company[company.id]
            # the steps recorded are the truth: a level is never reached twice
            new_level = max(feedback.escalation_level, *feedback.escalation_ids.mapped("level"), 0) + 1
            if new_level not in levels:
                continue
            target = feedback._escalation_target(new_level, levels, exclude=self.env.user if manual else None)
            # One run escalates at one moment: the new deadline depends only on the company and the level's hours.
            key = (feedback.company_id.id, levels[new_level].hours)
            if key not in deadlines:
                deadlines[key] = feedback._sla_add_hours(now, levels[new_level].hours)
            deadline = deadlines[key]
            group_ids[new_level, target.id, deadline].append(feedback.id)
            steps.append(
                {
                    "feedback_id": feedback.id,
                    "level": new_level,
                    "date": now,
                    "user_id": target.id,
                    "previous_user_id": (feedback.escalated_user_id or feedback.user_id).id,
                    "breached_deadline": breached,
                    "new_deadline": deadline,
                    "trigger": "manual" if manual else "auto",
                    "escalated_by_id": self.env.user.id if manual else False,
                }
            )
        if not steps:
            return self.browse()
        groups = {key: self.browse(ids) for key, ids in group_ids.items()}
        escalated = self.browse([feedback_id for ids in group_ids.values() for feedback_id in ids])
        Feedback = self.sudo().with_context(tracking_disable=True, mail_notrack=True)
        for (new_level, target_id, deadline), feedbacks in groups.items():
            Feedback.browse(feedbacks.ids).write(
                {"escalation_level": new_level, "escalated_user_id": target_id, "escalation_deadline": deadline}
            )
        # the history is written by the job for everyone; the unique (feedback, level) constraint refuses a second
        # escalation of one breach.
        self._crm_vn_insert_steps(steps)
        escalated._escalation_notify(groups, manual=manual)
        return escalated

    def _escalation_notify(self, groups, manual=False):
        """Chatter note on each feedback, activity and inbox message for the new level.

        The notes, activities and followers of a run are written as a few multi-row inserts: what Odoo's
        ``_message_log_batch``, ``mail.activity.create`` (quick update: no e-mail per activity) and
        ``message_subscribe`` write, row for row, without creating thousands of records one by one through the ORM
        (most of the job's time before). The people escalated to are told by one inbox message each (below).
        """
        odoobot = self.env.ref("base.partner_root")
        activity_type = self.env.ref("crm_vn_feedback.mail_activity_type_feedback_escalated")
        author = self.env.user.partner_id if manual else odoobot
        bodies = {}
        activities = []
        by_target = defaultdict(list)
        due_texts = {}
        for (new_level, target_id, deadline), feedbacks in groups.items():
            target = self.env["res.users"].browse(target_id)
            # written for the person escalated to, in their language (the company's when nobody): a job has none
            env = self.with_context(lang=self._crm_vn_reader_lang(target, feedbacks[:1].company_id)).env
            if manual:
                intro = env._("Escalated by hand to level %(level)s", level=new_level)
            else:
                intro = env._("Deadline breached: escalated to level %(level)s", level=new_level)
            who = target.name or env._("nobody (no escalation contact is configured)")
            for feedback in feedbacks:
                tz = pytz.timezone(target.tz or feedback.company_id.partner_id.tz or VN_TZ)
                if (deadline, tz.zone) not in due_texts:
                    due_texts[deadline, tz.zone] = (
                        format_datetime(self.env, deadline, tz=tz.zone, dt_format="short"),
                        pytz.utc.localize(deadline).astimezone(tz).date(),
                    )
                due, due_date = due_texts[deadline, tz.zone]
                bodies[feedback.id] = Markup("<p>%s: %s. %s</p>") % (
                    intro,
                    who,
                    env._("New deadline: %(deadline)s", deadline=due),
                )
                if target:
                    activities.append((feedback, target, due_date))
                    by_target[target].append(feedback.id)
        self.env.flush_all()
        self._crm_vn_log_notes(bodies, author)
        self._crm_vn_insert_activities(activity_type, activities)
        self._crm_vn_insert_followers([(feedback.id, target.partner_id.id) for feedback, target, _d in activities])
        self.env.invalidate_all()
        for target, feedback_ids in by_target.items():
            self._escalation_notify_target(target, self.browse(feedback_ids))

    def _crm_vn_insert_steps(self, steps):
        """The escalation steps (values as for ``crm.vn.feedback.escalation.create``) in one insert; the company is
        the feedback's (the related stored field)."""
        Step = self.env["crm.vn.feedback.escalation"]
        self.env.flush_all()
        columns = ("feedback_id", "level", "date", "user_id", "previous_user_id", "breached_deadline", "new_deadline")
        self.env.cr.execute(
            SQL(
                """INSERT INTO crm_vn_feedback_escalation (feedback_id, company_id, level, date, user_id,
                                                          previous_user_id, breached_deadline, new_deadline, trigger,
                                                          escalated_by_id, create_uid, write_uid, create_date,
                                                          write_date)
                   SELECT step.feedback_id, feedback.company_id, step.level, step.date, step.user_id,
                          step.previous_user_id, step.breached_deadline, step.new_deadline, step.trigger,
                          step.escalated_by_id, %(uid)s, %(uid)s, %(now)s, %(now)s
                     FROM unnest(%(feedback_id)s::int[], %(level)s::int[], %(date)s::timestamp[], %(user_id)s::int[],
                                 %(previous_user_id)s::int[], %(breached_deadline)s::timestamp[],
                                 %(new_deadline)s::timestamp[], %(trigger)s::varchar[], %(escalated_by_id)s::int[])
                       AS step(feedback_id, level, date, user_id, previous_user_id, breached_deadline, new_deadline,
                               trigger, escalated_by_id)
                     JOIN crm_vn_feedback feedback ON feedback.id = step.feedback_id""",
                uid=self.env.uid,
                now=self.env.cr.now(),
                trigger=[step["trigger"] for step in steps],
                escalated_by_id=[step["escalated_by_id"] or None for step in steps],
                **{column: [step[column] or None for step in steps] for column in columns},
            )
        )
        Step.invalidate_model()
        self.invalidate_recordset(["escalation_ids"])

    def _crm_vn_log_notes(self, bodies, author):
        """The internal notes ``{feedback id: html}`` by ``author``, as ``_message_log_batch`` writes them."""
        if not bodies:
            return
        author_id, email_from = self.env["mail.thread"]._message_compute_author(author.id, None, raise_on_email=False)
        self.env.cr.execute(
            SQL(
                """INSERT INTO mail_message (model, res_id, body, author_id, email_from, reply_to, message_type,
                                             is_internal, subtype_id, email_add_signature, message_id, date,
                                             create_uid, write_uid, create_date, write_date)
                   SELECT %(model)s, note.res_id, note.body, %(author)s, %(email_from)s, %(reply_to)s, 'notification',
                          TRUE, %(subtype)s, FALSE, %(message_id)s, %(now)s, %(uid)s, %(uid)s, %(now)s, %(now)s
                     FROM unnest(%(res_ids)s::int[], %(bodies)s::text[]) AS note(res_id, body)""",
                model=self._name,
                author=author_id,
                email_from=email_from,
                reply_to=self.env["mail.thread"]._notify_get_reply_to(default=email_from)[False],
                subtype=self.env["ir.model.data"]._xmlid_to_res_id("mail.mt_note"),
                message_id=generate_tracking_message_id("message-notify"),
                now=self.env.cr.now(),
                uid=self.env.uid,
                res_ids=list(bodies),
                bodies=[str(body) for body in bodies.values()],
            )
        )

    def _crm_vn_insert_activities(self, activity_type, activities):
        """The activities ``[(feedback, user, deadline)]``, as ``mail.activity.create`` writes them (quick update);
        the users' activity counters are told, as Odoo does."""
        if not activities:
            return
        feedbacks = self.browse([feedback.id for feedback, _user, _date in activities])
        names = dict(zip(feedbacks.ids, feedbacks.sudo().mapped("display_name"), strict=True))
        summaries = {
            feedback.id: self.with_context(lang=self._crm_vn_reader_lang(user, feedback.company_id)).env._(
                "Escalated feedback %(reference)s", reference=feedback.reference
            )
            for feedback, user, _date in activities
        }
        self.env.cr.execute(
            SQL(
                """INSERT INTO mail_activity (res_model_id, res_model, res_id, res_name, activity_type_id, user_id,
                                              user_tz, summary, date_deadline, active, create_uid, write_uid,
                                              create_date, write_date)
                   SELECT %(model_id)s, %(model)s, act.res_id, act.res_name, %(type)s, act.user_id, act.user_tz,
                          act.summary, act.deadline, TRUE, %(uid)s, %(uid)s, %(now)s, %(now)s
                     FROM unnest(%(res_ids)s::int[], %(res_names)s::varchar[], %(user_ids)s::int[],
                                 %(user_tzs)s::varchar[], %(summaries)s::varchar[], %(deadlines)s::date[])
                       AS act(res_id, res_name, user_id, user_tz, summary, deadline)""",
                model_id=self.env["ir.model"]._get_id(self._name),
                model=self._name,
                type=activity_type.id,
                uid=self.env.uid,
                now=self.env.cr.now(),
                res_ids=[feedback.id for feedback, _user, _date in activities],
                res_names=[names[feedback.id] for feedback, _user, _date in activities],
                user_ids=[user.id for _feedback, user, _date in activities],
                user_tzs=[user.tz or None for _feedback, user, _date in activities],
                summaries=[summaries[feedback.id] for feedback, _user, _date in activities],
                deadlines=[deadline for _feedback, _user, deadline in activities],
            )
        )
        today = today_in_vietnam()
        users = self.env["res.users"].browse({user.id for _f, user, deadline in activities if deadline <= today})
        for user in users:
            user._bus_send("mail.activity/updated", {"activity_created": True})

    def _crm_vn_insert_followers(self, pairs):
        """Make the partners of ``[(feedback id, partner id)]`` followers, with the default subtypes an employee
        gets (``message_subscribe``); those already following are left as they are."""
        pairs = sorted(set(pairs))
        if not pairs:
            return
        subtypes = self.env["mail.message.subtype"].default_subtypes(self._name)[0]
        self.env.cr.execute(
            SQL(
                """WITH new AS (
                       INSERT INTO mail_followers (res_model, res_id, partner_id)
                       SELECT %(model)s, pair.res_id, pair.partner_id
                         FROM unnest(%(res_ids)s::int[], %(partner_ids)s::int[]) AS pair(res_id, partner_id)
                       ON CONFLICT (res_model, res_id, partner_id) DO NOTHING
                       RETURNING id
                   )
                   INSERT INTO mail_followers_mail_message_subtype_rel (mail_followers_id, mail_message_subtype_id)
                   SELECT new.id, subtype FROM new, unnest(%(subtypes)s::int[]) AS subtype""",
                model=self._name,
                res_ids=[res_id for res_id, _partner in pairs],
                partner_ids=[partner for _res_id, partner in pairs],
                subtypes=subtypes.ids,
            )
        )

    @api.model
    def _crm_vn_reader_lang(self, user, company):
        """The language to write in for ``user`` (their own, else the company's, else Vietnamese): what a job writes
        is read in the reader's language, as when someone does the same by hand."""
        return user.lang or company.partner_id.lang or self.env.company.partner_id.lang or "vi_VN"

    def _escalation_notify_target(self, target, feedbacks):
        env = self.with_context(lang=self._crm_vn_reader_lang(target, feedbacks[:1].company_id)).env
        feedbacks = feedbacks.with_env(env)
        subject = env._("Feedback escalated to you")
        if len(feedbacks) <= NOTIFY_ONE_BY_ONE:
            for feedback in feedbacks.sudo():
                feedback.message_notify(
                    partner_ids=target.partner_id.ids,
                    subject=env._("Feedback %(reference)s escalated to you", reference=feedback.reference),
                    body=Markup("<p>%s</p>")
                    % env._(
                        "%(reference)s %(subject)s (customer %(customer)s) was escalated to you.",
                        reference=feedback.reference,
                        subject=feedback.name,
                        customer=feedback.partner_id.display_name,
                    ),
                    email_layout_xmlid="mail.mail_notification_light",
                )
            return
        items = Markup("").join(
            Markup('<li><a href="/odoo/crm.vn.feedback/%s">%s</a> %s</li>')
            % (feedback.id, feedback.reference, feedback.name)
            for feedback in feedbacks.sudo()[:200]
        )
        body = Markup("<p>%s</p><ul>%s</ul>") % (
            env._("%(count)s feedbacks were escalated to you:", count=len(feedbacks)),
            items,
        )
        env["mail.thread"].sudo().message_notify(
            partner_ids=target.partner_id.ids,
            subject=subject,
            body=body,
            email_layout_xmlid="mail.mail_notification_light",
        )

    # ------------------------------------------------------------
    # Mail gateway, acknowledgement and rating request
    # ------------------------------------------------------------
    # Mail gateway, acknowledgement and rating request of feedback.
    #
    # An email to the feedback alias becomes a feedback of the customer found by the sender's address, else of a new
    # contact created once (the next email from the same address finds it). Nothing else in the email names the
    # customer: a phone number or an address written in the text would let anyone on the internet attach a feedback
    # (and its acknowledgement, in the company's name) to another person. The feedback counts from the moment the
    # email arrived, not from its ``Date`` header, which the sender writes.

    # ------------------------------------------------------------
    # Mail gateway
    # ------------------------------------------------------------

    @api.model
    def message_new(self, msg_dict, custom_values=None):
        values = dict(custom_values or {})
        company = self.env["res.company"].browse(values.get("company_id")) or self.env.company
        if not values.get("partner_id"):
            values["partner_id"] = self._mail_find_or_create_customer(msg_dict, company).id
        values.setdefault("channel", "email")
        values.setdefault("name", (msg_dict.get("subject") or "").strip() or self.env._("Feedback by email"))
        if msg_dict.get("body") and not values.get("description"):
            values["description"] = msg_dict["body"]
        values["date_received"] = fields.Datetime.now()
        return super().message_new(msg_dict, custom_values=values)

    @api.model
    def _mail_find_or_create_customer(self, msg_dict, company):
        """Customer of an incoming email: the contact with the sender's address, or a new one."""
        # sudo: the gateway matches senders against all customers of the company, like the duplicate check.
        Partner = self.env["res.partner"].sudo().with_context(active_test=False)
        name, email = "", ""
        parsed = email_split_tuples(msg_dict.get("email_from") or "")
        if parsed:
            name, email = parsed[0]
        author = Partner.browse(msg_dict.get("author_id") or []).exists()
        if (
            author
            and not author.user_ids
            and author.email_normalized
            and author.email_normalized == email_normalize(email)
        ):
            return author
        company_domain = [("company_id", "in", (False, company.id))]
        key = email_normalize(email)
        if key:
            partner = Partner.search(
                [("email_normalized", "=", key), *company_domain], order="active desc, id", limit=1
            )
            if partner:
                return partner
        return Partner.create(
            {
                "name": name or email or self.env._("Unknown sender"),
                "email": email or False,
                "company_id": False,
                "lang": self.env.lang if self.env.lang else False,
            }
        )

    # ------------------------------------------------------------
    # Acknowledgement and rating
    # ------------------------------------------------------------

    def _send_acknowledgement(self):
        """Send the customer the acknowledgement with the reference number (template in their language)."""
        if self.env.su and self.env.context.get("crm_vn_feedback_no_ack"):
            return  # imports and tests in superuser mode; a user's context key never silences it
        template = self.env.ref("crm_vn_feedback.mail_template_feedback_ack", raise_if_not_found=False)
        if not template:
            return
        # sudo: the customer's address, for the user who just filed the feedback (one handling a feedback may not
        # read its customer); the message is still theirs.
        for feedback in self.sudo().filtered(lambda f: f.partner_id.email):
            feedback.message_post_with_source(template, subtype_xmlid="mail.mt_comment")

    def _send_rating_request(self):
        """Email the customer the rating links of their feedback, without keeping the email where its handler reads
        it: the links carry the rating token (/rate/<token>/<score> answers without login), so the email is sent
        as a mail that belongs to no document and no user (Odoo deletes it once sent), and the chatter only says
        that it went."""
        if self.env.su and self.env.context.get("crm_vn_feedback_no_rating"):
            return  # a user resolving feedback cannot skip being rated
        template = self.env.ref("crm_vn_feedback.mail_template_feedback_rating", raise_if_not_found=False)
        if not template:
            return
        # sudo: the customer's address and rating token, once the stage change was checked (the handler may not
        # read the customer).
        for feedback in self.sudo().filtered(lambda f: f.partner_id.email):
            template.sudo().with_context(lang=feedback.partner_id.lang or None).send_mail(
                feedback.id,
                email_layout_xmlid="mail.mail_notification_light",
                email_values={
                    # not in the feedback's chatter, nor among the messages of the user who resolved it
                    "model": False,
                    "res_id": False,
                    "author_id": feedback.company_id.partner_id.id,
                    "auto_delete": True,
                    "message_type": "email_outgoing",
                },
            )
            feedback.message_post(
                body=self.env._(
                    "Satisfaction survey sent to the customer (%(email)s).", email=feedback.partner_id.email
                ),
                message_type="notification",
                subtype_xmlid="mail.mt_note",
            )

    def _rating_get_access_token(self, partner=None):
        """The token answers the rating in the customer's name: read by the senders of the survey (superuser mode)
        only, never by a user (a mail template rendered in a user's composer, a button)."""
        if not self.env.su:
            raise AccessError(self.env._("The rating links of a feedback are sent to the customer only."))
        return super()._rating_get_access_token(partner=partner)

    def message_post(self, **kwargs):
        """A rating posted with a message is the customer's answer (the rating page, the portal, both in superuser
        mode): a user never posts one on a feedback."""
        if not self.env.su and (kwargs.get("rating_value") or kwargs.get("rating_id")):
            raise AccessError(
                self.env._("The rating of a feedback is the customer's answer: it cannot be posted by a user.")
            )
        return super().message_post(**kwargs)

    def _message_get_suggested_recipients(self):
        recipients = super()._message_get_suggested_recipients()
        if self.partner_id and self.partner_id not in self.message_partner_ids:
            self._message_add_suggested_recipient(recipients, partner=self.partner_id, reason=self.env._("Customer"))
        return recipients

    # ------------------------------------------------------------
    # Personal data (crm_vn_privacy's declarative mixin)
    # ------------------------------------------------------------
    # Feedback in a customer's personal data (crm_vn_privacy's declarative mixin).
    #
    # Exported with its messages, activities and the customer's ratings. Anonymisation keeps the feedback (type,
    # category, product, dates, stages and escalation steps feed the service statistics and the SLA history); its
    # subject and texts, messages, activities, files and rating comments go.

    def _crm_vn_pd_export_values(self, records, customer):
        ratings = self.env["rating.rating"].search(
            [("res_model", "=", self._name), ("res_id", "in", records.ids), ("consumed", "=", True)]
        )
        return [
            values
            | {
                "messages": customer._crm_vn_export_messages(self._name, item.ids),
                "activities": customer._crm_vn_export_activities(self._name, item.ids),
                "ratings": [
                    {
                        "rating": rating.rating,
                        "comment": rating.feedback or False,
                        "date": rating.write_date.isoformat(),
                    }
                    for rating in ratings
                    if rating.res_id == item.id
                ],
            }
            for item, values in zip(records, super()._crm_vn_pd_export_values(records, customer), strict=True)
        ]

    def _crm_vn_pd_anonymize(self, customer):
        for item in self:
            vals = dict.fromkeys(FEEDBACK_FIELDS, False)
            vals["name"] = self.env._("Anonymised feedback %(id)s", id=item.id)
            item.write(vals)
        ratings = self.env["rating.rating"].search([("res_model", "=", self._name), ("res_id", "in", self.ids)])
        ratings.write({"feedback": False})
        # The stored name of the rated document follows its new subject.
        self.env.add_to_compute(ratings._fields["res_name"], ratings)
        customer._crm_vn_anonymize_activities(self._name, self.ids)
        customer._crm_vn_anonymize_messages(self._name, self.ids)
        customer._crm_vn_anonymize_attachments(self._name, self.ids)
        return {"feedback": len(self), "ratings": len(ratings)}

    def _crm_vn_pd_anonymize_labels(self):
        return {
            "feedback": self.env._("Feedback anonymised"),
            "ratings": self.env._("Rating comments removed"),
        }
