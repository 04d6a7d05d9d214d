"""Plain pytest, no Odoo: ``python -m pytest -p no:odoo crm_vn_dedupe/tools/tests``."""

from unittest import TestCase

from odoo.addons.crm_vn_dedupe.tools.names import normalize_vn_name, vn_name_match_key


class TestNameContract(TestCase):
    def test_normalize_vn_name_from_its_contract_path(self):
        self.assertEqual(normalize_vn_name("  ĐẶNG   Thị Hoà "), "dang thi hoa")
        self.assertEqual(normalize_vn_name(None), "")

    def test_match_key(self):
        table = [
            # regional spellings of one surname
            ("Huỳnh Văn Nam", "hoang van nam"),
            ("Hoàng Văn Nam", "hoang van nam"),
            ("Võ Thị Sáu", "vu thi sau"),
            ("Vũ Thị Sáu", "vu thi sau"),
            # initials and commas written by hand
            ("Nguyễn V. An", "nguyen v an"),
            ("Trần, Thị Bình", "tran thi binh"),
            # "vo" only as a whole word: Võ Văn Kiệt's "Kiệt" stays, "Voi" is not a surname
            ("Lê Văn Voi", "le van voi"),
        ]
        for raw, expected in table:
            with self.subTest(raw=raw):
                self.assertEqual(vn_name_match_key(raw), expected)
