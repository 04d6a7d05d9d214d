from odoo import models


class CrmVnCustomerHandover(models.TransientModel):
    _inherit = "crm.vn.customer.handover"

    def _handover_records(self, customers, new_user):
        """The open feedback of the customers handed over goes to their new salesperson: the former one no longer
        answers for it (nor reads the customer through it). Closed feedback keeps who handled it, for the reports."""
        result = super()._handover_records(customers, new_user)
        feedbacks = self.env["crm.vn.feedback"].search(
            [
                ("commercial_partner_id", "in", customers.commercial_partner_id.ids),
                ("user_id", "in", self.from_user_ids.ids),
                ("is_open", "=", True),
            ]
        )
        feedbacks.write({"user_id": new_user.id})
        # sudo: the former salespeople stop following the feedback they no longer handle.
        feedbacks.sudo().message_unsubscribe(partner_ids=self.from_user_ids.partner_id.ids)
        return result
