from odoo import fields, models
from odoo.exceptions import ValidationError
from odoo.tools import format_date, format_datetime

from odoo.addons.l10n_vn_public_holidays.tools.holidays import VN_TZ


class CrmVnZaloTemplateParam(models.Model):
    _name = "crm.vn.zalo.template.param"
    _description = "ZNS Template Parameter"
    # crm_vn_base's guards: contacts one may see, computed fields never written by hand, clear errors on bad values
    _crm_vn_check_contacts = True
    _crm_vn_check_computed = True
    _crm_vn_check_values = True
    _order = "template_id, id"

    template_id = fields.Many2one("crm.vn.zalo.template", required=True, ondelete="cascade", index=True)
    name = fields.Char(required=True, readonly=True)
    param_type = fields.Char(
        "Type", readonly=True, help="Zalo's parameter type (1 customer name, 4 code, 10 amount...)"
    )
    max_length = fields.Integer(readonly=True)
    min_length = fields.Integer(readonly=True)
    required = fields.Boolean(readonly=True, default=True)
    field_path = fields.Char(
        "Field",
        help="Field of the record the template is sent from, dotted for related records: name, "
        "partner_id.name, amount_total, date_order, reference.",
    )

    def _zalo_is_secret(self):
        """Whether this parameter is read from a field only system administrators read (a token): such a value is
        filled in when the message is sent, never kept in the message."""
        self.ensure_one()
        if not self.template_id.model or not self.field_path:
            return False
        model = self.env[self.template_id.model]
        field = None
        for name in self.field_path.split("."):
            field = model._fields.get(name)
            if field is None:
                return False
            model = self.env[field.comodel_name] if field.relational else model
        return "base.group_system" in (field.groups or "").split(",")

    def _zalo_value(self, record):  # noqa: PLR0911 - one return per kind of field
        """The text of this parameter for ``record``: dates dd/mm/yyyy, amounts in đồng without decimals."""
        self.ensure_one()
        if not self.field_path:
            return ""
        value, model = record, record
        for name in self.field_path.split("."):
            if name not in model._fields:
                raise ValidationError(
                    self.env._(
                        "ZNS parameter %(param)s: %(model)s has no field %(field)s.",
                        param=self.name,
                        model=model._name,
                        field=name,
                    )
                )
            field = model._fields[name]
            value = value[name]
            model = value if field.relational else model
        if isinstance(value, models.BaseModel):
            return value[:1].display_name or ""
        if field.type == "date" and value:
            return format_date(self.env, value, lang_code="vi_VN", date_format="dd/MM/yyyy")
        if field.type == "datetime" and value:
            return format_datetime(self.env, value, tz=VN_TZ, dt_format="HH:mm dd/MM/yyyy", lang_code="vi_VN")
        if field.type in ("float", "monetary", "integer"):
            return f"{round(value or 0):,}".replace(",", ".")
        if field.type == "selection":
            return dict(field._description_selection(self.env)).get(value, "") if value else ""
        return "" if value is False or value is None else str(value)
