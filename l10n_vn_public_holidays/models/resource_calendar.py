from odoo import api, fields, models
from odoo.tools import SQL


class ResourceCalendar(models.Model):
    _inherit = "resource.calendar"

    l10n_vn_public_holidays = fields.Boolean(
        "Vietnamese Public Holidays",
        help="Time off on the Vietnamese public holidays in this calendar, written every year. Companies located in "
        "Vietnam get them in all their calendars anyway; tick it for a Vietnamese team of a company elsewhere, or a "
        "calendar in Vietnam's time used by a company set up in another country.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        calendars = super().create(vals_list)
        calendars.filtered("l10n_vn_public_holidays")._l10n_vn_write_public_holidays()
        return calendars

    def write(self, vals):
        result = super().write(vals)
        if vals.get("l10n_vn_public_holidays"):
            self._l10n_vn_write_public_holidays()
        return result

    def _l10n_vn_weekly_rest(self):
        """Weekdays (Monday = 0) without working hours in this calendar; Saturday and Sunday without a calendar or
        without hours."""
        working = {
            int(attendance.dayofweek) for attendance in self.sudo().attendance_ids if not attendance.display_type
        }
        return tuple(day for day in range(7) if day not in working) if working else (5, 6)

    def _l10n_vn_write_public_holidays(self, years=None):
        """Write the public holidays of ``years`` (this year and the next by default) as time off of each flagged
        calendar whose company is not located in Vietnam (those get them as time off of the whole company). A year
        already written in a calendar is left alone; the calendar rows are locked against a second process."""
        Leaves = self.env["resource.calendar.leaves"].sudo()
        calendars = self.filtered("l10n_vn_public_holidays")
        if not calendars:
            return Leaves
        today = fields.Date.context_today(self)
        years = years or (today.year, today.year + 1)
        # Locked by an update: a second process waits, and one that began before the first committed (it would not
        # see the years written) fails with a serialization error instead of writing them again.
        calendars.flush_recordset()
        self.env.cr.execute(
            SQL("UPDATE resource_calendar SET write_date = write_date WHERE id IN %s", tuple(calendars.ids))
        )
        leaves = Leaves
        for calendar in calendars:
            company = calendar.company_id or self.env.company
            if company.country_id.code == "VN":
                continue
            weekly_rest = calendar._l10n_vn_weekly_rest()
            vals_list = [
                dict(vals, company_id=company.id, calendar_id=calendar.id)
                for year in years
                if not Leaves._l10n_vn_year_written([("calendar_id", "=", calendar.id)], year)
                for vals in Leaves._l10n_vn_holiday_values(year, weekly_rest)
            ]
            leaves |= Leaves._l10n_vn_create_for(company, vals_list)
        return leaves
