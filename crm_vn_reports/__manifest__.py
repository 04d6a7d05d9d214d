{
    "name": "Vietnam CRM: Reports",
    "summary": "Customer analytics, salesperson performance, PDF reports and Excel exports "
    "(features arrive in a later release)",
    "version": "18.0.0.1.0",
    "category": "Sales/CRM",
    "website": "https://github.com/crm-vn/crm-vn",
    "author": "CRM VN contributors",
    "license": "LGPL-3",
    "depends": ["crm_vn_feedback", "sale"],
    "external_dependencies": {"python": ["xlsxwriter"]},
    "data": [
        "security/res_partner_security.xml",
    ],
    "installable": True,
}
