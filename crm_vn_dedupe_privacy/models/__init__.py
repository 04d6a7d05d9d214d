from . import crm_vn_duplicate_merge_log
