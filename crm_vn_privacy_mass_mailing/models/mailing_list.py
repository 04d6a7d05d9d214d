from odoo import api, fields, models
from odoo.exceptions import AccessError

# Who may declare that a list's subscribers consented: not the marketers who send to it.
OPT_IN_GROUPS = ("sales_team.group_sale_manager", "base.group_system")


class MailingList(models.Model):
    """Opt-in lists: lists whose every subscriber asked to receive them, the consent marketing needs.

    The declaration is the company's: only sales administrators and system
    administrators may make or withdraw it, and who made it and when is kept
    on the list.
    """

    _inherit = "mailing.list"

    crm_vn_opt_in = fields.Boolean(
        "Subscribers Consented",
        copy=False,
        help="Tick only when every subscriber asked to receive this list (website form, signed form, an email "
        "asking for it) and the company can show it. Their subscription is then their consent to marketing from "
        "this list (Law 91/2025/QH15, Decree 91/2020/NĐ-CP). Subscribers of other lists (an imported or bought "
        "list) are mailed only when one of our contacts at their address consented. Add to such a list only people "
        "who asked for it.",
    )
    crm_vn_opt_in_user_id = fields.Many2one("res.users", "Consent Declared By", readonly=True, copy=False)
    crm_vn_opt_in_date = fields.Datetime("Consent Declared On", readonly=True, copy=False)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if "crm_vn_opt_in" in vals:
                self._crm_vn_check_opt_in_rights()
                vals.update(self._crm_vn_opt_in_values(vals["crm_vn_opt_in"]))
        return super().create(vals_list)

    def write(self, vals):
        if "crm_vn_opt_in" in vals:
            self._crm_vn_check_opt_in_rights()
            vals = dict(vals, **self._crm_vn_opt_in_values(vals["crm_vn_opt_in"]))
        return super().write(vals)

    def _crm_vn_opt_in_values(self, opt_in):
        if opt_in:
            return {"crm_vn_opt_in_user_id": self.env.user.id, "crm_vn_opt_in_date": fields.Datetime.now()}
        return {"crm_vn_opt_in_user_id": False, "crm_vn_opt_in_date": False}

    def _crm_vn_check_opt_in_rights(self):
        if self.env.su or any(self.env.user.has_group(group) for group in OPT_IN_GROUPS):
            return
        raise AccessError(
            self.env._(
                "Only a sales administrator or a system administrator may declare that the subscribers of a "
                "mailing list consented to marketing."
            )
        )
