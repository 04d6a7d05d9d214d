from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

from odoo.addons.l10n_vn_public_holidays.tools.holidays import VN_TZ

# Longest time limits the law allows (Decree 356/2025/NĐ-CP): a company may
# only shorten them.
DSR_LEGAL_MAXIMA = {
    "crm_vn_dsr_answer_days": 2,
    "crm_vn_dsr_completion_days": 15,
    "crm_vn_dsr_processor_days": 20,
}


class ResCompany(models.Model):
    """Time limits of data-subject requests (Law 91/2025/QH15, Decree 356/2025/NĐ-CP).

    The answer is due within working days (the company's working calendar without its time off, where the
    Vietnamese public holidays are written); the request is
    carried out within calendar days, as the law writes "15 ngày" (days), not
    "ngày làm việc" (working days).
    """

    _inherit = "res.company"

    crm_vn_dsr_answer_days = fields.Integer(
        "Data Request: Answer (Working Days)",
        default=2,
        help="Working days to answer a data-subject request (acknowledge it and say what will be done). "
        "The law allows 2 at most.",
    )
    crm_vn_dsr_completion_days = fields.Integer(
        "Data Request: Completion (Days)",
        default=15,
        help="Calendar days to carry out a data-subject request. The law allows 15 at most.",
    )
    crm_vn_dsr_processor_days = fields.Integer(
        "Data Request: Completion with Processors (Days)",
        default=20,
        help="Calendar days to carry out a data-subject request when a data processor holds the data. "
        "The law allows 20 at most.",
    )

    @api.constrains(*DSR_LEGAL_MAXIMA)
    def _check_crm_vn_dsr_days(self):
        for company in self:
            for fname, maximum in DSR_LEGAL_MAXIMA.items():
                if not 1 <= company[fname] <= maximum:
                    raise ValidationError(
                        self.env._(
                            "%(limit)s must be between 1 and %(maximum)s days: the law sets the longest time "
                            "allowed, a company may only shorten it.",
                            limit=self._fields[fname]._description_string(self.env),
                            maximum=maximum,
                        )
                    )

    @api.model
    def _crm_vn_dsr_cap_limits(self):
        """Bring the limits of every company within 1 and the legal maximum (upgrade from 18.0.1.2.0, which took any
        value from 0), and compute again the deadlines of the requests still waiting for an answer."""
        for fname, maximum in DSR_LEGAL_MAXIMA.items():
            self.env.cr.execute(
                SQL(
                    "UPDATE res_company SET %s = LEAST(GREATEST(%s, 1), %s) WHERE %s NOT BETWEEN 1 AND %s",
                    SQL.identifier(fname),
                    SQL.identifier(fname),
                    maximum,
                    SQL.identifier(fname),
                    maximum,
                )
            )
        self.env.invalidate_all()
        requests = self.env["crm.vn.data.request"].search([("state", "in", ("new", "answered"))])
        requests._crm_vn_recompute_deadlines(reason=self.env._("time limits brought within the law's maxima"))

    def _crm_vn_dsr_answer_deadline(self, received):
        """The date ``crm_vn_dsr_answer_days`` working days after ``received`` (the day itself not counted).

        Working days come from resource.calendar: the days of the company's working calendar that keep some
        working time once its time off is taken out (the Vietnamese public holidays are written there, and a day
        the government moves is changed there), read in Vietnam's time whatever the calendar's zone, as the law
        counts Vietnamese days; a half day off leaves the day a working day. Without working hours at all, calendar
        days are counted.
        """
        self.ensure_one()
        days = self.crm_vn_dsr_answer_days
        # sudo: the working calendar and its time off are configuration every employee relies on.
        calendar = self.sudo().resource_calendar_id
        if not calendar.attendance_ids:
            return received + timedelta(days=days)
        zone = pytz.timezone(VN_TZ)
        start = zone.localize(datetime.combine(received + timedelta(days=1), time.min))
        for window in (60, 400):
            intervals = calendar._work_intervals_batch(
                start,
                start + timedelta(days=window),
                tz=zone,
                domain=[("time_type", "=", "leave"), ("company_id", "in", [False, self.id])],
            )[False]
            working_days = sorted({begin.date() for begin, __, __ in intervals})
            if len(working_days) >= days:
                return working_days[days - 1]
        return received + timedelta(days=days)
