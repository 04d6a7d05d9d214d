from . import crm_vn_interest, res_company, res_partner, res_users
