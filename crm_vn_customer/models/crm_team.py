from odoo import api, models

# What the ownership rules read of a team (res_users.py: _crm_vn_customer_domain).
RULE_FIELDS = {"user_id", "active", "crm_team_member_ids", "member_ids", "company_id"}


class CrmTeam(models.Model):
    _inherit = "crm.team"

    @api.model_create_multi
    def create(self, vals_list):
        teams = super().create(vals_list)
        self.env.registry.clear_cache()  # the record rules name the teams a leader leads
        return teams

    def write(self, vals):
        result = super().write(vals)
        if RULE_FIELDS.intersection(vals):
            self.env.registry.clear_cache()
        return result

    def unlink(self):
        result = super().unlink()
        self.env.registry.clear_cache()
        return result
