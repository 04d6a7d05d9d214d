from . import base, res_partner
