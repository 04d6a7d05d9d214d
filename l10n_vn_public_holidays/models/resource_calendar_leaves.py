from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models

from ..tools.holidays import HUNG_KINGS, LABOUR, NATIONAL, NEW_YEAR, REUNIFICATION, TET, VN_TZ, vn_public_holidays

HOLIDAYS = [
    (NEW_YEAR, "New Year's Day"),
    (TET, "Lunar New Year (Tết)"),
    (HUNG_KINGS, "Hùng Kings' Commemoration Day"),
    (REUNIFICATION, "Reunification Day"),
    (LABOUR, "International Labour Day"),
    (NATIONAL, "National Day"),
]


class ResourceCalendarLeaves(models.Model):
    _inherit = "resource.calendar.leaves"

    l10n_vn_holiday = fields.Selection(
        HOLIDAYS,
        "Vietnamese Public Holiday",
        readonly=True,
        help="Written by the yearly job of Vietnamese public holidays. Move or delete the day here when the "
        "government changes it: the job does not write a year again once it is written.",
    )

    @api.model
    def _l10n_vn_holiday_values(self, year, weekly_rest):
        """Values of the time off of the Vietnamese public holidays of ``year`` (consecutive days of one holiday in
        one record), from 00:00 to 23:59:59 in Vietnam's time, with the days in lieu of holidays falling on
        ``weekly_rest`` (weekdays, Monday = 0); no company, calendar or resource."""
        zone = pytz.timezone(VN_TZ)
        labels = dict(self._fields["l10n_vn_holiday"]._description_selection(self.env))
        runs = []
        for day, code in vn_public_holidays(year, weekly_rest=weekly_rest):
            if runs and runs[-1][0] == code and runs[-1][2] + timedelta(days=1) == day:
                runs[-1] = (code, runs[-1][1], day)
            else:
                runs.append((code, day, day))
        return [
            {
                "name": labels[code],
                "l10n_vn_holiday": code,
                "resource_id": False,
                "time_type": "leave",
                "date_from": _utc(datetime.combine(start, time.min), zone),
                "date_to": _utc(datetime.combine(stop, time(23, 59, 59)), zone),
            }
            for code, start, stop in runs
        ]

    @api.model
    def _l10n_vn_year_written(self, domain, year):
        """Whether public holidays of ``year`` are already written among the time off of ``domain``."""
        return bool(
            self.search_count(
                [
                    *domain,
                    ("l10n_vn_holiday", "!=", False),
                    ("date_from", ">=", datetime(year, 1, 1) - timedelta(days=1)),
                    ("date_from", "<", datetime(year + 1, 1, 1)),
                ],
                limit=1,
            )
        )

    @api.model
    def _l10n_vn_create_for(self, company, vals_list):
        """Create time off of ``company``: resource computes a time off's company from its calendar (the current
        company without one), again when the records are flushed, so the company is written once they are."""
        created = self.with_company(company).create(vals_list)
        created.flush_recordset()
        created.write({"company_id": company.id})
        return created


def _utc(local, zone):
    return zone.localize(local).astimezone(pytz.utc).replace(tzinfo=None)
