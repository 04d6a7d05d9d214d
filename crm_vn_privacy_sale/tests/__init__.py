from . import test_anonymize, test_personal_data
