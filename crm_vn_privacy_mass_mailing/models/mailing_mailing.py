from odoo import models


class MailingMailing(models.Model):
    _inherit = "mailing.mailing"

    def _crm_vn_opt_in_subscriber_ids(self, model, res_ids):
        """Ids of the mailing-list contacts among ``res_ids`` subscribed (not opted out) to an opt-in list of
        this mailing: their subscription is their consent."""
        if model != "mailing.contact" or not self:
            return set()
        lists = self.contact_list_ids.filtered("crm_vn_opt_in")
        if not lists:
            return set()
        # sudo: the subscriptions decide, whoever sends.
        subscriptions = (
            self.env["mailing.subscription"]
            .sudo()
            .search([("contact_id", "in", res_ids), ("list_id", "in", lists.ids), ("opt_out", "=", False)])
        )
        return set(subscriptions.contact_id.ids)
