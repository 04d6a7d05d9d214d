from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install", "crm_vn_customer_account")
class TestVendorAccess(TransactionCase):
    """Vendors stay readable to salespeople whoever is set as their salesperson."""

    def test_vendor_readable_not_writable(self):
        salesman = "sales_team.group_sale_salesman"
        member = new_test_user(self.env, "vn_vendor_member", groups=salesman)
        other = new_test_user(self.env, "vn_vendor_other", groups=salesman)
        Partner = self.env["res.partner"]
        vendor = Partner.create({"name": "Nhà cung cấp Bình Minh", "user_id": other.id, "supplier_rank": 1})
        customer = Partner.create({"name": "Khách Của Người Khác", "user_id": other.id})
        visible = Partner.with_user(member).search([("id", "in", (vendor | customer).ids)])
        self.assertEqual(visible, vendor)
        self.assertEqual(vendor.with_user(member).read(["name"])[0]["name"], "Nhà cung cấp Bình Minh")
        with self.assertRaises(AccessError):
            vendor.with_user(member).write({"name": "Sửa"})
