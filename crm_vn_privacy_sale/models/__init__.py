from . import res_partner_anonymize, res_partner_personal_data
