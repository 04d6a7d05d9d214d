{
    "name": "Vietnam CRM: Customer Feedback",
    "summary": "Customer feedback and complaints with SLA deadlines, escalation and rating "
    "(features arrive in the next release)",
    "version": "18.0.0.1.0",
    "category": "Sales/CRM",
    "website": "https://github.com/crm-vn/crm-vn",
    "author": "CRM VN contributors",
    "license": "LGPL-3",
    "depends": ["crm_vn_customer", "rating", "resource"],
    "data": [],
    "installable": True,
}
