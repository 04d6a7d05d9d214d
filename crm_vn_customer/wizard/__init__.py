from . import crm_vn_customer_check, crm_vn_customer_handover
