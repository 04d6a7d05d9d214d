from . import test_anonymize
