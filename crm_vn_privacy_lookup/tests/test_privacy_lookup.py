from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install", "crm_vn_privacy_lookup")
class TestPrivacyLookupOffered(TransactionCase):
    def _gear_menu(self, user):
        views = self.env["res.partner"].with_user(user).get_views([(False, "form")], {"toolbar": True})
        return [action["name"] for action in views["views"]["form"]["toolbar"].get("action", [])]

    def test_offered_to_who_can_run_it(self):
        action = self.env.ref("privacy_lookup.ir_action_server_action_privacy_lookup_partner")
        seller = new_test_user(self.env, "lookup_seller", groups="sales_team.group_sale_salesman")
        admin = new_test_user(self.env, "lookup_admin", groups="base.group_system,sales_team.group_sale_manager")
        self.assertNotIn(action.name, self._gear_menu(seller))
        self.assertIn(action.name, self._gear_menu(admin))
