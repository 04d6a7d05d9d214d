from odoo import models


class MailThread(models.AbstractModel):
    _inherit = "mail.thread"

    def message_subscribe(self, partner_ids=None, subtype_ids=None):
        """Followers are told of every message of the record: a user never adds as a follower a contact they may not
        see (another salesperson's customer). One already following stays (Odoo re-subscribes to change subtypes)."""
        if partner_ids and not self.env.su and self.ids:
            # sudo: which of these contacts already follow the records, whoever may read them.
            following = {
                (follower.res_id, follower.partner_id.id)
                for follower in self.env["mail.followers"]
                .sudo()
                .search([("res_model", "=", self._name), ("res_id", "in", self.ids), ("partner_id", "in", partner_ids)])
            }
            new = [pid for pid in partner_ids if any((res_id, pid) not in following for res_id in self.ids)]
            label = self.env._("Followers")
            self.env["res.partner"]._crm_vn_check_partners_readable(dict.fromkeys(new, label))
        return super().message_subscribe(partner_ids=partner_ids, subtype_ids=subtype_ids)
