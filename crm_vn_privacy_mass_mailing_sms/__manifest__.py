{
    "name": "Vietnam CRM: Consent in SMS Marketing",
    "summary": "SMS campaigns follow the customers' consent and the Do-Not-Call list, at most 3 a day, and wait "
    "for 07:00-22:00 Vietnam time (Decree 91/2020/NĐ-CP)",
    "version": "18.0.1.0.0",
    "category": "Marketing/Email Marketing",
    "website": "https://github.com/crm-vn/crm-vn",
    "author": "CRM VN contributors",
    "license": "LGPL-3",
    "depends": ["crm_vn_privacy_mass_mailing", "mass_mailing_sms"],
    "data": [],
    "auto_install": True,
    "installable": True,
}
