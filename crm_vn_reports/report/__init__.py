from . import (
    crm_vn_cohort_report,
    crm_vn_customer_report,
    crm_vn_feedback_case_report,
    crm_vn_feedback_report,
    crm_vn_performance_report,
    crm_vn_salesperson_report,
    res_partner_profile_report,
)
