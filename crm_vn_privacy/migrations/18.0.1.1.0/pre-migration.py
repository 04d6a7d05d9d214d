"""18.0.1.1.0: channels in the suite's one vocabulary (crm_vn_base/tools/channels.py): a phone call is ``call``,
Messenger ``facebook``, a website ``web``, a shop ``in_person``."""

from odoo.addons.crm_vn_base.tools.channels import RENAMED


def migrate(cr, version):
    if not version:
        return
    for old, new in RENAMED.items():
        cr.execute("UPDATE crm_vn_data_request SET channel = %s WHERE channel = %s", (new, old))
