from odoo import api, models

# What the ownership rules read of a membership (res_users.py: _crm_vn_customer_domain).
RULE_FIELDS = {"user_id", "crm_team_id", "active"}


class CrmTeamMember(models.Model):
    _inherit = "crm.team.member"

    @api.model_create_multi
    def create(self, vals_list):
        members = super().create(vals_list)
        self.env.registry.clear_cache()  # the record rules name the members of a leader's teams
        return members

    def write(self, vals):
        result = super().write(vals)
        if RULE_FIELDS.intersection(vals):
            self.env.registry.clear_cache()
        return result

    def unlink(self):
        result = super().unlink()
        self.env.registry.clear_cache()
        return result
