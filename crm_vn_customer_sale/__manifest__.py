{
    "name": "Vietnam CRM: Customers' Orders",
    "summary": "A customer's orders on its card and form counted in orders, not in dollars (installed with Sales)",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "website": "https://github.com/crm-vn/crm-vn",
    "author": "CRM VN contributors",
    "license": "LGPL-3",
    "depends": ["crm_vn_customer", "sale"],
    "data": ["views/res_partner_views.xml"],
    "auto_install": True,
    "installable": True,
}
