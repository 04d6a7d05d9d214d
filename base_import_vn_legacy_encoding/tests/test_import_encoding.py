import json

from odoo.tests import TransactionCase, new_test_user, tagged

FIELDS = ("name", "street", "city", "mobile")
# One row per encoding, as an old office's spreadsheet saved as UTF-8 CSV holds
# them (TCVN3 and VNI as their cp1252 characters; 0xAD, the soft hyphen, is ư).
LEGACY_CSV = (
    "Name,Street,City,Mobile\n"
    "NguyÔn V¨n An,Sè 12 ®\xadêng TrÇn H\xadng §¹o,Hµ Néi,0912345670\n"
    "Leâ Thò Hoàng Nhung,Phöôøng Beán Ngheù,Thaønh phoá Hoà Chí Minh,0983 111 333\n"
    "Tra^`n Va(n Hu`ng,So^' 5 Le^ Lo+.i,DDa` Na(~ng,0905 222 444\n"
    "Phạm Thị Mai,Số 7 Nguyễn Huệ,Cần Thơ,0939 555 666\n"
)
UNICODE_CSV = (
    "Name,Street,City,Mobile\n"
    "Nguyễn Văn An,Số 12 đường Trần Hưng Đạo,Hà Nội,0912345670\n"
    "José Müller,Crème brûlée 5,Paris,+33 1 42 68 53 00\n"
)
COLUMNS = ("Name", "Street", "City", "Mobile")
OPTIONS = {"quoting": '"', "separator": ",", "has_headers": True, "encoding": "utf-8"}


