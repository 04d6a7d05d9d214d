from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools.marketing import SMS_HOURS, SMS_PER_DAY, within_hours


class SmsComposer(models.TransientModel):
    """SMS sent in batch as marketing skip customers without consent, on the Do-Not-Call list or over the daily limit.

    Uses the SMS composer's opt-out extension point (``_get_optout_record_ids``):
    skipped recipients get a cancelled SMS saying why ("No Marketing Consent",
    "Daily Marketing Limit Reached"), visible in the SMS list and, for a
    campaign, in its statistics. The person is the record's customer and whoever holds the number
    (``res.partner._crm_vn_marketing_consented``); the daily limit counts per
    customer and per number. Sending outside 07:00-22:00 (Vietnam time) is
    refused, also for SMS campaigns of Email Marketing's SMS app.
    """

    _inherit = "sms.composer"

    crm_vn_marketing = fields.Boolean(
        "Marketing Message",
        compute="_compute_crm_vn_marketing",
        store=True,
        readonly=False,
        help="Advertising: only to customers who consented to marketing SMS, not on the Do-Not-Call list, at most "
        "3 a day, between 07:00 and 22:00 (Decree 91/2020/NĐ-CP). Untick for service messages such as delivery "
        "notices.",
    )

    @api.depends("composition_mode")
    def _compute_crm_vn_marketing(self):
        for composer in self:
            composer.crm_vn_marketing = composer.composition_mode == "mass"

    def _crm_vn_check_marketing_hours(self):
        marketing = self.crm_vn_marketing and self.composition_mode == "mass"
        if marketing and not within_hours(SMS_HOURS, fields.Datetime.now()):
            raise UserError(self.env._("Marketing SMS may only be sent between 07:00 and 22:00 (Vietnam time)."))

    def _get_optout_record_ids(self, records, recipients_info):
        optout = super()._get_optout_record_ids(records, recipients_info)
        return list(set(optout) | set(self._crm_vn_sms_refusals(records, recipients_info)))

    def _prepare_mass_sms_values(self, records):
        return self._crm_vn_explain_refusals(super()._prepare_mass_sms_values(records), records)

    def _crm_vn_explain_refusals(self, values, records):
        """Refused SMS say why ("No Marketing Consent", "Daily Marketing Limit Reached") rather than "Opted Out"
        (the campaign traces SMS Marketing may have written first follow: crm_vn_privacy_mass_mailing_sms)."""
        refusals = self._crm_vn_sms_refusals(records, self._prepare_recipient_values(records))
        for record_id, failure_type in refusals.items():
            # A recipient also opted out of an SMS Marketing list shows our reason: both stop it.
            if values[record_id]["failure_type"] == "sms_optout":
                values[record_id]["failure_type"] = failure_type
        return values

    def _crm_vn_sms_refusals(self, records, recipients_info):
        """{record id: "sms_vn_consent" or "sms_vn_limit"} of the marketing SMS of a batch that must not go."""
        if not self.crm_vn_marketing or self.composition_mode != "mass":
            return {}
        Partner = self.env["res.partner"]
        numbers = {info["sanitized"] for info in recipients_info.values() if info["sanitized"]}
        holders = Partner._crm_vn_number_holders(numbers)
        subscribed = self._crm_vn_subscribed_record_ids(records)
        partners = Partner.concat(*(info["partner"] for info in recipients_info.values()))
        sent = partners._crm_vn_marketing_sent_today("sms")
        sent_to = Partner._crm_vn_marketing_sent_to("sms", numbers)
        refusals = {}
        for record in records:
            info = recipients_info[record.id]
            partner, number = info["partner"], info["sanitized"]
            count = max(sent.get(partner.id, 0) if partner else 0, sent_to.get(number, 0) if number else 0)
            consented = Partner._crm_vn_marketing_consented(
                "sms", records._name, partner, holders.get(number, Partner), record.id in subscribed
            )
            if not consented:
                refusals[record.id] = "sms_vn_consent"
                continue
            if count >= SMS_PER_DAY:
                refusals[record.id] = "sms_vn_limit"
                continue
            if partner:
                sent[partner.id] = sent.get(partner.id, 0) + 1
            if number:
                sent_to[number] = sent_to.get(number, 0) + 1
        return refusals

    def _crm_vn_subscribed_record_ids(self, records):
        """Ids of ``records`` whose list subscription is their consent (extension point: SMS campaigns)."""
        return set()

    def _action_send_sms_mass(self, records=None):
        # Every batch send ends here: the Send button, SMS campaigns (mass_mailing_sms) and their scheduler.
        self._crm_vn_check_marketing_hours()
        sms_all = super()._action_send_sms_mass(records=records)
        if self.crm_vn_marketing and sms_all:
            sent = sms_all.filtered(lambda sms: sms.state in ("outgoing", "pending", "sent"))
            # sudo: the log is the company's record of contacts, written whoever sends.
            self.env["crm.vn.marketing.log"].sudo().create(
                [{"partner_id": sms.partner_id.id, "recipient": sms.number, "channel": "sms"} for sms in sent]
            )
        return sms_all

    @api.model_create_multi
    def create(self, vals_list):
        composers = super().create(vals_list)
        composers._crm_vn_check_records_readable()
        return composers

    def _action_send_sms(self):
        self._crm_vn_check_records_readable()
        return super()._action_send_sms()

    def _crm_vn_check_records_readable(self):
        """An SMS goes to the numbers of the records the composer is opened on: a user sends only to records they
        may read, whatever ids the wizard holds."""
        if self.env.su:
            return
        for composer in self.filtered(lambda c: c.res_model and c.res_model in self.env):
            records = composer._get_records()
            if records:
                records.exists().check_access("read")
