from . import (
    crm_vn_commune_import,
    crm_vn_customer_handover,
    crm_vn_province_migration,
    mail_compose_message,
    sms_composer,
)
