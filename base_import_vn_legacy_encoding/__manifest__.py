{
    "name": "Import Vietnamese Text in Legacy Encodings",
    "summary": "Text typed in TCVN3 (ABC), VNI or VIQR converted to Unicode when a file is imported, "
    "each conversion reported",
    "version": "18.0.1.0.0",
    "category": "Localization",
    "website": "https://github.com/crm-vn/crm-vn",
    "author": "CRM VN contributors",
    "license": "LGPL-3",
    "depends": ["base_import", "bus"],
    "installable": True,
}
