from . import crm_vn_cohort_report
from . import crm_vn_customer_report
from . import crm_vn_feedback_report
from . import crm_vn_salesperson_report
