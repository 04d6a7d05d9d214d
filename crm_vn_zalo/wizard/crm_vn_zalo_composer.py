from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

PARTNER_FIELD = {"res.partner": None, "crm.vn.feedback": "partner_id", "sale.order": "partner_id"}
PREVIEW_ROWS = 10


class CrmVnZaloComposer(models.TransientModel):
    """*Send Zalo*, like Odoo's *Send SMS*: a ZNS template for one record or many, a preview, then the messages are
    queued (sent by the scheduler)."""

    _name = "crm.vn.zalo.composer"
    _description = "Send Zalo"
    # crm_vn_base's guards: contacts one may see, computed fields never written by hand, clear errors on bad values
    _crm_vn_check_contacts = True
    _crm_vn_check_computed = True
    _crm_vn_check_values = True

    res_model = fields.Char("Model", required=True)
    res_ids = fields.Json("Records", required=True)
    record_count = fields.Integer(compute="_compute_record_count")
    template_id = fields.Many2one(
        "crm.vn.zalo.template",
        "ZNS Template",
        required=True,
        domain="[('status', '=', 'ENABLE'), ('model', '=', res_model)]",
    )
    tag = fields.Selection(related="template_id.tag")
    preview = fields.Html(compute="_compute_preview", sanitize=False)

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        self.env["crm.vn.zalo.account"]._zalo_check_configured()
        context = self.env.context
        model = context.get("active_model")
        if model and "res_model" in fields_list:
            values["res_model"] = model
            values["res_ids"] = context.get("active_ids") or (
                [context["active_id"]] if context.get("active_id") else []
            )
        return values

    def _records(self):
        self.ensure_one()
        if self.res_model not in PARTNER_FIELD:
            raise UserError(self.env._("Zalo messages are sent from customers, feedback and sale orders."))
        records = self.env[self.res_model].browse(self.res_ids or []).exists()
        records.check_access("read")  # only what the user may read
        return records

    @api.depends("res_ids")
    def _compute_record_count(self):
        for composer in self:
            composer.record_count = len(composer.res_ids or [])

    @api.depends("template_id", "res_ids")
    def _compute_preview(self):
        """The message of each record (the first ten): its parameters as they will be sent, or why it cannot be."""
        for composer in self:
            if not composer.template_id or not composer.res_ids:
                composer.preview = False
                continue
            records = composer._records()
            names = composer.template_id.param_ids.mapped("name")
            head = Markup("").join(Markup("<th>%s</th>") % name for name in [self.env._("Recipient"), *names])
            rows = []
            for record in records[:PREVIEW_ROWS]:
                try:
                    values = composer.template_id._zalo_render(record)
                except ValidationError as error:
                    rows.append(
                        Markup('<tr class="table-danger"><td>%s</td><td colspan="%s">%s</td></tr>')
                        % (record.display_name, len(names), error.args[0])
                    )
                    continue
                cells = Markup("").join(Markup("<td>%s</td>") % values.get(name, "") for name in names)
                rows.append(Markup("<tr><td>%s</td>%s</tr>") % (record.display_name, cells))
            more = ""
            if len(records) > PREVIEW_ROWS:
                more = Markup("<p>%s</p>") % self.env._("... and %(count)s more.", count=len(records) - PREVIEW_ROWS)
            composer.preview = (
                Markup('<div class="table-responsive"><table class="table table-sm"><thead><tr>%s</tr></thead>'
                       "<tbody>%s</tbody></table></div>%s") % (head, Markup("").join(rows), more)
            )  # fmt: skip

    def action_send(self):
        self.ensure_one()
        records = self._records()
        if self.template_id.status != "ENABLE":
            raise UserError(self.env._("ZNS template %(name)s is not approved by Zalo.", name=self.template_id.name))
        messages = self.env["crm.vn.zalo.message"]._zalo_queue_template(
            self.template_id, records, PARTNER_FIELD[self.res_model]
        )
        skipped = messages.filtered(lambda message: message.state == "skipped")
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "warning" if skipped else "success",
                "message": self.env._(
                    "%(queued)s Zalo messages queued, %(skipped)s not sent (the reason is on each customer).",
                    queued=len(messages) - len(skipped),
                    skipped=len(skipped),
                ),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }
