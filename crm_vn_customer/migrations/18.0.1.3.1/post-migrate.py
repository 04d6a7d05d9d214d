from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    """18.0.1.3.1 limits the data-request time limits to the law's maxima (they took any value before)."""
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["res.company"]._crm_vn_dsr_cap_limits()
