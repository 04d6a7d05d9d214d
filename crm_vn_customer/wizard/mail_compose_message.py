from odoo import api, models


class MailComposeMessage(models.TransientModel):
    """A composer writes to the records it is opened on, rendering their fields in superuser mode (a template's
    body): a user composes only on records they may read, whatever ids the wizard or its context holds."""

    _inherit = "mail.compose.message"

    @api.model_create_multi
    def create(self, vals_list):
        composers = super().create(vals_list)
        composers._crm_vn_check_records_readable()
        return composers

    def _action_send_mail(self, auto_commit=False):
        self._crm_vn_check_records_readable()
        return super()._action_send_mail(auto_commit=auto_commit)

    def _crm_vn_check_records_readable(self):
        if self.env.su:
            return
        for composer in self.filtered(lambda c: c.model and c.model in self.env):
            self.env[composer.model].browse(composer._evaluate_res_ids()).exists().check_access("read")
