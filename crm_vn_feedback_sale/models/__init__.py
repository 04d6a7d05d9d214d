from . import crm_vn_feedback