@tagged("post_install", "-at_install", "base_import_vn_legacy_encoding")
class TestImportEncoding(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, lang="en_US"))
        cls.user_member = new_test_user(
            cls.env, "vn_importer", groups="base.group_user,base.group_partner_manager", name="Lê Thị Lan"
        )

    def _import(
        self, csv, dryrun=False, model="res.partner", fields=FIELDS, columns=("Name", "Street", "City", "Mobile")
    ):
        wizard = (
            self.env["base_import.import"]
            .with_user(self.user_member)
            .create({"res_model": model, "file": csv.encode(), "file_type": "text/csv"})
        )
        return wizard.execute_import(list(fields), list(columns), dict(OPTIONS), dryrun=dryrun)

    def _infos(self, result):
        return {(m["record"], m["field"]): m["message"] for m in result["messages"] if m["type"] == "info"}

    def _notifications(self, user):
        """Texts of the sticky notifications sent to ``user`` on the bus."""
        self.env.cr.precommit.run()  # the bus sends at commit
        channel = [self.env.cr.dbname, "res.partner", user.partner_id.id]
        notifications = self.env["bus.bus"].sudo().search([], order="id")
        notifications = notifications.filtered(lambda n: json.loads(n.channel) == channel)
        payloads = [json.loads(notification.message) for notification in notifications]
        return [payload["payload"]["message"] for payload in payloads if payload["type"] == "simple_notification"]

    def test_import_converts_and_reports(self):
        """The test run reports each conversion next to its cell; the real import converts and notifies."""
        result = self._import(LEGACY_CSV, dryrun=True)
        infos = self._infos(result)
        self.assertEqual(
            sorted(infos),
            [(row, field) for row in range(3) for field in ("city", "name", "street")],
        )
        self.assertEqual(infos[0, "name"], "Row 1, Name: converted from TCVN3 (ABC): NguyÔn V¨n An → Nguyễn Văn An")
        self.assertEqual(
            infos[1, "city"],
            "Row 2, City: converted from VNI-Windows: Thaønh phoá Hoà Chí Minh → Thành phố Hồ Chí Minh",
        )
        self.assertEqual(infos[2, "street"], "Row 3, Street: converted from VIQR: So^' 5 Le^ Lo+.i → Số 5 Lê Lợi")
        message = next(m for m in result["messages"] if m["type"] == "info")
        self.assertEqual(message["rows"], {"from": 0, "to": 0})

        result = self._import(LEGACY_CSV)
        self.assertEqual(len(result["ids"]), 4, result["messages"])
        self.assertFalse(result["messages"], "an information must not stop the import in the browser")
        partners = self.env["res.partner"].browse(result["ids"])
        self.assertEqual(
            [(p.name, p.street, p.city) for p in partners],
            [
                ("Nguyễn Văn An", "Số 12 đường Trần Hưng Đạo", "Hà Nội"),
                ("Lê Thị Hồng Nhung", "Phường Bến Nghé", "Thành phố Hồ Chí Minh"),
                ("Trần Văn Hùng", "Số 5 Lê Lợi", "Đà Nẵng"),
                ("Phạm Thị Mai", "Số 7 Nguyễn Huệ", "Cần Thơ"),
            ],
        )
        (notice,) = self._notifications(self.user_member)
        self.assertEqual(len(notice.split(" · ")), 9)
        self.assertIn("Row 3, Street: converted from VIQR: So^' 5 Le^ Lo+.i → Số 5 Lê Lợi", notice)

    def test_import_in_batches(self):
        """base_import's client sends a file in batches and stops at the first one answering a message."""
        wizard = (
            self.env["base_import.import"]
            .with_user(self.user_member)
            .create({"res_model": "res.partner", "file": LEGACY_CSV.encode(), "file_type": "text/csv"})
        )
        options = dict(OPTIONS, limit=2, skip=0)
        ids = []
        for _batch in range(3):
            result = wizard.execute_import(list(FIELDS), ["Name", "Street", "City", "Mobile"], dict(options))
            self.assertFalse(result["messages"])
            ids += result["ids"]
            if not result["nextrow"]:
                break
            options["skip"] = result["nextrow"]
        self.assertEqual(
            self.env["res.partner"].browse(ids).mapped("name"),
            ["Nguyễn Văn An", "Lê Thị Hồng Nhung", "Trần Văn Hùng", "Phạm Thị Mai"],
        )
        notices = self._notifications(self.user_member)
        self.assertEqual(len(notices), 2, "one notification per batch with conversions")
        self.assertIn("Row 3, Name: converted from VIQR", notices[1], "rows count from the start of the file")

    def test_failed_batch_keeps_the_report(self):
        """When a row fails, nothing is written and the report stays with the errors."""
        lines = LEGACY_CSV.splitlines()
        csv = "\n".join([lines[0] + ",Country", *(line + "," for line in lines[1:]), "Khách Lỗi,Số 1,Huế,,Atlantis"])
        wizard = (
            self.env["base_import.import"]
            .with_user(self.user_member)
            .create({"res_model": "res.partner", "file": csv.encode(), "file_type": "text/csv"})
        )
        result = wizard.execute_import(
            [*FIELDS, "country_id"], ["Name", "Street", "City", "Mobile", "Country"], dict(OPTIONS)
        )
        self.assertTrue([m for m in result["messages"] if m["type"] == "error"])
        self.assertTrue(self._infos(result))
        self.assertFalse(self.env["res.partner"].search([("name", "=", "Trần Văn Hùng")]))

    def test_test_run_reports_the_same(self):
        result = self._import(LEGACY_CSV, dryrun=True)
        self.assertEqual(len(self._infos(result)), 9)
        self.assertIn("Nguyễn Văn An", self._infos(result)[0, "name"])
        self.assertFalse(self.env["res.partner"].search([("name", "=", "Trần Văn Hùng")]))

    def test_unicode_file_has_no_conversion(self):
        result = self._import(UNICODE_CSV)
        self.assertEqual(len(result["ids"]), 2, result["messages"])
        self.assertFalse(self._infos(result))
        self.assertEqual(
            self.env["res.partner"].browse(result["ids"]).mapped("street"),
            ["Số 12 đường Trần Hưng Đạo", "Crème brûlée 5"],
        )

    def test_rpc_load_without_import_context_is_untouched(self):
        result = self.env["res.partner"].with_user(self.user_member).load(["name"], [["NguyÔn V¨n An"]])
        self.assertEqual(self.env["res.partner"].browse(result["ids"]).name, "NguyÔn V¨n An")
        self.assertFalse(self._infos(result))

    def test_any_model(self):
        """Not only contacts: the tags of a contact imported from an old file come out in Unicode too."""
        result = self._import(
            "Name\nKh¸ch hµng th©n thiÕt\nKhaùch VIP\n", model="res.partner.category", fields=["name"], columns=["Name"]
        )
        self.assertEqual(len(result["ids"]), 2, result["messages"])
        self.assertEqual(
            self.env["res.partner.category"].browse(result["ids"]).mapped("name"),
            ["Khách hàng thân thiết", "Khách VIP"],
        )
