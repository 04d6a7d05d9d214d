# The mixin first: the models below declare their personal data with it.
from . import crm_vn_personal_data_mixin

# isort: split
from . import (
    crm_vn_consent,
    crm_vn_data_request,
    crm_vn_marketing_log,
    ir_attachment,
    mail_activity,
    mail_activity_type,
    mail_followers,
    res_company_data_request,
    res_config_settings,
    res_partner,
    resource_calendar_leaves,
    sms_sms,
)
