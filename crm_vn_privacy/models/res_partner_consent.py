from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

MARKETING_CHANNELS = ("email", "sms", "call", "zalo", "facebook")


class ResPartner(models.Model):
    """Consent and the Do-Not-Call list on customers.

    ``consent_marketing_<channel>`` is True only when the latest consent
    record for marketing on that channel (or on all channels) gives it:
    silence is not consent. Senders ask ``_crm_vn_marketing_allowed(channel)``
    (extension point), which also refuses calls and SMS to numbers on the
    Do-Not-Call list.
    """

    _inherit = "res.partner"

    consent_ids = fields.One2many("crm.vn.consent", "partner_id", "Consents")
    consent_service = fields.Boolean(
        "Consent: Customer Service",
        compute="_compute_consents",
        store=True,
        prefetch="crm_vn_consent",
        help="Latest consent for customer service.",
    )
    consent_marketing_email = fields.Boolean(
        "Consent: Marketing Email", compute="_compute_consents", store=True, prefetch="crm_vn_consent"
    )
    consent_marketing_sms = fields.Boolean(
        "Consent: Marketing SMS", compute="_compute_consents", store=True, prefetch="crm_vn_consent"
    )
    consent_marketing_call = fields.Boolean(
        "Consent: Marketing Calls", compute="_compute_consents", store=True, prefetch="crm_vn_consent"
    )
    consent_marketing_zalo = fields.Boolean(
        "Consent: Marketing on Zalo", compute="_compute_consents", store=True, prefetch="crm_vn_consent"
    )
    consent_marketing_facebook = fields.Boolean(
        "Consent: Marketing on Facebook", compute="_compute_consents", store=True, prefetch="crm_vn_consent"
    )
    consent_date = fields.Datetime(
        "Last Consent Change", compute="_compute_consents", store=True, prefetch="crm_vn_consent"
    )
    vn_do_not_call = fields.Boolean(
        "Do Not Call",
        tracking=True,
        prefetch="crm_vn_consent",
        help="On the Do-Not-Call list (Decree 91/2020/NĐ-CP): no marketing at all (calls, SMS, emails, messages), "
        "whatever the consent.",
    )

    def write(self, vals):
        """Anyone handling the customer may put it on the Do-Not-Call list; only a sales administrator takes it off
        (the customer's objection to marketing is not undone by whoever wants to market to them)."""
        if (
            "vn_do_not_call" in vals
            and not vals["vn_do_not_call"]
            and not self.env.su
            and not self.env.user.has_group("sales_team.group_sale_manager")
            and any(self.mapped("vn_do_not_call"))
        ):
            raise AccessError(
                self.env._(
                    "Only a sales administrator can take a customer off the Do-Not-Call list. Ask one, with the "
                    "customer's request to receive marketing again."
                )
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_consent_or_marketing_log(self):
        """A customer with a consent log or a marketing log is archived, not deleted: both are the company's
        evidence (and deleting would also drop the Do-Not-Call flag). Anonymisation empties such a customer instead.
        Contacts merged into another keep their logs on the one kept (the merge moves them first)."""
        if self.env.su or not self:
            return
        # sudo: whether evidence exists does not depend on who deletes.
        for model in ("crm.vn.consent", "crm.vn.marketing.log"):
            if self.env[model].sudo().search_count([("partner_id", "in", self.ids)], limit=1):
                raise UserError(
                    self.env._(
                        "A customer with a consent or marketing log cannot be deleted: the log is the company's "
                        "evidence. Archive the customer, or carry out a deletion request (Anonymise)."
                    )
                )

    @api.depends("consent_ids.state", "consent_ids.date", "consent_ids.purpose", "consent_ids.channel")
    def _compute_consents(self):
        for partner in self:
            state = partner._crm_vn_consent_state()
            partner.consent_service = state.get(("service", "all"), False)
            for channel in MARKETING_CHANNELS:
                partner[f"consent_marketing_{channel}"] = state.get(("marketing", channel), False)
            partner.consent_date = max(partner.consent_ids.mapped("date"), default=False)

    def _crm_vn_consent_state(self):
        """{(purpose, channel): given?} from the consent log, latest record first wins.

        A record "all channels" sets every channel at its date; a later record
        for one channel overrides it for that channel only.
        """
        self.ensure_one()
        state = {}
        for consent in self.consent_ids.sorted(lambda c: (c.date, c.id)):
            channels = ("all", *MARKETING_CHANNELS) if consent.channel == "all" else (consent.channel,)
            for channel in channels:
                state[consent.purpose, channel] = consent.state == "given"
        return state

    def _crm_vn_marketing_allowed(self, channel):
        """May this customer be sent marketing on ``channel`` (email, sms, call, zalo, facebook)?"""
        self.ensure_one()
        if self.vn_do_not_call:
            return False
        return bool(self[f"consent_marketing_{channel}"])

    def _crm_vn_marketing_withdrawn(self, channel):
        """Is the latest marketing consent of this customer for ``channel`` a withdrawal?"""
        self.ensure_one()
        return self._crm_vn_consent_state().get(("marketing", channel)) is False

    @api.model
    def _crm_vn_marketing_consented(self, channel, model, linked, known, subscribed=False):
        """May a marketing message on ``channel`` go to a record of ``model``?

        The person is recognised by ``linked``, the customer of the record (the
        partner itself, or the record's ``partner_id``), and by ``known``, the
        contacts sharing the record's address or number:

        - anyone of them on the Do-Not-Call list, or whose latest consent for the
          channel is a withdrawal, stops the message;
        - the linked customer must have consented; without one, a contact at the
          address must have: silence is not consent;
        - ``subscribed``: the record subscribed to a list whose subscribers all
          asked for it (an opt-in list, see crm_vn_privacy_mass_mailing): the
          subscription, with its one-click opt-out, is the consent to that list.
        """
        # sudo: the person's consent log decides, whoever sends (a marketer outside the sales groups).
        linked, known = linked.sudo(), known.sudo()
        for partner in linked | known:
            if partner.vn_do_not_call or partner._crm_vn_marketing_withdrawn(channel):
                return False
        if linked:
            return all(partner[f"consent_marketing_{channel}"] for partner in linked)
        if subscribed:
            return True
        return any(partner[f"consent_marketing_{channel}"] for partner in known)

    def _crm_vn_marketing_sent_today(self, channel):
        """{partner id: marketing messages of ``channel`` sent in the last 24 hours}."""
        counts = self._crm_vn_marketing_counts(channel, "partner_id", self.ids)
        return {partner.id: count for partner, count in counts.items()}

    @api.model
    def _crm_vn_number_holders(self, numbers):
        """{number (E.164): contacts holding it as phone or mobile}, archived ones included."""
        numbers = [number for number in numbers if number]
        if not numbers:
            return {}
        # sudo: whoever holds the number decides on its marketing, whoever sends.
        partners = (
            self.sudo()
            .with_context(active_test=False)
            .search(["|", ("vn_phone_key", "in", numbers), ("vn_mobile_key", "in", numbers)])
        )
        holders = {}
        for partner in partners:
            for number in {partner.vn_phone_key, partner.vn_mobile_key} & set(numbers):
                holders[number] = holders.get(number, partners.browse()) | partner
        return holders

    @api.model
    def _crm_vn_marketing_sent_to(self, channel, recipients):
        """{number or address: marketing messages of ``channel`` sent to it in the last 24 hours}."""
        return self._crm_vn_marketing_counts(channel, "recipient", [recipient for recipient in recipients if recipient])

    @api.model
    def _crm_vn_marketing_counts(self, channel, fname, values):
        """{value of ``fname``: entries of the marketing log for ``channel`` in the last 24 hours}."""
        if not values:
            return {}
        since = fields.Datetime.now() - timedelta(hours=24)
        # sudo: the limit counts what anyone sent to the person.
        groups = (
            self.env["crm.vn.marketing.log"]
            .sudo()
            ._read_group([(fname, "in", values), ("channel", "=", channel), ("date", ">", since)], [fname], ["__count"])
        )
        return dict(groups)

    def action_view_consents(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Consents of %(customer)s", customer=self.display_name),
            "res_model": "crm.vn.consent",
            "view_mode": "list,form",
            "domain": [("partner_id", "=", self.id)],
            "context": {"default_partner_id": self.id},
        }
