{
    "name": "Vietnam CRM: Duplicate Customers",
    "summary": "Duplicate customers found the Vietnamese way (phones, names without diacritics, regional "
    "surnames, birthdays), warned or refused on save and import, reviewed and merged",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "website": "https://github.com/crm-vn/crm-vn",
    "author": "CRM VN contributors",
    "license": "LGPL-3",
    "depends": ["crm_vn_customer"],
    "external_dependencies": {"python": ["rapidfuzz"]},
    "data": [
        "security/ir.model.access.csv",
        "security/crm_vn_duplicate_group_security.xml",
        "security/crm_vn_customer_check_security.xml",
        "data/ir_cron_data.xml",
        "views/res_partner_views.xml",
        "views/crm_vn_customer_check_views.xml",
        "views/crm_vn_duplicate_group_views.xml",
        "views/res_config_settings_views.xml",
        "views/crm_vn_dedupe_menus.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "crm_vn_dedupe/static/src/**/*",
        ],
        "web.assets_tests": [
            "crm_vn_dedupe/static/tests/tours/*.js",
        ],
    },
    "installable": True,
}
