from odoo import api, models


class CrmVnPersonalDataMixin(models.AbstractModel):
    """Records holding a customer's personal data, declared once for the export and for the anonymisation.

    A model opts in as models opt into ``mail.thread`` or ``rating.mixin``: it inherits this mixin and declares

    - ``_crm_vn_pd_key``: its key in the counts of the anonymisation, and in the export (a list of records) unless
      ``_crm_vn_pd_export_key`` names another;
    - ``_crm_vn_pd_sequence``: its place in the anonymisation, a fixed order whatever the order of the modules;
    - ``_crm_vn_pd_partner_field``: the field naming the customer, by which its records are found (the customer
      and its contacts, archived ones too);
    - ``_crm_vn_pd_export`` (default ``True``), ``_crm_vn_pd_export_exclude``: whether its records are exported,
      and the fields left out (every other stored field that holds a value is exported, see
      ``res.partner._crm_vn_export_record``); ``_crm_vn_pd_order``: the order of the exported records;
    - ``_crm_vn_pd_empty``: the fields the anonymisation empties (the record stays, what the law keeps with it);
      or ``_crm_vn_pd_delete = True``: the records are deleted;
    - ``_crm_vn_pd_chatter``: whether their messages are emptied and their activities and files deleted;

    and ``_crm_vn_pd_anonymize_label()`` (the translated label of its count). Records found or treated another way
    override ``_crm_vn_pd_records``, ``_crm_vn_pd_export_values`` or ``_crm_vn_pd_anonymize``. The walkers are
    ``res.partner._crm_vn_personal_data`` and ``res.partner._crm_vn_anonymize`` (models/res_partner_*.py).
    """

    _name = "crm.vn.personal.data.mixin"
    _description = "Customer Personal Data (declared)"

    _crm_vn_pd_key = None
    _crm_vn_pd_export_key = None
    _crm_vn_pd_sequence = 100
    _crm_vn_pd_partner_field = "partner_id"
    _crm_vn_pd_export = True
    _crm_vn_pd_export_exclude = ()
    _crm_vn_pd_order = None
    _crm_vn_pd_empty = ()
    _crm_vn_pd_delete = False
    _crm_vn_pd_chatter = False

    @api.model
    def _crm_vn_pd_models(self):
        """The declared models, in the order of the anonymisation."""
        names = self.env.registry.descendants([self._name], "_inherit") - {self._name}
        models_ = [self.env[name] for name in names if not self.env[name]._abstract]
        return sorted(models_, key=lambda model: (model._crm_vn_pd_sequence, model._name))

    @api.model
    def _crm_vn_pd_records(self, customer, partners, emails, numbers):
        """The records of ``customer`` (a res.partner), whose ``partners`` are the customer and its contacts and
        ``emails`` and ``numbers`` their addresses."""
        return self.with_context(active_test=False).search(
            [(self._crm_vn_pd_partner_field, "in", partners.ids)], order=self._crm_vn_pd_order
        )

    @api.model
    def _crm_vn_pd_export_values(self, records, customer):
        return [
            customer._crm_vn_export_record(record, exclude=set(self._crm_vn_pd_export_exclude)) for record in records
        ]

    def _crm_vn_pd_anonymize(self, customer):
        """Anonymise these records of ``customer``; return their count, or {count key: count} for several."""
        count = len(self)
        if self._crm_vn_pd_chatter:
            customer._crm_vn_anonymize_activities(self._name, self.ids)
            customer._crm_vn_anonymize_messages(self._name, self.ids)
            customer._crm_vn_anonymize_attachments(self._name, self.ids)
        if self._crm_vn_pd_delete:
            self.unlink()
        elif self._crm_vn_pd_empty:
            self.write(dict.fromkeys(self._crm_vn_pd_empty, False))
        return count

    @api.model
    def _crm_vn_pd_anonymize_label(self):
        return self._description

    @api.model
    def _crm_vn_pd_anonymize_labels(self):
        """{count key: translated label} of what ``_crm_vn_pd_anonymize`` counts (one key unless it returns a dict)."""
        return {self._crm_vn_pd_key: self._crm_vn_pd_anonymize_label()}
