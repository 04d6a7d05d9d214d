from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.crm_vn_base.tools.vietnam_time import today_in_vietnam, vietnam_day_start


class ResPartner(models.Model):
    _inherit = "res.partner"

    # Written by Zalo's events (crm_vn_external): a user who could set a Zalo user id, or the date of the last
    # message, would read or answer someone else's conversation.
    zalo_user_id = fields.Char(
        "Zalo User ID",
        copy=False,
        index="btree_not_null",
        prefetch="crm_vn_zalo",  # read together, not with every contact read
        crm_vn_external=True,
        help="The customer's id for our Official Account on Zalo.",
    )
    zalo_account_id = fields.Many2one(
        "crm.vn.zalo.account",
        "Zalo Official Account",
        copy=False,
        readonly=True,
        ondelete="set null",
        prefetch="crm_vn_zalo",
        crm_vn_external=True,
        help="The Official Account this Zalo user wrote to: replies go through it.",
    )
    zalo_status = fields.Selection(
        [("follower", "Follows the OA"), ("unfollowed", "Unfollowed")],
        "Zalo",
        copy=False,
        readonly=True,
        prefetch="crm_vn_zalo",
        crm_vn_external=True,
    )
    zalo_unverified = fields.Boolean(
        "Unverified Zalo Contact",
        copy=False,
        prefetch="crm_vn_zalo",
        help="Created from a Zalo message of someone not recognised: check who it is, then link or merge.",
    )
    zalo_candidate_partner_id = fields.Many2one(
        "res.partner",
        "Same Phone As",
        copy=False,
        readonly=True,
        prefetch="crm_vn_zalo",
        crm_vn_external=True,
        help="The customer whose phone number Zalo shares for this Zalo user: the same person, or someone using their "
        "number. Link them once checked.",
    )
    zalo_last_message_at = fields.Datetime(
        "Last Zalo Message", copy=False, readonly=True, prefetch="crm_vn_zalo", crm_vn_external=True
    )
    zalo_message_ids = fields.One2many("crm.vn.zalo.message", "partner_id", "Zalo Messages")
    zalo_message_count = fields.Integer(compute="_compute_zalo_message_count")

    _sql_constraints = [
        (
            "zalo_user_uniq",
            "unique(zalo_user_id)",
            "This Zalo user is already linked to another contact: a Zalo conversation belongs to one contact.",
        )
    ]

    @api.model
    def _cron_zalo_birthday_greetings(self):
        """Greet by ZNS the customers whose birthday is today, for each company whose Official Account has a
        birthday template; once a day per customer (a second run sends nothing, one process at a time:
        crm.vn.job.run). The day is Vietnam's (ZNS reaches Vietnamese numbers only), whatever the time zone of the
        job's user: at 23:30 UTC it is already tomorrow morning in Vietnam."""
        if not self.env["crm.vn.job.run"]._try_start("crm_vn_zalo.birthday_greetings"):
            return
        today = today_in_vietnam()
        # greetings created since midnight in Vietnam (create_date is naive UTC)
        day_start = vietnam_day_start(today)
        Message = self.env["crm.vn.zalo.message"]
        for account in self.env["crm.vn.zalo.account"].search([("birthday_template_id", "!=", False)]):
            template = account.birthday_template_id
            customers = self.search(
                [
                    ("birthday_key", "in", self._birthday_keys_of("today", today)),
                    ("company_id", "in", [False, account.company_id.id]),
                    ("vn_mobile_key", "!=", False),
                    ("crm_vn_is_customer", "=", True),
                ]
            )
            greeted = Message.search(
                [
                    ("template_id", "=", template.id),
                    ("partner_id", "in", customers.ids),
                    ("create_date", ">=", day_start),
                ]
            ).partner_id
            todo = customers - greeted
            if todo:
                Message._zalo_queue_template(template, todo)

    def _crm_vn_anonymize_partners(self, partners):
        """An anonymised customer is no longer linked to a Zalo user: a new message would make a new contact."""
        count = super()._crm_vn_anonymize_partners(partners)
        partners.sudo().write(
            {
                "zalo_user_id": False,
                "zalo_account_id": False,
                "zalo_status": False,
                "zalo_last_message_at": False,
                "zalo_unverified": False,
                "zalo_candidate_partner_id": False,
            }
        )
        return count

    def _zalo_last_message_text(self):
        """The text of the customer's last message on Zalo, for a user of the sales team who may read the customer;
        a UserError when there is none."""
        self.ensure_one()
        self.env["res.users"]._crm_vn_check_group("sales_team.group_sale_salesman")
        self.check_access("read")
        # sudo: the events are the administrators'; the user may read this customer (checked above)
        event = (
            self.env["crm.vn.zalo.event"]
            .sudo()
            .search([("partner_id", "=", self.id), ("event_name", "=like", "user_send_%")], order="id desc", limit=1)
        )
        if not event:
            raise UserError(self.env._("%(name)s has not written to the Official Account on Zalo.", name=self.name))
        return ((event.payload or {}).get("message") or {}).get("text") or ""

    def action_zalo_to_feedback(self):
        """*Feedback from Zalo Message*: a dialog with the customer's last message on Zalo, which files a feedback
        (channel Zalo) when the user confirms; nothing is created before."""
        self._zalo_last_message_text()  # who may, and only when the customer wrote
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Feedback from Zalo Message"),
            "res_model": "crm.vn.zalo.feedback",
            "view_mode": "form",
            "target": "new",
            "context": {"default_partner_id": self.id},
        }

    def action_zalo_link_candidate(self):
        """Link this unverified Zalo contact to the customer whose phone number Zalo shares for it, once a user who
        may change both checked it is the same person: the Zalo user id, status and last message move to the
        customer, with the conversation; this contact is archived."""
        self.ensure_one()
        self.env["res.users"]._crm_vn_check_group("sales_team.group_sale_salesman")
        self.check_access("write")
        customer = self.zalo_candidate_partner_id
        if not self.zalo_unverified or not customer:
            raise UserError(self.env._("%(name)s is not a Zalo contact waiting to be linked.", name=self.name))
        customer.check_access("write")
        if customer.zalo_user_id:
            raise UserError(self.env._("%(name)s is already linked to another Zalo user.", name=customer.display_name))
        moved = {
            "zalo_user_id": self.zalo_user_id,
            "zalo_account_id": self.zalo_account_id.id,
            "zalo_status": self.zalo_status,
            "zalo_last_message_at": self.zalo_last_message_at,
        }
        # sudo: Zalo's fields are written by Zalo's events; the user proved above they may change both contacts
        self.sudo().write(
            {
                "zalo_user_id": False,
                "zalo_account_id": False,
                "zalo_status": False,
                "zalo_last_message_at": False,
                "zalo_candidate_partner_id": False,
                "zalo_unverified": False,
                "active": False,
            }
        )
        customer.sudo().write(moved)
        self.env["crm.vn.zalo.event"].sudo().search([("partner_id", "=", self.id)]).partner_id = customer
        self.env["mail.message"].sudo().search(
            [("model", "=", "res.partner"), ("res_id", "=", self.id), ("message_type", "=", "comment")]
        ).res_id = customer.id
        customer.message_post(
            body=self.env._("Linked to the Zalo user who wrote as %(name)s.", name=self.name),
            message_type="notification",
            subtype_xmlid="mail.mt_note",
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "res.partner",
            "res_id": customer.id,
            "view_mode": "form",
            "target": "current",
        }

    def _compute_zalo_message_count(self):
        counts = dict(
            self.env["crm.vn.zalo.message"]._read_group([("partner_id", "in", self.ids)], ["partner_id"], ["__count"])
        )
        for partner in self:
            partner.zalo_message_count = counts.get(partner, 0)

    def action_view_zalo_messages(self):
        self.env["res.users"]._crm_vn_check_group("sales_team.group_sale_salesman")
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Zalo Messages of %(customer)s", customer=self.display_name),
            "res_model": "crm.vn.zalo.message",
            "view_mode": "list,form",
            "domain": [("partner_id", "=", self.id)],
        }
