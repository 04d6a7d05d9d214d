"""Communes of 2025 as cities of base_address_extended: the "Load Communes" wizard, address forms and imports.

The communes and codes below are made up for the tests ("Thử Nghiệm" means "test"), except the demo wards; the
provinces are real, and the expected province of each row is written out by hand.
"""

import base64
import csv
import io

from openpyxl import Workbook
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError
from odoo.tests import BaseCase, Form, TransactionCase, new_test_user, tagged
from odoo.tools import mute_logger

from ..wizard.crm_vn_commune_import import find_header, header_key


def csv_file(rows, delimiter=","):
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    return base64.b64encode(buffer.getvalue().encode())


def xlsx_file(rows):
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return base64.b64encode(buffer.getvalue())


class CommuneCommon(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, lang="en_US"))
        cls.vn = cls.env.ref("base.vn")
        cls.vn.enforce_cities = False
        cls.ha_noi = cls.env.ref("base.state_vn_VN-HN")
        cls.hcm = cls.env.ref("base.state_vn_VN-SG")
        cls.tuyen_quang = cls.env.ref("base.state_vn_VN-07")
        cls.admin = new_test_user(cls.env, "vn_commune_admin", groups="base.group_system", name="Quản Trị Địa Chỉ")
        cls.City = cls.env["res.city"]
        cls.Wizard = cls.env["crm.vn.commune.import"].with_user(cls.admin)

    def _load(self, file, file_name="communes.csv", **values):
        wizard = self.Wizard.create({"source": "file", "file": file, "file_name": file_name, **values})
        action = wizard.action_load()
        self.assertEqual((action["res_model"], action["res_id"]), ("crm.vn.commune.import", wizard.id))
        self.assertEqual(wizard.state, "done")
        return wizard

    def _communes(self, codes):
        """{code: (name, province name)} of the cities with these official codes."""
        cities = self.City.search([("country_id", "=", self.vn.id), ("vn_code", "in", codes)])
        return {city.vn_code: (city.name, city.state_id.name) for city in cities}

    def _vn_city_count(self):
        return self.City.search_count([("country_id", "=", self.vn.id)])


@tagged("post_install", "-at_install", "l10n_vn_address")
class TestCommuneHeader(BaseCase):
    def test_header_key(self):
        cases = {
            "Tỉnh / Thành phố": "tinh thanh pho",
            "TỈNH THÀNH PHỐ": "tinh thanh pho",
            "Phường/Xã": "phuong xa",
            " Mã ": "ma",
            "Tên": "ten",
            "Province": "province",
            None: "",
        }
        for raw, expected in cases.items():
            with self.subTest(raw):
                self.assertEqual(header_key(raw), expected)

    def test_find_header(self):
        cases = [
            # title rows before the header, code first
            (
                [["Danh sách"], [], ["Mã", "Tên", "Cấp", "Mã TP", "Tỉnh Thành Phố"]],
                (2, {"code": 0, "name": 1, "province": 4}),
            ),
            ([["Phường Xã", "Tỉnh"]], (0, {"name": 0, "province": 1, "code": None})),
            ([["name", "PROVINCE", "Code"]], (0, {"name": 0, "province": 1, "code": 2})),
            ([["ten", "tinh thanh pho", "MA"]], (0, {"name": 0, "province": 1, "code": 2})),
            ([["Name", "Country", "State"]], (None, None)),  # a contact export
            ([["Tên", "Điện thoại", "Thành phố"]], (None, None)),
            ([["Họ tên", "Điện thoại"]], (None, None)),  # a contact list, not communes
            ([["Tên"]], (None, None)),  # no province column
        ]  # fmt: skip
        for cells, expected in cases:
            with self.subTest(cells):
                rows = [(number, row) for number, row in enumerate(cells, start=1)]
                self.assertEqual(find_header(rows), expected)


