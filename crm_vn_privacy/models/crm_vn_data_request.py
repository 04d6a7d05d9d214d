import base64
import json
from datetime import timedelta

import pytz
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import format_date

from odoo.addons.crm_vn_base.tools.channels import channel_selection
from odoo.addons.crm_vn_base.tools.vietnam_time import today_in_vietnam

from ..tools.marketing import TZ

REQUEST_TYPES = [
    ("access", "See my data"),
    ("correction", "Correct my data"),
    ("provision", "Provide my data"),
    ("deletion", "Delete my data"),
    ("restriction", "Restrict processing"),
    ("objection", "Object to processing"),
    ("withdrawal", "Withdraw consent"),
]
RECEIVED_BY = channel_selection("email", "call", "paper", "in_person", "web", "zalo", "other")
OPEN_STATES = ("new", "answered")
EXPORT_TYPES = ("access", "provision")


class CrmVnDataRequest(models.Model):
    """A customer's request about their personal data (Law 91/2025/QH15, Decree 356/2025/NĐ-CP).

    Two time limits run from the day the request is received (the day itself
    not counted, Civil Code art. 147): an answer within a few working days
    (the company's working calendar without its time off, Vietnamese public holidays included, see
    ``res.company._crm_vn_dsr_answer_deadline``), then the request
    carried out within calendar days ("15 ngày" in the law, 20 when a data
    processor holds the data). The numbers are company settings. A daily cron
    tells the sales managers once per missed deadline.
    """

    _name = "crm.vn.data.request"
    _description = "Personal Data Request"
    # crm_vn_base's guards: contacts one may see, computed fields never written by hand, clear errors on bad values
    _crm_vn_check_contacts = True
    _crm_vn_check_computed = True
    _crm_vn_check_values = True
    _inherit = ["mail.thread", "mail.activity.mixin", "crm.vn.personal.data.mixin"]
    _order = "date_received desc, id desc"
    _rec_name = "reference"
    _check_company_auto = True

    reference = fields.Char(
        compute="_compute_reference", store=True, precompute=True, readonly=True, copy=False, index="trigram"
    )
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company, index=True)
    partner_id = fields.Many2one(
        "res.partner", "Customer", required=True, index=True, tracking=True, check_company=True, ondelete="restrict"
    )
    request_type = fields.Selection(REQUEST_TYPES, "Request", required=True, tracking=True)
    channel = fields.Selection(RECEIVED_BY, "Received By", required=True, default="email")
    date_received = fields.Date("Received On", required=True, default=fields.Date.context_today, tracking=True)
    involves_processor = fields.Boolean(
        "Processor Holds Data",
        tracking=True,
        help="A data processor (another company working for us) holds the data: more days to carry it out.",
    )
    answer_deadline = fields.Date(
        compute="_compute_deadlines",
        store=True,
        tracking=True,
        help="Working days after the request was received (Monday to Friday, public holidays and the company's "
        "time off excluded).",
    )
    completion_deadline = fields.Date(
        compute="_compute_deadlines",
        store=True,
        tracking=True,
        help="Calendar days after the request was received, as the law counts them.",
    )
    state = fields.Selection(
        [("new", "New"), ("answered", "Answered"), ("done", "Done"), ("refused", "Refused")],
        "Status",
        required=True,
        default="new",
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
        crm_vn_workflow=True,
    )
    refuse_reason = fields.Text("Reason for Refusal", copy=False, tracking=True)
    user_id = fields.Many2one(
        "res.users", "Handled By", default=lambda self: self.env.user, tracking=True, index=True, check_company=True
    )
    description = fields.Text(help="What the customer asked, in their words.")
    response = fields.Html(help="What was answered or done.")
    date_answered = fields.Date("Answered On", readonly=True, copy=False, crm_vn_workflow=True)
    date_done = fields.Date("Done On", readonly=True, copy=False, crm_vn_workflow=True)
    is_late = fields.Boolean("Late", compute="_compute_is_late", search="_search_is_late")
    escalated_answer = fields.Boolean(
        readonly=True, copy=False, crm_vn_workflow=True, help="Managers told that the answer is late."
    )
    escalated_completion = fields.Boolean(
        readonly=True, copy=False, crm_vn_workflow=True, help="Managers told that completion is late."
    )
    export_attachment_id = fields.Many2one(
        "ir.attachment",
        "Data Export",
        readonly=True,
        copy=False,
        groups="sales_team.group_sale_manager",
        crm_vn_workflow=True,
    )
    export_file = fields.Binary(
        "Data Export File",
        attachment=True,
        readonly=True,
        copy=False,
        groups="sales_team.group_sale_manager",
        crm_vn_workflow=True,
    )
    identity_verified = fields.Boolean(
        "Identity Checked",
        tracking=True,
        copy=False,
        help="The requester was checked to be the customer or their legal representative (identity card, a call back "
        "on the number on file, a signed letter): required before their data is given out or deleted.",
    )

    _sql_constraints = [
        ("reference_company_uniq", "unique(reference, company_id)", "The reference of a data request must be unique."),
    ]

    @api.depends("date_received", "involves_processor", "company_id")
    def _compute_deadlines(self):
        for request in self:
            request.update(request._crm_vn_deadlines())

    def _crm_vn_deadlines(self):
        """{answer_deadline, completion_deadline} of this request, from the company's limits and days off."""
        self.ensure_one()
        received = self.date_received
        if not received:
            return {"answer_deadline": False, "completion_deadline": False}
        company = self.company_id or self.env.company
        days = company.crm_vn_dsr_processor_days if self.involves_processor else company.crm_vn_dsr_completion_days
        return {
            "answer_deadline": company._crm_vn_dsr_answer_deadline(received),
            "completion_deadline": received + timedelta(days=days),
        }

    def _crm_vn_recompute_deadlines(self, reason=None):
        """Compute the deadlines again (the company's days off or limits changed); the change is logged on each
        request with ``reason`` (default: the days off)."""
        for request in self:
            values = request._crm_vn_deadlines()
            if all(request[fname] == value for fname, value in values.items()):
                continue
            request.sudo().write(values)
            request.message_post(
                body=self.env._(
                    "Deadlines now: answer by %(answer)s, carried out by %(completion)s (%(reason)s).",
                    answer=format_date(self.env, request.answer_deadline),
                    completion=format_date(self.env, request.completion_deadline),
                    reason=reason or self.env._("the company's days off changed"),
                ),
                subtype_xmlid="mail.mt_note",
            )

    @api.depends("state", "answer_deadline", "completion_deadline")
    def _compute_is_late(self):
        today = fields.Date.context_today(self)
        for request in self:
            request.is_late = request._crm_vn_late_answer(today) or request._crm_vn_late_completion(today)

    def _search_is_late(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Search on late requests with 'is' or 'is not' only."))
        today = fields.Date.context_today(self)
        late = [
            "|",
            "&",
            ("state", "=", "new"),
            ("answer_deadline", "<", today),
            "&",
            ("state", "in", OPEN_STATES),
            ("completion_deadline", "<", today),
        ]
        if (operator == "=") == value:
            return late
        return ["!", *late]

    def _compute_reference(self):
        for request in self:
            company = request.company_id or self.env.company
            # sudo: the number comes from the company's sequence, whoever records the request.
            sequence = self.env["ir.sequence"].sudo().with_company(company)
            request.reference = request.reference or sequence.next_by_code("crm.vn.data.request") or "/"

    def _crm_vn_late_answer(self, today):
        return self.state == "new" and bool(self.answer_deadline) and self.answer_deadline < today

    def _crm_vn_late_completion(self, today):
        return self.state in OPEN_STATES and bool(self.completion_deadline) and self.completion_deadline < today

    def _crm_vn_check_workflow_fields(self, vals):
        """Refuse any change to a closed request, and, by anyone but a sales administrator, a received date moved
        later or a processor added (both push the legal deadlines back). The request's steps (``crm_vn_workflow``
        fields: state, dates, escalation flags, export) are written by its buttons and jobs only (crm_vn_base)."""
        if self.env.su:
            return
        closed = self.filtered(lambda request: request.state not in OPEN_STATES)
        if closed and any(not fname.startswith(("message_", "activity_")) for fname in vals):
            raise UserError(
                self.env._(
                    "%(reference)s is closed: it is kept as it was answered. Record a new request if needed.",
                    reference=closed[0].reference,
                )
            )
        if self and "date_received" in vals and not self.env.user.has_group("sales_team.group_sale_manager"):
            received = fields.Date.to_date(vals["date_received"])
            if any(received and received > request.date_received for request in self):
                raise UserError(
                    self.env._(
                        "Only a sales administrator can move the received date of a request later: it pushes back "
                        "the legal deadlines. An earlier date can be corrected by anyone handling the request."
                    )
                )
        if (
            vals.get("involves_processor")
            and any(not request.involves_processor for request in self)
            and not self.env.user.has_group("sales_team.group_sale_manager")
        ):
            raise UserError(
                self.env._(
                    "Only a sales administrator can record that a data processor is involved: it extends the time "
                    "to carry out the request from 15 to 20 days."
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            # Checked first: the values are read below (the base model checks them again).
            vals_list = [self._crm_vn_clean_values(vals) for vals in vals_list]
        for vals in vals_list:
            self._crm_vn_check_workflow_fields(vals)
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            vals = self._crm_vn_clean_values(vals)
        self._crm_vn_check_workflow_fields(vals)
        if any(
            ("partner_id" in vals and request.partner_id.id != vals["partner_id"])
            or ("request_type" in vals and request.request_type != vals["request_type"])
            for request in self
        ):
            # Another customer or another request: the identity checked was for the former one, even when the
            # same write ticks it again (check the new requester first, then tick it in a second step).
            vals = dict(vals, identity_verified=False)
        result = super().write(vals)
        if {"date_received", "involves_processor"}.intersection(vals):
            # New deadlines: each may be missed (and escalated) again. sudo: the escalation flags are the
            # workflow's, reset once the change of date was checked above.
            self.sudo().write({"escalated_answer": False, "escalated_completion": False})
        return result

    # Workflow ------------------------------------------------------------

    def action_answer(self):
        self.check_access("write")
        for request in self:
            if request.state != "new":
                raise UserError(
                    self.env._("Only a new request can be answered (%(reference)s).", reference=request.reference)
                )
        self.sudo().write({"state": "answered", "date_answered": fields.Date.context_today(self)})
        for request in self:
            request.message_post(body=self.env._("The customer was answered."))
        return True

    def action_done(self):
        self.check_access("write")
        for request in self:
            if request.state not in OPEN_STATES:
                raise UserError(
                    self.env._(
                        "Only an open request can be marked as done (%(reference)s).", reference=request.reference
                    )
                )
            request._crm_vn_check_carried_out()
        today = fields.Date.context_today(self)
        for request in self:
            request.sudo().write({"state": "done", "date_done": today, "date_answered": request.date_answered or today})
            request.message_post(body=self.env._("The request was carried out."))
        return True

    def _crm_vn_check_identity(self):
        self.ensure_one()
        if not self.identity_verified:
            raise UserError(
                self.env._(
                    "Check the requester's identity first (identity card, a call back on the number on file...) and "
                    "tick Identity Checked: a customer's data is given out or deleted only at their own request "
                    "(%(reference)s).",
                    reference=self.reference,
                )
            )

    def _crm_vn_check_carried_out(self):
        """Refuse to close a request whose effect is not recorded (extension point).

        A deletion is carried out by the Anonymise button; a consent withdrawal by a withdrawal in the consent log,
        and an objection by one or by the Do-Not-Call list, recorded since the request arrived. Other requests
        (access, correction, restriction...) are done by hand and described in the response.
        """
        self.ensure_one()
        since = self.date_received
        withdrawals = self.partner_id.consent_ids.filtered(
            lambda consent: (
                consent.state == "withdrawn" and pytz.utc.localize(consent.date).astimezone(TZ).date() >= since
            )  # Vietnam's day
        )
        if self.request_type == "deletion":
            raise UserError(
                self.env._(
                    "A deletion request is carried out with the Anonymise button, which removes the customer's "
                    "personal data and logs what was done (%(reference)s).",
                    reference=self.reference,
                )
            )
        if self.request_type == "withdrawal" and not withdrawals:
            raise UserError(
                self.env._(
                    "Record the withdrawal in %(customer)s's consent log first (Consents tab): the request is carried "
                    "out when the consent is withdrawn (%(reference)s).",
                    customer=self.partner_id.display_name,
                    reference=self.reference,
                )
            )
        if self.request_type == "objection" and not (withdrawals or self.partner_id.vn_do_not_call):
            raise UserError(
                self.env._(
                    "Record the objection first: put %(customer)s on the Do-Not-Call list or record the withdrawal "
                    "in the consent log (%(reference)s).",
                    customer=self.partner_id.display_name,
                    reference=self.reference,
                )
            )

    def action_refuse(self, reason=None):
        """Refuse the requests, with the reason given or already written on each."""
        self.check_access("write")
        for request in self:
            if request.state not in OPEN_STATES:
                raise UserError(
                    self.env._("Only an open request can be refused (%(reference)s).", reference=request.reference)
                )
            reason = (reason or request.refuse_reason or "").strip()
            if not reason:
                raise UserError(
                    self.env._(
                        "Write the reason for refusing %(reference)s: the customer must be told why.",
                        reference=request.reference,
                    )
                )
            today = fields.Date.context_today(self)
            request.sudo().write(
                {
                    "state": "refused",
                    "refuse_reason": reason,
                    "date_done": today,
                    "date_answered": request.date_answered or today,
                }
            )
            request.message_post(body=Markup("%s<br/>%s") % (self.env._("The request was refused. Reason:"), reason))
        return True

    # Escalation ----------------------------------------------------------

    @api.model
    def _cron_escalate_late_requests(self):
        """Tell the sales managers once about each missed deadline of an open request (one process at a time:
        crm.vn.job.run), each in their language; the day is Vietnam's, whatever the zone of the job's user."""
        if not self.env["crm.vn.job.run"]._try_start("crm_vn_privacy.data_request_escalation"):
            return False
        today = today_in_vietnam()
        requests = self.search(
            [
                ("state", "in", OPEN_STATES),
                "|",
                "&",
                ("escalated_answer", "=", False),
                ("answer_deadline", "<", today),
                "&",
                ("escalated_completion", "=", False),
                ("completion_deadline", "<", today),
            ]
        )
        for request in requests:
            if not request.escalated_answer and request._crm_vn_late_answer(today):
                request._crm_vn_escalate(
                    lambda env, request=request: env._(
                        "Data request %(reference)s was not answered by %(deadline)s.",
                        reference=request.reference,
                        deadline=request.answer_deadline.strftime("%d/%m/%Y"),
                    ),
                    today,
                )
                request.sudo().escalated_answer = True
            if not request.escalated_completion and request._crm_vn_late_completion(today):
                request._crm_vn_escalate(
                    lambda env, request=request: env._(
                        "Data request %(reference)s was not carried out by %(deadline)s.",
                        reference=request.reference,
                        deadline=request.completion_deadline.strftime("%d/%m/%Y"),
                    ),
                    today,
                )
                request.sudo().escalated_completion = True
        return True

    def _crm_vn_escalation_users(self):
        """Who is told of a missed deadline (extension point): the sales managers of the request's company."""
        self.ensure_one()
        managers = self.env.ref("sales_team.group_sale_manager").users
        return managers.filtered(lambda user: not user.share and self.company_id in user.company_ids)

    def _crm_vn_escalate(self, say, today):
        """A to-do for each manager told, and a note in the chatter: ``say(env)`` is the text in ``env``'s language
        (each manager's own; the company's for the note)."""
        self.ensure_one()
        for manager in self._crm_vn_escalation_users():
            summary = say(self.with_context(lang=manager.lang or None).env)
            self.activity_schedule(
                "mail.mail_activity_data_todo", date_deadline=today, summary=summary, user_id=manager.id
            )
        self.message_post(body=say(self.with_context(lang=self.company_id.partner_id.lang or None).env))

    # Personal data export --------------------------------------------------

    def action_export_personal_data(self):
        """Attach a JSON export of everything held on the customer to the request (sales administrators only)."""
        self.ensure_one()
        if self.request_type not in EXPORT_TYPES:
            raise UserError(self.env._("Only a request to see or obtain one's data is answered with an export."))
        if self.state not in OPEN_STATES:
            raise UserError(self.env._("This request is closed: open a new one for a new export."))
        if not self.env.is_superuser() and not self.env.user.has_group("sales_team.group_sale_manager"):
            # The export gathers everything on the customer, other salespeople's orders and messages included.
            raise AccessError(self.env._("Only a sales administrator can export a customer's personal data."))
        self._crm_vn_check_identity()
        self.check_access("write")
        # sudo: the law asks for everything held on the customer (messages, orders,
        # feedback of other people's records included); the user was checked above.
        data = self.partner_id.sudo()._crm_vn_personal_data()
        content = json.dumps(data, ensure_ascii=False, indent=2, default=str).encode()
        # The file belongs to a field only sales administrators may read: the salespeople who see the request do
        # not see the other salespeople's records gathered in it (ir.attachment checks the field's groups).
        attachment = self.env["ir.attachment"].create(
            {
                "name": f"{self.reference}.json",
                "datas": base64.b64encode(content),
                "mimetype": "application/json",
                "res_model": self._name,
                "res_id": self.id,
                "res_field": "export_file",
            }
        )
        self.sudo().export_attachment_id = attachment
        self.message_post(
            body=self.env._(
                "Export of the customer's personal data prepared (%(file)s), for sales administrators to send to the "
                "customer.",
                file=attachment.name,
            )
        )
        return True

    # Deletion ------------------------------------------------------------

    def action_anonymize(self):
        """Carry out a deletion request: anonymise the customer, keep what the law requires.

        Everything happens in the caller's transaction: if a step fails, the
        error goes up and nothing is left half-done.
        """
        if not self.env.user.has_group("sales_team.group_sale_manager"):
            raise AccessError(self.env._("Only a sales administrator can anonymise a customer."))
        for request in self:
            if request.request_type != "deletion":
                raise UserError(
                    self.env._(
                        "Only a deletion request anonymises the customer (%(reference)s).", reference=request.reference
                    )
                )
            if request.state not in OPEN_STATES:
                raise UserError(
                    self.env._("Only an open request can be carried out (%(reference)s).", reference=request.reference)
                )
        self.check_access("write")
        for request in self:
            request._crm_vn_check_identity()
        today = fields.Date.context_today(self)
        for request in self:
            # sudo: the law asks to remove everything held on the customer,
            # including other users' messages, activities and the append-only
            # consent log; the user was checked above (sales administrator,
            # write access to this open deletion request).
            counts = request.partner_id.sudo()._crm_vn_anonymize()
            labels = request.partner_id._crm_vn_anonymize_labels()
            note = self.env._(
                "The customer's personal data was anonymised on %(date)s.", date=today.strftime("%d/%m/%Y")
            )
            request.sudo().write(
                {
                    "description": note,
                    "response": Markup("<p>%s</p>") % note,
                    "state": "done",
                    "date_done": today,
                    "date_answered": request.date_answered or today,
                }
            )
            rows = Markup("").join(
                Markup("<li>%s: %s</li>") % (labels.get(kind, kind), count) for kind, count in counts.items()
            )
            request.message_post(body=Markup("<p>%s</p><ul>%s</ul>") % (note, rows))
        return True

    # ------------------------------------------------------------
    # Personal data (crm_vn_privacy's declarative mixin)
    # ------------------------------------------------------------
    # Data requests in a customer's personal data: the requests stay (reference, type, dates: the answer to the
    # law); anonymisation removes their texts, exports, comments, emails and files.

    _crm_vn_pd_key = "data_requests"
    _crm_vn_pd_sequence = 20
    _crm_vn_pd_order = "id"
    _crm_vn_pd_export_exclude = ("export_attachment_id", "export_file")

    def _crm_vn_pd_anonymize(self, customer):
        exports = self.export_attachment_id
        self.write({"description": False, "response": False, "export_attachment_id": False})
        exports.unlink()
        customer._crm_vn_anonymize_messages(
            self._name, self.ids, message_types=("comment", "email"), keep_tracking=True
        )
        customer._crm_vn_anonymize_attachments(self._name, self.ids)
        return len(self)

    def _crm_vn_pd_anonymize_label(self):
        return self.env._("Data requests whose texts were removed")
