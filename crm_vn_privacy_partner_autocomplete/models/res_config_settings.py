from odoo import fields, models

PARAM = "crm_vn_privacy.partner_autocomplete"


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    crm_vn_partner_autocomplete = fields.Boolean(
        "Company Autocomplete (Odoo IAP)",
        config_parameter=PARAM,
        help="Send what users type in a company's name, tax id or a customer field to Odoo's partner autocomplete "
        "service and to Clearbit on the internet, to suggest companies. Off: nothing typed leaves Odoo.",
    )
