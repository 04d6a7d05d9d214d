from odoo import api, fields, models
from odoo.exceptions import UserError

from ..models.crm_vn_zalo_event import REPLY_WINDOW


class CrmVnZaloReply(models.TransientModel):
    """Answer a customer who wrote to the Official Account (a consultation message, within Zalo's window)."""

    _name = "crm.vn.zalo.reply"
    _description = "Reply on Zalo"
    # crm_vn_base's guards: contacts one may see, computed fields never written by hand, clear errors on bad values
    _crm_vn_check_contacts = True
    _crm_vn_check_computed = True
    _crm_vn_check_values = True

    partner_id = fields.Many2one("res.partner", "Customer", required=True)
    body = fields.Text("Message", required=True)

    @api.model_create_multi
    def create(self, vals_list):
        replies = super().create(vals_list)
        # a reply speaks for the customer's owner: only to a customer the user may change
        replies.partner_id.check_access("write")
        return replies

    def action_send(self):
        self.ensure_one()
        partner = self.partner_id
        partner.check_access("write")  # a reply speaks for the customer's owner
        if not partner.zalo_user_id:
            raise UserError(
                self.env._("%(name)s has never written to the Official Account on Zalo.", name=partner.name)
            )
        last = partner.zalo_last_message_at
        if not last or fields.Datetime.now() - last > REPLY_WINDOW:
            raise UserError(
                self.env._(
                    "Zalo lets the Official Account answer within 7 days of the customer's last message; %(name)s "
                    "last wrote on %(date)s. Send a ZNS template instead.",
                    name=partner.name,
                    date=fields.Datetime.to_string(last) if last else "-",
                )
            )
        # the Official Account the customer wrote to (a Zalo user id is valid for that account only)
        account = partner.sudo().zalo_account_id or (
            self.env["crm.vn.zalo.account"]
            .sudo()
            .search([("company_id", "in", [partner.company_id.id or self.env.company.id])], limit=1)
        )
        if not account:
            raise UserError(self.env._("No Zalo Official Account is set up for this company."))
        # sudo: the customer was checked above; the message is queued for the scheduler
        message = (
            self.env["crm.vn.zalo.message"]
            .sudo()
            .create(
                {
                    "account_id": account.id,
                    "partner_id": partner.id,
                    "kind": "oa",
                    "zalo_user_id": partner.zalo_user_id,
                    "body": self.body,
                    "res_model": "res.partner",
                    "res_id": partner.id,
                }
            )
        )
        partner.sudo().message_post(
            body=self.env._("Reply on Zalo queued: %(text)s", text=self.body),
            message_type="comment",
            subtype_xmlid="mail.mt_note",
        )
        self.env.ref("crm_vn_zalo.ir_cron_crm_vn_zalo_send")._trigger()
        return {"type": "ir.actions.act_window_close", "res_id": message.id}
