from unittest.mock import patch

from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.iap.tools import iap_tools


@tagged("post_install", "-at_install", "crm_vn_privacy_partner_autocomplete")
class TestPartnerAutocompleteOff(HttpCase):
    """What a salesperson types in a customer field stays in Odoo until an administrator turns autocomplete on."""

    def setUp(self):
        super().setUp()
        self.seller = new_test_user(self.env, "autocomplete_seller", groups="sales_team.group_sale_salesman")

    def _lookups(self):
        """The calls to Odoo's IAP service while the block runs (none may leave by default)."""
        return patch.object(iap_tools, "iap_jsonrpc", side_effect=AssertionError("IAP called"))

    def test_off_by_default(self):
        self.authenticate("autocomplete_seller", "autocomplete_seller")
        info = self.make_jsonrpc_request("/web/session/get_session_info")
        self.assertIs(info["crm_vn_partner_autocomplete"], False)
        with self._lookups():
            for method, args in (("autocomplete", ["Công ty Bí Mật"]), ("read_by_vat", ["0101234567"])):
                result = self.make_jsonrpc_request(
                    "/web/dataset/call_kw",
                    {"model": "res.partner", "method": method, "args": args, "kwargs": {}},
                )
                self.assertFalse(result)
        arch = self.env["res.partner"].with_user(self.seller).get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertNotIn("field_partner_autocomplete", arch)

    def test_turned_on_by_an_administrator(self):
        settings = self.env["res.config.settings"].create({"crm_vn_partner_autocomplete": True})
        settings.execute()
        self.authenticate("autocomplete_seller", "autocomplete_seller")
        info = self.make_jsonrpc_request("/web/session/get_session_info")
        self.assertIs(info["crm_vn_partner_autocomplete"], True)
        arch = self.env["res.partner"].with_user(self.seller).get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertIn("field_partner_autocomplete", arch)
