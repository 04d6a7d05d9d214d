{
    "name": "Vietnam CRM: Consent in Email Marketing",
    "summary": "Email campaigns reach only customers who consented to marketing email, never those on the "
    "Do-Not-Call list, at most 3 a day (Law 91/2025/QH15, Decree 91/2020/NĐ-CP)",
    "version": "18.0.1.0.0",
    "category": "Marketing/Email Marketing",
    "website": "https://github.com/crm-vn/crm-vn",
    "author": "CRM VN contributors",
    "license": "LGPL-3",
    "depends": ["crm_vn_privacy", "mass_mailing"],
    "data": [
        "views/mailing_list_views.xml",
        "views/mailing_mailing_views.xml",
    ],
    "auto_install": True,
    "installable": True,
}
