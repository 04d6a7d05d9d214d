from . import (
    base,
    calendar_event,
    crm_vn_interest,
    crm_vn_job_run,
    ir_qweb_field_contact,
    mail_thread,
    res_company,
    res_partner,
    res_partner_calendar,
    res_partner_values,
    res_users,
)
