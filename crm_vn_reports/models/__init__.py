from . import crm_vn_feedback
from . import res_company
from . import res_config_settings
from . import res_partner
