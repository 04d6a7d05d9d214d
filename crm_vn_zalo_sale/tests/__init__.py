from . import test_zalo_sale
