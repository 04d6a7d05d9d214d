from odoo import fields, models


class CrmVnFeedbackEscalation(models.Model):
    """A step of a feedback's escalation, automatic or by hand (history, never edited)."""

    _name = "crm.vn.feedback.escalation"
    _description = "Feedback Escalation Step"
    # crm_vn_base's guards: contacts one may see, computed fields never written by hand, clear errors on bad values
    _crm_vn_check_contacts = True
    _crm_vn_check_computed = True
    _crm_vn_check_values = True
    _order = "date desc, id desc"
    _rec_name = "feedback_id"

    feedback_id = fields.Many2one("crm.vn.feedback", required=True, index=True, ondelete="cascade", readonly=True)
    company_id = fields.Many2one(related="feedback_id.company_id", store=True)
    level = fields.Integer(required=True, readonly=True)
    date = fields.Datetime(required=True, default=fields.Datetime.now, readonly=True)
    user_id = fields.Many2one("res.users", "Escalated To", readonly=True)
    previous_user_id = fields.Many2one("res.users", "Responsible Before", readonly=True)
    breached_deadline = fields.Datetime(readonly=True)
    new_deadline = fields.Datetime(readonly=True)
    trigger = fields.Selection([("auto", "Deadline breached"), ("manual", "By hand")], required=True, readonly=True)
    escalated_by_id = fields.Many2one("res.users", readonly=True)
    reason = fields.Char(readonly=True)

    _sql_constraints = [
        # A level is reached once: two workers escalating the same breach cannot both succeed.
        ("feedback_level_uniq", "unique(feedback_id, level)", "This feedback was already escalated to this level."),
    ]
