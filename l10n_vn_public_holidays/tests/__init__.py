from . import test_public_holidays
