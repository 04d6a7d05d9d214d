from . import (
    test_handover,
    test_http,
    test_province_migration,
    test_res_partner,
    test_security,
)
