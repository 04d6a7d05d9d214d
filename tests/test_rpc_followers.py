"""Who follows a document tells that the document exists, who owns it and their emails: over JSON-RPC, a salesperson
reads the followers of the documents they may read only, by search and by id."""

from odoo.tests import tagged

from .common import RpcCase


@tagged("post_install", "-at_install", "crm_vn_security")
class TestFollowersOfHiddenDocuments(RpcCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # bob follows his customer (the owner is subscribed), and so does an internal colleague of his
        cls.bob_customer.message_subscribe(partner_ids=(cls.bob | cls.leader).partner_id.ids)
        cls.alice_customer.message_subscribe(partner_ids=cls.alice.partner_id.ids)
        cls.bob_feedback = cls.env["crm.vn.feedback"].create(
            {"name": "Khiếu nại kín", "partner_id": cls.bob_customer.id, "priority": "1", "user_id": cls.bob.id}
        )
        cls.bob_lead = cls.env["crm.lead"].create({"name": "Cơ hội kín", "user_id": cls.bob.id})
        cls.bob_lead.message_subscribe(partner_ids=cls.bob.partner_id.ids)

    def test_followers_of_a_hidden_customer_are_hidden(self):
        for model, record in (
            ("res.partner", self.bob_customer),
            ("crm.vn.feedback", self.bob_feedback),
            ("crm.lead", self.bob_lead),
        ):
            with self.subTest(model=model):
                domain = [("res_model", "=", model), ("res_id", "=", record.id)]
                self.assertEqual(self.rpc(self.alice, "mail.followers", "search_read", domain, ["partner_id"]), [])
                self.assertEqual(self.rpc(self.alice, "mail.followers", "search_count", domain), 0)
                # by id, as a client that guessed them
                ids = self.env["mail.followers"].search(domain).ids
                self.assertTrue(ids)
                self.assertRefused(self.rpc, self.alice, "mail.followers", "read", ids, ["partner_id", "email"])
                # the owner and the manager read them
                self.assertTrue(self.rpc(self.bob, "mail.followers", "search_read", domain, ["partner_id"]))
                self.assertTrue(self.rpc(self.manager, "mail.followers", "search_read", domain, ["partner_id"]))
        # one's own customers' followers, and the grouped counts, as before
        own = [("res_model", "=", "res.partner"), ("res_id", "=", self.alice_customer.id)]
        self.assertTrue(self.rpc(self.alice, "mail.followers", "search_read", own, ["partner_id"]))
        groups = self.rpc(
            self.alice, "mail.followers", "read_group", [("res_model", "=", "res.partner")], ["res_id"], ["res_id"]
        )
        self.assertNotIn(self.bob_customer.id, [group["res_id"] for group in groups])
