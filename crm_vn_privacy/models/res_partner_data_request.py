from odoo import api, fields, models


class ResPartner(models.Model):
    """The customer's personal data requests, one click away from the customer (Law 91/2025/QH15)."""

    _inherit = "res.partner"

    vn_data_request_count = fields.Integer("Data Requests", compute="_compute_vn_data_request_count")

    @api.depends_context("uid")
    def _compute_vn_data_request_count(self):
        Request = self.env["crm.vn.data.request"]
        counts = {}
        if Request.has_access("read"):
            # the requests the user may see (record rules follow the customer's owner)
            counts = {
                partner.id: count
                for partner, count in Request._read_group([("partner_id", "in", self.ids)], ["partner_id"], ["__count"])
            }
        for partner in self:
            partner.vn_data_request_count = counts.get(partner.id, 0)

    @api.readonly
    def action_view_vn_data_requests(self):
        """The customer's requests; a new one is for this customer. Read-only (a read replica may answer it): it
        reads nothing of the customer but its id, which a replica that has not replayed its creation yet lacks."""
        self.env["res.users"]._crm_vn_check_group("sales_team.group_sale_salesman")
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("crm_vn_privacy.crm_vn_data_request_action")
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"default_partner_id": self.id}
        return action
