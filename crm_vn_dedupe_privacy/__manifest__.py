{
    "name": "Vietnam CRM: Personal Data in Merge Logs",
    "summary": "The merge logs of duplicate customers in the anonymisation of a customer",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "website": "https://github.com/crm-vn/crm-vn",
    "author": "CRM VN contributors",
    "license": "LGPL-3",
    "depends": ["crm_vn_dedupe", "crm_vn_privacy"],
    "auto_install": True,
    "installable": True,
}
