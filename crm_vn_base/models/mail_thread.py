from odoo import models


class MailThread(models.AbstractModel):
    _inherit = "mail.thread"

    def message_subscribe(self, partner_ids=None, subtype_ids=None):
        """Followers are told of every message of the record: a user never adds as a follower a contact they may not
        see (another salesperson's customer), on any model with a chatter (following is the chatter's own feature,
        guarded here once). A contact the record already names (its customer, when Odoo subscribes it on confirming
        an order) or that already follows it may stay. Costs nothing when users follow records themselves."""
        # Following a record oneself (Odoo's follow button, authors) needs no check: one reads one's own contact.
        others = set(partner_ids or ()) - {self.env["res.users"]._crm_vn_partner_id_of(self.env.uid)}
        if others and not self.env.su and self.ids:
            Partner = self.env["res.partner"]
            # Readable contacts (one query) may follow; a hidden one only if the records already name it.
            if Partner._crm_vn_hidden_partners(dict.fromkeys(others)):
                Partner._crm_vn_check_partners_readable(
                    dict.fromkeys(others - self._crm_vn_known_partner_ids(others), self.env._("Followers"))
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
