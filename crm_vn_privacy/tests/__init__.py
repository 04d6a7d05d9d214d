from . import (
    test_anonymize,
    test_consent,
    test_data_request,
    test_data_request_settings,
    test_marketing_sms,
    test_personal_data_export,
    test_tours,
)
