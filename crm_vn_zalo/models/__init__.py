from . import (
    crm_vn_feedback,
    crm_vn_marketing_log,
    crm_vn_zalo_account,
    crm_vn_zalo_event,
    crm_vn_zalo_message,
    crm_vn_zalo_template,
    crm_vn_zalo_template_param,
    res_partner,
)
