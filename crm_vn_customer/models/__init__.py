from . import (
    calendar_event,
    crm_vn_duplicate_group,
    crm_vn_duplicate_merge_log,
    crm_vn_interest,
    res_company,
    res_config_settings,
    res_partner,
    res_partner_calendar,
    res_partner_duplicate,
    res_partner_import,
    res_users,
)
