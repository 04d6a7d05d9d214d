from . import (
    crm_lead,
    mail_mail,
    mailing_list,
    mailing_mailing,
    mailing_trace,
    res_partner,
    res_partner_anonymize,
    res_partner_personal_data,
)
