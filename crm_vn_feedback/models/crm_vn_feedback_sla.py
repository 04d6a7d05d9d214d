from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .crm_vn_feedback import FEEDBACK_TYPES, PRIORITIES


class CrmVnFeedbackSla(models.Model):
    """Service level agreed for a kind of feedback, in working hours."""

    _name = "crm.vn.feedback.sla"
    _description = "Feedback SLA Policy"
    # crm_vn_base's guards: contacts one may see, computed fields never written by hand, clear errors on bad values
    _crm_vn_check_contacts = True
    _crm_vn_check_computed = True
    _crm_vn_check_values = True
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", index=True, help="Leave empty to apply to every company.")
    feedback_type = fields.Selection(
        FEEDBACK_TYPES,
        "Type",
        help="Leave empty to apply to every type.",
    )
    priority = fields.Selection(PRIORITIES, help="Leave empty to apply to every priority.")
    response_hours = fields.Float(
        "First Response Within",
        required=True,
        default=4.0,
        help="Working hours from reception to acknowledgement (0: no first-response deadline).",
    )
    resolution_hours = fields.Float(
        "Resolution Within", required=True, default=24.0, help="Working hours from reception to resolution."
    )

    @api.constrains("response_hours", "resolution_hours")
    def _check_hours(self):
        for policy in self:
            if policy.response_hours < 0 or policy.resolution_hours <= 0:
                raise ValidationError(
                    self.env._(
                        "SLA %(name)s: the resolution time must be positive and no time negative.", name=policy.name
                    )
                )
            if policy.response_hours > policy.resolution_hours:
                raise ValidationError(
                    self.env._("SLA %(name)s: the first response cannot be due after the resolution.", name=policy.name)
                )

    @api.model
    def _find_policy(self, company, feedback_type, priority, policies=None):
        """The most specific active policy for a feedback (type and priority beat type only, beat catch-all)."""
        if policies is None:
            policies = self.search([("company_id", "in", (False, company.id))])
        matching = policies.filtered(
            lambda p: (
                p.company_id in (company, self.env["res.company"])
                and p.feedback_type in (False, feedback_type)
                and p.priority in (False, priority)
            )
        )
        if not matching:
            return self.browse()
        return min(
            matching,
            key=lambda p: (not p.feedback_type, not p.priority, not p.company_id, p.sequence, p.id),
        )
