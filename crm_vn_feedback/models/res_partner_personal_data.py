from odoo import models


class ResPartner(models.Model):
    """Feedback in the personal data export of a customer (see crm_vn_privacy's ``_crm_vn_personal_data``)."""

    _inherit = "res.partner"

    def _crm_vn_personal_data(self):
        data = super()._crm_vn_personal_data()
        partners = self._crm_vn_personal_data_partners()
        feedback = (
            self.env["crm.vn.feedback"]
            .with_context(active_test=False)
            .search([("partner_id", "in", partners.ids)], order="id")
        )
        ratings = self.env["rating.rating"].search(
            [("res_model", "=", "crm.vn.feedback"), ("res_id", "in", feedback.ids), ("consumed", "=", True)]
        )
        data["feedback"] = [
            self._crm_vn_export_record(item, exclude={"access_token"})
            | {
                "messages": self._crm_vn_export_messages("crm.vn.feedback", item.ids),
                "activities": self._crm_vn_export_activities("crm.vn.feedback", item.ids),
                "ratings": [
                    {
                        "rating": rating.rating,
                        "comment": rating.feedback or False,
                        "date": rating.write_date.isoformat(),
                    }
                    for rating in ratings
                    if rating.res_id == item.id
                ],
            }
            for item in feedback
        ]
        return data
