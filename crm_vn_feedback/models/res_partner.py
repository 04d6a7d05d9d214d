from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    feedback_ids = fields.One2many("crm.vn.feedback", "partner_id")
    feedback_count = fields.Integer(compute="_compute_feedback_count")
    # The customer's satisfaction, read from their answers (rating.rating) whenever shown: nothing to write,
    # hence nothing anyone could write by hand.
    feedback_rating_avg = fields.Float(
        "Satisfaction (Average)",
        compute="_compute_feedback_rating",
        help="Average of the ratings (1 to 5) this customer gave to resolved feedback.",
    )
    feedback_rating_count = fields.Integer("Ratings Given", compute="_compute_feedback_rating")
    feedback_rating_last = fields.Float("Last Rating", compute="_compute_feedback_rating")
    feedback_rating_comment = fields.Text("Last Rating Comment", compute="_compute_feedback_rating")

    def _compute_feedback_count(self):
        groups = self.env["crm.vn.feedback"]._read_group(
            [("commercial_partner_id", "in", self.commercial_partner_id.ids)],
            ["commercial_partner_id"],
            ["__count"],
        )
        counts = {partner.id: count for partner, count in groups}
        for partner in self:
            partner.feedback_count = counts.get(partner.commercial_partner_id.id, 0)

    def _compute_feedback_rating(self):
        """Satisfaction of each customer (its company and contacts together) from its answers to rating requests."""
        commercial = self.commercial_partner_id
        # sudo: the answers of customers the user reads, whoever handled the feedback they rated.
        ratings = (
            self.env["rating.rating"]
            .sudo()
            .search(
                [
                    ("res_model", "=", "crm.vn.feedback"),
                    ("partner_id", "child_of", commercial.ids),
                    ("consumed", "=", True),
                    ("rating", ">", 0),
                ],
                order="write_date desc, id desc",
            )
        )
        by_customer = {}
        for rating in ratings:
            by_customer.setdefault(rating.partner_id.commercial_partner_id.id, []).append(rating)
        for partner in self:
            rated = by_customer.get(partner.commercial_partner_id.id, [])
            partner.feedback_rating_count = len(rated)
            partner.feedback_rating_avg = sum(r.rating for r in rated) / len(rated) if rated else 0.0
            partner.feedback_rating_last = rated[0].rating if rated else 0.0
            partner.feedback_rating_comment = (rated[0].feedback if rated else False) or False

    def action_view_feedback(self):
        self.env["res.users"]._crm_vn_check_group("sales_team.group_sale_salesman")
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("crm_vn_feedback.crm_vn_feedback_action")
        action["domain"] = [("commercial_partner_id", "=", self.commercial_partner_id.id)]
        action["context"] = {"default_partner_id": self.id, "search_default_open": 1}
        return action
