from . import test_res_partner
