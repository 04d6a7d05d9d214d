import logging

from odoo.exceptions import UserError

from .tools.communes import official_communes_path

_logger = logging.getLogger(__name__)


def load_official_communes(env):
    """Load the official list of communes shipped with the add-on (data/vn_communes.csv) and let Vietnamese
    addresses choose from it; link the addresses already typed as a commune of the list ("Phường Bến Thành", see
    models/res_partner.py).

    Run when the module is installed (post_init_hook). Without the data file nothing happens (logged): the "Load
    Communes of Vietnam" wizard takes a file instead. Vietnam's commune dropdown (``enforce_cities``) is switched
    on, except on a database where an administrator had loaded communes and left it off; addresses are linked only
    where it is on. Return the number of addresses linked, or None when the list was not loaded.
    """
    if not official_communes_path():
        _logger.info(
            "Communes of Vietnam not loaded: the add-on's data/vn_communes.csv is missing "
            "(Contacts > Configuration > Load Communes of Vietnam loads them from a file)."
        )
        return None
    vietnam = env.ref("base.vn")
    # An administrator who loaded a list (18.0.1.3) and left the dropdown off chose so: an upgrade keeps that choice.
    loaded_before = env["res.city"].search_count([("country_id", "=", vietnam.id), ("vn_code", "!=", False)], limit=1)
    enforce = vietnam.enforce_cities or not loaded_before
    Wizard = env["crm.vn.commune.import"]
    try:
        Wizard._load_official_communes()
    except UserError as error:  # a package version whose data we cannot read must not stop the installation
        _logger.warning("Communes of Vietnam not loaded: %s", error)
        return None
    if enforce:
        Wizard._enforce_vietnam_cities()
    linked = env["res.partner"]._vn_link_existing_communes()
    _logger.info("Addresses of Vietnam linked to their commune: %s.", linked)
    return linked


def post_init_hook(env):
    load_official_communes(env)
