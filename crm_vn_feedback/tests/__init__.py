from . import test_holidays
