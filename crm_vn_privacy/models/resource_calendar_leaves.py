from datetime import timedelta

from odoo import api, models

# The fields that decide which days a time off takes from the company (a new name changes nothing).
DAYS_OFF_FIELDS = {"date_from", "date_to", "calendar_id", "company_id", "resource_id", "time_type"}


class ResourceCalendarLeaves(models.Model):
    """A company day off entered, moved or removed after a data request arrived moves its answer deadline.

    The answer to a data-subject request is due in working days that skip the
    company's time off (``res.company._crm_vn_dsr_answer_deadline``): the
    deadlines of the requests still waiting for an answer are computed again
    when such a time off changes (the change is tracked on the request).
    """

    _inherit = "resource.calendar.leaves"

    @api.model_create_multi
    def create(self, vals_list):
        leaves = super().create(vals_list)
        leaves._crm_vn_data_requests_to_recompute()._crm_vn_recompute_deadlines()
        return leaves

    def write(self, vals):
        if not DAYS_OFF_FIELDS.intersection(vals):
            return super().write(vals)
        requests = self._crm_vn_data_requests_to_recompute()
        result = super().write(vals)
        (requests | self._crm_vn_data_requests_to_recompute())._crm_vn_recompute_deadlines()
        return result

    def unlink(self):
        requests = self._crm_vn_data_requests_to_recompute()
        result = super().unlink()
        requests._crm_vn_recompute_deadlines()
        return result

    def _crm_vn_data_requests_to_recompute(self):
        """Unanswered data requests whose answer period may hold one of these company days off."""
        Request = self.env["crm.vn.data.request"]
        # sudo: deadlines of every handler's requests follow the company's days off.
        requests = Request.sudo()
        company_days_off = self.filtered(
            lambda leave: not leave.resource_id and leave.time_type == "leave" and leave.date_from and leave.date_to
        )
        for leave in company_days_off:
            domain = [
                ("state", "=", "new"),
                # a margin of a day on each side covers any time zone
                ("date_received", "<=", (leave.date_to + timedelta(days=1)).date()),
                ("answer_deadline", ">=", (leave.date_from - timedelta(days=1)).date()),
            ]
            if leave.company_id:
                domain.append(("company_id", "=", leave.company_id.id))
            requests |= Request.sudo().search(domain)
        return requests