@tagged("post_install", "-at_install", "l10n_vn_address")
class TestCommuneImport(CommuneCommon):
    ROWS = [
        ["Danh sách đơn vị hành chính cấp xã (dữ liệu thử)"],
        [],
        ["Mã", "Tên", "Tỉnh Thành Phố"],
        ["90001", "Phường Thử Nghiệm Một", "Thành phố Hà Nội"],
        ["90002", "Xã Thử Nghiệm Hai", "Hà Giang"],  # merged into Tuyên Quang
        ["90003", "Phường Thử Nghiệm Ba", "tp ho chi minh"],
        ["90004", "Phường Thử Nghiệm Bốn", "Bình Dương"],  # merged into Hồ Chí Minh
        ["90005", "Xã Thử Nghiệm Năm", "Hà Tây"],  # merged into Hà Nội in 2008: unknown
        ["90006", "Xã Thử Nghiệm Sáu", ""],
        ["", "", ""],
        ["90007", "", "Hà Nội"],
    ]
    EXPECTED = {
        "90001": ("Phường Thử Nghiệm Một", "Hà Nội"),
        "90002": ("Xã Thử Nghiệm Hai", "Tuyên Quang"),
        "90003": ("Phường Thử Nghiệm Ba", "TP Hồ Chí Minh"),
        "90004": ("Phường Thử Nghiệm Bốn", "TP Hồ Chí Minh"),
    }
    CODES = ["90001", "90002", "90003", "90004", "90005", "90006", "90007"]

    def test_load_csv(self):
        before = self._vn_city_count()
        wizard = self._load(csv_file(self.ROWS))
        self.assertEqual(self._communes(self.CODES), self.EXPECTED)
        self.assertEqual(self._vn_city_count(), before + 4)
        self.assertEqual(
            (wizard.created_count, wizard.updated_count, wizard.unchanged_count, wizard.skipped_count), (4, 0, 0, 3)
        )
        self.assertEqual(
            wizard.skipped_rows.splitlines(),
            [
                "Row 8: Xã Thử Nghiệm Năm: unknown province Hà Tây.",
                "Row 9: Xã Thử Nghiệm Sáu: unknown province (empty).",
                "Row 11: no commune name.",
            ],
        )
        self.assertTrue(self.vn.enforce_cities)
        self.assertTrue(wizard.vn_enforce_cities)

    def test_load_xlsx_and_again(self):
        rows = [["Code", "Name", "Province"]] + [list(row) for row in self.ROWS[3:7]]
        rows[1][0] = 90001  # a code typed as a number in the spreadsheet
        wizard = self._load(xlsx_file(rows), "communes.xlsx")
        self.assertEqual((wizard.created_count, wizard.skipped_count), (4, 0))
        self.assertEqual(self._communes(self.CODES), self.EXPECTED)
        count = self._vn_city_count()

        # the same file again: nothing changes
        wizard = self._load(xlsx_file(rows), "communes.xlsx")
        self.assertEqual((wizard.created_count, wizard.updated_count, wizard.unchanged_count), (0, 0, 4))
        self.assertEqual(self._vn_city_count(), count)

        # a corrected list: renamed and moved by code, not duplicated
        rows[2][1:] = ["Xã Thử Nghiệm Hai Mới", "Tuyên Quang"]
        rows[3][2] = "Hà Nội"
        wizard = self._load(xlsx_file(rows), "communes.xlsx")
        self.assertEqual((wizard.created_count, wizard.updated_count, wizard.unchanged_count), (0, 2, 2))
        self.assertEqual(self._vn_city_count(), count)
        self.assertEqual(
            self._communes(self.CODES),
            dict(
                self.EXPECTED,
                **{"90002": ("Xã Thử Nghiệm Hai Mới", "Tuyên Quang"), "90003": ("Phường Thử Nghiệm Ba", "Hà Nội")},
            ),
        )

    def test_without_codes_then_with_codes(self):
        rows = [["Phường Xã", "Tỉnh"], ["Phường Thử Nghiệm Bảy", "Hà Nội"], ["Xã Thử Nghiệm Tám", "Bình Dương"]]
        before = self._vn_city_count()
        wizard = self._load(csv_file(rows, delimiter=";"))
        self.assertEqual((wizard.created_count, wizard.skipped_count), (2, 0))
        # again, the province names spelt without diacritics and in capitals: the same communes
        rows_again = [["PHUONG XA", "TINH"], ["Phường Thử Nghiệm Bảy", "ha noi"], ["Xã Thử Nghiệm Tám", "HCM"]]
        wizard = self._load(csv_file(rows_again, delimiter=";"))
        self.assertEqual((wizard.created_count, wizard.unchanged_count, wizard.skipped_count), (0, 1, 1))
        self.assertEqual(wizard.skipped_rows, "Row 3: Xã Thử Nghiệm Tám: unknown province HCM.")
        # the official codes given later complete the same records
        wizard = self._load(csv_file([["Mã", *rows[0]], ["90007", *rows[1]], ["90008", *rows[2]]]))
        self.assertEqual((wizard.created_count, wizard.updated_count), (0, 2))
        self.assertEqual(self._vn_city_count(), before + 2)
        self.assertEqual(
            self._communes(["90007", "90008"]),
            {"90007": ("Phường Thử Nghiệm Bảy", "Hà Nội"), "90008": ("Xã Thử Nghiệm Tám", "TP Hồ Chí Minh")},
        )

    def test_same_commune_twice_in_file(self):
        rows = [["Tên", "Tỉnh"], ["Xã Thử Nghiệm Chín", "Hà Giang"], ["XÃ THỬ NGHIỆM  CHÍN", "Tuyên Quang"]]
        wizard = self._load(csv_file(rows))
        self.assertEqual((wizard.created_count, wizard.skipped_count), (1, 1))
        self.assertEqual(wizard.skipped_rows, "Row 3: XÃ THỬ NGHIỆM CHÍN (Tuyên Quang) is already on row 2.")

    def test_names_differing_by_diacritics_are_two_communes(self):
        """Southern provinces hold pairs such as Tân Thành and Tân Thạnh: diacritics tell them apart."""
        rows = [["Tên", "Tỉnh"], ["Xã Tân Thành Thử", "Tây Ninh"], ["Xã Tân Thạnh Thử", "Tây Ninh"]]
        wizard = self._load(csv_file(rows))
        self.assertEqual((wizard.created_count, wizard.skipped_count), (2, 0))
        with_codes = [
            ["Mã", "Tên", "Tỉnh"],
            ["99001", "Xã Tân Thành Thử", "Tây Ninh"],
            ["99002", "Xã Tân Thạnh Thử", "Long An"],
        ]
        wizard = self._load(csv_file(with_codes))
        self.assertEqual((wizard.created_count, wizard.updated_count), (0, 2))
        self.assertEqual(
            self._communes(["99001", "99002"]),
            {"99001": ("Xã Tân Thành Thử", "Tây Ninh"), "99002": ("Xã Tân Thạnh Thử", "Tây Ninh")},
        )
        # old tone placement (Thuỷ, Hoá) is the same name as the new one (Thủy, Hóa)
        wizard = self._load(csv_file([["Tên", "Tỉnh"], ["Phường Thanh Hoá Thử", "Hà Nội"]]))
        wizard = self._load(csv_file([["Tên", "Tỉnh"], ["Phường Thanh Hóa Thử", "Hà Nội"]]))
        self.assertEqual((wizard.created_count, wizard.updated_count), (0, 1))

    def test_bad_files_write_nothing(self):
        cases = {
            "empty": base64.b64encode(b" \r\n\r\n"),
            "not base64": b"@@@",
            "broken xlsx": base64.b64encode(b"PK\x03\x04 not really a zip"),
            "old xls": base64.b64encode(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 old excel"),
            "not utf-8": base64.b64encode("Tên,Tinh\nXa Thu,Ha Noi\n".encode("cp1258")),
            "no header": csv_file([["Họ tên", "Điện thoại"], ["Nguyễn Văn A", "0912345678"]]),
            "header only": csv_file([["Tên", "Tỉnh"]]),
            "same code twice": csv_file(
                [
                    ["Mã", "Tên", "Tỉnh"],
                    ["90009", "Xã Một", "Hà Nội"],
                    ["90010", "Xã Hai", "Hà Nội"],
                    ["90009", "Xã Ba", "Huế"],
                ]
            ),
        }
        before = self._vn_city_count()
        for case, file in cases.items():
            with self.subTest(case):
                wizard = self.Wizard.create({"source": "file", "file": file, "file_name": "communes"})
                with self.assertRaises(UserError) as caught:
                    wizard.action_load()
                self.assertTrue(str(caught.exception))
                self.assertEqual(wizard.state, "upload")
                self.assertEqual(self._vn_city_count(), before)
                self.assertFalse(self.vn.enforce_cities)
        with self.assertRaisesRegex(UserError, r"rows 2, 4"):
            self.Wizard.create({"source": "file", "file": cases["same code twice"]}).action_load()
        with self.assertRaisesRegex(UserError, "Choose the file"):
            self.Wizard.create({"source": "file"}).action_load()

    def test_enforce_cities_only_when_asked_and_communes_exist(self):
        self.City.search([("country_id", "=", self.vn.id)]).unlink()  # the demo wards
        wizard = self._load(csv_file([["Tên", "Tỉnh"], ["Xã Thử Nghiệm", "Hà Tây"]]))
        self.assertEqual((wizard.created_count, wizard.commune_count), (0, 0))
        self.assertFalse(self.vn.enforce_cities)  # nothing to choose from

        wizard = self._load(csv_file([["Tên", "Tỉnh"], ["Xã Thử Nghiệm", "Hà Nội"]]), enforce_cities=False)
        self.assertEqual(wizard.commune_count, 1)
        self.assertFalse(self.vn.enforce_cities)
        wizard.action_enforce_cities()
        self.assertTrue(self.vn.enforce_cities)

    def test_official_code_unique_per_country(self):
        self.City.create({"name": "Xã A", "country_id": self.vn.id, "state_id": self.ha_noi.id, "vn_code": "90011"})
        self.City.create({"name": "Town A", "country_id": self.env.ref("base.us").id, "vn_code": "90011"})
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.cr.savepoint():
            self.City.create({"name": "Xã B", "country_id": self.vn.id, "vn_code": "90011"})

    def test_only_administrators(self):
        salesman = new_test_user(self.env, "vn_commune_sales", groups="base.group_user,base.group_partner_manager")
        with self.assertRaises(AccessError):
            self.env["crm.vn.commune.import"].with_user(salesman).create({"file": csv_file([["Tên", "Tỉnh"]])})
        manager = new_test_user(
            self.env, "vn_commune_manager", groups="base.group_user,base.group_partner_manager,base.group_erp_manager"
        )
        with self.assertRaises(AccessError):
            self.env["crm.vn.commune.import"].with_user(manager).create({"file": csv_file([["Tên", "Tỉnh"]])})
        menu = self.env.ref("l10n_vn_address.crm_vn_commune_import_menu")
        self.assertEqual(menu.groups_id, self.env.ref("base.group_system"))


@tagged("post_install", "-at_install", "l10n_vn_address")
class TestCommuneAddress(CommuneCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ben_thanh = cls.City.create(
            {"name": "Phường Thử Bến", "country_id": cls.vn.id, "state_id": cls.hcm.id, "vn_code": "90020"}
        )
        cls.vn.enforce_cities = True

    def test_form_commune_fills_city_and_province(self):
        with Form(self.env["res.partner"]) as form:
            form.name = "Cửa hàng Thử Nghiệm"
            form.country_id = self.vn
            self.assertTrue(form.country_enforce_cities)
            form.city_id = self.ben_thanh
            self.assertEqual(form.city, "Phường Thử Bến")
            self.assertEqual(form.state_id, self.hcm)
        partner = form.record
        self.assertEqual(
            (partner.city_id, partner.city, partner.state_id), (self.ben_thanh, "Phường Thử Bến", self.hcm)
        )

    def test_import_partner_with_commune_by_name_or_code(self):
        Partner = self.env["res.partner"].with_context(import_file=True)
        result = Partner.load(
            ["name", "country_id", "city_id"],
            [["Tiệm Thử Nghiệm Một", "Vietnam", "Phường Thử Bến"], ["Tiệm Thử Nghiệm Hai", "Vietnam", "90020"]],
        )
        self.assertEqual(result["messages"], [])
        partners = self.env["res.partner"].browse(result["ids"])
        self.assertEqual(len(partners), 2)
        for partner in partners:
            with self.subTest(partner.name):
                self.assertEqual(partner.city_id, self.ben_thanh)
                self.assertEqual((partner.city, partner.state_id), ("Phường Thử Bến", self.hcm))

    def test_rpc_write_keeps_explicit_values(self):
        partner = self.env["res.partner"].create({"name": "Khách Thử", "city_id": self.ben_thanh.id})
        self.assertEqual((partner.city, partner.state_id, partner.country_id), ("Phường Thử Bến", self.hcm, self.vn))
        partner.write({"city_id": self.ben_thanh.id, "city": "Bến Thành"})
        self.assertEqual(partner.city, "Bến Thành")
