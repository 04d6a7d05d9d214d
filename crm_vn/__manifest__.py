{
    "name": "CRM Việt Nam",
    "summary": "Customer management for Vietnamese sales teams: customer profiles with Vietnamese phones, names and "
    "addresses, duplicates, ownership and hand-over, consent and data requests, feedback with SLA, reports",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "website": "https://github.com/crm-vn/crm-vn",
    "author": "CRM VN contributors",
    "license": "LGPL-3",
    "depends": [
        "crm_vn_customer",
        "crm_vn_dedupe",
        "crm_vn_privacy",
        "crm_vn_feedback",
        "crm_vn_reports",
        "crm_vn_dashboard",
        "crm_vn_zalo",
    ],
    "demo": ["demo/odoo_demo_data.xml"],
    "application": True,
    "installable": True,
}
