import json
import math
from datetime import date

from odoo import Command, fields, models
from odoo.exceptions import ValidationError
from odoo.models import BaseModel
from odoo.tools import float_round

# Field types checked before they reach the database (a bad value is a translated error, not a traceback).
INT32 = 2**31


class Base(models.AbstractModel):
    """Bad values: on a model declaring ``_crm_vn_check_values = True``, a value the database would refuse (a date
    that does not exist, an unknown choice, a number out of range, a character the database cannot store, an unknown
    field) is a translated ``ValidationError`` naming the field and the value, before anything is written: never a
    traceback, never half a record."""

    _inherit = "base"

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
