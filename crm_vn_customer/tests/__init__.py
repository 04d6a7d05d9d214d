from . import (
    test_handover,
    test_http,
    test_job_run,
    test_province_migration,
    test_res_partner,
    test_security,
)
