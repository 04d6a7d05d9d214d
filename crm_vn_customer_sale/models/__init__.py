from . import payment_link_wizard, sale_order, sale_order_cancel
