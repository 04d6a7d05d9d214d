from . import account_move, res_partner, sale_order
