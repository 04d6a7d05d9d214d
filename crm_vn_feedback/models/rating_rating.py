from odoo import models


class RatingRating(models.Model):
    _inherit = "rating.rating"
    # The customer who rated and the person rated: never contacts the user may not see (crm_vn_base's guard).
    _crm_vn_check_contacts = True
