from . import crm_vn_interest
from . import res_company
from . import res_partner
from . import res_users
