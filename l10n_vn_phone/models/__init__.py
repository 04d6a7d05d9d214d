from . import base, ir_qweb_field_phone, res_partner
