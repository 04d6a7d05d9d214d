from datetime import datetime, time, timedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

from ..tools.holidays import vn_public_holidays, whole_days_off

# Longest time limits the law allows (Decree 356/2025/NĐ-CP): a company may
# only shorten them.
DSR_LEGAL_MAXIMA = {
    "crm_vn_dsr_answer_days": 2,
    "crm_vn_dsr_completion_days": 15,
    "crm_vn_dsr_processor_days": 20,
}
DEFAULT_TZ = "Asia/Ho_Chi_Minh"


class ResCompany(models.Model):
    """Time limits of data-subject requests (Law 91/2025/QH15, Decree 356/2025/NĐ-CP).

    The answer is due within working days (Monday to Friday, without the
    Vietnamese public holidays and the company's own days off); the request is
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

    def _crm_vn_dsr_days_off(self, start, stop):
        """Days from ``start`` to ``stop`` (dates) that are not working days besides the weekend (extension point).

        The Vietnamese public holidays, and the days wholly covered by a time off
        of the whole company (no resource) on its working calendar or on no
        calendar, read in Vietnam time: the law counts Vietnamese working days,
        and a company's calendar often keeps Odoo's default zone (Europe/Brussels
        on a new database), in which a day off entered in Vietnam spans two days.
        """
        self.ensure_one()
        days = {day for year in range(start.year, stop.year + 1) for day, __ in vn_public_holidays(year)}
        calendar = self.resource_calendar_id
        leaves = self.env["resource.calendar.leaves"].search(
            [
                ("resource_id", "=", False),
                ("time_type", "=", "leave"),
                ("calendar_id", "in", [calendar.id, False]),
                ("company_id", "in", [self.id, False]),
                # one day of margin on each side covers any time zone
                ("date_from", "<", datetime.combine(stop + timedelta(days=1), time.max)),
                ("date_to", ">", datetime.combine(start - timedelta(days=1), time.min)),
            ]
        )
        days |= whole_days_off([(leave.date_from, leave.date_to) for leave in leaves], DEFAULT_TZ)
        return days
