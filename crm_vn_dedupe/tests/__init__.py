from . import test_duplicates
