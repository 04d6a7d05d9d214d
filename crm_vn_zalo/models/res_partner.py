from datetime import datetime, time

import pytz

from odoo import api, fields, models
from odoo.exceptions import AccessError

from odoo.addons.l10n_vn_public_holidays.tools.holidays import VN_TZ

# Written by the Zalo events only: a user who could set a Zalo user id could read or answer someone else's chats.
ZALO_FIELDS = ("zalo_user_id", "zalo_status", "zalo_last_message_at")


class ResPartner(models.Model):
    _inherit = "res.partner"

    zalo_user_id = fields.Char(
        "Zalo User ID",
        copy=False,
        index="btree_not_null",
        prefetch="crm_vn_zalo",  # read together, not with every contact read
        help="The customer's id for our Official Account on Zalo.",
    )
    zalo_status = fields.Selection(
        [("follower", "Follows the OA"), ("unfollowed", "Unfollowed")],
        "Zalo",
        copy=False,
        readonly=True,
        prefetch="crm_vn_zalo",
    )
    zalo_unverified = fields.Boolean(
        "Unverified Zalo Contact",
        copy=False,
        prefetch="crm_vn_zalo",
        help="Created from a Zalo message of someone not recognised: check who it is, then link or merge.",
    )
    zalo_last_message_at = fields.Datetime("Last Zalo Message", copy=False, readonly=True, prefetch="crm_vn_zalo")
    zalo_message_ids = fields.One2many("crm.vn.zalo.message", "partner_id", "Zalo Messages")
    zalo_message_count = fields.Integer(compute="_compute_zalo_message_count")

    @api.model_create_multi
    def create(self, vals_list):
        if any(fname in vals for vals in vals_list for fname in ZALO_FIELDS):
            self._zalo_check_link_rights()
        return super().create(vals_list)

    def write(self, vals):
        if any(fname in vals for fname in ZALO_FIELDS):
            self._zalo_check_link_rights()
        return super().write(vals)

    def _zalo_check_link_rights(self):
        if not self.env.su and not self.env.user.has_group("base.group_system"):
            raise AccessError(self.env._("Only Zalo itself (its events) links a customer to a Zalo user."))

    @api.model
    def _cron_zalo_birthday_greetings(self):
        """Greet by ZNS the customers whose birthday is today, for each company whose Official Account has a
        birthday template; once a day per customer (a second run sends nothing, one process at a time:
        crm.vn.job.run). The day is Vietnam's (ZNS reaches Vietnamese numbers only), whatever the time zone of the
        job's user: at 23:30 UTC it is already tomorrow morning in Vietnam."""
        if not self.env["crm.vn.job.run"]._try_start("crm_vn_zalo.birthday_greetings"):
            return
        today = fields.Date.context_today(self.with_context(tz=VN_TZ))
        # greetings created since midnight in Vietnam (create_date is naive UTC)
        midnight = pytz.timezone(VN_TZ).localize(datetime.combine(today, time.min))
        day_start = midnight.astimezone(pytz.utc).replace(tzinfo=None)
        Message = self.env["crm.vn.zalo.message"]
        for account in self.env["crm.vn.zalo.account"].search([("birthday_template_id", "!=", False)]):
            template = account.birthday_template_id
            customers = self.search(
                [
                    ("birthday_key", "in", self._birthday_keys_of("today", today)),
                    ("company_id", "in", [False, account.company_id.id]),
                    ("vn_mobile_key", "!=", False),
                    ("lifecycle_stage", "!=", False),
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
            {"zalo_user_id": False, "zalo_status": False, "zalo_last_message_at": False, "zalo_unverified": False}
        )
        return count

    def action_zalo_to_feedback(self):
        """The customer's last Zalo message (one asking for help) as a new feedback, channel Zalo."""
        self.ensure_one()
        event = (
            self.env["crm.vn.zalo.event"]
            .sudo()
            .search([("partner_id", "=", self.id), ("event_name", "=like", "user_send_%")], order="id desc", limit=1)
        )
        text = ((event.payload or {}).get("message") or {}).get("text") or ""
        return {
            "type": "ir.actions.act_window",
            "res_model": "crm.vn.feedback",
            "view_mode": "form",
            "target": "current",
            "context": {
                "default_partner_id": self.id,
                "default_channel": "zalo",
                "default_name": text[:80] or self.env._("Request on Zalo"),
                "default_description": text,
            },
        }

    def _compute_zalo_message_count(self):
        counts = dict(
            self.env["crm.vn.zalo.message"]._read_group([("partner_id", "in", self.ids)], ["partner_id"], ["__count"])
        )
        for partner in self:
            partner.zalo_message_count = counts.get(partner, 0)

    def action_view_zalo_messages(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Zalo Messages of %(customer)s", customer=self.display_name),
            "res_model": "crm.vn.zalo.message",
            "view_mode": "list,form",
            "domain": [("partner_id", "=", self.id)],
        }
