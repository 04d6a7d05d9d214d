from odoo import models


class ResUsers(models.Model):
    _inherit = "res.users"

    def _crm_vn_owned_customers(self):
        # sudo: a manager archiving a user must see every customer that user owns,
        # including those of companies the manager is not logged into; only
        # counts and ids leave this method.
        return self.env["res.partner"].sudo().with_context(active_test=False).search([("user_id", "in", self.ids)])

    def action_archive(self):
        """Offer the hand-over wizard before archiving a salesperson who owns customers.

        The customers, their open opportunities and the scheduled activities
        (which Odoo deletes when a user is archived) are moved first; the
        wizard archives the users at the end. Pass the context key
        ``crm_vn_skip_handover`` to archive at once.
        """
        if self.env.context.get("crm_vn_skip_handover") or not self.env.user.has_group("sales_team.group_sale_manager"):
            return super().action_archive()
        owners = self._crm_vn_owned_customers().user_id & self
        if not owners:
            return super().action_archive()
        super(ResUsers, self - owners).action_archive()
        return owners.action_crm_vn_handover(archive=True)

    def action_crm_vn_handover(self, archive=False):
        action = self.env["ir.actions.act_window"]._for_xml_id("crm_vn_customer.crm_vn_customer_handover_action")
        action["name"] = self.env._("Hand over customers")
        action["context"] = {
            "default_from_user_ids": self.ids,
            "default_archive_users": archive,
        }
        return action
