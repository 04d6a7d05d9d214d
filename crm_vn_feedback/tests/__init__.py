from . import (
    test_anonymize,
    test_escalation,
    test_feedback,
    test_mail_gateway,
    test_personal_data,
    test_portal,
    test_security,
    test_sla,
    test_tours,
)
