{
    "name": "Vietnam CRM: Personal Data and Consent",
    "summary": "Personal data protection under Vietnamese law: consent log, Do-Not-Call list, marketing limits, "
    "data-subject requests with legal deadlines, export and anonymisation",
    "version": "18.0.1.1.0",
    "category": "Sales/CRM",
    "website": "https://github.com/crm-vn/crm-vn",
    "author": "CRM VN contributors",
    "license": "LGPL-3",
    "depends": ["crm_vn_customer"],
    "external_dependencies": {"python": ["phonenumbers"]},
    "data": [
        "security/ir.model.access.csv",
        "security/crm_vn_consent_security.xml",
        "security/crm_vn_data_request_security.xml",
        "data/mail_activity_type_marketing_data.xml",
        "data/crm_vn_data_request_data.xml",
        "views/res_partner_views.xml",
        "views/crm_vn_consent_views.xml",
        "views/crm_vn_data_request_views.xml",
        "views/sms_composer_views.xml",
        "views/res_config_settings_views.xml",
        "views/crm_vn_privacy_menus.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "crm_vn_privacy/static/tests/tours/*.js",
        ],
    },
    "installable": True,
}
