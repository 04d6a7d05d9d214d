from odoo import SUPERUSER_ID, models
from odoo.exceptions import UserError


class IrQwebFieldContact(models.AbstractModel):
    """The contact widget of reports and pages (``t-options="{'widget': 'contact'}"``) reads the contact's address,
    phones and email as superuser: a document one may print (a quotation from before a hand-over, a feedback case)
    shows only the name of a customer one may not read. Portal and website pages, shown to customers, are Odoo's."""

    _inherit = "ir.qweb.field.contact"

    def value_to_html(self, value, options):
        if not isinstance(value, models.BaseModel):
            # what QWeb passes is a record; a caller over RPC sends an id
            raise UserError(self.env._("The contact widget shows a contact record."))
        if value and value.env.uid != SUPERUSER_ID and not value.env.user.share:
            as_user = value.with_env(value.env(su=False))
            if as_user._filtered_access("read") != as_user:
                options = dict(options, fields=["name"])
        return super().value_to_html(value, options)
