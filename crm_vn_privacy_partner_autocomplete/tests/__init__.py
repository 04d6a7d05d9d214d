from . import test_partner_autocomplete
