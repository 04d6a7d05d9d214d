{
    "name": "Vietnam CRM: Partner Autocomplete Off",
    "summary": "What salespeople type in a customer field stays in Odoo: Odoo's partner autocomplete (IAP, Clearbit) "
    "is off until an administrator turns it on",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "website": "https://github.com/crm-vn/crm-vn",
    "author": "CRM VN contributors",
    "license": "LGPL-3",
    "depends": ["crm_vn_privacy", "partner_autocomplete"],
    "data": ["views/res_config_settings_views.xml"],
    "assets": {
        "web.assets_backend": [
            "crm_vn_privacy_partner_autocomplete/static/src/**/*",
        ],
    },
    "auto_install": True,
    "installable": True,
}
