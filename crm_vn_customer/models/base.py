import json
import math
from datetime import date

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, ValidationError
from odoo.models import BaseModel, NewId
from odoo.tools import float_round

# Modules of this suite: their stored computed fields are never written by hand, wherever they are added.
OUR_MODULE_PREFIXES = ("crm_vn", "l10n_vn", "base_import_vn")
# Field types checked before they reach the database (a bad value is a translated error, not a traceback).
INT32 = 2**31


def _is_ours(model):
    return model._name.startswith("crm.vn.") or model._name == "res.partner"


def _as_id(value):
    """The record id a value stands for: an int, an integral float or a string of digits (PostgreSQL casts them),
    ``{'id': ...}`` as the web client sends a many2one, the origin of a new record; else None."""
    if isinstance(value, dict):
        value = value.get("id")
    if isinstance(value, NewId):
        value = value.origin
    if isinstance(value, float):
        value = int(value) if value.is_integer() else None
    elif isinstance(value, str):
        value = int(value) if value.strip().isdigit() else None
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _relational_refs(field, value):
    """(ids, sub-values) of a relational value of ``create``/``write``/``onchange``/``default_get``: the ids it
    points at, and the values of the lines it creates or updates (x2many commands)."""
    if isinstance(value, BaseModel):
        return [_as_id(id_) for id_ in value._ids if _as_id(id_)], []
    if field.type == "many2one":
        if isinstance(value, list | tuple) and value:
            value = value[0]  # (id, name) as read() gives it
        id_ = _as_id(value)
        return ([id_] if id_ else []), []
    ids, sub_values = [], []
    for item in value if isinstance(value, list | tuple) else []:
        if isinstance(item, list | tuple) and item:
            command = item[0]
            target = item[1] if len(item) > 1 else None
            payload = item[2] if len(item) > 2 else None
            if command in (Command.UPDATE, Command.LINK):
                ids.append(_as_id(target))
            elif command == Command.SET:
                ids.extend(_as_id(id_) for id_ in payload or [])
            if command in (Command.CREATE, Command.UPDATE) and isinstance(payload, dict):
                sub_values.append(payload)
        else:
            ids.append(_as_id(item))
    return [id_ for id_ in ids if id_], sub_values


