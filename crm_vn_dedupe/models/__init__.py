from . import (
    crm_vn_duplicate_group,
    crm_vn_duplicate_merge_log,
    res_company,
    res_config_settings,
    res_partner,
)
