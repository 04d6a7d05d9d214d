from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    """Time limits of data-subject requests (Law 91/2025/QH15, Decree 356/2025/NĐ-CP).

    The answer is due within working days (Monday to Friday, Vietnamese public
    holidays excluded); the request is carried out within calendar days, as the
    law writes "15 ngày" (days), not "ngày làm việc" (working days).
    """

    _inherit = "res.company"

    crm_vn_dsr_answer_days = fields.Integer(
        "Data Request: Answer (Working Days)",
        default=2,
        help="Working days to answer a data-subject request (acknowledge it and say what will be done).",
    )
    crm_vn_dsr_completion_days = fields.Integer(
        "Data Request: Completion (Days)",
        default=15,
        help="Calendar days to carry out a data-subject request.",
    )
    crm_vn_dsr_processor_days = fields.Integer(
        "Data Request: Completion with Processors (Days)",
        default=20,
        help="Calendar days to carry out a data-subject request when a data processor holds the data.",
    )

    @api.constrains("crm_vn_dsr_answer_days", "crm_vn_dsr_completion_days", "crm_vn_dsr_processor_days")
    def _check_crm_vn_dsr_days(self):
        for company in self:
            if (
                min(
                    company.crm_vn_dsr_answer_days,
                    company.crm_vn_dsr_completion_days,
                    company.crm_vn_dsr_processor_days,
                )
                < 0
            ):
                raise ValidationError(self.env._("The time limits of data requests cannot be negative."))
