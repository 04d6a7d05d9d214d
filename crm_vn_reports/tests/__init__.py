from . import (
    test_analytics,
    test_digest,
    test_pdf_reports,
    test_svg_chart,
    test_tours,
    test_xlsx_export,
)
