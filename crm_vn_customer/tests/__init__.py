from . import (
    test_consent,
    test_data_request,
    test_duplicates,
    test_handover,
    test_http,
    test_import_encoding,
    test_legacy_encoding,
    test_names,
    test_phone,
    test_provinces,
    test_res_partner,
    test_security,
)
