from . import (
    crm_vn_feedback,
    crm_vn_feedback_category,
    crm_vn_feedback_escalation,
    crm_vn_feedback_escalation_level,
    crm_vn_feedback_sla,
    mail_followers,
    rating_rating,
    res_company,
    res_config_settings,
    res_partner,
    res_users,
)
