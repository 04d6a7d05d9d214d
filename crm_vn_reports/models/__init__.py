from . import (
    crm_vn_analytics_snapshot,
    crm_vn_weekly_digest,
    ir_actions_report,
    res_company,
    res_config_settings,
    res_partner,
)
