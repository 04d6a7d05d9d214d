from . import crm_vn_customer_check
