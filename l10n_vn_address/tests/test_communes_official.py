"""The official list of 3,321 communes (2025), shipped as data/vn_communes.csv and loaded at installation.

The figures below are the law's, written out by hand (Resolutions of the National Assembly Standing Committee of
June 2025 on the commune-level units of each province): 3,321 units, of which 2,621 communes (xã), 687 wards
(phường) and 13 special zones (đặc khu); Hà Nội has 126, Hồ Chí Minh City 168, Đà Nẵng 94.
"""

import csv
import tempfile
from pathlib import Path
from unittest.mock import patch

from odoo.exceptions import UserError
from odoo.tests import BaseCase, Form, TransactionCase, new_test_user, tagged
from odoo.tools import mute_logger

from .. import hooks
from ..tools.communes import (
    CommuneListError,
    commune_code,
    commune_name_keys,
    official_communes_path,
    read_official_communes,
    typed_commune_keys,
)
from ..wizard import crm_vn_commune_import
from .test_communes import xlsx_file

TOTAL = 3321


@tagged("post_install", "-at_install", "l10n_vn_address")
class TestOfficialCommuneFile(BaseCase):
    def _write(self, content):
        directory = tempfile.TemporaryDirectory()
        self.addCleanup(directory.cleanup)
        path = Path(directory.name, "vn_communes.csv")
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            with path.open("w", encoding="utf-8", newline="") as file:
                csv.writer(file).writerows(content)
        return path

    def test_read(self):
        path = self._write(
            [
                ["province_code", "code", "name", "kind"],
                ["1", "70", " Phường  Hoàn Kiếm ", "ward"],
                ["91", "31078", "Đặc khu Phú Quốc", "special_zone"],
            ]
        )
        self.assertEqual(
            read_official_communes(path),
            [("01", "00070", "Phường Hoàn Kiếm"), ("91", "31078", "Đặc khu Phú Quốc")],
        )
        self.assertEqual(commune_code("4"), "00004")

    def test_unexpected_formats(self):
        header = ["province_code", "code", "name", "kind"]
        cases = {
            "not a list": "{",
            "empty list": [header],
            "no province column": [["code", "name", "kind"], ["70", "Phường A", "ward"]],
            "commune without code": [header, ["1", "", "Phường A", "ward"]],
            "code not a number": [header, ["1", "x", "Phường A", "ward"]],
            "commune without name": [header, ["1", "2", " ", "ward"]],
            "unknown kind": [header, ["1", "2", "Quận Một", "district"]],
        }
        for case, content in cases.items():
            with self.subTest(case), self.assertRaises(CommuneListError):
                read_official_communes(self._write(content))
        with self.assertRaises(CommuneListError):
            read_official_communes(Path(tempfile.gettempdir(), "no-such-dir", "vn_communes.csv"))

    def test_commune_keys(self):
        self.assertEqual(commune_name_keys("Phường Mỹ Tho"), ("phường mỹ tho", "phuong my tho"))
        self.assertEqual(commune_name_keys("Đặc khu Phú Quốc"), ("đặc khu phú quốc", "dac khu phu quoc"))
        self.assertEqual(commune_name_keys("Xã Thanh Hoá")[0], "xã thanh hóa")  # old tone placement
        cases = {
            "P. Bến Thành": [("full", "phường bến thành"), ("folded", "phuong ben thanh")],
            "P.Bến Thành": [("full", "phường bến thành"), ("folded", "phuong ben thanh")],
            # typed without diacritics: only the key without diacritics (Thanh An or Thạnh An?)
            "phuong ben thanh": [("folded", "phuong ben thanh")],
            "xa thanh an": [("folded", "xa thanh an")],
            "Xã Thanh An": [("full", "xã thanh an"), ("folded", "xa thanh an")],
            "X. Tân Thạnh": [("full", "xã tân thạnh"), ("folded", "xa tan thanh")],
            "Đk Côn Đảo": [("full", "đặc khu côn đảo"), ("folded", "dac khu con dao")],
            "Thị trấn Củ Chi": [("full", "thị trấn củ chi"), ("folded", "thi tran cu chi")],
            # no kind, no key: "Thủ Đức" may be the former district as well as the 2025 ward
            "Thủ Đức": [],
            "Phường": [],
            "  ": [],
        }
        for text, keys in cases.items():
            with self.subTest(text):
                self.assertEqual(typed_commune_keys(text), keys)

    def test_list_shipped(self):
        """The add-on ships the list; its figures are the law's (see the module docstring)."""
        path = official_communes_path()
        self.assertTrue(path, "data/vn_communes.csv is missing")
        communes = read_official_communes(path)
        self.assertEqual(len(communes), TOTAL)
        with path.open(encoding="utf-8", newline="") as file:
            kinds = [row["kind"] for row in csv.DictReader(file)]
        self.assertEqual((kinds.count("commune"), kinds.count("ward"), kinds.count("special_zone")), (2621, 687, 13))
        self.assertTrue(all(name.startswith(("Xã ", "Phường ", "Đặc khu ")) for __, __, name in communes))
        self.assertEqual(len({code for __, code, __ in communes}), TOTAL, "codes are unique")


