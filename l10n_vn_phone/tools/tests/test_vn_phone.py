"""Plain pytest, no Odoo: ``python -m pytest -p no:odoo l10n_vn_phone/tools/tests``."""

from unittest import TestCase

from odoo.addons.l10n_vn_phone.tools.phone import format_vn_phone, is_vn_mobile, mask_phone, normalize_vn_phone


class TestNormalizeVnPhone(TestCase):
    """Table-driven tests of the pure phone helper (no database)."""

    def test_mobile_2018_whole_table(self):
        # old 11-digit number -> E.164 of the 10-digit number (prefix changed, 7 digits kept)
        table = [
            ("0162 123 4567", "+84321234567"),
            ("0163 123 4567", "+84331234567"),
            ("0164 123 4567", "+84341234567"),
            ("0165 123 4567", "+84351234567"),
            ("0166 123 4567", "+84361234567"),
            ("0167 123 4567", "+84371234567"),
            ("0168 123 4567", "+84381234567"),
            ("0169 123 4567", "+84391234567"),
            ("0120 123 4567", "+84701234567"),
            ("0121 123 4567", "+84791234567"),
            ("0122 123 4567", "+84771234567"),
            ("0126 123 4567", "+84761234567"),
            ("0128 123 4567", "+84781234567"),
            ("0123 123 4567", "+84831234567"),
            ("0124 123 4567", "+84841234567"),
            ("0125 123 4567", "+84851234567"),
            ("0127 123 4567", "+84811234567"),
            ("0129 123 4567", "+84821234567"),
            ("0186 123 4567", "+84561234567"),
            ("0188 123 4567", "+84581234567"),
            ("0199 123 4567", "+84591234567"),
        ]
        for raw, expected in table:
            with self.subTest(raw=raw):
                self.assertEqual(normalize_vn_phone(raw), expected)
                # the same old number written internationally, or with its zero lost in Excel
                self.assertEqual(normalize_vn_phone("+84 " + raw[1:]), expected)
                self.assertEqual(normalize_vn_phone(raw.replace(" ", "")[1:]), expected)

    def test_current_mobile_formats(self):
        table = [
            ("0912345678", "+84912345678"),
            ("0912 345 678", "+84912345678"),
            ("0912.345.678", "+84912345678"),
            ("0912-345-678", "+84912345678"),
            ("(091) 234 5678", "+84912345678"),
            ("+84912345678", "+84912345678"),
            ("+84 912 345 678", "+84912345678"),
            ("+84 (0) 912 345 678", "+84912345678"),
            ("0084 912 345 678", "+84912345678"),
            ("84912345678", "+84912345678"),
            ("912345678", "+84912345678"),
            ("  0912345678  ", "+84912345678"),
            ("0912345678 ext 12", "+84912345678"),
            ("0321234567", "+84321234567"),
            ("0868123456", "+84868123456"),
        ]
        for raw, expected in table:
            with self.subTest(raw=raw):
                self.assertEqual(normalize_vn_phone(raw), expected)

    def test_landline_2017(self):
        table = [
            # (raw, landline hint, expected)
            ("024 3825 1234", False, "+842438251234"),  # new Hà Nội number, untouched
            ("028 3812 3456", False, "+842838123456"),  # new Hồ Chí Minh number
            ("0236 3822 123", False, "+842363822123"),  # new Đà Nẵng number
            ("04 3825 1234", False, "+842438251234"),  # old Hà Nội: not a mobile, convert
            ("(04) 3825 1234", True, "+842438251234"),
            ("0511 3822 123", False, "+842363822123"),  # old Đà Nẵng (3-digit code)
            ("054 3822 123", False, "+842343822123"),  # old Thừa Thiên Huế
            # Old Hải Phòng (031): phonenumbers also accepts 031 as a mobile range
            ("031 3745 123", False, "+84313745123"),
            ("031 3745 123", True, "+842253745123"),
            ("0650 3822 123", False, "+842743822123"),  # old Bình Dương
            ("061 3822 123", False, "+842513822123"),  # old Đồng Nai
            ("0210 3822 123", False, "+842103822123"),  # Phú Thọ kept its code
            # Ambiguous: an old HCMC landline is also a valid mobile (083...).
            ("08 3812 3456", False, "+84838123456"),
            ("08 3812 3456", True, "+842838123456"),
            # Old Vĩnh Long (070) vs MobiFone 070: only converted when known to be a landline
            ("070 3822 123", False, "+84703822123"),
            ("070 3822 123", True, "+842703822123"),
            # A new landline stays a new landline even with the hint
            ("028 3812 3456", True, "+842838123456"),
        ]
        for raw, landline, expected in table:
            with self.subTest(raw=raw, landline=landline):
                self.assertEqual(normalize_vn_phone(raw, landline=landline), expected)

    def test_foreign_numbers(self):
        table = [
            ("+1 650 253 0000", "+16502530000"),
            ("+33 1 42 68 53 00", "+33142685300"),
            ("0033 1 42 68 53 00", "+33142685300"),
            ("+65 6123 4567", "+6561234567"),
        ]
        for raw, expected in table:
            with self.subTest(raw=raw):
                self.assertEqual(normalize_vn_phone(raw), expected)

    def test_invalid(self):
        for raw in (
            None,
            "",
            "   ",
            "abc",
            "0912abc678",
            "0123",
            "0912 345 67",  # one digit short
            "0912 345 6789",  # one digit too many for a 09x mobile
            "0170 123 4567",  # 017x never existed
            "+1 123",
            "+84 +84 912 345 678",
            "++84912345678",
        ):
            with self.subTest(raw=raw):
                self.assertIsNone(normalize_vn_phone(raw))

    def test_mask_phone(self):
        self.assertEqual(mask_phone("+84912345678"), "+84******678")
        self.assertEqual(mask_phone("+842838123456"), "+84*******456")
        self.assertEqual(mask_phone(""), "")

    def test_is_vn_mobile(self):
        for number, expected in [
            ("+84912345678", True),  # Viettel
            ("+84564728556", True),  # Vietnamobile (056)
            ("+84328123456", True),  # 2018 prefix 032
            ("+842438123456", False),  # Hà Nội landline
            ("+842838123456", False),  # Hồ Chí Minh landline
            ("+14155552671", False),  # not Vietnamese
            ("", False),
            (None, False),
        ]:
            with self.subTest(number=number):
                self.assertIs(is_vn_mobile(number), expected)

    def test_format_vn_phone(self):
        """The national form Vietnamese staff read and dial (the same as static/src/vn_phone.js draws)."""
        for e164, shown in [
            ("+84564728556", "0564 728 556"),
            ("+84912345678", "0912 345 678"),
            ("+842438123456", "024 3812 3456"),
            ("+842838123456", "028 3812 3456"),
            ("+842363812345", "0236 3812 345"),
            ("+6581234567", "+65 8123 4567"),
            ("0912345678", "0912345678"),
            ("", ""),
            (None, ""),
        ]:
            with self.subTest(e164=e164):
                self.assertEqual(format_vn_phone(e164), shown)
