from . import (
    crm_vn_feedback,
    crm_vn_feedback_category,
    crm_vn_feedback_deadline,
    crm_vn_feedback_escalate,
    crm_vn_feedback_escalation,
    crm_vn_feedback_escalation_level,
    crm_vn_feedback_mail,
    crm_vn_feedback_sla,
    res_company,
    res_config_settings,
    res_partner,
    res_partner_personal_data,
)
