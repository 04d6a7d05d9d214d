{
    "name": "Vietnam - Phone Numbers",
    "summary": "Vietnamese phone numbers stored in E.164, the 2018 mobile and 2017 landline changes converted, "
    "Odoo's sanitized numbers Vietnam-aware",
    "version": "18.0.1.0.0",
    "category": "Localization",
    "website": "https://github.com/crm-vn/crm-vn",
    "author": "CRM VN contributors",
    "license": "LGPL-3",
    "depends": ["phone_validation"],
    "external_dependencies": {"python": ["phonenumbers"]},
    "data": [],
    "assets": {
        "web.assets_backend": [
            "l10n_vn_phone/static/src/**/*",
        ],
    },
    "installable": True,
}
