from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import is_html_empty

from odoo.addons.crm_vn_base.tools.channels import channel_selection

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


class CrmVnFeedback(models.Model):
    """Feedback or complaint of a customer, from any channel.

    Deadlines are in ``crm_vn_feedback_deadline.py``, the escalation job in
    ``crm_vn_feedback_escalate.py``, the mail gateway, acknowledgement and
    rating in ``crm_vn_feedback_mail.py``.
    """

    _name = "crm.vn.feedback"
    _description = "Customer Feedback"
    # crm_vn_base's guards: contacts one may see, computed fields never written by hand, clear errors on bad values
    _crm_vn_check_contacts = True
    _crm_vn_check_computed = True
    _crm_vn_check_values = True
    _inherit = ["portal.mixin", "mail.thread.cc", "mail.activity.mixin", "rating.mixin"]
    _order = "priority desc, sla_deadline, id desc"
    _rec_names_search = ["name", "reference"]
    _check_company_auto = True

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
