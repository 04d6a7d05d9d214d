from . import test_handover
from . import test_http
from . import test_names
from . import test_phone
from . import test_res_partner
from . import test_security
