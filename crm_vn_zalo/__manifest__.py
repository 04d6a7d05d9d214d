{
    "name": "Vietnam CRM: Zalo",
    "summary": "Zalo Official Account for customer care: ZNS template messages from customers and feedback, the OA "
    "inbox in the customer's chatter, consent-gated promotions (Decree 91/2020)",
    "version": "18.0.1.1.0",
    "category": "Sales/CRM",
    "website": "https://github.com/crm-vn/crm-vn",
    "author": "CRM VN contributors",
    "license": "LGPL-3",
    "depends": ["crm_vn_feedback"],
    "data": [
        "security/ir.model.access.csv",
        "security/crm_vn_zalo_security.xml",
        "data/ir_cron_data.xml",
        "views/crm_vn_zalo_account_views.xml",
        "views/crm_vn_zalo_template_views.xml",
        "views/crm_vn_zalo_message_views.xml",
        "views/crm_vn_zalo_event_views.xml",
        "views/res_partner_views.xml",
        "views/res_config_settings_views.xml",
        "wizard/crm_vn_zalo_composer_views.xml",
        "wizard/crm_vn_zalo_reply_views.xml",
        "wizard/crm_vn_zalo_feedback_views.xml",
        "views/crm_vn_zalo_menus.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "crm_vn_zalo/static/tests/tours/*.js",
        ],
    },
    "installable": True,
}
