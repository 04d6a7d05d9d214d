from odoo import Command, api, models
from odoo.exceptions import AccessError
from odoo.models import BaseModel, NewId


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
    """Contacts one may not see: a record of a model declaring ``_crm_vn_check_contacts = True`` never points at a
    contact its author cannot read.

    A lead, an order, a meeting, a message, a feedback pointed at another salesperson's customer would copy (through
    Odoo's stored computes, run as superuser) or send to that customer what the record rules hide. Checked on
    ``create``, ``write``, the defaults of a form (context keys ``default_*``, saved defaults) and ``onchange``
    (models/base.py), for every many2one and many2many field to ``res.partner`` of the model and of the lines created
    with it (meeting attendees, order lines...), and on the followers added to its records (mail_thread.py). A
    contact a record already points at may stay. Costs nothing on values that name no contact; one query otherwise.
    """

    _inherit = "base"

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
        labels = self._crm_vn_partner_refs(vals_list)
        if not labels:
            return
        # One's own contact needs no check (the organiser of a meeting, the author of a message).
        labels.pop(self.env["res.users"]._crm_vn_partner_id_of(self.env.uid), None)
        if labels and self._crm_vn_hidden_partners(labels):
            # Rare: a contact the user may not read. Allowed only where the records already point at it.
            self._crm_vn_check_partners_readable(self._crm_vn_partner_refs(vals_list, new_only=True))

    def _crm_vn_partner_refs(self, vals_list, depth=0, new_only=False):
        """{partner id: label of the field naming it} of ``vals_list``; with ``new_only``, without the contacts all
        of ``self`` already point at through that field."""
        labels = {}
        partner_fields = self._crm_vn_partner_fields()
        for vals in vals_list:
            for fname, value in vals.items():
                field = self._fields.get(fname)
                if not field or not field.relational or value is False or value is None:
                    continue
                ids, sub_values = _relational_refs(field, value)
                if fname in partner_fields and ids:
                    if new_only:
                        ids = set(ids) - self._crm_vn_current_ids(fname)
                    labels.update(dict.fromkeys(ids, field._description_string(self.env)))
                if sub_values and depth < 3 and field.comodel_name in self.env:
                    lines = self.env[field.comodel_name]
                    labels.update(lines._crm_vn_partner_refs(sub_values, depth + 1, new_only=new_only))
        return labels

    def _crm_vn_current_ids(self, fname):
        """Ids every record of ``self`` points at through ``fname``."""
        records = self.filtered("id")
        if not records or len(records) != len(self):
            return set()
        # sudo: what the records already hold, compared with the values written; nothing is returned to the user.
        return set.intersection(*({_as_id(id_) for id_ in record[fname]._ids} for record in records.sudo()))

    @api.model
    def _crm_vn_hidden_partners(self, labels):
        """The existing contacts of ``labels`` the current user may not read: one query when all are readable."""
        if not labels or self.env.su:
            return self.env["res.partner"]
        partners = self.env["res.partner"].browse(labels)
        hidden = partners - partners._filtered_access("read")
        if hidden:
            # sudo: only which of these ids exist (a missing id is the database's error, not an access one).
            hidden = hidden.sudo().exists().with_env(self.env)
        return hidden

    @api.model
    def _crm_vn_check_partners_readable(self, labels):
        """Refuse when a contact of ``labels`` ({partner id: label of the field naming it}) is one the current
        user may not read."""
        hidden = self._crm_vn_hidden_partners(labels)
        if hidden:
            raise AccessError(
                self.env._(
                    "%(field)s: you may not link a record to a contact you are not allowed to see (contact id "
                    "%(ids)s). Ask the contact's salesperson or your manager to hand the customer over.",
                    field=labels[hidden[0].id],
                    ids=", ".join(str(id_) for id_ in hidden.ids),
                )
            )
