{
    "name": "Vietnam CRM: Odoo's Privacy Lookup for Administrators",
    "summary": "Odoo's Privacy Lookup offered on contacts to the administrators who can run it (installed with it); the "
    "sales team answers data requests with the suite's personal-data tools",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "website": "https://github.com/crm-vn/crm-vn",
    "author": "CRM VN contributors",
    "license": "LGPL-3",
    "depends": ["crm_vn_privacy", "privacy_lookup"],
    "data": ["data/ir_actions_server_data.xml"],
    "auto_install": True,
    "installable": True,
}
