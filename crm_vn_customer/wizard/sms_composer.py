import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError

# Decree 91/2020/NĐ-CP: advertising SMS between 07:00 and 22:00, at most 3 per number and 24 hours.
SMS_HOURS = (7, 22)
SMS_PER_DAY = 3
TZ = "Asia/Ho_Chi_Minh"


class SmsComposer(models.TransientModel):
    """SMS sent in batch as marketing skip customers without consent, on the Do-Not-Call list or over the daily limit.

    Uses the SMS composer's opt-out extension point (``_get_optout_record_ids``):
    skipped recipients get a cancelled SMS "Opted Out", visible in the SMS
    list. Sending outside 07:00-22:00 (Vietnam time) is refused.
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

    def action_send_sms(self):
        if self.crm_vn_marketing and self.composition_mode == "mass":
            now = pytz.utc.localize(fields.Datetime.now()).astimezone(pytz.timezone(TZ))
            if not SMS_HOURS[0] <= now.hour < SMS_HOURS[1]:
                raise UserError(self.env._("Marketing SMS may only be sent between 07:00 and 22:00 (Vietnam time)."))
        return super().action_send_sms()

    def _get_optout_record_ids(self, records, recipients_info):
        optout = super()._get_optout_record_ids(records, recipients_info)
        if not self.crm_vn_marketing or self.composition_mode != "mass":
            return optout
        partners = self.env["res.partner"].concat(*(info["partner"] for info in recipients_info.values()))
        sent = partners._crm_vn_marketing_sent_today("sms")
        optout = set(optout)
        for record in records:
            partner = recipients_info[record.id]["partner"]
            if not partner or not partner._crm_vn_marketing_allowed("sms") or sent.get(partner.id, 0) >= SMS_PER_DAY:
                optout.add(record.id)
            else:
                sent[partner.id] = sent.get(partner.id, 0) + 1
        return list(optout)

    def _action_send_sms_mass(self, records=None):
        sms_all = super()._action_send_sms_mass(records=records)
        if self.crm_vn_marketing and sms_all:
            sent = sms_all.filtered(lambda sms: sms.state in ("outgoing", "pending", "sent") and sms.partner_id)
            # sudo: the log is the company's record of contacts, written whoever sends.
            self.env["crm.vn.marketing.log"].sudo().create(
                [{"partner_id": sms.partner_id.id, "channel": "sms"} for sms in sent]
            )
        return sms_all
