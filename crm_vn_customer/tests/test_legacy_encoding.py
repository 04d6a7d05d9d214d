import unicodedata

from odoo.tests import BaseCase, tagged

from odoo.addons.crm_vn_customer.tools.legacy_encoding import (
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


@tagged("post_install", "-at_install", "crm_vn_customer")
class TestLegacyEncoding(BaseCase):
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

    def test_round_trips(self):
        letters = [form for row in VOWEL_FORMS for form in row[1:]] + [row[0] for row in VOWEL_FORMS] + ["đ"]
        for encoding in ("tcvn3", "vni", "viqr"):
            for letter in letters:
                # TCVN3 has no toned capitals: case comes back from the rest of the cell
                for text in (f"ba {letter}n", f"Ba {letter.upper()}n", f"BA {letter.upper()}N"):
                    with self.subTest(encoding=encoding, text=text):
                        self.assertEqual(decode_legacy(encode_legacy(text, encoding), encoding), text)

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
