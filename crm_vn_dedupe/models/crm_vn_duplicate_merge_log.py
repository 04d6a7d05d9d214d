from odoo import fields, models


class CrmVnDuplicateMergeLog(models.Model):
    """Trace of a merge: who merged which customers when, and their values before,
    so that a wrong merge can be found and undone by hand."""

    _name = "crm.vn.duplicate.merge.log"
    _description = "Customer Merge Log"
    # crm_vn_base's guards: contacts one may see, computed fields never written by hand, clear errors on bad values
    _crm_vn_check_contacts = True
    _crm_vn_check_computed = True
    _crm_vn_check_values = True
    _order = "id desc"

    group_id = fields.Many2one("crm.vn.duplicate.group", ondelete="cascade", index=True)
    partner_id = fields.Many2one("res.partner", "Kept Customer", ondelete="set null")
    merged_partner_ids_text = fields.Char("Merged Customer IDs")
    values_before = fields.Text(help="JSON: the values of each merged customer before the merge.")
    user_id = fields.Many2one("res.users", "Merged By", default=lambda self: self.env.user, readonly=True)
    company_id = fields.Many2one(related="group_id.company_id", store=True)
