from odoo import api, models


class Base(models.AbstractModel):
    """The entry points of the suite's guards: ``create``, ``write``, ``onchange`` and the defaults of a form.

    A model is governed only when it says so, as ``_check_company_auto`` does for Odoo's company check:

    - ``_crm_vn_check_contacts = True``: its records never point at a contact their author may not read
      (:mod:`.base_contact_guard`);
    - ``_crm_vn_check_computed = True``: its stored computed fields are never written by hand; fields declared
      with ``crm_vn_workflow=True`` or ``crm_vn_external=True`` are protected on any model
      (:mod:`.base_workflow_fields`);
    - ``_crm_vn_check_values = True``: a value the database would refuse is a translated error naming the field
      and the value (:mod:`.base_value_check`).

    The checks run in this order (values are cleaned before the others read them), for users only (the superuser
    and ``sudo()`` are the code's own writes). A model that declares nothing pays one attribute lookup per call.
    ``tests/test_rpc_systematic.py`` lists every model where a salesperson can set a contact: each is governed or
    named there with the reason it is safe.
    """

    _inherit = "base"

    _crm_vn_check_contacts = False
    _crm_vn_check_computed = False
    _crm_vn_check_values = False

    def _valid_field_parameter(self, field, name):
        # crm_vn_workflow=True: written by the model's workflow only; crm_vn_external=True: by an external system's
        # handler or a system administrator (see base_workflow_fields.py).
        return name in ("crm_vn_workflow", "crm_vn_external") or super()._valid_field_parameter(field, name)

    @api.model
    def default_get(self, fields_list):
        if self.env.su or not self._crm_vn_guarded():
            return super().default_get(fields_list)
        if self._crm_vn_check_values:
            # The context's defaults are the caller's values too: checked before Odoo converts them.
            self._crm_vn_clean_values(
                {
                    key[8:]: value
                    for key, value in self.env.context.items()
                    if key.startswith("default_") and key[8:] in fields_list
                }
            )
        defaults = super().default_get(fields_list)
        # A protected field starts where its workflow starts (its own default), whatever a context key, a kanban
        # column or a user's saved default (ir.default) says.
        self._crm_vn_code_defaults(defaults, self._crm_vn_protected_fnames() | self._crm_vn_external_fnames())
        if self._crm_vn_check_values:
            defaults = self._crm_vn_clean_values(defaults)
        if self._crm_vn_check_contacts:
            self._crm_vn_check_partner_refs([defaults])
        return defaults

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and self._crm_vn_guarded():
            vals_list = self._crm_vn_check_new_values(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su and self._crm_vn_guarded():
            vals = self._crm_vn_check_new_values([vals])[0]
        return super().write(vals)

    def onchange(self, values, field_names, fields_spec):
        # Every value, not only the changed ones: on a new record Odoo treats them all as changed and computes (as
        # superuser) what follows from them, a customer's email and address included.
        if not self.env.su and self._crm_vn_check_contacts:
            self._crm_vn_check_partner_refs([values])
        return super().onchange(values, field_names, fields_spec)

    @api.model
    def _crm_vn_guarded(self):
        """Whether a guard applies to this model (declared, or a protected field)."""
        return (
            self._crm_vn_check_contacts
            or self._crm_vn_check_values
            or bool(self._crm_vn_protected_fnames())
            or bool(self._crm_vn_external_fnames())
        )

    def _crm_vn_check_new_values(self, vals_list):
        """``vals_list`` as checked by the guards this model declares, in their order: cleaned, protected fields
        refused, contacts checked."""
        if self._crm_vn_check_values:
            vals_list = [self._crm_vn_clean_values(vals) for vals in vals_list]
        self._crm_vn_check_protected(vals_list)
        self._crm_vn_check_external(vals_list)
        if self._crm_vn_check_contacts:
            self._crm_vn_check_partner_refs(vals_list)
        return vals_list
