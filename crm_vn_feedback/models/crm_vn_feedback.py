from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

# Stages in which the feedback still has a deadline to meet.
OPEN_STATES = ("new", "acknowledged", "in_progress")
DONE_STATES = ("resolved", "closed", "cancelled")
# Set by the escalation job (read-only on screen); by hand only for sales managers.
PROTECTED_FIELDS = {"escalation_level", "escalated_user_id", "escalation_deadline"}
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
    _inherit = ["portal.mixin", "mail.thread.cc", "mail.activity.mixin", "rating.mixin"]
    _order = "priority desc, sla_deadline, id desc"
    _rec_names_search = ["name", "reference"]
    _check_company_auto = True

    # Identification
    reference = fields.Char(
        readonly=True,
        copy=False,
        index="trigram",
        default=lambda self: self.env._("New"),
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
    partner_phone = fields.Char(related="partner_id.mobile", string="Customer Mobile")
    partner_email = fields.Char("Customer Email", related="partner_id.email")
    channel = fields.Selection(
        [
            ("phone", "Phone"),
            ("zalo", "Zalo"),
            ("facebook", "Facebook"),
            ("email", "Email"),
            ("website", "Website"),
            ("store", "In store"),
        ],
        required=True,
        default="phone",
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
        help="When the customer contacted us: the SLA deadlines count from here.",
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
    )

    # Progress
    state = fields.Selection(
        [
            ("new", "New"),
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
    )
    date_acknowledged = fields.Datetime("Acknowledged On", readonly=True, copy=False)
    date_resolved = fields.Datetime("Resolved On", readonly=True, copy=False)
    date_closed = fields.Datetime("Closed On", readonly=True, copy=False)
    resolution = fields.Html("Resolution Notes")

    _sql_constraints = [
        ("reference_uniq", "unique(company_id, reference)", "The feedback reference must be unique per company."),
    ]

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

    @api.model_create_multi
    def create(self, vals_list):
        context = self.env.context
        for vals in vals_list:
            subject = (vals.get("name", context.get("default_name")) or "").strip()
            if not subject:
                raise ValidationError(self.env._("Give the feedback a subject."))
            if not vals.get("partner_id", context.get("default_partner_id")):
                raise ValidationError(self.env._('Feedback "%(subject)s" needs a customer.', subject=subject))
            company = self.env["res.company"].browse(vals.get("company_id")) or self.env.company
            vals["reference"] = (
                self.env["ir.sequence"].with_company(company).next_by_code("crm.vn.feedback")
                or vals.get("reference")
                or self.env._("New")
            )
        feedbacks = super().create(vals_list)
        feedbacks._check_customer_readable()
        for state in {feedback.state for feedback in feedbacks} - {"new"}:
            feedbacks.filtered(lambda f, s=state: f.state == s)._stamp_state_dates(state)
        feedbacks._send_acknowledgement()
        return feedbacks

    def write(self, vals):
        protected = PROTECTED_FIELDS.intersection(vals)
        if protected and not (self.env.su or self.env.user.has_group("sales_team.group_sale_manager")):
            raise AccessError(
                self.env._(
                    "Only sales managers can change the escalation of feedback (%(fields)s).",
                    fields=", ".join(self._fields[name]._description_string(self.env) for name in sorted(protected)),
                )
            )
        result = super().write(vals)
        if "partner_id" in vals:
            self._check_customer_readable()
        if vals.get("state"):
            self._stamp_state_dates(vals["state"])
        return result

    def _check_customer_readable(self):
        """Feedback is filed for a customer one may see: otherwise naming oneself assignee would
        open the customer's contact details (and send them an email)."""
        if not self.env.su:
            self.partner_id.check_access("read")

    def _stamp_state_dates(self, state):
        """Record when the feedback was first acknowledged, resolved and closed."""
        now = fields.Datetime.now()
        if state in OPEN_STATES:
            self.filtered(lambda f: f.date_resolved or f.date_closed).write(
                {"date_resolved": False, "date_closed": False}
            )
        if state not in ("new", "cancelled"):
            self.filtered(lambda f: not f.date_acknowledged).write({"date_acknowledged": now})
        if state in ("resolved", "closed"):
            self.filtered(lambda f: not f.date_resolved).write({"date_resolved": now})
        if state == "closed":
            self.filtered(lambda f: not f.date_closed).write({"date_closed": now})

    # ------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------

    def _check_state_change(self, allowed_from, target):
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
        self.write({"state": "acknowledged"})
        return True

    def action_start(self):
        self._check_state_change(("new", "acknowledged"), "in_progress")
        self.write({"state": "in_progress"})
        return True

    def action_resolve(self):
        """Mark as resolved and ask the customer to rate the service."""
        self._check_state_change(OPEN_STATES, "resolved")
        self.write({"state": "resolved"})
        self._send_rating_request()
        return True

    def action_close(self):
        self._check_state_change(("resolved",), "closed")
        self.write({"state": "closed"})
        return True

    def action_cancel(self):
        self._check_state_change(OPEN_STATES, "cancelled")
        self.write({"state": "cancelled"})
        return True

    def action_reopen(self):
        self._check_state_change(DONE_STATES, "in_progress")
        self.write({"state": "in_progress"})
        return True
