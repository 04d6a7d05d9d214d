{
    "name": "Vietnam CRM: Customer Profile",
    "summary": "Vietnamese customer profile, ownership by salesperson with record rules on every path, hand-over, "
    "birthdays",
    "version": "18.0.1.5.0",
    "category": "Sales/CRM",
    "website": "https://github.com/crm-vn/crm-vn",
    "author": "CRM VN contributors",
    "license": "LGPL-3",
    "depends": [
        "crm",
        "sms",
        "l10n_vn_address",
        "base_import_vn_legacy_encoding",
        "l10n_vn_phone",
        "l10n_vn_public_holidays",
    ],
    "external_dependencies": {"python": ["phonenumbers"]},
    "data": [
        "security/ir.model.access.csv",
        "security/res_partner_security.xml",
        "security/crm_vn_customer_handover_security.xml",
        "security/odoo_wizards_security.xml",
        "data/mail_message_subtype_data.xml",
        "data/mail_activity_type_data.xml",
        "data/ir_cron_data.xml",
        "data/crm_vn_interest_data.xml",
        "views/res_partner_views.xml",
        "views/crm_vn_interest_views.xml",
        "views/crm_vn_customer_handover_views.xml",
        "views/crm_vn_customer_menus.xml",
    ],
    "demo": [
        "demo/res_users_demo.xml",
        "demo/res_partner_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "crm_vn_customer/static/tests/tours/*.js",
        ],
    },
    "application": False,
    "installable": True,
}
