from odoo import fields, models


class CrmVnFeedback(models.Model):
    _inherit = "crm.vn.feedback"

    crm_vn_rating_token = fields.Char(
        "Rating Token",
        compute="_compute_crm_vn_rating_token",
        groups="base.group_system",
        help="The token of the customer's pending rating, for the rating links of a ZNS template.",
    )

    def _compute_crm_vn_rating_token(self):
        for feedback in self:
            pending = feedback.sudo().rating_ids.filtered(lambda rating: not rating.consumed)
            feedback.crm_vn_rating_token = pending[:1].access_token

    def _crm_vn_zalo_notify(self, template_field, silenced, prepare=None):
        """Queue by ZNS, with the template the company's Official Account names in ``template_field``, the
        notification of the feedbacks whose customer prefers Zalo; return those feedbacks (the others go by email).
        ``silenced``: the context key that silences the notification in superuser mode; ``prepare(feedback)`` runs
        before the template is read."""
        by_zalo = self.browse()
        if self.env.su and self.env.context.get(silenced):
            return by_zalo
        accounts = self.env["crm.vn.zalo.account"].sudo().search([(template_field, "!=", False)])
        template_of = {account.company_id: account[template_field] for account in accounts}
        Message = self.env["crm.vn.zalo.message"]
        for feedback in self.sudo():
            template = template_of.get(feedback.company_id)
            if template and feedback.partner_id.preferred_channel == "zalo":
                if prepare:
                    prepare(feedback)
                Message._zalo_queue_template(template, feedback, "partner_id")
                by_zalo |= feedback
        return by_zalo.with_env(self.env)

    def _send_acknowledgement(self):
        """Customers who prefer Zalo get the acknowledgement by ZNS when their company's Official Account has a
        template for it; the others, and everyone when there is none, by email."""
        by_zalo = self._crm_vn_zalo_notify("feedback_ack_template_id", "crm_vn_feedback_no_ack")
        return super(CrmVnFeedback, self - by_zalo)._send_acknowledgement()

    def _send_rating_request(self):
        """Customers who prefer Zalo are asked for their rating by ZNS when the Official Account has a template for
        it (the rating is created first: its token goes in the template's links); the others by email."""

        def create_rating(feedback):
            feedback._rating_get_access_token(partner=feedback.partner_id)
            feedback.invalidate_recordset(["crm_vn_rating_token"])

        by_zalo = self._crm_vn_zalo_notify("feedback_rating_template_id", "crm_vn_feedback_no_rating", create_rating)
        return super(CrmVnFeedback, self - by_zalo)._send_rating_request()
