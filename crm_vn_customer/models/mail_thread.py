from odoo import models


class MailThread(models.AbstractModel):
    _inherit = "mail.thread"

    def message_subscribe(self, partner_ids=None, subtype_ids=None):
        """Followers are told of every message of the record: a user never adds as a follower a contact they may not
        see (another salesperson's customer). A contact the record already names (its customer, when Odoo subscribes
        it on confirming an order) or that already follows it may stay."""
        # Following a record oneself (Odoo's follow button, authors) needs no check: one reads one's own contact.
        if partner_ids and not self.env.su and self.ids and set(partner_ids) != {self.env.user.partner_id.id}:
            self.env["res.partner"]._crm_vn_check_partners_readable(
                dict.fromkeys(set(partner_ids) - self._crm_vn_known_partner_ids(partner_ids), self.env._("Followers"))
            )
        return super().message_subscribe(partner_ids=partner_ids, subtype_ids=subtype_ids)

    def _crm_vn_known_partner_ids(self, partner_ids):
        """Ids of ``partner_ids`` that every record of ``self`` already names or has as follower."""
        # sudo: what the records already hold; nothing is returned to the user.
        records = self.sudo()
        followers = records.env["mail.followers"].search(
            [("res_model", "=", self._name), ("res_id", "in", self.ids), ("partner_id", "in", list(partner_ids))]
        )
        known = None
        for record in records:
            named = {follower.partner_id.id for follower in followers if follower.res_id == record.id}
            for fname in self._crm_vn_partner_fields():
                named.update(record[fname].ids)
            known = named if known is None else known & named
        return known or set()
