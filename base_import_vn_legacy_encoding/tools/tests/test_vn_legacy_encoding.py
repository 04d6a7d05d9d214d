"""Plain pytest, no Odoo: ``python -m pytest -p no:odoo base_import_vn_legacy_encoding/tools/tests``."""

import unicodedata
from unittest import TestCase

from odoo.addons.base_import_vn_legacy_encoding.tools.legacy_encoding import (
    decode_legacy,
    detect_legacy,
    encode_legacy,
    is_vn_syllable,
    to_unicode,
)

# Every Vietnamese vowel with its five tones (none, grave, hook, tilde, acute, dot below), and đ.
VOWEL_FORMS = (
    "aàảãáạ",
    "ăằẳẵắặ",
    "âầẩẫấậ",
    "eèẻẽéẹ",
    "êềểễếệ",
    "iìỉĩíị",
    "oòỏõóọ",
    "ôồổỗốộ",
    "ơờởỡớợ",
    "uùủũúụ",
    "ưừửữứự",
    "yỳỷỹýỵ",
)


class TestLegacyEncoding(TestCase):
    def test_tcvn3(self):
        # As the .VnTime bytes read in cp1252 (0xAD, the soft hyphen, is ư).
        table = [
            ("NguyÔn V¨n An", "Nguyễn Văn An"),
            ("Sè 12 ®\xadêng TrÇn H\xadng §¹o, Ph\xadêng BÕn NghÐ", "Số 12 đường Trần Hưng Đạo, Phường Bến Nghé"),
            ("Hµ Néi", "Hà Nội"),
            ("Thµnh phè Hå ChÝ Minh", "Thành phố Hồ Chí Minh"),
            ("§µ N½ng", "Đà Nẵng"),
            ("Lª ThÞ Hång Nhung", "Lê Thị Hồng Nhung"),
            ("Tr\xad¬ng ThÞ Mü Linh", "Trương Thị Mỹ Linh"),
            ("Huúnh TÊn Ph¸t, QuËn 7", "Huỳnh Tấn Phát, Quận 7"),
            ("¤ng §ç Quang Huy", "Ông Đỗ Quang Huy"),
            ("Bµ RÞa - Vòng Tµu", "Bà Rịa - Vũng Tàu"),
            # .VnTimeH: capitals typed with the lower-case codes
            ("NGUYÔN V¡N AN", "NGUYỄN VĂN AN"),
            ("Hµ NéI", "HÀ NỘI"),
            # a toned capital starting a word, in a cell where every word starts with a capital
            ("¸nh D\xad¬ng", "Ánh Dương"),
        ]
        for legacy, expected in table:
            with self.subTest(legacy=legacy):
                self.assertEqual(detect_legacy(legacy), "tcvn3")
                self.assertEqual(to_unicode(legacy), (expected, "tcvn3"))

    def test_vni(self):
        table = [
            ("Nguyeãn Vaên An", "Nguyễn Văn An"),
            ("Soá 12 ñöôøng Traàn Höng Ñaïo, Phöôøng Beán Ngheù", "Số 12 đường Trần Hưng Đạo, Phường Bến Nghé"),
            ("Haø Noäi", "Hà Nội"),
            ("Thaønh phoá Hoà Chí Minh", "Thành phố Hồ Chí Minh"),
            ("Ñaø Naüng", "Đà Nẵng"),
            ("Leâ Thò Hoàng Nhung", "Lê Thị Hồng Nhung"),
            ("Coâng ty TNHH Thöông maïi AÙnh Döông", "Công ty TNHH Thương mại Ánh Dương"),
            ("Ngöôøi Vieät", "Người Việt"),
            ("Khuyûu tay", "Khuỷu tay"),
            ("NGUYEÃN VAÊN AN", "NGUYỄN VĂN AN"),
            ("HAØ NOÄI", "HÀ NỘI"),
        ]
        for legacy, expected in table:
            with self.subTest(legacy=legacy):
                self.assertEqual(detect_legacy(legacy), "vni")
                self.assertEqual(to_unicode(legacy), (expected, "vni"))

    def test_viqr(self):
        table = [
            ("Nguye^~n Va(n An", "Nguyễn Văn An"),
            (
                "So^' 12 ddu+o+`ng Tra^`n Hu+ng DDa.o, Phu+o+`ng Be^'n Nghe'",
                "Số 12 đường Trần Hưng Đạo, Phường Bến Nghé",
            ),
            ("Ha` No^.i", "Hà Nội"),
            ("Tha`nh pho^' Ho^` Chi' Minh", "Thành phố Hồ Chí Minh"),
            ("DDa` Na(~ng", "Đà Nẵng"),
            ("NGUYE^~N VA(N AN", "NGUYỄN VĂN AN"),
            # a backslash keeps a mark literal; one tone per syllable leaves a final "." alone
            ("Tra^`n Hu+ng DDa.o\\.", "Trần Hưng Đạo."),
            ("Ho^`ng Ha`.", "Hồng Hà."),
        ]
        for legacy, expected in table:
            with self.subTest(legacy=legacy):
                self.assertEqual(detect_legacy(legacy), "viqr")
                self.assertEqual(to_unicode(legacy), (expected, "viqr"))

    def test_not_legacy(self):
        table = [
            "Nguyễn Văn An",
            "Số 12 đường Trần Hưng Đạo, Phường Bến Nghé",
            "Lê Hà",
            "Tâm",
            "Hòa",
            "Hoàng Café",
            "SỐ 12",
            "Nguyen Van An",
            "José",
            "Müller",
            "Crème brûlée",
            "Peña",
            "Raphaël",
            "Haïti",
            "Thérèse",
            "Gómez",
            "Björn",
            "São Paulo",
            "François",
            "Où est la gare?",
            "Jürgen Groß",
            "nguyen.van.an@example.com",
            "https://www.example.com/a?b=1",
            "+84 912 345 678",
            "0912.345.678",
            "1.234.567,89",
            "What? Yes.",
            "I'm fine.",
            "Hi. Go.",
            "Mr. Le Van A.",
            "Dr. Smith",
            "Addison",
            "Use `foo` and `bar`",
            "C++ and a+b",
            "Ha · Noi",
            "© 2024 ACME",
            "Odoo®",
            "1ª planta",
            "Qua^.n 1",  # a single VIQR syllable is no evidence
            "",
            "   ",
        ]
        for text in table:
            with self.subTest(text=text):
                self.assertIsNone(detect_legacy(text))
                self.assertEqual(to_unicode(text), (text, None))

    def test_to_unicode_composes(self):
        decomposed = unicodedata.normalize("NFD", "Nguyễn Văn An")
        self.assertEqual(to_unicode(decomposed), ("Nguyễn Văn An", "decomposed"))
        self.assertEqual(to_unicode(None), (None, None))

    def test_tcvn3_table_of_the_standard(self):
        """Every lower-case letter of TCVN 5712:1993 (TCVN3, "ABC" fonts .VnTime...), byte by byte as the standard's
        table gives it, read back as the Vietnamese letter (written here by hand, not produced by our encoder)."""
        table = {
            0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
            0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
            0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
            0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
            0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
            0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
            0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
            0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
            0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
            0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
            0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
            0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
            0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
        }  # fmt: skip
        for byte, letter in table.items():
            # as a spreadsheet saved in UTF-8 holds it: the byte read as its Windows-1252 (Latin-1) character
            legacy = bytes([byte]).decode("latin-1")
            with self.subTest(byte=hex(byte), letter=letter):
                self.assertEqual(decode_legacy(f"b{legacy}n", "tcvn3"), f"b{letter}n")

    def test_encode(self):
        table = [
            ("tcvn3", "Nguyễn Văn An", "NguyÔn V¨n An"),
            ("tcvn3", "Trường", "Tr\xadêng"),
            ("vni", "Nguyễn Văn An", "Nguyeãn Vaên An"),
            ("vni", "Đường", "Ñöôøng"),
            ("viqr", "Nguyễn Văn An", "Nguye^~n Va(n An"),
            ("viqr", "Đạo.", "DDa.o\\."),
        ]
        for encoding, text, expected in table:
            with self.subTest(encoding=encoding, text=text):
                self.assertEqual(encode_legacy(text, encoding), expected)
        with self.assertRaises(ValueError):
            encode_legacy("An", "viscii")
        with self.assertRaises(ValueError):
            decode_legacy("An", "viscii")

    def test_syllables(self):
        valid = ["Nguyễn", "khuỷu", "Hoà", "Hòa", "thuở", "giếng", "gì", "quốc", "Người", "ĐƯỜNG", "oanh", "An"]
        invalid = ["José", "Crốme", "Leõ", "Hellọ", "càp", "cảc", "Nguyen's", "ttt", "hoàà"]
        for word in valid:
            with self.subTest(word=word):
                self.assertTrue(is_vn_syllable(word))
        for word in invalid:
            with self.subTest(word=word):
                self.assertFalse(is_vn_syllable(word))
