from . import crm_vn_feedback, res_company, res_config_settings, res_partner
