from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools.zalo import param_problem

TAGS = [
    ("transaction", "Transaction"),
    ("customer_care", "Customer Care"),
    ("promotion", "Promotion"),
    ("otp", "OTP"),
]
# Zalo's template tags ("templateTag" in the template detail; "1"/"2"/"3" in the template-create API)
ZALO_TAGS = {
    "TRANSACTION": "transaction",
    "CUSTOMER_CARE": "customer_care",
    "PROMOTION": "promotion",
    "OTP": "otp",
    "1": "transaction",
    "2": "customer_care",
    "3": "promotion",
}


# What a message's parameters hold in place of a secret until it is sent.
SECRET = "********"


def _price(value):
    try:
        return float(value or 0)
    except (TypeError, ValueError):
        return 0.0


class CrmVnZaloTemplate(models.Model):
    """A ZNS template of an Official Account, as Zalo approved it (synced, read-only), and how Odoo fills it: each
    parameter maps to a field path of the record it is sent from."""

    _name = "crm.vn.zalo.template"
    _description = "ZNS Template"
    # crm_vn_base's guards: contacts one may see, computed fields never written by hand, clear errors on bad values
    _crm_vn_check_contacts = True
    _crm_vn_check_computed = True
    _crm_vn_check_values = True
    _order = "account_id, name"

    name = fields.Char(required=True, readonly=True)
    account_id = fields.Many2one("crm.vn.zalo.account", required=True, ondelete="cascade", readonly=True)
    company_id = fields.Many2one(related="account_id.company_id", store=True)
    zalo_template_id = fields.Char("Zalo Template ID", required=True, readonly=True)
    status = fields.Selection(
        [("ENABLE", "Approved"), ("PENDING_REVIEW", "Pending Review"), ("REJECT", "Rejected"), ("DISABLE", "Disabled")],
        readonly=True,
    )
    tag = fields.Selection(TAGS, readonly=True, help="Promotion templates go only to customers who consented.")
    price = fields.Float(
        "Price per Message",
        readonly=True,
        help="Cost of one message sent to a phone number, in đồng, as Zalo gives it.",
    )
    price_uid = fields.Float(
        "Price per Message to a Zalo User",
        readonly=True,
        help="Cost of one message sent to a Zalo user id, in đồng, as Zalo gives it.",
    )
    preview_url = fields.Char(readonly=True)
    model_id = fields.Many2one(
        "ir.model",
        "Sent From",
        ondelete="cascade",
        domain=[("model", "in", ("res.partner", "crm.vn.feedback", "sale.order"))],
        help="The kind of record this template is sent from; its parameters are read on that record.",
    )
    model = fields.Char(related="model_id.model")
    param_ids = fields.One2many("crm.vn.zalo.template.param", "template_id", "Parameters")

    _sql_constraints = [
        ("template_uniq", "unique(account_id, zalo_template_id)", "This ZNS template is already in the list.")
    ]

    @api.model
    def _zalo_sync(self, account):
        """Read the OA's templates and their parameters from Zalo (template list, then each template's detail)."""
        templates = self.with_context(active_test=False).search([("account_id", "=", account.id)])
        known = {template.zalo_template_id: template for template in templates}
        offset = 0
        listed = []
        while True:
            page = account._zalo_call("GET", "business", "/template/all", params={"offset": offset, "limit": 100})
            listed += page or []
            if not page or len(page) < 100:
                break
            offset += 100
        for item in listed:
            template_id = str(item.get("templateId"))
            detail = account._zalo_call("GET", "business", "/template/info/v2", params={"template_id": template_id})
            vals = {
                "name": detail.get("templateName") or item.get("templateName") or template_id,
                "status": detail.get("status") or item.get("status"),
                "tag": ZALO_TAGS.get(str(detail.get("templateTag", "")).upper()),
                # the 2026 detail gives the price by phone ("price_sdt") and by Zalo user ("price_uid"); older
                # answers a single "price"
                "price": _price(detail.get("price_sdt", detail.get("price"))),
                "price_uid": _price(detail.get("price_uid")),
                "preview_url": detail.get("previewUrl"),
            }
            params = {param["name"]: param for param in detail.get("listParams") or []}
            template = known.get(template_id)
            if template:
                template.write(vals)
            else:
                template = self.create(dict(vals, account_id=account.id, zalo_template_id=template_id))
            template._zalo_sync_params(params)
        return True

    def _zalo_sync_params(self, params):
        """Parameters as Zalo lists them; the mapping of those kept is kept."""
        existing = {param.name: param for param in self.param_ids}
        for name, param in params.items():
            vals = {
                # "STRING", "NUMBER"... in the template detail; the create API's codes ("1".."15") in older answers
                "param_type": str(param.get("type", "")).upper(),
                "max_length": int(param.get("maxLength") or 0),
                "min_length": int(param.get("minLength") or 0),
                "required": bool(param.get("require", True)),
            }
            if name in existing:
                existing[name].write(vals)
            else:
                self.env["crm.vn.zalo.template.param"].create(dict(vals, template_id=self.id, name=name))
        self.param_ids.filtered(lambda param: param.name not in params).unlink()

    def _zalo_render(self, record):
        """{parameter: text} of this template for ``record``, checked against the template's types and lengths.

        Read with the rights of the current user: what cannot be read cannot be sent. A secret parameter (a field only
        administrators read, such as the rating token of the rating links) is checked but kept as ``SECRET``: it is
        filled in when the message goes (:meth:`_zalo_template_data` of crm.vn.zalo.message), never stored where the
        customer's salesperson reads it.
        """
        self.ensure_one()
        values, problems = {}, []
        for param in self.param_ids:
            text = param._zalo_value(record)
            secret = param._zalo_is_secret()
            problem = param_problem(text, param.param_type, param.max_length, param.min_length, param.required)
            if problem:
                reason, limit = problem
                said = {
                    "empty": self.env._("empty"),
                    "too_long": self.env._("longer than %(limit)s characters", limit=limit),
                    "too_short": self.env._("shorter than %(limit)s characters", limit=limit),
                    "not_a_number": self.env._("not a number"),
                }[reason]
                problems.append(
                    self.env._(
                        '%(param)s = "%(value)s": %(problem)s',
                        param=param.name,
                        value=SECRET if secret else text,
                        problem=said,
                    )
                )
            values[param.name] = SECRET if secret else text
        if problems:
            raise ValidationError(
                self.env._(
                    "ZNS template %(template)s cannot be filled for %(record)s:\n%(problems)s",
                    template=self.name,
                    record=record.display_name,
                    problems="\n".join(problems),
                )
            )
        return values
