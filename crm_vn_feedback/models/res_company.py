from datetime import timedelta

from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    crm_vn_feedback_calendar_id = fields.Many2one(
        "resource.calendar",
        "Feedback Working Hours",
        help="Working hours in which SLA deadlines run, in their time zone, without the company's time off "
        "(Vietnamese public holidays included). Installed with Vietnamese office hours for the main company; when "
        "empty, the company's working hours are used.",
    )
    crm_vn_feedback_at_risk_hours = fields.Float(
        "At Risk Before Deadline",
        default=2.0,
        help="A feedback is shown at risk this many hours before its deadline.",
    )

    def _crm_vn_feedback_calendar(self):
        self.ensure_one()
        return self.crm_vn_feedback_calendar_id or self.resource_calendar_id

    def _crm_vn_feedback_add_hours(self, start, hours):
        """``start`` (naive UTC) plus ``hours`` working hours of the feedback calendar, its time off and the
        company's (public holidays) skipped: resource.calendar does the arithmetic. Without a calendar, or without
        any working time in it, the clock runs round the clock."""
        self.ensure_one()
        if not hours:
            return start
        # sudo: the working calendar and its time off are configuration every employee relies on.
        calendar = self.sudo()._crm_vn_feedback_calendar()
        end = False
        if calendar.attendance_ids:
            end = calendar.plan_hours(
                hours,
                start,
                compute_leaves=True,
                domain=[("time_type", "=", "leave"), ("company_id", "in", [False, self.id])],
            )
        return end.replace(microsecond=0) if end else start + timedelta(hours=hours)
