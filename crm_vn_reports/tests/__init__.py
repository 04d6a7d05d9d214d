from . import (
    test_analytics,
    test_anonymize,
    test_digest,
    test_pdf_reports,
    test_personal_data,
    test_svg_chart,
    test_vendor_access,
    test_xlsx_export,
)
