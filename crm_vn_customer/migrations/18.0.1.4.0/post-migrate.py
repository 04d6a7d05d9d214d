from odoo import SUPERUSER_ID, api

from odoo.addons.crm_vn_customer.hooks import load_official_communes


def migrate(cr, version):
    """18.0.1.4.0 ships the official list of communes (from the package vietnam-provinces, when installed)."""
    load_official_communes(api.Environment(cr, SUPERUSER_ID, {}))
