import re

from odoo import api, models
from odoo.tools import html2plaintext
from odoo.tools.mail import email_split_tuples

from odoo.addons.crm_vn_customer.tools.names import normalize_email
from odoo.addons.crm_vn_customer.tools.phone import normalize_vn_phone

# Vietnamese phone numbers written in a message: 0xx / +84 / 84, with spaces, dots or dashes.
PHONE_IN_TEXT = re.compile(r"(?<![\d+])(?:\+84|84|0)[\s.\-]?\d(?:[\s.\-]?\d){7,9}(?!\d)")


class CrmVnFeedback(models.Model):
    """Mail gateway, acknowledgement and rating request of feedback.

    An email to the feedback alias becomes a feedback of the customer found by
    the sender's address, else by a Vietnamese phone number in the message,
    else of a new customer created once (the next email from the same
    address finds it).
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
        if msg_dict.get("date"):
            values.setdefault("date_received", msg_dict["date"])
        return super().message_new(msg_dict, custom_values=values)

    @api.model
    def _mail_find_or_create_customer(self, msg_dict, company):
        """Customer of an incoming email: by address, by phone number in the text, or a new one."""
        # sudo: the gateway matches senders against all customers of the company, like the duplicate check.
        Partner = self.env["res.partner"].sudo().with_context(active_test=False)
        author = Partner.browse(msg_dict.get("author_id") or []).exists()
        if author and not author.user_ids:
            return author
        name, email = "", ""
        parsed = email_split_tuples(msg_dict.get("email_from") or "")
        if parsed:
            name, email = parsed[0]
        company_domain = [("company_id", "in", (False, company.id))]
        key = normalize_email(email)
        if key:
            partner = Partner.search([("vn_email_key", "=", key), *company_domain], order="active desc, id", limit=1)
            if partner:
                return partner
        text = html2plaintext(msg_dict.get("body") or "")
        for match in PHONE_IN_TEXT.findall(text):
            number = normalize_vn_phone(match)
            if not number:
                continue
            partner = Partner.search(
                ["|", ("vn_mobile_key", "=", number), ("vn_phone_key", "=", number), *company_domain],
                order="active desc, id",
                limit=1,
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
        if self.env.context.get("crm_vn_feedback_no_ack"):
            return
        template = self.env.ref("crm_vn_feedback.mail_template_feedback_ack", raise_if_not_found=False)
        if not template:
            return
        for feedback in self.filtered(lambda f: f.partner_id.email):
            feedback.message_post_with_source(template, subtype_xmlid="mail.mt_comment")

    def _send_rating_request(self):
        if self.env.context.get("crm_vn_feedback_no_rating"):
            return
        template = self.env.ref("crm_vn_feedback.mail_template_feedback_rating", raise_if_not_found=False)
        if not template:
            return
        for feedback in self.filtered(lambda f: f.partner_id.email):
            feedback.rating_send_request(template, lang=feedback.partner_id.lang, force_send=False)

    def rating_apply(self, rate, token=None, rating=None, feedback=None, subtype_xmlid=None, notify_delay_send=False):  # noqa: PLR0917 (Odoo's signature)
        rating = super().rating_apply(
            rate,
            token=token,
            rating=rating,
            feedback=feedback,
            subtype_xmlid=subtype_xmlid,
            notify_delay_send=notify_delay_send,
        )
        # sudo: the customer's satisfaction summary is written on behalf of the customer who rated.
        self.partner_id.commercial_partner_id.sudo()._crm_vn_update_feedback_rating()
        return rating

    def _message_get_suggested_recipients(self):
        recipients = super()._message_get_suggested_recipients()
        if self.partner_id and self.partner_id not in self.message_partner_ids:
            self._message_add_suggested_recipient(recipients, partner=self.partner_id, reason=self.env._("Customer"))
        return recipients
