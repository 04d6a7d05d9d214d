"""Plain pytest, no Odoo: ``python -m pytest -p no:odoo l10n_vn_address/tools/tests``."""

from unittest import TestCase

from odoo.addons.l10n_vn_address.tools.names import normalize_vn_name, vn_spelling_key


class TestNormalizeVnName(TestCase):
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


class TestVnSpellingKey(TestCase):
    def test_tone_placement_and_diacritics(self):
        same = [
            ("Phường Thanh Hoá", "phường thanh hóa"),
            ("Xã Thuỷ An", "XÃ THỦY  AN"),
            ("Khoẻ", "khỏe"),
            ("Hoà", "Hòa"),
            ("Nguye\u0302\u0303n", "Nguyễn"),  # decomposed input
        ]
        for left, right in same:
            with self.subTest(left=left):
                self.assertEqual(vn_spelling_key(left), vn_spelling_key(right))
        different = [
            ("Xã Tân Thành", "Xã Tân Thạnh"),  # two communes of Tây Ninh
            ("Hoà", "Hoa"),
            ("Quý", "Qúy"),  # "qu" is a consonant: the tone stays on y
        ]
        for left, right in different:
            with self.subTest(left=left):
                self.assertNotEqual(vn_spelling_key(left), vn_spelling_key(right))
        self.assertEqual(vn_spelling_key("Hoàn Kiếm"), "hoàn kiếm")
        self.assertEqual(vn_spelling_key(None), "")
