from odoo import models


class CrmVnFeedback(models.Model):
    _inherit = "crm.vn.feedback"

    def _send_acknowledgement(self):
        """Customers who prefer Zalo get the acknowledgement by ZNS when their company's Official Account has a
        template for it; the others, and everyone when there is none, by email."""
        by_zalo = self.browse()
        if not (self.env.su and self.env.context.get("crm_vn_feedback_no_ack")):
            accounts = self.env["crm.vn.zalo.account"].sudo().search([("feedback_ack_template_id", "!=", False)])
            template_of = {account.company_id: account.feedback_ack_template_id for account in accounts}
            Message = self.env["crm.vn.zalo.message"]
            for feedback in self.sudo():
                template = template_of.get(feedback.company_id)
                if template and feedback.partner_id.preferred_channel == "zalo":
                    Message._zalo_queue_template(template, feedback, "partner_id")
                    by_zalo |= feedback
        return super(CrmVnFeedback, self - by_zalo)._send_acknowledgement()
