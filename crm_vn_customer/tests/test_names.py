from odoo.tests import BaseCase, tagged

from odoo.addons.crm_vn_customer.tools.names import normalize_vn_name


@tagged("post_install", "-at_install", "crm_vn_customer")
class TestNormalizeVnName(BaseCase):
    def test_contract(self):
        table = [
            ("Nguyễn Văn An", "nguyen van an"),
            ("NGUYỄN  VĂN   AN ", "nguyen van an"),
            ("Đặng Thị Đào", "dang thi dao"),
            # decomposed input (NFD keyboards) gives the same key as composed input
            ("Nguye\u0302\u0303n Va\u0306n An", "nguyen van an"),
            ("Hoà", "hoa"),
            ("Hòa", "hoa"),
            ("", ""),
            (None, ""),
        ]
        for raw, expected in table:
            with self.subTest(raw=raw):
                self.assertEqual(normalize_vn_name(raw), expected)
