"""Vietnam's 2025 provincial units: data, migration wizard, name search and imports.

Expected values come from Resolution 202/2025/QH15 (the ``formed_from`` column of the 2025 list), written out by hand.
"""

import csv
import io

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, TransactionCase, new_test_user, tagged
from odoo.tools import convert_file
from odoo.tools.safe_eval import safe_eval

# The 34 units in force, as named in the database (Odoo's names are kept for the units that reuse its record).
UNITS_2025 = {
    "Hà Nội", "Cao Bằng", "Tuyên Quang", "Điện Biên", "Lai Châu", "Sơn La", "Lào Cai", "Thái Nguyên", "Lạng Sơn",
    "Quảng Ninh", "Bắc Ninh", "Phú Thọ", "TP Hải Phòng", "Hưng Yên", "Ninh Bình", "Thanh Hóa", "Nghệ An", "Hà Tĩnh",
    "Quảng Trị", "Huế", "TP Đà Nẵng", "Quảng Ngãi", "Gia Lai", "Khánh Hòa", "Đắk Lắk", "Lâm Đồng", "Đồng Nai",
    "TP Hồ Chí Minh", "Tây Ninh", "Đồng Tháp", "Vĩnh Long", "An Giang", "TP Cần Thơ", "Cà Mau",
}  # fmt: skip

# Every merged province -> the unit that took it over.
MERGED = {
    "Hà Giang": "Tuyên Quang", "Yên Bái": "Lào Cai", "Bắc Kạn": "Thái Nguyên", "Bắc Giang": "Bắc Ninh",
    "Vĩnh Phúc": "Phú Thọ", "Hòa Bình": "Phú Thọ", "Hải Dương": "TP Hải Phòng", "Thái Bình": "Hưng Yên",
    "Hà Nam": "Ninh Bình", "Nam Định": "Ninh Bình", "Quảng Bình": "Quảng Trị", "Quảng Nam": "TP Đà Nẵng",
    "Kon Tum": "Quảng Ngãi", "Bình Định": "Gia Lai", "Ninh Thuận": "Khánh Hòa", "Phú Yên": "Đắk Lắk",
    "Đắk Nông": "Lâm Đồng", "Bình Thuận": "Lâm Đồng", "Bình Phước": "Đồng Nai", "Bình Dương": "TP Hồ Chí Minh",
    "Bà Rịa - Vũng Tàu": "TP Hồ Chí Minh", "Long An": "Tây Ninh", "Tiền Giang": "Đồng Tháp", "Bến Tre": "Vĩnh Long",
    "Trà Vinh": "Vĩnh Long", "Kiên Giang": "An Giang", "Sóc Trăng": "TP Cần Thơ", "Hậu Giang": "TP Cần Thơ",
    "Bạc Liêu": "Cà Mau",
}  # fmt: skip


class ProvinceCommon(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, lang="en_US"))
        cls.vn = cls.env.ref("base.vn")
        cls.State = cls.env["res.country.state"]
        cls.ha_noi = cls.env.ref("base.state_vn_VN-HN")
        cls.tuyen_quang = cls.env.ref("base.state_vn_VN-07")
        cls.ha_giang = cls.env.ref("base.state_vn_VN-03")
        cls.gia_lai = cls.env.ref("base.state_vn_VN-30")
        cls.binh_dinh = cls.env.ref("base.state_vn_VN-31")
        cls.hcm = cls.env.ref("base.state_vn_VN-SG")
        cls.vung_tau = cls.env.ref("base.state_vn_VN-43")
        cls.hue = cls.env.ref("base.state_vn_VN-26")
        cls.quang_nam = cls.env.ref("base.state_vn_VN-27")
        cls.da_nang = cls.env.ref("base.state_vn_VN-DN")
        cls.kon_tum = cls.env.ref("base.state_vn_VN-28")
        cls.california = cls.env.ref("base.state_us_5")


