from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError


class CrmVnCustomerCheck(models.TransientModel):
    """Look a customer up before creating it, and ask the owner instead of entering it twice.

    The quick entry a salesperson uses on a phone: the likely duplicates are
    shown as they may be shown (another salesperson's customer: name, owner and
    masked phone); "Ask the owner" gives that salesperson and the team leader
    an activity on the existing customer instead of a second record.
    """

    _name = "crm.vn.customer.check"
    _description = "Check a Customer Before Creating It"
    # crm_vn_base's guards: contacts one may see, computed fields never written by hand, clear errors on bad values
    _crm_vn_check_contacts = True
    _crm_vn_check_computed = True
    _crm_vn_check_values = True

    name = fields.Char(required=True)
    mobile = fields.Char()
    email = fields.Char()
    birthdate_date = fields.Date("Birthdate")
    note = fields.Char("Message to the Owner")
    duplicate_html = fields.Html("Possible Duplicates", compute="_compute_duplicates", sanitize=False)
    has_duplicates = fields.Boolean(compute="_compute_duplicates")

    def _candidate_vals(self):
        return {
            "name": self.name,
            "mobile": self.mobile,
            "email": self.email,
            "birthdate_date": self.birthdate_date,
        }

    @api.depends("name", "mobile", "email", "birthdate_date")
    def _compute_duplicates(self):
        Partner = self.env["res.partner"]
        for check in self:
            candidates = Partner._vn_duplicate_candidates(check._candidate_vals()) if check.name else []
            check.has_duplicates = bool(candidates)
            check.duplicate_html = Partner._vn_duplicate_html(candidates) if candidates else False

    def action_create(self):
        self.ensure_one()
        # The owner comes from the same default as the customer form and the import (res.partner.default_get).
        partner = self.env["res.partner"].create(
            {key: value for key, value in self._candidate_vals().items() if value} | {"lifecycle_stage": "prospect"}
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "res.partner",
            "res_id": partner.id,
            "view_mode": "form",
            "target": "current",
        }

    def action_ask_owner(self):
        """Ask the owners of the duplicates (or the manager) to hand the customer over."""
        self.ensure_one()
        candidates = self.env["res.partner"]._vn_duplicate_candidates(self._candidate_vals())
        if not candidates:
            raise UserError(self.env._("No existing customer matches: create it instead."))
        activity_type = self.env.ref("crm_vn_customer.mail_activity_type_handover_request")
        asked = []
        for candidate in candidates:
            # sudo: the requester may not read this customer; the activity goes to its
            # owner (or the team leader / the requester's manager), who may.
            partner = candidate["partner"].sudo()
            owner = partner.user_id if partner.user_id.active else partner.team_id.user_id
            if not owner:
                owner = self.env.user.sale_team_id.user_id
            if not owner or owner == self.env.user:
                continue
            # written for the owner, in their language
            to_owner = self.with_context(lang=owner.lang or None).env
            note = to_owner._(
                "%(user)s met this customer (%(name)s) and asks you to hand it over or to share it.",
                user=self.env.user.name,
                name=self.name,
            )
            if self.note:
                note = Markup("%s<br/>%s") % (note, self.note)
            partner.activity_schedule(
                activity_type_id=activity_type.id,
                user_id=owner.id,
                summary=to_owner._("%(user)s asks for this customer", user=self.env.user.name),
                note=note,
            )
            leader = partner.team_id.user_id
            if leader and leader not in (owner, self.env.user):
                partner.message_subscribe(partner_ids=leader.partner_id.ids)
            asked.append(owner.name)
        if not asked:
            raise UserError(self.env._("Nobody else owns the matching customers: open them instead."))
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._("Request sent to %(owners)s.", owners=", ".join(sorted(set(asked)))),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }
