from odoo import models


class ResUsers(models.Model):
    _inherit = "res.users"

    def _crm_vn_feedback_domain(self, path=""):
        """The feedback this user reaches with *Own Documents Only*: assigned or escalated to them, of their own
        customers, of the teams they lead (as the feedback's team or as its assignee's), and feedback nobody owns
        (no assignee, no customer's salesperson); as a domain on the feedback found at ``path``.

        The one place this rule is written: the record rules on feedback, escalation steps and the feedback analytics
        evaluate ``user._crm_vn_feedback_domain(...)``.
        """
        self.ensure_one()
        return [
            "|",
            "|",
            "|",
            "|",
            "|",
            (f"{path}user_id", "=", self.id),
            (f"{path}escalated_user_id", "=", self.id),
            (f"{path}partner_id.user_id", "=", self.id),
            (f"{path}team_id.user_id", "=", self.id),
            (f"{path}user_id.crm_team_member_ids.crm_team_id.user_id", "=", self.id),
            "&",
            (f"{path}user_id", "=", False),
            (f"{path}partner_id.user_id", "=", False),
        ]