class Base(models.AbstractModel):
    """Guards every record passes through when a user (not the superuser) creates or changes it.

    - **Contacts one may not see.** A record never points at a contact its author cannot read: a lead, an order, a
      meeting, a message, a feedback pointed at another salesperson's customer would copy (through Odoo's stored
      computes, run as superuser) or send to that customer what the rules hide. Checked on ``create``, ``write``,
      the defaults of a form (context keys ``default_*``, saved defaults) and ``onchange``, for every many2one and
      many2many field to ``res.partner`` of every model and of the lines created with it (meeting attendees, order
      lines...): one guard instead of one check per model. A contact a record already points at may stay.
    - **Computed and workflow fields.** What a workflow computes or writes (deadlines, SLA results, consent flags,
      match keys, ratings, states...) is not written by hand or over RPC: stored computes without inverse of the
      suite's models and of ``res.partner``, and the fields declared with ``crm_vn_workflow=True``. The workflow
      writes them in superuser mode after its own checks; their defaults come from the code only (context keys and
      saved defaults of those fields are ignored).
    - **Fields an external system sets** (``crm_vn_external=True``: a Zalo user id, the date of a customer's last
      message, a delivery state): written by that system's handler in superuser mode, or by hand by a system
      administrator (linking a contact after checking it); never by other users, and never from a context key or a
      saved default, whoever the user is.
    - **Bad values.** On customers and the suite's models, a value the database would refuse (a date that does not
      exist, an unknown choice, a number out of range, a character the database cannot store, an unknown field)
      is a translated ``ValidationError`` naming the field and the value, before anything is written.
    """

    _inherit = "base"

    def _valid_field_parameter(self, field, name):
        # crm_vn_workflow=True: written by the model's workflow only; crm_vn_external=True: by an external system's
        # handler or a system administrator (see the class docstring).
        return name in ("crm_vn_workflow", "crm_vn_external") or super()._valid_field_parameter(field, name)

    # ------------------------------------------------------------------
    # CRUD and form entry points
    # ------------------------------------------------------------------

    @api.model
    def default_get(self, fields_list):
        if not self.env.su and _is_ours(self):
            # The context's defaults are the caller's values too: checked before Odoo converts them.
            self._crm_vn_clean_values(
                {
                    key[8:]: value
                    for key, value in self.env.context.items()
                    if key.startswith("default_") and key[8:] in fields_list
                }
            )
        defaults = super().default_get(fields_list)
        if self.env.su:
            return defaults
        # A protected field starts where its workflow starts (its own default), whatever a context key, a kanban
        # column or a user's saved default (ir.default) says.
        self._crm_vn_code_defaults(defaults, self._crm_vn_protected_fnames() | self._crm_vn_external_fnames())
        if _is_ours(self):
            defaults = self._crm_vn_clean_values(defaults)
        self._crm_vn_check_partner_refs([defaults])
        return defaults

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

    @api.model_create_multi
    def create(self, vals_list):
        if self.env.su:
            return super().create(vals_list)
        if _is_ours(self):
            vals_list = [self._crm_vn_clean_values(vals) for vals in vals_list]
        self._crm_vn_check_protected(vals_list)
        self._crm_vn_check_external(vals_list)
        self._crm_vn_check_partner_refs(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        if self.env.su:
            return super().write(vals)
        if _is_ours(self):
            vals = self._crm_vn_clean_values(vals)
        self._crm_vn_check_protected([vals])
        self._crm_vn_check_external([vals])
        self._crm_vn_check_partner_refs([vals])
        return super().write(vals)

    def onchange(self, values, field_names, fields_spec):
        # Every value, not only the changed ones: on a new record Odoo treats them all as changed and computes (as
        # superuser) what follows from them, a customer's email and address included.
        if not self.env.su:
            self._crm_vn_check_partner_refs([values])
        return super().onchange(values, field_names, fields_spec)

    # ------------------------------------------------------------------
    # Contacts one may not see
    # ------------------------------------------------------------------

    def _crm_vn_partner_fields(self):
        """{name: field} of the relational fields of this model pointing at contacts."""
        cls = type(self)
        cached = cls.__dict__.get("_crm_vn_partner_fields_cache")
        if cached is None:
            cached = {
                name: field
                for name, field in self._fields.items()
                if field.relational and field.comodel_name == "res.partner"
            }
            cls._crm_vn_partner_fields_cache = cached
        return cached

    def _crm_vn_check_partner_refs(self, vals_list):
        """Refuse values that point at contacts the current user may not read (the lines they create or update
        included). A contact the records already point at is not a new link: writing it again is allowed."""
        self._crm_vn_check_partners_readable(self._crm_vn_partner_refs(vals_list))

    def _crm_vn_partner_refs(self, vals_list, depth=0):
        """{partner id: label of the field naming it} of ``vals_list``, without the contacts all of ``self``
        already point at through that field."""
        labels = {}
        partner_fields = self._crm_vn_partner_fields()
        for vals in vals_list:
            for fname, value in vals.items():
                field = self._fields.get(fname)
                if not field or not field.relational or value is False or value is None:
                    continue
                ids, sub_values = _relational_refs(field, value)
                if fname in partner_fields and ids:
                    ids = set(ids) - self._crm_vn_current_ids(fname)
                    labels.update(dict.fromkeys(ids, field._description_string(self.env)))
                if sub_values and depth < 3 and field.comodel_name in self.env:
                    lines = self.env[field.comodel_name]
                    labels.update(lines._crm_vn_partner_refs(sub_values, depth + 1))
        return labels

    def _crm_vn_current_ids(self, fname):
        """Ids every record of ``self`` points at through ``fname``."""
        records = self.filtered("id")
        if not records or len(records) != len(self):
            return set()
        # sudo: what the records already hold, compared with the values written; nothing is returned to the user.
        return set.intersection(*({_as_id(id_) for id_ in record[fname]._ids} for record in records.sudo()))

    @api.model
    def _crm_vn_check_partners_readable(self, labels):
        """Refuse when a contact of ``labels`` ({partner id: label of the field naming it}) is one the current
        user may not read."""
        if not labels or self.env.su:
            return
        # sudo: only which of these ids exist; what the user may read is decided below, as the user.
        existing = self.env["res.partner"].sudo().browse(labels).exists()
        hidden = existing - existing.with_env(self.env)._filtered_access("read")
        if hidden:
            raise AccessError(
                self.env._(
                    "%(field)s: you may not link a record to a contact you are not allowed to see (contact id "
                    "%(ids)s). Ask the contact's salesperson or your manager to hand the customer over.",
                    field=labels[hidden[0].id],
                    ids=", ".join(str(id_) for id_ in hidden.ids),
                )
            )

    # ------------------------------------------------------------------
    # Computed and workflow fields
    # ------------------------------------------------------------------

    def _crm_vn_protected_fnames(self):
        """Names of the fields no user writes by hand on this model (see the class docstring)."""
        cls = type(self)
        cached = cls.__dict__.get("_crm_vn_protected_cache")
        if cached is None:
            ours = _is_ours(self)
            cached = frozenset(
                name
                for name, field in self._fields.items()
                if getattr(field, "crm_vn_workflow", False)
                or (
                    field.store
                    and field.compute
                    and field.readonly
                    and not field.inverse
                    and (ours or (field._module or "").startswith(OUR_MODULE_PREFIXES))
                )
            )
            cls._crm_vn_protected_cache = cached
        return cached

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

    def _crm_vn_external_fnames(self):
        """Names of the fields of this model that an external system sets (``crm_vn_external=True``)."""
        cls = type(self)
        cached = cls.__dict__.get("_crm_vn_external_cache")
        if cached is None:
            cached = frozenset(name for name, field in self._fields.items() if getattr(field, "crm_vn_external", False))
            cls._crm_vn_external_cache = cached
        return cached

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

    # ------------------------------------------------------------------
    # Bad values
    # ------------------------------------------------------------------

    def _crm_vn_clean_values(self, vals):
        """``vals`` checked field by field: a copy with empty dates as False, or a ValidationError naming the field
        and the value the database would refuse."""
        cleaned = dict(vals)
        for fname, value in vals.items():
            field = self._fields.get(fname)
            if field is None:
                raise ValidationError(
                    self.env._("%(model)s has no field %(field)s.", model=self._description, field=repr(fname))
                )
            cleaned[fname] = self._crm_vn_clean_value(field, value)
        return cleaned

    def _crm_vn_clean_value(self, field, value):
        """``value`` as the database stores it for ``field``; a ValidationError naming both when it cannot."""
        if value is None or value is False:
            return value
        checker = VALUE_CHECKERS.get(field.type)
        if not checker:
            return value
        cleaned, hint = checker(self, field, value)
        if hint:
            raise ValidationError(
                self.env._(
                    '%(field)s: "%(value)s" is not a valid value (%(hint)s).',
                    field=field._description_string(self.env),
                    # what the caller sent, made printable (a lone surrogate cannot travel in the answer)
                    value=str(value)[:100].encode("utf-8", "backslashreplace").decode("utf-8"),
                    hint=hint,
                )
            )
        return cleaned


# Each checker returns (value to write, None) or (None, why the value is refused).


def _check_date(model, field, value):
    if value == "":
        return False, None
    if isinstance(value, date):  # a datetime is a date too
        return value, None
    if isinstance(value, str) and _parses(
        fields.Datetime.to_datetime if field.type == "datetime" else fields.Date.to_date, value
    ):
        return value, None
    if field.type == "date":
        return None, model.env._("a date as YYYY-MM-DD is expected")
    return None, model.env._("a date and time as YYYY-MM-DD HH:MM:SS is expected")


def _parses(convert, value):
    try:
        convert(value)
    except ValueError:
        return False
    return True


def _check_selection(model, field, value):
    if value == "":
        return False, None
    if field._selection is None:
        # A selection computed by a method (languages, time zones...): Odoo stores any value of those; the codes
        # of the languages Odoo knows, installed or not (a contact may be written in a language to install later).
        if field.name != "lang":
            return value, None
        Lang = model.env["res.lang"].sudo()
        # An installed language from Odoo's cache (every create of a contact has the user's as default), else any.
        if value in Lang._get_active_by("code") or Lang.with_context(active_test=False).search([("code", "=", value)]):
            return value, None
        return None, model.env._("a language code such as vi_VN or en_US is expected")
    values = field.get_values(model.env)
    if value in values:
        return value, None
    labels = dict(field._description_selection(model.env))
    choices = ", ".join(str(labels.get(key, key)) for key in values)
    return None, model.env._("choose one of: %(choices)s", choices=choices)


def _to_number(model, field, value):
    """(number, None) or (None, why not) for a numeric field."""
    whole = field.type == "integer"
    expected = model.env._("a whole number is expected") if whole else model.env._("a number is expected")
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None, expected
    try:
        number = int(value) if whole else float(value)
    except (ValueError, OverflowError):
        return None, expected
    if not math.isfinite(number):
        return None, model.env._("a finite number is expected")
    return number, None


def _check_number(model, field, value):
    if value == "":
        return False, None
    number, hint = _to_number(model, field, value)
    if hint:
        return None, hint
    if field.type == "integer":
        limit, scale = INT32, None
    else:
        digits = field.get_digits(model.env) if field.type == "float" else (None, 2)
        scale = digits[1] if digits else None
        limit = 10 ** (digits[0] - digits[1]) if digits and digits[0] else 10**15
    try:
        too_large = abs(number) >= limit or (scale is not None and not math.isfinite(float_round(number, scale)))
    except (ValueError, OverflowError):
        too_large = True
    return (None, model.env._("the number is too large")) if too_large else (value, None)


def _check_id(value):
    return isinstance(value, int) and not isinstance(value, bool) and 0 < value < INT32


def _check_many2one(model, field, value):
    if value == "":
        return False, None
    if isinstance(value, BaseModel):
        return value, None
    if isinstance(value, list | tuple) and value:
        value = value[0]  # (id, name) as read() gives it
    if not _check_id(value):
        return None, model.env._("the id of a record is expected")
    return value, None


def _check_x2many(model, field, value):
    if isinstance(value, BaseModel):
        return value, None
    if isinstance(value, list | tuple) and all(_valid_command(item) for item in value):
        return value, None
    return None, model.env._("a list of ids or of commands is expected")


def _check_text(model, field, value):
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value), None  # a number sent for a text (a phone typed as a number)
    if not isinstance(value, str):
        return None, model.env._("a text is expected")
    if "\x00" in value:
        return None, model.env._("it contains a NUL character")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return None, model.env._("it contains a character that is not text")
    return value, None


