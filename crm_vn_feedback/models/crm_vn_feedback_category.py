from odoo import fields, models


class CrmVnFeedbackCategory(models.Model):
    _name = "crm.vn.feedback.category"
    _description = "Feedback Category"
    # crm_vn_base's guards: contacts one may see, computed fields never written by hand, clear errors on bad values
    _crm_vn_check_contacts = True
    _crm_vn_check_computed = True
    _crm_vn_check_values = True
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", index=True)

    _sql_constraints = [("name_uniq", "unique(name, company_id)", "This category already exists.")]
