import logging

import psycopg2

from odoo import api, fields, models
from odoo.tools import SQL

_logger = logging.getLogger(__name__)


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
        """Write the coming year's holidays; skipped when another process wrote them while this one was starting
        (its snapshot would not show them: see :meth:`_l10n_vn_write_public_holidays`)."""
        try:
            with self.env.cr.savepoint():
                self.search([("partner_id.country_id.code", "=", "VN")])._l10n_vn_write_public_holidays()
                self.env["resource.calendar"].search(
                    [("l10n_vn_public_holidays", "=", True)]
                )._l10n_vn_write_public_holidays()
        except psycopg2.errors.SerializationFailure:
            _logger.info("Public holidays of Vietnam: written by another process at the same time.")

    def _l10n_vn_write_public_holidays(self, years=None):
        """Write the Vietnamese public holidays of ``years`` (this year and the next by default) as time off of the
        whole company (every working calendar, no resource), in Vietnam's time, with the days in lieu of holidays
        that fall on the weekly rest days of the company's working calendar.

        A year already written for a company is left alone, whatever was changed in it since (a day the government
        moved, a day deleted). Two processes running it at once write each year once: the company rows are locked.
        """
        Leaves = self.env["resource.calendar.leaves"].sudo()
        if not self:
            return Leaves
        today = fields.Date.context_today(self)
        years = years or (today.year, today.year + 1)
        # Locked by an update: a second process waits, and one that began before the first committed (it would not
        # see the years written) fails with a serialization error instead of writing them again.
        self.flush_recordset()
        self.env.cr.execute(SQL("UPDATE res_company SET write_date = write_date WHERE id IN %s", tuple(self.ids)))
        leaves = Leaves
        for company in self:
            weekly_rest = company.resource_calendar_id._l10n_vn_weekly_rest()
            vals_list = [
                dict(vals, company_id=company.id, calendar_id=False)
                for year in years
                if not Leaves._l10n_vn_year_written(
                    [("company_id", "=", company.id), ("calendar_id", "=", False)], year
                )
                for vals in Leaves._l10n_vn_holiday_values(year, weekly_rest)
            ]
            leaves |= Leaves._l10n_vn_create_for(company, vals_list)
        return leaves
