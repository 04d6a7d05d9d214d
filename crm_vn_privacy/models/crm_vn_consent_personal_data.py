from odoo import fields, models


class CrmVnConsent(models.Model):
    """Consents in a customer's personal data: exported with the names of their evidence files; anonymisation keeps
    each record (purpose, channel, state, date, method: the evidence of lawful processing) without its wording,
    notes and evidence files."""

    _name = "crm.vn.consent"
    _inherit = ["crm.vn.consent", "crm.vn.personal.data.mixin"]

    _crm_vn_pd_key = "consents"
    _crm_vn_pd_sequence = 10
    _crm_vn_pd_export_exclude = ("partner_id", "attachment_ids")

    def _crm_vn_pd_export_values(self, records, customer):
        return [
            values | {"evidence": record.attachment_ids.mapped("name")}
            for record, values in zip(records, super()._crm_vn_pd_export_values(records, customer), strict=True)
        ]

    def _crm_vn_pd_anonymize(self, customer):
        evidence = self.attachment_ids
        # The log is append-only for users; the superuser (running a legal deletion request, see
        # res.partner._crm_vn_anonymize) may write.
        self.sudo().write({"notice": False, "note": False, "attachment_ids": [fields.Command.clear()]})
        evidence.sudo().unlink()
        customer._crm_vn_anonymize_messages(self._name, self.ids)
        return len(self)

    def _crm_vn_pd_anonymize_label(self):
        return self.env._("Consent records kept as evidence, wording and notes removed")
