import logging

from odoo import fields, models

from odoo.addons.crm_vn_privacy.tools.marketing import SMS_HOURS, next_opening, within_hours

_logger = logging.getLogger(__name__)


class MailingMailing(models.Model):
    """SMS campaigns due outside 07:00-22:00 (Vietnam time) wait in the queue instead of failing it.

    Consent, the Do-Not-Call list and the daily limit are applied to every SMS
    by crm_vn_privacy's SMS composer, which SMS campaigns use. Its refusal of
    marketing SMS at night would make the queue's scheduled run fail, with the
    email campaigns queued with it: the queue skips SMS campaigns at night
    instead, and runs again at 07:00. Sending a campaign by hand at night is
    still refused with a message.
    """

    _inherit = "mailing.mailing"

    def _process_mass_mailing_queue(self):
        return super(MailingMailing, self.with_context(crm_vn_sms_queue=True))._process_mass_mailing_queue()

    def action_send_sms(self, res_ids=None):
        now = fields.Datetime.now()
        if self.env.context.get("crm_vn_sms_queue") and not within_hours(SMS_HOURS, now):
            opening = next_opening(SMS_HOURS, now)
            _logger.info("SMS campaigns %s wait for %s UTC (no marketing SMS at night)", self.ids, opening)
            self.env.ref("mass_mailing.ir_cron_mass_mailing_queue")._trigger(at=opening)
            return True
        return super().action_send_sms(res_ids=res_ids)
