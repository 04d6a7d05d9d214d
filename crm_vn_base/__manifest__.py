{
    "name": "Vietnam CRM: Base",
    "summary": "What the CRM suite shares: the guards of the records it governs (contacts one may not see, workflow "
    "fields, bad values), the job lock, and the one definition of each shared fact",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "website": "https://github.com/crm-vn/crm-vn",
    "author": "CRM VN contributors",
    "license": "LGPL-3",
    "depends": ["mail", "l10n_vn_public_holidays"],
    "data": ["security/ir.model.access.csv"],
    "installable": True,
}
