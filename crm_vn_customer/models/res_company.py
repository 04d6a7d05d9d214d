from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    crm_vn_partner_properties_definition = fields.PropertiesDefinition(
        "Customer Profile Properties",
        help="Extra customer-profile fields defined by administrators without code "
        "(they differ by industry: shoe size, vehicle, property type...).",
    )
