from . import (
    crm_vn_feedback,
    crm_vn_weekly_digest,
    res_company,
    res_config_settings,
    res_partner,
    res_partner_anonymize,
    res_partner_personal_data,
)
