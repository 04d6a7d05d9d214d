{
    "name": "Vietnam CRM: Zalo in Sales",
    "summary": "Send Zalo (ZNS) from sale orders: order reference, amount in đồng and date in the customer's template",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "website": "https://github.com/crm-vn/crm-vn",
    "author": "CRM VN contributors",
    "license": "LGPL-3",
    "depends": ["crm_vn_zalo", "sale"],
    "data": ["views/sale_order_views.xml"],
    "auto_install": True,
    "installable": True,
}
