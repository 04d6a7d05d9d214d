from . import (
    crm_lead,
    mail_mail,
    mailing_contact_personal_data,
    mailing_list,
    mailing_mailing,
    mailing_trace,
    res_partner,
)
