import json

from odoo.tests import tagged

from odoo.addons.crm_vn_privacy.tests.test_anonymize import AnonymizeCommon


@tagged("post_install", "-at_install", "crm_vn_dedupe_privacy")
class TestMergeLogsAnonymize(AnonymizeCommon):
    def test_merge_log_values_removed_log_kept(self):
        """The values a merge copied into its log (the customer's phone, email...) go with the customer; the log of
        another customer's merge stays whole."""
        other = self.env["res.partner"].create({"name": "Khách Khác Hẳn"})
        Log = self.env["crm.vn.duplicate.merge.log"]
        theirs = Log.create(
            {
                "partner_id": self.secret.id,
                "merged_partner_ids_text": "[1234]",
                "values_before": json.dumps({"1234": {"name": self.secret.name, "email": self.secret.email}}),
            }
        )
        others = Log.create({"partner_id": other.id, "values_before": json.dumps({"1": {"name": "Khách Khác Hẳn"}})})
        self._anonymize()
        self.assertFalse(theirs.values_before)
        self.assertTrue(theirs.exists(), "who merged what, when, stays")
        self.assertEqual(json.loads(others.values_before), {"1": {"name": "Khách Khác Hẳn"}})
        self.assertEqual(self._leftovers(("crm_vn_duplicate_merge_log",)), [])
        summary = self.request.message_ids[0].body
        self.assertIn("Merge logs whose copied values were removed: 1", summary)

    def test_duplicate_match_key_of_the_name_removed(self):
        """Duplicate detection keeps the customer's name as a match key: it goes with the name."""
        before = {(table, column) for table, column, __ in self._leftovers(("res_partner",), exempt=())}
        self.assertIn(("res_partner", "vn_name_key"), before)
        self._anonymize()
        after = {(table, column) for table, column, __ in self._leftovers(("res_partner",), exempt=())}
        self.assertNotIn(("res_partner", "vn_name_key"), after)
