from collections import defaultdict

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError


class CrmVnCustomerHandover(models.TransientModel):
    """Move everything a salesperson owns to colleagues, typically when they leave.

    Extension point: override :meth:`_handover_records` to move the records of
    another module (feedback, quotations...) along with the customers.
    """

    _name = "crm.vn.customer.handover"
    _description = "Customer Hand-over"
    # crm_vn_base's guards: contacts one may see, computed fields never written by hand, clear errors on bad values
    _crm_vn_check_contacts = True
    _crm_vn_check_computed = True
    _crm_vn_check_values = True

    from_user_ids = fields.Many2many(
        "res.users",
        "crm_vn_handover_from_user_rel",
        string="From Salespeople",
        required=True,
        context={"active_test": False},
        domain=[("share", "=", False)],
    )
    to_user_ids = fields.Many2many(
        "res.users",
        "crm_vn_handover_to_user_rel",
        string="To Salespeople",
        required=True,
        domain=[("share", "=", False)],
    )
    distribution = fields.Selection(
        [("spread", "Spread evenly"), ("first", "All to the first salesperson")],
        required=True,
        default="spread",
    )
    partner_ids = fields.Many2many(
        "res.partner",
        string="Customers",
        help="Leave empty to hand over every customer of the salespeople above.",
    )
    include_opportunities = fields.Boolean(
        "Leads and Opportunities",
        default=True,
        help="Every lead and opportunity of these customers held by the salespeople above, won, lost and archived "
        "ones included: they keep the customer's email and number up to date.",
    )
    include_activities = fields.Boolean("Scheduled Activities", default=True)
    archive_users = fields.Boolean(
        "Archive the Salespeople Afterwards",
        help="Archive the users once their records have been handed over.",
    )
    note = fields.Char("Reason", help="Written in each customer's chatter.")
    customer_count = fields.Integer(compute="_compute_customer_count")

    @api.depends("from_user_ids", "partner_ids")
    def _compute_customer_count(self):
        for wizard in self:
            wizard.customer_count = len(wizard._customers_to_move())

    def _customers_to_move(self):
        self.ensure_one()
        if not self.from_user_ids:
            return self.env["res.partner"]
        domain = [("user_id", "in", self.from_user_ids.ids)]
        if self.partner_ids:
            domain.append(("id", "in", self.partner_ids.ids))
        return self.env["res.partner"].with_context(active_test=False).search(domain, order="id")

    def _distribute(self, partners):
        """Return {res.users: res.partner recordset}: round robin over the targets."""
        targets = self.to_user_ids.sorted("id") if self.distribution == "spread" else self.to_user_ids[:1]
        mapping = defaultdict(lambda: self.env["res.partner"])
        for index, partner in enumerate(partners):
            mapping[targets[index % len(targets)]] |= partner
        return mapping

    def action_confirm(self):
        self.ensure_one()
        if self.to_user_ids & self.from_user_ids:
            raise UserError(self.env._("A salesperson cannot hand customers over to themselves."))
        if not self.to_user_ids.filtered("active"):
            raise UserError(self.env._("Choose at least one active salesperson to receive the customers."))
        partners = self._customers_to_move()
        if not partners and not self.archive_users:
            raise UserError(self.env._("These salespeople own no customer to hand over."))
        mapping = self._distribute(partners)
        for new_user, customers in mapping.items():
            by_old_owner = defaultdict(lambda: self.env["res.partner"])
            for customer in customers:
                by_old_owner[customer.user_id] |= customer
            customers.write({"user_id": new_user.id})
            self._handover_records(customers, new_user)
            for old_user, moved in by_old_owner.items():
                body = self.env._(
                    "Customer handed over from %(old)s to %(new)s by %(manager)s.",
                    old=old_user.name,
                    new=new_user.name,
                    manager=self.env.user.name,
                )
                if self.note:
                    body = Markup("%s<br/>%s") % (body, self.env._("Reason: %(note)s", note=self.note))
                for customer in moved:
                    customer.message_post(body=body, subtype_xmlid="mail.mt_note")
        if self.archive_users:
            self.from_user_ids.with_context(crm_vn_skip_handover=True).action_archive()
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._("%(count)s customers handed over.", count=len(partners)),
                # the customers where they are now (opened from the menu, closing the dialog left an empty page)
                "next": self._handed_over_action(partners),
            },
        }

    def _handed_over_action(self, partners):
        action = self.env["ir.actions.act_window"]._for_xml_id("crm_vn_customer.res_partner_action_customer")
        action["domain"] = [("id", "in", partners.ids)]
        action["name"] = self.env._("Customers handed over")
        action["target"] = "main"
        return action

    def _handover_records(self, customers, new_user):
        """Move what hangs on ``customers`` from the old owners to ``new_user``.

        Override this to hand over another module's records; call super().
        """
        old_users = self.from_user_ids
        leads = self.env["crm.lead"]
        if self.include_opportunities:
            # All of them: a won or lost lead left to its former salesperson would still show them the customer's
            # email and number, which Odoo keeps copying from the customer.
            leads = (
                self.env["crm.lead"]
                .with_context(active_test=False)
                .search([("partner_id", "in", customers.ids), ("user_id", "in", old_users.ids)])
            )
            leads.write({"user_id": new_user.id})
            # sudo: the former salespeople stop following what is no longer theirs.
            leads.sudo().message_unsubscribe(partner_ids=old_users.partner_id.ids)
        request_type = self.env.ref("crm_vn_customer.mail_activity_type_handover_request")
        if self.include_activities:
            activities = self.env["mail.activity"].search(
                [
                    ("user_id", "in", old_users.ids),
                    "|",
                    "&",
                    ("res_model", "=", "res.partner"),
                    ("res_id", "in", customers.ids),
                    "&",
                    ("res_model", "=", "crm.lead"),
                    ("res_id", "in", leads.ids),
                ]
            )
            # a request for these customers by the one who now receives them is granted: done, not handed to them
            granted = activities.filtered(
                lambda activity: activity.activity_type_id == request_type and activity.create_uid == new_user
            )
            for activity in granted:
                activity.action_feedback(feedback=self.env._("Customer handed over to %(user)s.", user=new_user.name))
            (activities - granted).exists().write({"user_id": new_user.id})