@tagged("post_install", "-at_install", "l10n_vn_address")
class TestProvinceData(ProvinceCommon):
    def test_a_province_reads_as_vietnamese_write_it(self):
        """ "TP Hồ Chí Minh", not Odoo's "TP Hồ Chí Minh (VN)"; other countries' states keep their country code."""
        hcm = self.env.ref("base.state_vn_VN-SG")
        self.assertEqual(hcm.display_name, hcm.name)
        self.assertNotIn("(VN)", hcm.display_name)
        california = self.env.ref("base.state_us_5")
        self.assertEqual(california.display_name, "California (US)")

    def test_34_units_in_force(self):
        units = self.State.search([("country_id", "=", self.vn.id)])
        self.assertEqual(len(units), 34)
        self.assertEqual(set(units.mapped("name")), UNITS_2025)
        self.assertTrue(all(units.mapped("vn_admin_2025")))
        self.assertEqual(self.vn.state_ids, units)
        self.assertEqual(set(units.mapped("vn_kind")), {"city", "province"})
        cities = units.filtered(lambda s: s.vn_kind == "city")
        self.assertEqual(
            set(cities.mapped("name")),
            {"Hà Nội", "TP Hải Phòng", "Huế", "TP Đà Nẵng", "Đồng Nai", "TP Hồ Chí Minh", "TP Cần Thơ"},
        )

    def test_old_provinces_archived_not_deleted(self):
        all_states = self.State.with_context(active_test=False).search([("country_id", "=", self.vn.id)])
        self.assertEqual(len(all_states), 63)
        self.assertEqual(len(set(all_states.mapped("code"))), 63)
        archived = all_states.filtered(lambda s: not s.active)
        self.assertEqual(len(archived), 29)
        self.assertFalse(any(archived.mapped("vn_admin_2025")))
        self.assertEqual({s.name: s.vn_replaced_by_id.name for s in archived}, MERGED)
        self.assertTrue(all(archived.vn_replaced_by_id.mapped("active")))
        self.assertFalse((all_states - archived).vn_replaced_by_id)

    def test_hand_checked_units(self):
        self.assertEqual(self.ha_giang.vn_replaced_by_id, self.tuyen_quang)
        self.assertEqual(self.binh_dinh.vn_replaced_by_id, self.gia_lai)
        self.assertEqual(self.vung_tau.vn_replaced_by_id, self.hcm)
        self.assertEqual(self.quang_nam.vn_replaced_by_id, self.da_nang)
        # Hà Nội stays Hà Nội: same record, same ISO code
        self.assertTrue(self.ha_noi.active)
        self.assertEqual((self.ha_noi.name, self.ha_noi.code, self.ha_noi.vn_kind), ("Hà Nội", "VN-HN", "city"))
        # Thừa Thiên Huế continues as the city of Huế
        self.assertEqual((self.hue.name, self.hue.vn_former_name, self.hue.code), ("Huế", "Thừa Thiên Huế", "VN-26"))
        self.assertEqual(self.hue.vn_kind, "city")
        # GSO code 52 was Bình Định's and is now Gia Lai's: codes are informative only
        self.assertEqual(self.gia_lai.vn_gso_code, "52")
        self.assertFalse(self.binh_dinh.vn_gso_code)
        self.assertEqual(self.env.ref("base.state_vn_VN-39").vn_kind, "city")  # Đồng Nai, since 2026-04-30

    def test_reload_after_base_update_is_stable(self):
        """An update of base reloads its state CSV, then ours: the result is the same as before."""
        convert_file(self.env, "base", "data/res.country.state.csv", {}, mode="update", kind="data")
        self.assertEqual(self.hue.name, "Thừa Thiên - Huế")  # base's name is back...
        self.assertFalse(self.ha_giang.active)  # ...but base does not reactivate anything
        self.assertEqual(self.ha_giang.vn_replaced_by_id, self.tuyen_quang)
        self.ha_giang.active = True  # reactivated by hand
        convert_file(self.env, "l10n_vn_address", "data/res_country_state_data.xml", {}, mode="update", kind="data")
        self.assertEqual(self.hue.name, "Huế")
        self.assertFalse(self.ha_giang.active)
        self.assertEqual(self.State.search_count([("country_id", "=", self.vn.id)]), 34)

    def test_replacement_constraint(self):
        with self.assertRaises(ValidationError):
            self.ha_giang.vn_replaced_by_id = self.ha_giang
        with self.assertRaises(ValidationError):
            self.ha_giang.vn_replaced_by_id = self.california