@tagged("post_install", "-at_install", "l10n_vn_address")
class TestOfficialCommunes(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, lang="en_US"))
        cls.vn = cls.env.ref("base.vn")
        cls.State = cls.env["res.country.state"]
        cls.City = cls.env["res.city"]
        cls.admin = new_test_user(cls.env, "vn_official_admin", groups="base.group_system", name="Quản Trị Xã")
        cls.Wizard = cls.env["crm.vn.commune.import"].with_user(cls.admin)

    def _unit(self, gso_code):
        unit = self.State.search([("country_id", "=", self.vn.id), ("vn_gso_code", "=", gso_code)])
        self.assertEqual(len(unit), 1)
        return unit

    def _commune(self, code):
        commune = self.City.search([("country_id", "=", self.vn.id), ("vn_code", "=", code)])
        self.assertEqual(len(commune), 1)
        return commune

    def _official(self):
        return self.City.search([("country_id", "=", self.vn.id), ("vn_code", "!=", False)])

    def test_loaded_at_installation(self):
        communes = self._official()
        self.assertEqual(len(communes), TOTAL)
        self.assertTrue(self.vn.enforce_cities, "installing the module lets addresses choose their commune")
        self.assertFalse(communes.filtered(lambda city: not city.state_id.active or not city.state_id.vn_admin_2025))
        names = communes.mapped("name")
        self.assertEqual(
            (
                sum(name.startswith("Xã ") for name in names),
                sum(name.startswith("Phường ") for name in names),
                sum(name.startswith("Đặc khu ") for name in names),
            ),
            (2621, 687, 13),
        )
        ha_noi, hcm, da_nang = self._unit("01"), self._unit("79"), self._unit("48")
        self.assertEqual(
            [len(communes.filtered(lambda city, unit=unit: city.state_id == unit)) for unit in (ha_noi, hcm, da_nang)],
            [126, 168, 94],
        )
        # found by their official code
        hoan_kiem = self._commune("00070")
        self.assertEqual((hoan_kiem.name, hoan_kiem.state_id, hoan_kiem.vn_code), ("Phường Hoàn Kiếm", ha_noi, "00070"))
        phu_quoc = self._commune("31078")
        self.assertEqual((phu_quoc.name, phu_quoc.state_id), ("Đặc khu Phú Quốc", self._unit("91")))
        # one name, four provinces: four communes
        tan_thanh = communes.filtered(lambda city: city.name == "Xã Tân Thạnh")
        self.assertEqual(sorted(tan_thanh.state_id.mapped("vn_gso_code")), ["80", "82", "91", "92"])
        self.assertEqual(self.City.search_count([("name", "=", "Phường Bến Thành")]), 1)

    def test_address_form_offers_the_official_communes(self):
        ben_thanh = self._commune("26743")
        results = self.City.name_search("Bến Thành", [("country_id", "=", self.vn.id)])
        self.assertIn(ben_thanh.id, [record_id for record_id, _name in results])
        self.assertEqual(self.City.name_search("26743")[0][0], ben_thanh.id)
        with Form(self.env["res.partner"]) as form:
            form.name = "Cửa hàng Chợ Bến Thành"
            form.country_id = self.vn
            form.city_id = ben_thanh
        partner = form.record
        self.assertEqual((partner.city, partner.state_id), ("Phường Bến Thành", self._unit("79")))

    def test_load_again_repairs_and_keeps_the_rest(self):
        hoan_kiem = self._commune("00070")
        hoan_kiem.write({"name": "Phường Hoàn Kiếm Cũ", "state_id": self._unit("79").id})
        wizard = self.Wizard.create({})
        self.assertEqual(wizard.source, "official")
        wizard.action_load()
        self.assertEqual(
            (wizard.created_count, wizard.updated_count, wizard.unchanged_count, wizard.skipped_count),
            (0, 1, TOTAL - 1, 0),
        )
        self.assertEqual((hoan_kiem.name, hoan_kiem.state_id), ("Phường Hoàn Kiếm", self._unit("01")))
        # a deleted commune comes back
        phu_quoc = self._commune("31078")
        phu_quoc.unlink()
        wizard = self.Wizard.create({"source": "official"})
        wizard.action_load()
        self.assertEqual((wizard.created_count, wizard.unchanged_count), (1, TOTAL - 1))
        self.assertEqual(self._commune("31078").name, "Đặc khu Phú Quốc")
        self.assertEqual(len(self._official()), TOTAL)

    def test_codes_without_leading_zeros(self):
        """A spreadsheet drops the zeros of a code typed as a number: 70 is 00070, not a new commune."""
        hoan_kiem = self._commune("00070")
        rows = [["Mã", "Tên", "Tỉnh"], [70, "Phường Hoàn Kiếm", "Hà Nội"], ["4", "Phường Ba Đình", "Hà Nội"]]
        wizard = self.Wizard.create({"source": "file", "file": xlsx_file(rows), "file_name": "xa.xlsx"})
        wizard.action_load()
        self.assertEqual((wizard.created_count, wizard.unchanged_count), (0, 2))
        # a list loaded by an older version kept "70": the next load writes it as the official list does
        hoan_kiem.vn_code = "70"
        wizard = self.Wizard.create({"source": "official"})
        wizard.action_load()
        self.assertEqual((wizard.created_count, hoan_kiem.vn_code), (0, "00070"))
        self.assertEqual(len(self._official()), TOTAL)

    def test_upgrade_keeps_the_dropdown_off_when_an_administrator_left_it_off(self):
        self.vn.enforce_cities = False  # communes with codes exist: loaded, and the dropdown left off
        self.assertEqual(hooks.load_official_communes(self.env), 0)
        self.assertFalse(self.vn.enforce_cities)

    def test_display_name_shows_the_province(self):
        self.assertEqual(self._commune("27826").display_name, "Xã Tân Thạnh, Tây Ninh")
        self.assertEqual(self._commune("30157").display_name, "Xã Tân Thạnh, Đồng Tháp")
        us_city = self.City.create({"name": "Springfield", "country_id": self.env.ref("base.us").id, "zipcode": "1"})
        self.assertEqual(us_city.display_name, "Springfield (1)")

    def test_without_the_package(self):
        """An installation without the data file: the wizard offers the file, the official source says what to do."""
        before = self.City.search_count([])
        with patch.object(crm_vn_commune_import, "official_communes_path", return_value=None):
            wizard = self.Wizard.create({})
            self.assertEqual((wizard.source, wizard.official_available), ("file", False))
            wizard.source = "official"
            with self.assertRaisesRegex(UserError, "load the list from a file"):
                wizard.action_load()
        with patch.object(hooks, "official_communes_path", return_value=None):
            self.assertIsNone(hooks.load_official_communes(self.env))
        self.assertEqual(self.City.search_count([]), before)

    def test_unreadable_list_installs_anyway(self):
        """A list file damaged on the server: a clear error in the wizard, a warning at installation."""
        directory = tempfile.TemporaryDirectory()
        self.addCleanup(directory.cleanup)
        broken = Path(directory.name, "vn_communes.csv")
        broken.write_text('{"provinces": "moved"}', encoding="utf-8")
        before = self.City.search_count([])
        with patch.object(crm_vn_commune_import, "official_communes_path", return_value=broken):
            with self.assertRaisesRegex(UserError, "could not be read"), mute_logger(crm_vn_commune_import.__name__):
                self.Wizard.create({"source": "official"}).action_load()
            with mute_logger(crm_vn_commune_import.__name__, hooks.__name__):
                self.assertIsNone(hooks.load_official_communes(self.env))
        self.assertEqual(self.City.search_count([]), before)


