from datetime import timedelta

from odoo import api, fields, models

from odoo.addons.crm_vn_privacy.tools.marketing import EMAILS_PER_DAY


class ResPartner(models.Model):
    """Consent and the daily limit applied to email marketing (mass_mailing).

    ``_crm_vn_mailing_refusals`` is the rule the mail composer applies to each
    email of a mailing. A person is recognised by the customer linked to the
    mailed record (the partner itself, or the ``partner_id`` of a lead, an
    order, a registration...) and by every contact sharing the email address;
    crm_vn_privacy's ``_crm_vn_marketing_consented`` decides on consent, then
    at most ``EMAILS_PER_DAY`` marketing emails go to an address in 24 hours.
    """

    _inherit = "res.partner"

    def _mailing_get_default_domain(self, mailing):
        """A new mailing on contacts targets those who may receive marketing email."""
        return [("consent_marketing_email", "=", True), ("vn_do_not_call", "=", False)]

    @api.model
    def _crm_vn_mailing_refusals(self, model, recipients, subscribed=frozenset()):
        """Return {res_id: failure type} for the emails of a mailing that must not go.

        :param str model: model of the mailed records;
        :param dict recipients: {res_id: [normalized email, ...]} of the emails about to be sent;
        :param subscribed: ids of the records whose subscription to an opt-in list is their consent.
        """
        # sudo: consent and previous sends of the person decide, whoever sends the mailing.
        Partner = self.sudo().with_context(active_test=False)
        emails = {email for addresses in recipients.values() for email in addresses}
        linked = self._crm_vn_mailing_linked_partners(model, list(recipients))
        partners = Partner.search([("email_normalized", "in", list(emails))]) if emails else Partner
        by_email = {}
        for partner in partners:
            by_email.setdefault(partner.email_normalized, Partner)
            by_email[partner.email_normalized] |= partner
        sent = self._crm_vn_emails_sent_today(emails)
        refusals = {}
        for res_id, addresses in recipients.items():
            people = linked.get(res_id, Partner)
            known = Partner.concat(*(by_email.get(email, Partner) for email in addresses))
            if not self._crm_vn_marketing_consented("email", model, people, known, res_id in subscribed):
                refusals[res_id] = "mail_vn_consent"
            elif any(sent.get(email, 0) >= EMAILS_PER_DAY for email in addresses):
                refusals[res_id] = "mail_vn_limit"
            else:
                for email in addresses:
                    sent[email] = sent.get(email, 0) + 1
        return refusals

    @api.model
    def _crm_vn_mailing_linked_partners(self, model, res_ids):
        """{res_id: customers} of the mailed records, as Odoo's mail sees them (``_mail_get_partners``: the
        partner itself, or the record's ``partner_id``/``partner_ids``)."""
        # sudo: the customers' consent decides, whoever sends the mailing.
        records = self.env[model].sudo().with_context(active_test=False).browse(res_ids).exists()
        return {res_id: partners for res_id, partners in records._mail_get_partners().items() if partners}

    @api.model
    def _crm_vn_emails_sent_today(self, emails):
        """{normalized email: marketing emails queued or sent to it in the last 24 hours}."""
        if not emails:
            return {}
        since = fields.Datetime.now() - timedelta(hours=24)
        groups = (
            self.env["mailing.trace"]
            .sudo()
            ._read_group(
                [
                    ("trace_type", "=", "mail"),
                    ("crm_vn_email_normalized", "in", list(emails)),
                    ("create_date", ">", since),
                    ("trace_status", "not in", ("cancel", "error")),
                ],
                ["crm_vn_email_normalized"],
                ["__count"],
            )
        )
        return dict(groups)
