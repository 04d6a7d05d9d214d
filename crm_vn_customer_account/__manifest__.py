{
    "name": "Vietnam CRM: Vendors Readable by Salespeople",
    "summary": "Vendors stay readable to every salesperson whoever is set as their salesperson, as long as they "
    "are only vendors",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "website": "https://github.com/crm-vn/crm-vn",
    "author": "CRM VN contributors",
    "license": "LGPL-3",
    "depends": ["crm_vn_customer", "account"],
    "data": ["security/res_partner_security.xml"],
    "auto_install": True,
    "installable": True,
}
