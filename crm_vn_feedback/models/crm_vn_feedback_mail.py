from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.tools.mail import email_normalize, email_split_tuples


class CrmVnFeedback(models.Model):
    """Mail gateway, acknowledgement and rating request of feedback.

    An email to the feedback alias becomes a feedback of the customer found by the sender's address, else of a new
    contact created once (the next email from the same address finds it). Nothing else in the email names the
    customer: a phone number or an address written in the text would let anyone on the internet attach a feedback
    (and its acknowledgement, in the company's name) to another person. The feedback counts from the moment the
    email arrived, not from its ``Date`` header, which the sender writes.
    """

    _inherit = "crm.vn.feedback"

    # ------------------------------------------------------------
    # Mail gateway
    # ------------------------------------------------------------

    @api.model
    def message_new(self, msg_dict, custom_values=None):
        values = dict(custom_values or {})
        company = self.env["res.company"].browse(values.get("company_id")) or self.env.company
        if not values.get("partner_id"):
            values["partner_id"] = self._mail_find_or_create_customer(msg_dict, company).id
        values.setdefault("channel", "email")
        values.setdefault("name", (msg_dict.get("subject") or "").strip() or self.env._("Feedback by email"))
        if msg_dict.get("body") and not values.get("description"):
            values["description"] = msg_dict["body"]
        values["date_received"] = fields.Datetime.now()
        return super().message_new(msg_dict, custom_values=values)

    @api.model
    def _mail_find_or_create_customer(self, msg_dict, company):
        """Customer of an incoming email: the contact with the sender's address, or a new one."""
        # sudo: the gateway matches senders against all customers of the company, like the duplicate check.
        Partner = self.env["res.partner"].sudo().with_context(active_test=False)
        name, email = "", ""
        parsed = email_split_tuples(msg_dict.get("email_from") or "")
        if parsed:
            name, email = parsed[0]
        author = Partner.browse(msg_dict.get("author_id") or []).exists()
        if (
            author
            and not author.user_ids
            and author.email_normalized
            and author.email_normalized == email_normalize(email)
        ):
            return author
        company_domain = [("company_id", "in", (False, company.id))]
        key = email_normalize(email)
        if key:
            partner = Partner.search(
                [("email_normalized", "=", key), *company_domain], order="active desc, id", limit=1
            )
            if partner:
                return partner
        return Partner.create(
            {
                "name": name or email or self.env._("Unknown sender"),
                "email": email or False,
                "company_id": False,
                "lang": self.env.lang if self.env.lang else False,
            }
        )

    # ------------------------------------------------------------
    # Acknowledgement and rating
    # ------------------------------------------------------------

    def _send_acknowledgement(self):
        """Send the customer the acknowledgement with the reference number (template in their language)."""
        if self.env.su and self.env.context.get("crm_vn_feedback_no_ack"):
            return  # imports and tests in superuser mode; a user's context key never silences it
        template = self.env.ref("crm_vn_feedback.mail_template_feedback_ack", raise_if_not_found=False)
        if not template:
            return
        # sudo: the customer's address, for the user who just filed the feedback (one handling a feedback may not
        # read its customer); the message is still theirs.
        for feedback in self.sudo().filtered(lambda f: f.partner_id.email):
            feedback.message_post_with_source(template, subtype_xmlid="mail.mt_comment")

    def _send_rating_request(self):
        """Email the customer the rating links of their feedback, without keeping the email where its handler reads
        it: the links carry the rating token (/rate/<token>/<score> answers without login), so the email is sent
        as a mail that belongs to no document and no user (Odoo deletes it once sent), and the chatter only says
        that it went."""
        if self.env.su and self.env.context.get("crm_vn_feedback_no_rating"):
            return  # a user resolving feedback cannot skip being rated
        template = self.env.ref("crm_vn_feedback.mail_template_feedback_rating", raise_if_not_found=False)
        if not template:
            return
        # sudo: the customer's address and rating token, once the stage change was checked (the handler may not
        # read the customer).
        for feedback in self.sudo().filtered(lambda f: f.partner_id.email):
            template.sudo().with_context(lang=feedback.partner_id.lang or None).send_mail(
                feedback.id,
                email_layout_xmlid="mail.mail_notification_light",
                email_values={
                    # not in the feedback's chatter, nor among the messages of the user who resolved it
                    "model": False,
                    "res_id": False,
                    "author_id": feedback.company_id.partner_id.id,
                    "auto_delete": True,
                    "message_type": "email_outgoing",
                },
            )
            feedback.message_post(
                body=self.env._(
                    "Satisfaction survey sent to the customer (%(email)s).", email=feedback.partner_id.email
                ),
                message_type="notification",
                subtype_xmlid="mail.mt_note",
            )

    def _rating_get_access_token(self, partner=None):
        """The token answers the rating in the customer's name: read by the senders of the survey (superuser mode)
        only, never by a user (a mail template rendered in a user's composer, a button)."""
        if not self.env.su:
            raise AccessError(self.env._("The rating links of a feedback are sent to the customer only."))
        return super()._rating_get_access_token(partner=partner)

    def message_post(self, **kwargs):
        """A rating posted with a message is the customer's answer (the rating page, the portal, both in superuser
        mode): a user never posts one on a feedback."""
        if not self.env.su and (kwargs.get("rating_value") or kwargs.get("rating_id")):
            raise AccessError(
                self.env._("The rating of a feedback is the customer's answer: it cannot be posted by a user.")
            )
        return super().message_post(**kwargs)

    def _message_get_suggested_recipients(self):
        recipients = super()._message_get_suggested_recipients()
        if self.partner_id and self.partner_id not in self.message_partner_ids:
            self._message_add_suggested_recipient(recipients, partner=self.partner_id, reason=self.env._("Customer"))
        return recipients
