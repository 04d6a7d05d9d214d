from odoo import models

FEEDBACK_FIELDS = ("description", "resolution", "order_reference", "email_cc")


class CrmVnFeedback(models.Model):
    """Feedback in a customer's personal data (crm_vn_privacy's declarative mixin).

    Exported with its messages, activities and the customer's ratings. Anonymisation keeps the feedback (type,
    category, product, dates, stages and escalation steps feed the service statistics and the SLA history); its
    subject and texts, messages, activities, files and rating comments go.
    """

    _name = "crm.vn.feedback"
    _inherit = ["crm.vn.feedback", "crm.vn.personal.data.mixin"]

    _crm_vn_pd_key = "feedback"
    _crm_vn_pd_sequence = 50
    _crm_vn_pd_order = "id"
    _crm_vn_pd_export_exclude = ("access_token",)

    def _crm_vn_pd_export_values(self, records, customer):
        ratings = self.env["rating.rating"].search(
            [("res_model", "=", self._name), ("res_id", "in", records.ids), ("consumed", "=", True)]
        )
        return [
            values
            | {
                "messages": customer._crm_vn_export_messages(self._name, item.ids),
                "activities": customer._crm_vn_export_activities(self._name, item.ids),
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
            for item, values in zip(records, super()._crm_vn_pd_export_values(records, customer), strict=True)
        ]

    def _crm_vn_pd_anonymize(self, customer):
        for item in self:
            vals = dict.fromkeys(FEEDBACK_FIELDS, False)
            vals["name"] = self.env._("Anonymised feedback %(id)s", id=item.id)
            item.write(vals)
        ratings = self.env["rating.rating"].search([("res_model", "=", self._name), ("res_id", "in", self.ids)])
        ratings.write({"feedback": False})
        # The stored name of the rated document follows its new subject.
        self.env.add_to_compute(ratings._fields["res_name"], ratings)
        customer._crm_vn_anonymize_activities(self._name, self.ids)
        customer._crm_vn_anonymize_messages(self._name, self.ids)
        customer._crm_vn_anonymize_attachments(self._name, self.ids)
        return {"feedback": len(self), "ratings": len(ratings)}

    def _crm_vn_pd_anonymize_labels(self):
        return {
            "feedback": self.env._("Feedback anonymised"),
            "ratings": self.env._("Rating comments removed"),
        }
