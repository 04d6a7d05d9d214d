{
    "name": "Vietnam CRM: Dashboards",
    "summary": "Dashboards in Odoo's Dashboards app: My Customers for each salesperson, Sales Team for managers, "
    "live from the CRM analytics and limited to what the reader may see",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "website": "https://github.com/crm-vn/crm-vn",
    "author": "CRM VN contributors",
    "license": "LGPL-3",
    "depends": ["crm_vn_reports", "spreadsheet_dashboard"],
    "data": ["data/spreadsheet_dashboard_data.xml"],
    "assets": {
        "spreadsheet.o_spreadsheet": [
            "crm_vn_dashboard/static/src/**/*",
        ],
        "web.assets_tests": [
            "crm_vn_dashboard/static/tests/tours/*.js",
        ],
    },
    "auto_install": True,
    "installable": True,
}
