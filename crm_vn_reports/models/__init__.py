from . import (
    crm_vn_weekly_digest,
    res_company,
    res_config_settings,
    res_partner,
)
