from . import test_zalo, test_zalo_channel_security, test_zalo_workers
