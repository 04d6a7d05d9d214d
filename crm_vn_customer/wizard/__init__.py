from . import crm_vn_customer_handover, mail_compose_message