def _check_json(model, field, value):
    try:
        text = json.dumps(value, default=str)
    except (TypeError, ValueError):
        return None, model.env._("a list or dictionary is expected")
    if "\\u0000" in text or "\x00" in text:
        return None, model.env._("it contains a NUL character")
    return value, None


VALUE_CHECKERS = {
    "date": _check_date,
    "datetime": _check_date,
    "selection": _check_selection,
    "integer": _check_number,
    "float": _check_number,
    "monetary": _check_number,
    "many2one": _check_many2one,
    "many2many": _check_x2many,
    "one2many": _check_x2many,
    "char": _check_text,
    "text": _check_text,
    "html": _check_text,
    "properties": _check_json,
    "json": _check_json,
}


def _valid_command(item):
    if isinstance(item, int) and not isinstance(item, bool):
        return _check_id(item)
    if isinstance(item, BaseModel):
        return True
    if not isinstance(item, list | tuple) or not item or item[0] not in range(7):
        return False
    if item[0] in (Command.UPDATE, Command.DELETE, Command.UNLINK, Command.LINK):
        return len(item) > 1 and _check_id(item[1])
    if item[0] == Command.SET:
        ids = item[2] if len(item) > 2 else None
        return isinstance(ids, list | tuple) and all(_check_id(id_) for id_ in ids)
    return True
