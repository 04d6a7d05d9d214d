from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    crm_vn_duplicate_policy = fields.Selection(
        [("warn", "Warn"), ("block", "Refuse exact phone or email matches")],
        string="Duplicate Customers",
        default="warn",
        required=True,
        help="Warn: the customer form lists the likely duplicates. Refuse: a customer "
        "with the phone number or email of an existing one (and a similar name) is not saved.",
    )
    crm_vn_duplicate_threshold = fields.Integer(
        "Duplicate Threshold",
        default=85,
        help="Score (0-100) from which two customers are shown as likely duplicates.",
    )
    crm_vn_duplicate_import_mode = fields.Selection(
        [
            ("skip", "Skip the row"),
            ("link", "Link the row to the existing customer"),
            ("create", "Create it anyway"),
        ],
        string="Duplicates on Import",
        default="skip",
        required=True,
        help="What an import does with a row that duplicates an existing customer or an earlier row.",
    )

    @api.constrains("crm_vn_duplicate_threshold")
    def _check_crm_vn_duplicate_threshold(self):
        for company in self:
            if not 1 <= company.crm_vn_duplicate_threshold <= 100:
                raise ValidationError(self.env._("The duplicate threshold is a score between 1 and 100."))
