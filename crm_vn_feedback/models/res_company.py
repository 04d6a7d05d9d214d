from datetime import datetime, time, timedelta

import pytz

from odoo import fields, models

from ..tools.sla import holiday_dates

DEFAULT_TZ = "Asia/Ho_Chi_Minh"


class ResCompany(models.Model):
    _inherit = "res.company"

    crm_vn_feedback_calendar_id = fields.Many2one(
        "resource.calendar",
        "Feedback Working Hours",
        help="Working hours in which SLA deadlines run, in their time zone. Installed with Vietnamese office "
        "hours for the main company; when empty, the company's working hours are used.",
    )
    crm_vn_feedback_vn_holidays = fields.Boolean(
        "Vietnamese Public Holidays",
        default=True,
        help="Stop the SLA clock on Vietnamese public holidays, Tết and Hùng Kings' day included, computed "
        "for every year. Days the government moves are added as public holidays of the working hours.",
    )
    crm_vn_feedback_at_risk_hours = fields.Float(
        "At Risk Before Deadline",
        default=2.0,
        help="A feedback is shown at risk this many hours before its deadline.",
    )

    def _crm_vn_feedback_calendar(self):
        self.ensure_one()
        return self.crm_vn_feedback_calendar_id or self.resource_calendar_id

    def _crm_vn_feedback_schedule(self, start_year):
        """(attendance, holidays, tz) for the SLA arithmetic of ``tools/sla.py``.

        ``attendance``: (weekday, hour_from, hour_to) of the working calendar;
        ``holidays``: local dates from ``start_year`` to two years later,
        Vietnamese public holidays and the calendar's public time off.
        """
        self.ensure_one()
        # sudo: the working calendar and its public holidays are configuration every employee relies on.
        calendar = self.sudo()._crm_vn_feedback_calendar()
        tz_name = calendar.tz or self.partner_id.tz or DEFAULT_TZ
        attendances = calendar.attendance_ids.filtered(lambda a: not a.display_type and a.day_period != "lunch")
        if calendar.two_weeks_calendar:
            attendances = attendances.filtered(lambda a: a.week_type == "0")
        attendance = [(int(a.dayofweek), a.hour_from, a.hour_to) for a in attendances]
        if not attendance:
            # No calendar: round the clock, every day.
            attendance = [(day, 0.0, 24.0) for day in range(7)]
        tz = pytz.timezone(tz_name)
        first = datetime.combine(datetime(start_year, 1, 1), time.min)
        last = datetime.combine(datetime(start_year + 2, 12, 31), time.max)
        leaves = (
            self.env["resource.calendar.leaves"]
            .sudo()
            .search(
                [
                    ("resource_id", "=", False),
                    ("calendar_id", "in", (False, calendar.id)),
                    ("company_id", "in", (False, self.id)),
                    ("date_from", "<=", last),
                    ("date_to", ">=", first),
                ]
            )
        )
        extra = set()
        for leave in leaves:
            day = pytz.utc.localize(leave.date_from).astimezone(tz).date()
            end = pytz.utc.localize(leave.date_to).astimezone(tz).date()
            while day <= end:
                extra.add(day)
                day += timedelta(days=1)
        years = range(start_year, start_year + 3) if self.crm_vn_feedback_vn_holidays else ()
        return attendance, holiday_dates(years, extra=extra), tz_name
