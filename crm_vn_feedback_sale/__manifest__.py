{
    "name": "Vietnam CRM: Feedback on Sales Orders",
    "summary": "The sales order a feedback or complaint is about",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "website": "https://github.com/crm-vn/crm-vn",
    "author": "CRM VN contributors",
    "license": "LGPL-3",
    "depends": ["crm_vn_feedback", "sale"],
    "data": ["views/crm_vn_feedback_views.xml"],
    "auto_install": True,
    "installable": True,
}