@tagged("post_install", "-at_install", "l10n_vn_address")
class TestTypedCommunes(TransactionCase):
    """Addresses typed as text (imports, RPC, other apps) get their commune from the official list."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.vn = cls.env.ref("base.vn")
        cls.vn.enforce_cities = True
        units = cls.env["res.country.state"].search([("country_id", "=", cls.vn.id), ("vn_gso_code", "!=", False)])
        cls.unit = {unit.vn_gso_code: unit for unit in units}
        communes = cls.env["res.city"].search([("country_id", "=", cls.vn.id), ("vn_code", "!=", False)])
        cls.commune = {commune.vn_code: commune for commune in communes}
        cls.salesman = new_test_user(
            cls.env, "vn_typed_commune_sales", groups="base.group_user,base.group_partner_manager"
        )

    def _partner(self, city, gso="79", **values):
        return (
            self.env["res.partner"]
            .with_user(self.salesman)
            .create(
                {
                    "name": f"Khách {city}",
                    "country_id": self.vn.id,
                    "state_id": self.unit[gso].id,
                    "city": city,
                    **values,
                }
            )
        )

    def test_spellings_of_one_commune(self):
        ben_thanh = self.commune["26743"]
        for city in ("Phường Bến Thành", "P. Bến Thành", "P.Bến Thành", "phuong ben thanh", "PHƯỜNG BẾN THÀNH"):
            with self.subTest(city):
                partner = self._partner(city)
                self.assertEqual((partner.city_id, partner.city), (ben_thanh, "Phường Bến Thành"))

    def test_diacritics_decide_or_nothing_is_guessed(self):
        # Tây Ninh has Xã Tân Thạnh and Xã Tân Thành; Đồng Tháp has Phường Mỹ Tho and Xã Mỹ Thọ
        self.assertEqual(self._partner("X. Tân Thạnh", "80").city_id, self.commune["27826"])
        self.assertFalse(self._partner("xa tan thanh", "80").city_id)
        self.assertEqual(self._partner("xa tan thanh", "80").city, "xa tan thanh")  # kept as typed
        my_tho = self._partner("P. My Tho", "82").city_id
        self.assertEqual((my_tho.name, my_tho.state_id), ("Phường Mỹ Tho", self.unit["82"]))
        self.assertEqual(self._partner("Xã Mỹ Thọ", "82").city_id.name, "Xã Mỹ Thọ")
        # Hồ Chí Minh City has Xã Thanh An and Xã Thạnh An: typed without diacritics, either
        self.assertFalse(self._partner("xa thanh an").city_id)
        self.assertEqual(self._partner("Xã Thanh An").city_id.name, "Xã Thanh An")
        self.assertEqual(self._partner("X. Thạnh An").city_id.name, "Xã Thạnh An")

    def test_several_provinces_in_one_batch(self):
        partners = (
            self.env["res.partner"]
            .with_user(self.salesman)
            .create(
                [
                    {"name": name, "country_id": self.vn.id, "state_id": self.unit[gso].id, "city": city}
                    for name, gso, city in [
                        ("Khách Tây Ninh", "80", "Xã Tân Thạnh"),
                        ("Khách Đồng Tháp", "82", "Xã Tân Thạnh"),
                        ("Khách An Giang", "91", "xã tân thạnh"),
                        ("Khách Cần Thơ", "92", "X. Tân Thạnh"),
                        ("Khách Hà Nội", "01", "Xã Tân Thạnh"),  # none there
                    ]
                ]
            )
        )
        self.assertEqual(partners.mapped("city_id.vn_code"), ["27826", "30157", "31031", "31666"])
        self.assertFalse(partners[4].city_id)

    def test_stale_commune_dropped_then_relinked(self):
        partner = self._partner("P. Bến Thành")
        self.assertEqual(partner.city_id, self.commune["26743"])
        partner.write({"city": "P. Sài Gòn"})
        self.assertEqual((partner.city_id, partner.city), (self.commune["26740"], "Phường Sài Gòn"))
        partner.write({"city": "Chợ cũ"})
        self.assertEqual((partner.city_id, partner.city), (self.env["res.city"], "Chợ cũ"))
        partner.write({"city": "Phường Bến Thành"})
        partner.write({"state_id": self.unit["01"].id})  # moved to Hà Nội: not Bến Thành any more
        self.assertEqual(
            (partner.city_id, partner.city, partner.state_id),
            (self.env["res.city"], "Phường Bến Thành", self.unit["01"]),
        )
        # choosing the commune keeps it, and other countries' cities are not ours to judge
        partner.write({"city_id": self.commune["00070"].id, "city": "Hoàn Kiếm"})
        self.assertEqual((partner.city_id, partner.city), (self.commune["00070"], "Hoàn Kiếm"))
        partner.write({"street": "1 Tràng Tiền"})
        self.assertEqual(partner.city_id, self.commune["00070"])

    def test_company_and_its_contacts(self):
        """A company's first contact gives it its address; contacts follow their company's commune."""
        company = (
            self.env["res.partner"].with_user(self.salesman).create({"name": "Công ty Chợ Lớn", "is_company": True})
        )
        first = self._partner("P. Chợ Lớn", parent_id=company.id, type="contact")
        cho_lon = first.city_id
        self.assertEqual(cho_lon.name, "Phường Chợ Lớn")
        self.assertEqual((company.city_id, company.city), (cho_lon, "Phường Chợ Lớn"))
        second = self.env["res.partner"].with_user(self.salesman).create({"name": "Kế toán", "parent_id": company.id})
        self.assertEqual(second.city_id, cho_lon)
        company.write({"city": "P. Bến Thành"})
        self.assertEqual((company | first | second).mapped("city_id"), self.commune["26743"])
        self.assertEqual(set((company | first | second).mapped("city")), {"Phường Bến Thành"})

    def test_import_name_shared_by_provinces(self):
        """Importing "Xã Tân Thạnh" in Đồng Tháp gives Đồng Tháp's, not the first of the four."""
        result = (
            self.env["res.partner"]
            .with_user(self.salesman)
            .with_context(import_file=True)
            .load(
                ["name", "country_id", "state_id", "city_id"],
                [
                    ["Tiệm Tân Thạnh", "Vietnam", "Đồng Tháp", "Xã Tân Thạnh"],
                    ["Tiệm Bến Thành", "Vietnam", "", "26743"],
                ],
            )
        )
        self.assertEqual(len(result["ids"]), 2, result["messages"])
        first, second = self.env["res.partner"].browse(result["ids"])
        self.assertEqual((first.city_id, first.state_id), (self.commune["30157"], self.unit["82"]))
        self.assertEqual((second.city_id, second.state_id), (self.commune["26743"], self.unit["79"]))

    def test_only_in_its_province_and_country(self):
        self.assertFalse(self._partner("Phường Bến Thành", "01").city_id)  # Hà Nội has none
        self.assertFalse(self._partner("Quận 1").city_id)  # districts are gone
        # a bare name: the former district (Thủ Đức, Bình Thạnh) rather than the 2025 ward of that name
        for city in ("Thủ Đức", "Bình Thạnh", "Bến Thành"):
            with self.subTest(city):
                partner = self._partner(city)
                self.assertEqual((partner.city_id, partner.city), (self.env["res.city"], city))
        self.assertFalse(self._partner("Thị trấn Củ Chi").city_id)  # townships ended with the districts
        self.assertFalse(self._partner("Phường Bến Thành", state_id=False).city_id)
        us = self.env.ref("base.us")
        self.assertFalse(self._partner("Phường Bến Thành", country_id=us.id).city_id)  # HCM's id, another country

    def test_old_province_then_migrated(self):
        """An old address in Bình Dương: no commune until its province becomes Hồ Chí Minh City."""
        binh_duong = (
            self.env["res.country.state"]
            .with_context(active_test=False)
            .search([("country_id", "=", self.vn.id), ("name", "=", "Bình Dương"), ("active", "=", False)])
        )
        self.assertEqual(len(binh_duong), 1)
        partner = self._partner("Phường Thủ Dầu Một", state_id=binh_duong.id)
        self.assertFalse(partner.city_id)
        admin = new_test_user(self.env, "vn_typed_commune_migrator", groups="base.group_system")
        self.env["crm.vn.province.migration"].with_user(admin).create({}).action_migrate()
        self.assertEqual((partner.state_id, partner.city_id), (self.unit["79"], self.commune["25747"]))

    def test_write_and_import(self):
        partner = self._partner("Chưa rõ")
        self.assertFalse(partner.city_id)
        partner.write({"city": "p ben thanh"})
        self.assertEqual(partner.city_id, self.commune["26743"])
        result = (
            self.env["res.partner"]
            .with_user(self.salesman)
            .with_context(import_file=True)
            .load(
                ["name", "country_id", "state_id", "city"],
                [
                    ["Tiệm Phú Quốc", "Vietnam", "An Giang", "Đặc khu Phú Quốc"],
                    ["Tiệm Hoàn Kiếm", "Vietnam", "Ha Noi", "P. Hoàn Kiếm"],
                ],
            )
        )
        self.assertEqual(result["messages"], [])
        partners = self.env["res.partner"].browse(result["ids"])
        self.assertEqual(partners.city_id, self.commune["31078"] | self.commune["00070"])

    def test_not_without_the_commune_list(self):
        self.vn.enforce_cities = False
        self.assertFalse(self._partner("Phường Bến Thành").city_id)

    def test_existing_addresses_linked_when_the_list_arrives(self):
        """Addresses typed before the list was loaded: linked by the installation (hook) or the wizard."""
        self.vn.enforce_cities = False
        typed = self._partner("P. Bến Thành")
        bare = self._partner("Thủ Đức")
        archived = self._partner("Phường Sài Gòn", active=False)
        other_user = self.env["res.partner"].create(
            {
                "name": "Khách của người khác",
                "country_id": self.vn.id,
                "state_id": self.unit["01"].id,
                "city": "Xã Đông Anh",
            }
        )
        self.assertFalse((typed | bare | archived | other_user).city_id)

        self.vn.enforce_cities = True
        self.assertEqual(hooks.load_official_communes(self.env), 3)
        self.assertEqual(typed.city_id, self.commune["26743"])
        self.assertEqual(archived.city_id.name, "Phường Sài Gòn")
        self.assertEqual(other_user.city_id.name, "Xã Đông Anh")
        self.assertFalse(bare.city_id)

        # the wizard, run by an administrator, does the same after a load
        self.vn.enforce_cities = False
        later = self._partner("phuong ben thanh")
        admin = new_test_user(self.env, "vn_typed_commune_admin", groups="base.group_system")
        wizard = self.env["crm.vn.commune.import"].with_user(admin).create({"source": "official"})
        wizard.action_load()
        self.assertEqual((wizard.linked_count, later.city_id), (1, self.commune["26743"]))
