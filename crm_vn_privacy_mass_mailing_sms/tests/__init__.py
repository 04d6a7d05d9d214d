from . import test_sms_campaign
