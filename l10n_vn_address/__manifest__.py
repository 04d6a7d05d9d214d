{
    "name": "Vietnam - Addresses (2025 Provinces and Communes)",
    "summary": "The 34 provinces of 2025, the official list of 3,321 communes as cities, addresses moved out of the "
    "merged provinces, typed communes linked to the list",
    "version": "18.0.1.0.0",
    "category": "Localization",
    "website": "https://github.com/crm-vn/crm-vn",
    "author": "CRM VN contributors",
    "license": "LGPL-3",
    "depends": ["base_address_extended", "contacts"],
    "data": [
        "security/ir.model.access.csv",
        "security/crm_vn_province_migration_security.xml",
        "security/crm_vn_commune_import_security.xml",
        "data/res_country_state_data.xml",
        "views/res_partner_views.xml",
        "views/crm_vn_province_migration_views.xml",
        "views/crm_vn_commune_import_views.xml",
    ],
    "post_init_hook": "post_init_hook",
    "installable": True,
}
