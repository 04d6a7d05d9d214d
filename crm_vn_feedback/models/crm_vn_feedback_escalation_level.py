from odoo import api, fields, models
from odoo.exceptions import ValidationError


class CrmVnFeedbackEscalationLevel(models.Model):
    """One step of the escalation ladder: who is notified and how long they get."""

    _name = "crm.vn.feedback.escalation.level"
    _description = "Feedback Escalation Level"
    # crm_vn_base's guards: contacts one may see, computed fields never written by hand, clear errors on bad values
    _crm_vn_check_contacts = True
    _crm_vn_check_computed = True
    _crm_vn_check_values = True
    _order = "level, company_id, id"

    level = fields.Integer(required=True, default=1, help="1 for the first escalation, 2 for the next one...")
    name = fields.Char(required=True, translate=True)
    target = fields.Selection(
        [("team_leader", "Leader of the feedback's sales team"), ("user", "A named person")],
        required=True,
        default="team_leader",
    )
    user_id = fields.Many2one(
        "res.users",
        "Person",
        domain="[('share', '=', False)]",
        help="Notified at this level; for a team leader level, notified when the team has no other leader.",
    )
    hours = fields.Float(
        "Deadline at This Level", required=True, default=4.0, help="Working hours given to this level to act."
    )
    company_id = fields.Many2one("res.company", index=True, help="Leave empty to apply to every company.")

    _sql_constraints = [
        ("level_company_uniq", "unique(level, company_id)", "There is already an escalation step at this level."),
    ]

    @api.constrains("level", "hours", "target", "user_id")
    def _check_level(self):
        for step in self:
            if step.level < 1 or step.hours <= 0:
                raise ValidationError(
                    self.env._("Escalation levels start at 1 and give a positive number of working hours.")
                )
            if step.target == "user" and not step.user_id:
                raise ValidationError(
                    self.env._("Escalation level %(level)s: choose the person to notify.", level=step.level)
                )

    @api.model
    def _levels_for(self, company):
        """{level: step} for ``company``; a company's own step replaces the shared one."""
        levels = {}
        for step in self.sudo().search([("company_id", "in", (False, company.id))], order="company_id desc, level"):
            if step.level not in levels or step.company_id:
                levels[step.level] = step
        return levels
