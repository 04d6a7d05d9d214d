from odoo import models


class CrmVnDataRequest(models.Model):
    """Data requests in a customer's personal data: the requests stay (reference, type, dates: the answer to the
    law); anonymisation removes their texts, exports, comments, emails and files."""

    _name = "crm.vn.data.request"
    _inherit = ["crm.vn.data.request", "crm.vn.personal.data.mixin"]

    _crm_vn_pd_key = "data_requests"
    _crm_vn_pd_sequence = 20
    _crm_vn_pd_order = "id"
    _crm_vn_pd_export_exclude = ("export_attachment_id", "export_file")

    def _crm_vn_pd_anonymize(self, customer):
        exports = self.export_attachment_id
        self.write({"description": False, "response": False, "export_attachment_id": False})
        exports.unlink()
        customer._crm_vn_anonymize_messages(
            self._name, self.ids, message_types=("comment", "email"), keep_tracking=True
        )
        customer._crm_vn_anonymize_attachments(self._name, self.ids)
        return len(self)

    def _crm_vn_pd_anonymize_label(self):
        return self.env._("Data requests whose texts were removed")
