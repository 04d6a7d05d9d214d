from . import test_vendor_access
