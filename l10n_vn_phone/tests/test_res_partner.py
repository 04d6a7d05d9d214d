from odoo.exceptions import ValidationError
from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install", "l10n_vn_phone")
class TestPartnerPhone(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, lang="en_US"))
        cls.vn = cls.env.ref("base.vn")
        cls.env.company.country_id = cls.vn
        cls.user = new_test_user(cls.env, "vn_phone_user", groups="base.group_user,base.group_partner_manager")
        cls.customer = cls.env["res.partner"].create({"name": "Trần Văn Cường", "mobile": "0912 345 678"})

    def test_phone_normalised_on_create_and_write(self):
        partner = (
            self.env["res.partner"]
            .with_user(self.user)
            .create({"name": "Võ Thị Hạnh", "mobile": "0162 345 6789", "phone": "+84 (0) 28 3812 3456"})
        )
        self.assertEqual(partner.mobile, "+84323456789")
        self.assertEqual(partner.phone, "+842838123456")
        partner.write({"mobile": "0912.345.678"})
        self.assertEqual(partner.mobile, "+84912345678")
        self.assertEqual(self.customer.mobile, "+84912345678")

    def test_phone_landline_hint(self):
        Partner = self.env["res.partner"]
        mobile_reading = Partner.create({"name": "A", "phone": "08 3812 3456"})
        self.assertEqual(mobile_reading.phone, "+84838123456")
        landline_reading = Partner.with_context(l10n_vn_phone_landline=True).create(
            {"name": "B", "phone": "08 3812 3456"}
        )
        self.assertEqual(landline_reading.phone, "+842838123456")

    def test_phone_invalid_refused_nothing_saved(self):
        Partner = self.env["res.partner"].with_user(self.user)
        count = Partner.search_count([])
        with self.assertRaisesRegex(ValidationError, r"0912 34.*not a valid phone number"):
            Partner.create([{"name": "Valid One", "mobile": "0912 345 679"}, {"name": "X", "mobile": "0912 34"}])
        self.assertEqual(Partner.search_count([]), count)
        partner = self.customer.with_user(self.user)
        with self.assertRaises(ValidationError) as error:
            partner.write({"name": "Renamed", "phone": "abc"})
        self.assertIn("abc", str(error.exception))
        self.assertEqual(partner.name, "Trần Văn Cường")
        self.assertEqual(partner.phone, False)

    def test_phone_error_translated(self):
        self.env["res.lang"]._activate_lang("vi_VN")
        Partner = self.env["res.partner"].with_context(lang="vi_VN")
        with self.assertRaisesRegex(ValidationError, "không phải là số điện thoại hợp lệ"):
            Partner.create({"name": "X", "mobile": "12"})

    def test_phone_foreign_partner_left_to_odoo(self):
        us = self.env.ref("base.us")
        partner = self.env["res.partner"].create({"name": "John", "country_id": us.id, "phone": "123"})
        self.assertEqual(partner.phone, "123", "numbers of other countries are not our business")
        with self.assertRaises(ValidationError):
            self.env["res.partner"].create({"name": "Jane", "country_id": us.id, "phone": "+84 12"})

    def test_phone_typed_abroad_normalised_when_the_partner_becomes_vietnamese(self):
        """Typed in a company outside Vietnam without a country, an old 11-digit mobile is kept as typed; choosing
        Vietnam afterwards stores it in E.164 (the 2018 conversion applied)."""
        us_company = self.env["res.company"].create({"name": "US Co", "country_id": self.env.ref("base.us").id})
        partner = (
            self.env["res.partner"]
            .with_company(us_company)
            .create({"name": "Lê Văn Tám", "mobile": "0168 123 4567", "phone": "ext. 12"})
        )
        self.assertEqual(partner.mobile, "0168 123 4567")
        self.user.company_ids |= us_company
        partner.with_user(self.user).with_company(us_company).write({"country_id": self.vn.id})
        self.assertEqual(partner.mobile, "+84381234567")
        self.assertEqual(partner.phone, "ext. 12", "what cannot be read is left, the country still changes")
        self.assertEqual(partner.country_id, self.vn)

    def test_phone_write_on_mixed_countries(self):
        us = self.env.ref("base.us")
        american = self.env["res.partner"].create({"name": "John", "country_id": us.id})
        both = american | self.customer
        both.write({"phone": "0283 812 3456"})
        self.assertEqual(self.customer.phone, "+842838123456")
        self.assertEqual(american.phone, "0283 812 3456", "read in the partner's own country")

    def test_phone_import(self):
        result = self.env["res.partner"].load(
            ["name", "mobile"],
            [["Đinh Văn Lộc", "01689 123 456"], ["Lỗi Số", "09"], ["Mai Anh", "+84 98 765 4321"]],
        )
        errors = {m["rows"]["from"]: m["message"] for m in result["messages"] if m["type"] == "error"}
        self.assertIn('"09" is not a valid phone number', errors[1], "the error names the row and the value")
        # an import with an error writes nothing
        self.assertFalse(result["ids"])
        result = self.env["res.partner"].load(
            ["name", "mobile"], [["Đinh Văn Lộc", "01689 123 456"], ["Mai Anh", "+84 98 765 4321"]]
        )
        partners = self.env["res.partner"].browse(result["ids"])
        self.assertEqual(partners.mapped("mobile"), ["+84389123456", "+84987654321"])

    def test_sanitized_numbers_read_the_vietnamese_way(self):
        """Odoo's own formatting (phone_sanitized of SMS, blacklist, mailing) reads a number as written in Vietnam:
        without it, phonenumbers finds a pre-2018 mobile number invalid and the two writings of one number differ."""
        Partner = self.env["res.partner"]
        for raw in ("0168 123 4567", "(+84) 0381 234 567", "０３８１２３４５６７", "+84 168 123 4567", "0381.234.567"):
            self.assertEqual(Partner._phone_format(number=raw, country=self.vn), "+84381234567", raw)
        self.assertEqual(
            Partner._phone_format(number="0168 123 4567", country=self.vn, force_format="INTERNATIONAL"),
            "+84 381 234 567",
        )
        # a Vietnamese number written internationally on a partner of another country
        self.assertEqual(
            Partner._phone_format(number="+84 168 123 4567", country=self.env.ref("base.be")), "+84381234567"
        )
        # other countries' numbers are Odoo's, as before
        self.assertEqual(Partner._phone_format(number="0456 99 88 77", country=self.env.ref("base.be")), "+32456998877")
        self.assertFalse(Partner._phone_format(number="0912 34", country=self.vn))

    def test_a_phone_number_typed_in_a_picker_is_not_a_new_contact(self):
        """Typed in a customer picker to find someone, a number is offered as "Create ..." by the web client: Odoo's
        quick create (name_create) refuses it with the reason; a name with digits is still a name."""
        count = self.env["res.partner"].search_count([])
        for typed in ("0984 789 235", "+84 984 789 235", "0984.789.235"):
            with self.subTest(typed=typed), self.assertRaises(ValidationError) as refused:
                self.env["res.partner"].name_create(typed)
            self.assertIn(typed, str(refused.exception))
        self.assertEqual(self.env["res.partner"].search_count([]), count)
        self.assertTrue(self.env["res.partner"].name_create("Cửa hàng 0984")[0])
