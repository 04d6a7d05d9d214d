from . import test_handover, test_http, test_names, test_phone, test_res_partner, test_security
