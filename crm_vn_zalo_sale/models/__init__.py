from . import crm_vn_zalo_account
