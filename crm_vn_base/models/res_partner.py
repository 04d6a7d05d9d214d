from odoo import models


class ResPartner(models.Model):
    _inherit = "res.partner"

    # A contact's company, its contacts, its tags' ids...: never a contact the user may not see; the stored computes
    # (normalised phone and email, commercial entity, the suite's keys and flags) are never written by hand; a bad
    # value is a clear error (see models/base.py).
    _crm_vn_check_contacts = True
    _crm_vn_check_computed = True
    _crm_vn_check_values = True