@tagged("post_install", "-at_install", "l10n_vn_address")
class TestProvinceNameSearch(ProvinceCommon):
    def _found(self, name, operator="=", **kwargs):
        return self.State.browse(
            [state_id for state_id, _name in self.State.name_search(name, operator=operator, **kwargs)]
        )

    def test_exact_old_and_new_names(self):
        cases = {
            "Hà Giang": self.tuyen_quang,
            "Tuyên Quang": self.tuyen_quang,
            "ha giang": self.tuyen_quang,
            "HA GIANG": self.tuyen_quang,
            "Ha Giang ": self.tuyen_quang,
            "Bình Định": self.gia_lai,
            "Binh Dinh": self.gia_lai,
            "Bà Rịa - Vũng Tàu": self.hcm,
            "Ba Ria Vung Tau": self.hcm,
            "Hồ Chí Minh": self.hcm,
            "Thành phố Hồ Chí Minh": self.hcm,
            "TP. Hồ Chí Minh": self.hcm,
            "Thừa Thiên Huế": self.hue,
            "Thua Thien - Hue": self.hue,
            "Huế": self.hue,
            "Hà Nội": self.ha_noi,
            "ha noi": self.ha_noi,
            "Quảng Nam": self.da_nang,
            "Hà Giang (VN)": self.tuyen_quang,  # as exported before the migration
            "VN-03": self.tuyen_quang,  # Hà Giang's ISO code
            "VN-07": self.tuyen_quang,
        }
        for name, expected in cases.items():
            with self.subTest(name):
                self.assertEqual(self._found(name), expected)

    def test_unknown_and_other_countries(self):
        self.assertFalse(self._found("Hà Tây"))  # merged into Hà Nội in 2008: not in Odoo's data
        self.assertFalse(self._found("Ha Giang", args=[("country_id", "=", self.env.ref("base.us").id)]))
        self.assertFalse(self.State.with_context(country_id=self.env.ref("base.us").id).name_search("Hà Giang"))
        self.assertEqual(self._found("California"), self.california)

    def test_dropdown_offers_the_new_unit(self):
        found = self._found("ha gi", operator="ilike", args=[("country_id", "=?", self.vn.id)])
        self.assertEqual(found, self.tuyen_quang)
        found = self._found("Bình", operator="ilike", args=[("country_id", "=?", self.vn.id)])
        self.assertTrue(found.mapped("active") and all(found.mapped("active")))
        # Bình Định, Bình Dương, Bình Phước, Bình Thuận, Quảng Bình, Thái Bình, Hòa Bình, Ninh Bình
        self.assertEqual(
            set(found.mapped("name")),
            {"Gia Lai", "TP Hồ Chí Minh", "Đồng Nai", "Lâm Đồng", "Quảng Trị", "Hưng Yên", "Phú Thọ", "Ninh Bình"},
        )

    def test_partner_search_by_old_name(self):
        partner = self.env["res.partner"].create(
            {"name": "Công ty Chè Shan Tuyết", "country_id": self.vn.id, "state_id": self.tuyen_quang.id}
        )
        self.assertIn(partner, self.env["res.partner"].search([("state_id", "ilike", "ha giang")]))


