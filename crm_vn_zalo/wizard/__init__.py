from . import crm_vn_zalo_composer, crm_vn_zalo_feedback, crm_vn_zalo_reply
