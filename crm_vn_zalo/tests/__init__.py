from . import test_zalo, test_zalo_workers