@tagged("post_install", "-at_install", "l10n_vn_address")
class TestProvinceImport(ProvinceCommon):
    ROWS = [
        ("Nhà sách Đồng Văn", "Vietnam", "Hà Giang"),
        ("Hợp tác xã Na Hang", "Vietnam", "Tuyên Quang"),
        ("Quán Bún Bò Gia Hội", "Vietnam", "Thừa Thiên Huế"),
        ("Khách sạn Bãi Sau", "Vietnam", "Ba Ria - Vung Tau"),
        ("Tiệm may Hàng Gai", "Vietnam", "Hà Nội"),
        ("Xưởng gốm Quy Nhơn", "Vietnam", "binh dinh"),
    ]
    EXPECTED = {
        "Nhà sách Đồng Văn": "Tuyên Quang",
        "Hợp tác xã Na Hang": "Tuyên Quang",
        "Quán Bún Bò Gia Hội": "Huế",
        "Khách sạn Bãi Sau": "TP Hồ Chí Minh",
        "Tiệm may Hàng Gai": "Hà Nội",
        "Xưởng gốm Quy Nhơn": "Gia Lai",
    }

    def _imported(self):
        partners = self.env["res.partner"].search([("name", "in", list(self.EXPECTED))])
        return {partner.name: partner.state_id.name for partner in partners}

    def test_load_old_and_new_names(self):
        Partner = self.env["res.partner"].with_context(import_file=True)
        result = Partner.load(["name", "country_id", "state_id"], [list(row) for row in self.ROWS])
        self.assertEqual(result["messages"], [])
        self.assertEqual(len(result["ids"]), 6)
        self.assertEqual(self._imported(), self.EXPECTED)

    def test_load_archived_province_by_xml_id(self):
        """base.state_vn_VN-03 is Hà Giang, merged into Tuyên Quang."""
        Partner = self.env["res.partner"].with_context(import_file=True)
        result = Partner.load(
            ["name", "country_id/id", "state_id/id"], [["Nhà nghỉ Mèo Vạc", "base.vn", "base.state_vn_VN-03"]]
        )
        self.assertEqual(result["messages"], [])
        self.assertEqual(self.env["res.partner"].browse(result["ids"]).state_id.name, "Tuyên Quang")

    def test_base_import_csv(self):
        if "base_import.import" not in self.env:
            self.skipTest("base_import is not installed")
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(["Name", "Country", "State"])
        writer.writerows(self.ROWS)
        wizard = self.env["base_import.import"].create(
            {"res_model": "res.partner", "file": buffer.getvalue().encode(), "file_type": "text/csv"}
        )
        options = {"has_headers": True, "quoting": '"', "separator": ",", "encoding": "utf-8"}
        result = wizard.execute_import(["name", "country_id", "state_id"], ["Name", "Country", "State"], options)
        self.assertEqual(result["messages"], [])
        self.assertEqual(self._imported(), self.EXPECTED)


