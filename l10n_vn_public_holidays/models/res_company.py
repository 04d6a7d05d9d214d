from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.tools import SQL

from ..tools.holidays import VN_TZ, vn_public_holidays


class ResCompany(models.Model):
    _inherit = "res.company"

    @api.model_create_multi
    def create(self, vals_list):
        companies = super().create(vals_list)
        companies.filtered(lambda company: company.country_id.code == "VN")._l10n_vn_write_public_holidays()
        return companies

    def write(self, vals):
        result = super().write(vals)
        if vals.get("country_id"):
            self.filtered(lambda company: company.country_id.code == "VN")._l10n_vn_write_public_holidays()
        return result

    @api.model
    def _cron_l10n_vn_public_holidays(self):
        self.search([("partner_id.country_id.code", "=", "VN")])._l10n_vn_write_public_holidays()

    def _l10n_vn_write_public_holidays(self, years=None):
        """Write the Vietnamese public holidays of ``years`` (this year and the next by default) as time off of the
        whole company (every working calendar, no resource), in Vietnam's time, with the days in lieu of holidays
        that fall on the weekly rest days of the company's working calendar.

        A year already written for a company is left alone, whatever was changed in it since (a day the government
        moved, a day deleted). Two processes running it at once write each year once: the company rows are locked.
        """
        if not self:
            return self.env["resource.calendar.leaves"]
        today = fields.Date.context_today(self)
        years = years or (today.year, today.year + 1)
        self.env.cr.execute(SQL("SELECT id FROM res_company WHERE id IN %s FOR UPDATE", tuple(self.ids)))
        Leaves = self.env["resource.calendar.leaves"].sudo()
        zone = pytz.timezone(VN_TZ)
        labels = dict(Leaves._fields["l10n_vn_holiday"]._description_selection(self.env))
        leaves = Leaves
        for company in self:
            vals_list = []
            weekly_rest = company._l10n_vn_weekly_rest()
            for year in years:
                first = datetime(year, 1, 1) - timedelta(days=1)
                written = Leaves.search_count(
                    [
                        ("company_id", "=", company.id),
                        ("l10n_vn_holiday", "!=", False),
                        ("date_from", ">=", first),
                        ("date_from", "<", datetime(year + 1, 1, 1)),
                    ],
                    limit=1,
                )
                if written:
                    continue
                for code, start, stop in _periods(vn_public_holidays(year, weekly_rest=weekly_rest)):
                    vals_list.append(
                        {
                            "name": labels[code],
                            "l10n_vn_holiday": code,
                            "company_id": company.id,
                            "calendar_id": False,
                            "resource_id": False,
                            "time_type": "leave",
                            "date_from": _utc(datetime.combine(start, time.min), zone),
                            "date_to": _utc(datetime.combine(stop, time(23, 59, 59)), zone),
                        }
                    )
            # A time off without calendar takes the current company as its own (resource computes company_id from
            # the calendar, again when the records are flushed): the company is written once they are.
            created = Leaves.with_company(company).create(vals_list)
            created.flush_recordset()
            created.write({"company_id": company.id})
            leaves |= created
        return leaves

    def _l10n_vn_weekly_rest(self):
        """Weekdays (Monday = 0) without working hours in the company's working calendar; Saturday and Sunday
        when it has none."""
        self.ensure_one()
        attendances = self.sudo().resource_calendar_id.attendance_ids.filtered(lambda a: not a.display_type)
        working = {int(attendance.dayofweek) for attendance in attendances}
        return tuple(day for day in range(7) if day not in working) if working else (5, 6)


def _periods(days):
    """Group (date, code) days into (code, first, last) runs of consecutive days of one holiday."""
    runs = []
    for day, code in days:
        if runs and runs[-1][0] == code and runs[-1][2] + timedelta(days=1) == day:
            runs[-1] = (code, runs[-1][1], day)
        else:
            runs.append((code, day, day))
    return runs


def _utc(local, zone):
    return zone.localize(local).astimezone(pytz.utc).replace(tzinfo=None)
