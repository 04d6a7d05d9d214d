from odoo import api, fields, models
from odoo.tools import plaintext2html

from odoo.addons.crm_vn_feedback.models.crm_vn_feedback import FEEDBACK_TYPES, PRIORITIES


class CrmVnZaloFeedback(models.TransientModel):
    """*Feedback from Zalo Message*: the customer's last message on Zalo, shown to be filed as a feedback. A dialog:
    nothing is created until the user presses *Create Feedback* (closing it, or leaving the page, files nothing)."""

    _name = "crm.vn.zalo.feedback"
    _description = "Feedback from Zalo Message"
    # crm_vn_base's guards: contacts one may see, computed fields never written by hand, clear errors on bad values
    _crm_vn_check_contacts = True
    _crm_vn_check_computed = True
    _crm_vn_check_values = True

    partner_id = fields.Many2one("res.partner", "Customer", required=True, readonly=True)
    message = fields.Text("Zalo Message", readonly=True)
    name = fields.Char("Subject", required=True)
    feedback_type = fields.Selection(FEEDBACK_TYPES, "Type", required=True, default="complaint")
    priority = fields.Selection(PRIORITIES, required=True, default="1")

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        partner = self.env["res.partner"].browse(values.get("partner_id") or self.env.context.get("default_partner_id"))
        if partner and {"message", "name"} & set(fields_list):
            text = partner._zalo_last_message_text()
            if "message" in fields_list:
                values["message"] = text
            if "name" in fields_list:
                values["name"] = text[:80] or self.env._("Request on Zalo")
        return values

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("partner_id") and not (vals.get("name") and "message" in vals):
                text = self.env["res.partner"].browse(vals["partner_id"])._zalo_last_message_text()
                vals.setdefault("message", text)
                vals["name"] = vals.get("name") or text[:80] or self.env._("Request on Zalo")
        wizards = super().create(vals_list)
        # the message is the customer's: only for who may read them (checked again when the feedback is created)
        wizards.partner_id.check_access("read")
        return wizards

    def action_create_feedback(self):
        self.ensure_one()
        feedback = self.env["crm.vn.feedback"].create(
            {
                "partner_id": self.partner_id.id,
                "channel": "zalo",
                "name": self.name,
                "description": plaintext2html(self.message or ""),
                "feedback_type": self.feedback_type,
                "priority": self.priority,
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "crm.vn.feedback",
            "res_id": feedback.id,
            "view_mode": "form",
            "target": "current",
        }