@tagged("post_install", "-at_install", "l10n_vn_address")
class TestProvinceMigration(ProvinceCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.admin = new_test_user(cls.env, "vn_prov_admin", groups="base.group_system", name="Quản Trị Hệ Thống")
        cls.other_company = cls.env["res.company"].create({"name": "Công ty Chi nhánh Quảng Nam"})
        Partner = cls.env["res.partner"]
        cls.p_ha_giang = Partner.create({"name": "Lò Văn Páo", "country_id": cls.vn.id, "state_id": cls.ha_giang.id})
        cls.company_binh_dinh = Partner.create(
            {"name": "Công ty Dừa Tam Quan", "is_company": True, "country_id": cls.vn.id, "state_id": cls.binh_dinh.id}
        )
        cls.contact_binh_dinh = Partner.create({"name": "Đào Thị Mơ", "parent_id": cls.company_binh_dinh.id})
        cls.archived_vung_tau = Partner.create(
            {"name": "Trịnh Văn Biển", "country_id": cls.vn.id, "state_id": cls.vung_tau.id, "active": False}
        )
        cls.other_company_quang_nam = Partner.create(
            {
                "name": "Hội An Lantern",
                "is_company": True,
                "country_id": cls.vn.id,
                "state_id": cls.quang_nam.id,
                "company_id": cls.other_company.id,
            }
        )
        cls.p_ha_noi = Partner.create({"name": "Ngô Thị Hằng", "country_id": cls.vn.id, "state_id": cls.ha_noi.id})
        cls.p_hue = Partner.create({"name": "Tôn Nữ Hoa", "country_id": cls.vn.id, "state_id": cls.hue.id})
        cls.p_california = Partner.create({"name": "Kim Tran", "state_id": cls.california.id})
        # other records with a province: banks here (any model's stored province field is moved, leads and orders
        # included, see crm_vn_customer's tests)
        Bank = cls.env["res.bank"]
        cls.bank_ha_giang = Bank.create({"name": "Ngân hàng Hà Giang", "state": cls.ha_giang.id, "country": cls.vn.id})
        cls.bank_dong_van = Bank.create({"name": "Quỹ tín dụng Đồng Văn", "state": cls.ha_giang.id})
        cls.archived_bank_binh_dinh = Bank.create({"name": "Quỹ Tam Quan", "state": cls.binh_dinh.id, "active": False})
        cls.bank_quang_nam = Bank.create({"name": "Ngân hàng Hội An", "state": cls.quang_nam.id})
        cls.bank_ha_noi = Bank.create({"name": "Ngân hàng Hàng Gai", "state": cls.ha_noi.id})
        cls.Wizard = cls.env["crm.vn.province.migration"].with_user(cls.admin)

    def test_preview_migrate_and_run_again(self):
        wizard = self.Wizard.create({})
        preview = {
            line.old_state_id.name: (line.new_state_id.name, line.partner_count, line.company_count, line.record_count)
            for line in wizard.line_ids
        }
        self.assertEqual(
            preview,
            {
                "Hà Giang": ("Tuyên Quang", 1, 0, 2),
                "Bình Định": ("Gia Lai", 2, 1, 1),
                "Bà Rịa - Vũng Tàu": ("TP Hồ Chí Minh", 1, 0, 0),
                "Quảng Nam": ("TP Đà Nẵng", 1, 1, 1),
            },
        )
        self.assertEqual((wizard.partner_count, wizard.company_count, wizard.record_count), (5, 2, 4))

        action = wizard.action_migrate()
        self.assertEqual(action["tag"], "display_notification")
        self.assertEqual(
            action["params"]["message"],
            "Moved to the 2025 provinces: 5 contact addresses, of which 2 companies, and 4 other records (leads, "
            "orders, banks...).",
        )
        self.assertEqual(self.p_ha_giang.state_id, self.tuyen_quang)
        self.assertEqual(self.company_binh_dinh.state_id, self.gia_lai)
        self.assertEqual(self.contact_binh_dinh.state_id, self.gia_lai)
        self.assertEqual(self.archived_vung_tau.state_id, self.hcm)
        self.assertFalse(self.archived_vung_tau.active)
        self.assertEqual(self.other_company_quang_nam.state_id, self.da_nang)
        self.assertEqual(self.bank_ha_giang.state, self.tuyen_quang)
        self.assertEqual(self.bank_dong_van.state, self.tuyen_quang)
        self.assertEqual(self.archived_bank_binh_dinh.state, self.gia_lai)
        self.assertFalse(self.archived_bank_binh_dinh.active)
        self.assertEqual(self.bank_quang_nam.state, self.da_nang)
        self.assertEqual(self.bank_ha_noi.state, self.ha_noi)
        # untouched: units that kept their record, other countries, addresses without a province
        self.assertEqual(self.p_ha_noi.state_id, self.ha_noi)
        self.assertEqual(self.p_hue.state_id, self.hue)
        self.assertEqual(self.p_california.state_id, self.california)
        # the old provinces stay, archived
        self.assertFalse(self.ha_giang.active)
        self.assertTrue(self.ha_giang.exists())

        again = self.Wizard.create({})
        self.assertFalse(again.line_ids)
        self.assertEqual((again.partner_count, again.record_count), (0, 0))
        self.assertEqual(again._migrate_addresses(), {})
        self.assertEqual(
            again.action_migrate()["params"]["message"],
            "All addresses already use the 2025 provinces: nothing was moved.",
        )

    def test_province_without_single_successor_left_alone(self):
        """A split province (none in 2025) has no replacement: listed, not moved."""
        self.ha_giang.vn_replaced_by_id = False
        wizard = self.Wizard.create({})
        line = wizard.line_ids.filtered(lambda line: line.old_state_id == self.ha_giang)
        self.assertFalse(line.new_state_id)
        self.assertEqual((line.partner_count, line.record_count), (1, 2))
        self.assertEqual((wizard.partner_count, wizard.record_count), (4, 2))
        wizard.action_migrate()
        self.assertEqual(self.p_ha_giang.state_id, self.ha_giang)
        self.assertEqual(self.bank_dong_van.state, self.ha_giang)
        self.assertEqual(self.company_binh_dinh.state_id, self.gia_lai)
        self.assertEqual(self.archived_bank_binh_dinh.state, self.gia_lai)

    def test_other_records_only(self):
        """Other records are moved even when no contact is left in an old province."""
        self.env["res.partner"].with_context(active_test=False).search(
            [("state_id", "in", [self.ha_giang.id, self.binh_dinh.id, self.vung_tau.id, self.quang_nam.id])]
        ).write({"state_id": self.ha_noi.id})
        Bank = self.env["res.bank"]
        Bank.create([{"name": f"Quỹ Kon Tum {number}", "state": self.kon_tum.id} for number in range(5)])
        wizard = self.Wizard.create({})
        self.assertEqual((wizard.partner_count, wizard.record_count), (0, 9))
        moved = wizard._migrate_addresses()
        self.assertEqual(
            {state.name: counts for state, counts in moved.items()},
            {
                "Hà Giang": {"partners": 0, "companies": 0, "records": 2},
                "Bình Định": {"partners": 0, "companies": 0, "records": 1},
                "Quảng Nam": {"partners": 0, "companies": 0, "records": 1},
                "Kon Tum": {"partners": 0, "companies": 0, "records": 5},
            },
        )
        quang_ngai = self.env.ref("base.state_vn_VN-29")
        self.assertEqual(Bank.search_count([("state", "=", quang_ngai.id), ("name", "like", "Quỹ Kon Tum")]), 5)
        self.assertFalse(Bank.with_context(active_test=False).search_count([("state", "in", self.ha_giang.ids)]))

    def test_fields_found_in_the_registry(self):
        fields = self.Wizard._address_fields()
        self.assertEqual(fields[0], ("res.partner", "state_id"), "contacts first")
        self.assertIn(("res.bank", "state"), fields)
        self.assertNotIn(("res.company", "state_id"), fields, "related to the company's partner, moved with it")
        self.assertNotIn(("res.country.state", "vn_replaced_by_id"), fields)

    def test_only_administrators(self):
        salesman = new_test_user(
            self.env, "vn_prov_sales", groups="base.group_user,base.group_partner_manager,base.group_erp_manager"
        )
        with self.assertRaises(AccessError):
            self.env["crm.vn.province.migration"].with_user(salesman).create({})

    def test_address_form_offers_only_units_in_force(self):
        with Form(self.env["res.partner"]) as form:
            form.name = "Vàng Seo Sử"
            form.country_id = self.vn
            # what the province dropdown asks for: the field's domain, and the form's context
            domain = safe_eval(self.env["res.partner"]._fields["state_id"].domain, {"country_id": form.country_id.id})
            States = self.State.with_context(country_id=form.country_id.id)
            offered = self.State.browse([state_id for state_id, _name in States.name_search("", domain, limit=None)])
            self.assertEqual(len(offered), 34)
            self.assertNotIn(self.ha_giang, offered)
            [(state_id, _name)] = States.name_search("Hà Giang", domain)
            form.state_id = self.State.browse(state_id)
        self.assertEqual(form.record.state_id, self.tuyen_quang)

    def test_address_on_archived_province_still_works(self):
        with Form(self.p_ha_giang) as form:
            self.assertEqual(form.state_id, self.ha_giang)
            form.street = "Phố Cáo, Đồng Văn"
        self.assertEqual(self.p_ha_giang.state_id, self.ha_giang)
        self.assertIn("Hà Giang", self.p_ha_giang._display_address())
