from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    feedback_ids = fields.One2many("crm.vn.feedback", "partner_id")
    feedback_count = fields.Integer(compute="_compute_feedback_count")
    feedback_rating_avg = fields.Float(
        "Satisfaction (Average)",
        readonly=True,
        copy=False,
        help="Average of the ratings (1 to 5) this customer gave to resolved feedback.",
    )
    feedback_rating_count = fields.Integer("Ratings Given", readonly=True, copy=False)
    feedback_rating_last = fields.Float("Last Rating", readonly=True, copy=False)
    feedback_rating_comment = fields.Text("Last Rating Comment", readonly=True, copy=False)

    def _compute_feedback_count(self):
        groups = self.env["crm.vn.feedback"]._read_group(
            [("commercial_partner_id", "in", self.commercial_partner_id.ids)],
            ["commercial_partner_id"],
            ["__count"],
        )
        counts = {partner.id: count for partner, count in groups}
        for partner in self:
            partner.feedback_count = counts.get(partner.commercial_partner_id.id, 0)

    def _crm_vn_update_feedback_rating(self):
        """Store the customer's satisfaction from the ratings of their feedback (after each rating)."""
        ratings = self.env["rating.rating"].sudo()
        for partner in self:
            rated = ratings.search(
                [
                    ("res_model", "=", "crm.vn.feedback"),
                    ("partner_id", "child_of", partner.commercial_partner_id.id),
                    ("consumed", "=", True),
                    ("rating", ">", 0),
                ],
                order="write_date desc, id desc",
            )
            partner.write(
                {
                    "feedback_rating_avg": sum(rated.mapped("rating")) / len(rated) if rated else 0.0,
                    "feedback_rating_count": len(rated),
                    "feedback_rating_last": rated[:1].rating,
                    "feedback_rating_comment": rated[:1].feedback or False,
                }
            )

    def action_view_feedback(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("crm_vn_feedback.crm_vn_feedback_action")
        action["domain"] = [("commercial_partner_id", "=", self.commercial_partner_id.id)]
        action["context"] = {"default_partner_id": self.id, "search_default_open": 1}
        return action
