from odoo import api, models
from odoo.exceptions import AccessError


class Base(models.AbstractModel):
    """Computed and workflow fields: what a workflow computes or writes (deadlines, SLA results, consent flags,
    ratings, states...) is not written by hand or over RPC.

    - **Workflow fields** (``crm_vn_workflow=True``, on any model): written by the model's buttons and jobs in
      superuser mode after their own checks; their defaults come from the code only (context keys and saved
      defaults of those fields are ignored).
    - **Stored computed fields** (without inverse) of a model declaring ``_crm_vn_check_computed = True``: the
      same.
    - **Fields an external system sets** (``crm_vn_external=True``: a Zalo user id, the date of a customer's last
      message, a delivery state): written by that system's handler in superuser mode, or by hand by a system
      administrator (linking a contact after checking it); never by other users, and never from a context key or a
      saved default, whoever the user is.
    """

    _inherit = "base"

    def _crm_vn_protected_fnames(self):
        """Names of the fields no user writes by hand on this model (see the class docstring)."""
        cls = type(self)
        cached = cls.__dict__.get("_crm_vn_protected_cache")
        if cached is None:
            computed = self._crm_vn_check_computed
            cached = frozenset(
                name
                for name, field in self._fields.items()
                if getattr(field, "crm_vn_workflow", False)
                or (computed and field.store and field.compute and field.readonly and not field.inverse)
            )
            cls._crm_vn_protected_cache = cached
        return cached

    def _crm_vn_external_fnames(self):
        """Names of the fields of this model that an external system sets (``crm_vn_external=True``)."""
        cls = type(self)
        cached = cls.__dict__.get("_crm_vn_external_cache")
        if cached is None:
            cached = frozenset(name for name, field in self._fields.items() if getattr(field, "crm_vn_external", False))
            cls._crm_vn_external_cache = cached
        return cached

    @api.model
    def _crm_vn_code_defaults(self, defaults, fnames):
        """Replace in ``defaults`` the values of ``fnames`` by the fields' own defaults (those of the code), dropping
        the others (a computed field computes its value)."""
        for fname in set(fnames).intersection(defaults):
            field = self._fields[fname]
            if field.default:
                value = field.convert_to_cache(field.default(self), self, validate=False)
                defaults[fname] = field.convert_to_write(value, self)
            else:
                del defaults[fname]
        return defaults

    def _crm_vn_check_protected(self, vals_list):
        protected = self._crm_vn_protected_fnames()
        if not protected:
            return
        forced = sorted({fname for vals in vals_list for fname in protected.intersection(vals)})
        if forced:
            raise AccessError(
                self.env._(
                    "%(fields)s of %(model)s: computed or recorded by its workflow (buttons, scheduled jobs, the "
                    "customer's answers), never written by hand.",
                    fields=", ".join(self._fields[fname]._description_string(self.env) for fname in forced),
                    model=self._description,
                )
            )

    def _crm_vn_check_external(self, vals_list):
        external = self._crm_vn_external_fnames()
        if not external:
            return
        forced = sorted(
            {
                fname
                for vals in vals_list
                for fname in external.intersection(vals)
                if not self._crm_vn_holds(fname, vals[fname])
            }
        )
        if forced and not self.env.user.has_group("base.group_system"):
            raise AccessError(
                self.env._(
                    "%(fields)s of %(model)s: set by the system it comes from (Zalo, the call centre...), or by an "
                    "administrator; never by hand.",
                    fields=", ".join(self._fields[fname]._description_string(self.env) for fname in forced),
                    model=self._description,
                )
            )

    def _crm_vn_holds(self, fname, value):
        """Whether every record of ``self`` (existing ones) already holds ``value`` in ``fname``: writing it again
        changes nothing (Odoo's contact merge writes back what the kept contact has)."""
        records = self.filtered("id")
        if not records or len(records) != len(self):
            return False
        field = self._fields[fname]
        # sudo: compares what the records hold with the value written; nothing is returned to the user
        for record in records.sudo():
            try:
                new = field.convert_to_record(field.convert_to_cache(value, record), record)
            except (ValueError, TypeError):
                return False
            if new != record[fname]:
                return False
        return True
