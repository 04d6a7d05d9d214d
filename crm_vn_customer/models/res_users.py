from odoo import api, models
from odoo.exceptions import AccessError


class ResUsers(models.Model):
    _inherit = "res.users"

    @api.model
    def _crm_vn_check_group(self, xmlid):
        """AccessError unless the current user belongs to the group ``xmlid`` (or runs in superuser mode): what a
        view's ``groups`` hides is checked again by the method, which an RPC call reaches without the view."""
        if self.env.su or self.env.user.has_group(xmlid):
            return
        group = self.env.ref(xmlid).sudo()
        raise AccessError(self.env._("This action is reserved to the group %(group)s.", group=group.full_name))

    def _crm_vn_customer_domain(self, path=""):
        """The customers this user reaches with *Own Documents Only*: unassigned ones, their own, those of the teams
        they lead (as the customer's team or as its salesperson's), as a domain on the customer found at ``path``
        ("" for res.partner itself, "partner_id." for a record pointing at one).

        The one place the ownership rule is written: every record rule of the suite that follows a customer's
        ownership evaluates ``user._crm_vn_customer_domain(...)``. The teams led and their members are given by id:
        Odoo checks the rules of the records it reads in Python, where following
        ``user_id.crm_team_member_ids.crm_team_id.user_id`` for every customer costs more than the rest of a list.
        Odoo caches the rule domains, so a change of team or membership clears that cache (crm_team.py,
        crm_team_member.py) and counts at once.
        """
        self.ensure_one()
        led, members = self._crm_vn_led_teams_and_members()
        # As few conditions as the user needs (Odoo checks each one on every record it reads): a salesperson who
        # leads no team gets the first two only.
        domain = [(f"{path}user_id", "=", False), (f"{path}user_id", "in", sorted({self.id, *members}))]
        if led:
            domain.append((f"{path}team_id", "in", led))
        return ["|"] * (len(domain) - 1) + domain

    def _crm_vn_led_teams_and_members(self):
        """(ids of the active teams this user leads, ids of their active members)."""
        # sudo: teams and memberships are read to build the user's own record rule, whatever their company.
        teams = self.env["crm.team"].sudo().search([("user_id", "=", self.id)])
        members = self.env["crm.team.member"].sudo().search([("crm_team_id", "in", teams.ids)])
        return teams.ids, sorted(set(members.user_id.ids))

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
