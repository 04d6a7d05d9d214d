from odoo import models

from odoo.addons.crm_vn_privacy.models.res_partner_anonymize import ANONYMIZE_CONTEXT

FEEDBACK_FIELDS = ("description", "resolution", "order_reference", "email_cc")


class ResPartner(models.Model):
    """Feedback in the anonymisation of a customer (see crm_vn_privacy's ``_crm_vn_anonymize``).

    The feedback stays (type, category, product, dates, stages and escalation
    steps feed the service statistics and the SLA history); its subject and
    texts, messages, activities, files and rating comments go.
    """

    _inherit = "res.partner"

    def _crm_vn_anonymize(self):
        counts = super()._crm_vn_anonymize()
        partner = self.with_context(**ANONYMIZE_CONTEXT)
        partners = partner._crm_vn_personal_data_partners()
        feedback = partner.env["crm.vn.feedback"].search([("partner_id", "in", partners.ids)], order="id")
        for item in feedback:
            vals = dict.fromkeys(FEEDBACK_FIELDS, False)
            vals["name"] = self.env._("Anonymised feedback %(id)s", id=item.id)
            item.write(vals)
        ratings = partner.env["rating.rating"].search(
            [("res_model", "=", "crm.vn.feedback"), ("res_id", "in", feedback.ids)]
        )
        ratings.write({"feedback": False})
        # The stored name of the rated document follows its new subject.
        self.env.add_to_compute(ratings._fields["res_name"], ratings)
        partner._crm_vn_anonymize_activities("crm.vn.feedback", feedback.ids)
        partner._crm_vn_anonymize_messages("crm.vn.feedback", feedback.ids)
        partner._crm_vn_anonymize_attachments("crm.vn.feedback", feedback.ids)
        counts["feedback"] = len(feedback)
        counts["ratings"] = len(ratings)
        return counts

    def _crm_vn_anonymize_labels(self):
        return super()._crm_vn_anonymize_labels() | {
            "feedback": self.env._("Feedback anonymised"),
            "ratings": self.env._("Rating comments removed"),
        }
