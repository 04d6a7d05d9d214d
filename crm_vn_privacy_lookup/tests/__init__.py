from . import test_privacy_lookup
