{
    "name": "Vietnam CRM: Personal Data in Sales",
    "summary": "Sale orders and invoices in the personal-data export and the anonymisation of a customer; what "
    "accounting law keeps on invoiced customers is kept",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "website": "https://github.com/crm-vn/crm-vn",
    "author": "CRM VN contributors",
    "license": "LGPL-3",
    "depends": ["crm_vn_privacy", "sale"],
    "auto_install": True,
    "installable": True,
}
