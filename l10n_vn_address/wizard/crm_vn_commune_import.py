import base64
import binascii
import csv
import io
import logging
import re
import unicodedata
import zipfile

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from ..tools.communes import (
    CommuneListError,
    normalize_commune_code,
    official_communes_path,
    read_official_communes,
)
from ..tools.names import normalize_vn_name, vn_spelling_key

_logger = logging.getLogger(__name__)

try:
    from openpyxl import load_workbook
except ImportError:  # in Odoo's requirements (base_import reads xlsx with it); CSV still works without it
    load_workbook = None

# Header names of each column, as keys (see :func:`header_key`): Vietnamese as in the official lists, and English.
# Not "Thành phố"/"City"/"State" alone: with "Tên"/"Name" they are the header of a contact list, not of communes.
HEADER_ALIASES = {
    "name": {
        "ten", "ten xa", "ten phuong xa", "ten phuong xa dac khu", "ten don vi", "ten don vi hanh chinh",
        "phuong xa", "xa phuong", "phuong xa dac khu", "xa", "don vi hanh chinh cap xa",
        "name", "commune", "commune name", "ward", "ward name", "ward commune", "commune ward",
    },
    "province": {
        "tinh thanh pho", "tinh thanh", "tinh tp", "tinh", "ten tinh", "ten tinh thanh pho", "ten tinh thanh",
        "province", "province name", "province city", "city province",
    },
    "code": {
        "ma", "ma xa", "ma phuong xa", "ma don vi", "ma don vi hanh chinh", "ma so",
        "code", "official code", "commune code", "ward code",
    },
}  # fmt: skip
# The header must be within the first rows (official lists open with a title and a blank line or two).
HEADER_SCAN_ROWS = 10
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


def header_key(raw):
    """Comparable key of a column header: no case, no diacritics, punctuation as spaces ("Tỉnh / Thành phố")."""
    return " ".join(_NOT_ALNUM.sub(" ", normalize_vn_name(str(raw or ""))).split())


def clean_cell(value):
    """Text of a cell: NFC, single spaces; whole numbers without ".0" (codes typed as numbers in a spreadsheet)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(unicodedata.normalize("NFC", str(value)).split())


def find_header(rows):
    """``(index in rows, {"name": column, "province": column, "code": column or None})`` of the first row holding
    both a commune and a province header among the first :data:`HEADER_SCAN_ROWS` rows, or ``(None, None)``.
    """
    for index, (_row_number, cells) in enumerate(rows[:HEADER_SCAN_ROWS]):
        columns = {}
        for column, cell in enumerate(cells):
            key = header_key(cell)
            for role, aliases in HEADER_ALIASES.items():
                if key in aliases and role not in columns:
                    columns[role] = column
                    break
        if "name" in columns and "province" in columns:
            columns.setdefault("code", None)
            return index, columns
    return None, None


class CrmVnCommuneImport(models.TransientModel):
    """Load the official list of Vietnam's commune-level units (2025) as cities of base_address_extended.

    Two sources. The official list of the statistics office, shipped with the add-on (data/vn_communes.csv, see
    tools/communes.py): its 3,321 communes are matched to provinces by GSO code; the module loads it when installed
    (hooks.py). Communes have no XML id (their names would then be exported as terms to translate, and
    uninstalling the module would delete them under the addresses): the official code identifies them. Or a file,
    for a newer list.

    The file (CSV or XLSX, first sheet) has a header row naming a commune column ("Tên", "Phường Xã", "name"...), a
    province column ("Tỉnh Thành Phố", "province"...) and optionally a code column ("Mã", "code"); see
    :data:`HEADER_ALIASES`. The province is matched like an imported address (old names count for the unit that
    took them over, with or without diacritics: models/res_country_state.py). A commune is found again by its code,
    or else by its name in its province: loading a list again updates names and provinces instead of duplicating.

    Errors: a file that cannot be read, has no such header or no commune, or gives one code to two rows, is refused
    with a message before anything is written. Single rows that cannot be placed (unknown or missing province, no
    name, same commune twice) are skipped and listed with their row number; the rest is loaded. The load is one
    transaction: it is written completely or not at all.

    Extension point: :meth:`_match_province` (e.g. provinces given by their GSO code).
    """

    _name = "crm.vn.commune.import"
    _description = "Load Vietnamese Communes"

    source = fields.Selection(
        [("official", "Official List (2025)"), ("file", "File")],
        default=lambda self: "official" if official_communes_path() else "file",
        required=True,
    )
    official_available = fields.Boolean(
        "Official List Installed", default=lambda self: bool(official_communes_path()), readonly=True
    )
    file = fields.Binary(attachment=False)
    file_name = fields.Char()
    enforce_cities = fields.Boolean(
        "Choose Communes from the List",
        default=True,
        help="Once at least one commune exists, Vietnamese addresses choose their commune from the list, which "
        "fills in the province (the country's 'Enforce Cities' option).",
    )
    state = fields.Selection([("upload", "Upload"), ("done", "Done")], default="upload", required=True)
    created_count = fields.Integer("Created", readonly=True)
    updated_count = fields.Integer("Updated", readonly=True)
    unchanged_count = fields.Integer("Unchanged", readonly=True)
    skipped_count = fields.Integer("Skipped Rows", readonly=True)
    linked_count = fields.Integer(
        "Addresses Linked",
        readonly=True,
        help='Contacts whose city, typed as a commune of their province ("Phường Bến Thành"), now points to it.',
    )
    skipped_rows = fields.Text("Rows Not Loaded", readonly=True)
    commune_count = fields.Integer("Communes of Vietnam", compute="_compute_vietnam")
    vn_enforce_cities = fields.Boolean("Vietnam Enforces Cities", compute="_compute_vietnam")

    @api.depends("state")
    def _compute_vietnam(self):
        vietnam = self.env.ref("base.vn")
        count = self.env["res.city"].search_count([("country_id", "=", vietnam.id)])
        for wizard in self:
            wizard.commune_count = count
            wizard.vn_enforce_cities = vietnam.enforce_cities

    def action_load(self):
        self.ensure_one()
        if self.source == "official":
            result = self._load_official_communes()
        else:
            if not self.file:
                raise UserError(self.env._("Choose the file of communes to load."))
            result = self._load_communes(self._parse_rows(self._read_file()))
        if self.enforce_cities:
            self._enforce_vietnam_cities()
        # sudo: an administrator's data fix over every salesperson's contacts (the wizard's access rights are
        # administrators'); only addresses typed as a commune of their province are linked (res_partner_commune.py).
        linked = self.env["res.partner"].sudo()._vn_link_existing_communes()
        self.write(
            {
                "state": "done",
                "linked_count": linked,
                "created_count": result["created"],
                "updated_count": result["updated"],
                "unchanged_count": result["unchanged"],
                "skipped_count": len(result["skipped"]),
                "skipped_rows": "\n".join(result["skipped"]),
            }
        )
        return self._reopen()

    def action_enforce_cities(self):
        self.ensure_one()
        self._enforce_vietnam_cities()
        return self._reopen()

    def _reopen(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Load Communes"),
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }

    # ------------------------------------------------------------------
    # Reading the file
    # ------------------------------------------------------------------

    def _read_file(self):
        """``[(row number, [cell texts])]`` of the file's first sheet, row numbers as a spreadsheet shows them."""
        try:
            content = base64.b64decode(self.file or b"", validate=True)
        except (binascii.Error, ValueError) as error:
            raise UserError(self.env._("The file could not be read.")) from error
        if not content.strip():
            raise UserError(self.env._("The file is empty."))
        if content.startswith(b"\xd0\xcf\x11\xe0"):
            raise UserError(
                self.env._("Old Excel files (.xls) are not supported: save the file as .xlsx or .csv and try again.")
            )
        if content.startswith(b"PK\x03\x04"):
            return self._read_xlsx(content)
        return self._read_csv(content)

    def _read_xlsx(self, content):
        if load_workbook is None:
            raise UserError(self.env._("Reading .xlsx files needs the Python library openpyxl: use a .csv file."))
        try:
            workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
            try:
                sheet = workbook.worksheets[0]
                return [
                    (number, [clean_cell(value) for value in values])
                    for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)
                ]
            finally:
                workbook.close()
        except (zipfile.BadZipFile, KeyError, ValueError, OSError, IndexError) as error:
            _logger.info("Unreadable commune file %s: %s", self.file_name, error)
            raise UserError(
                self.env._("The file %(file)s could not be read as an Excel (.xlsx) file.", file=self.file_name or "")
            ) from error

    def _read_csv(self, content):
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise UserError(
                self.env._(
                    "The file %(file)s is neither an Excel (.xlsx) file nor a CSV file in UTF-8: save it as "
                    "'CSV UTF-8' and try again.",
                    file=self.file_name or "",
                )
            ) from error
        try:
            dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
        try:
            return [
                (number, [clean_cell(value) for value in values])
                for number, values in enumerate(csv.reader(io.StringIO(text, newline=""), dialect), start=1)
            ]
        except csv.Error as error:
            raise UserError(
                self.env._(
                    "The file %(file)s is not a valid CSV file: %(error)s", file=self.file_name or "", error=error
                )
            ) from error

    def _parse_rows(self, rows):
        """``[(row number, commune name, province text, code)]`` of the data rows below the header."""
        header_index, columns = find_header(rows)
        if header_index is None:
            raise UserError(
                self.env._(
                    "No header row found in the first %(count)s rows. The file needs a column for the commune "
                    "(named for example 'Tên', 'Phường Xã' or 'Name'), one for the province ('Tỉnh Thành Phố' or "
                    "'Province') and optionally one for the official code ('Mã' or 'Code').",
                    count=HEADER_SCAN_ROWS,
                )
            )

        def cell(cells, role):
            column = columns[role]
            return cells[column] if column is not None and column < len(cells) else ""

        parsed = []
        for number, cells in rows[header_index + 1 :]:
            name, province = cell(cells, "name"), cell(cells, "province")
            code = normalize_commune_code(cell(cells, "code"))
            if name or province or code:
                parsed.append((number, name, province, code))
        if not parsed:
            raise UserError(self.env._("The file has a header row but no commune below it."))
        rows_by_code = {}
        for number, _name, _province, code in parsed:
            if code:
                rows_by_code.setdefault(code.casefold(), []).append(number)
        duplicates = [numbers for numbers in rows_by_code.values() if len(numbers) > 1]
        if duplicates:
            raise UserError(
                self.env._(
                    "The same official code is given to several rows (rows %(rows)s): correct the file and try again.",
                    rows="; ".join(", ".join(map(str, numbers)) for numbers in duplicates),
                )
            )
        return parsed

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------

    @api.model
    def _official_rows(self):
        """The official list as parsed rows (see :meth:`_parse_rows`), provinces given by GSO code."""
        path = official_communes_path()
        if not path:
            raise UserError(
                self.env._(
                    "The official list of communes (data/vn_communes.csv of the add-on Vietnam - Addresses) is "
                    "missing from this server's installation: load the list from a file."
                )
            )
        try:
            communes = read_official_communes(path)
        except CommuneListError as error:
            _logger.warning("Unreadable official commune list %s: %s", path, error)
            raise UserError(
                self.env._(
                    "The official list of communes installed on this server could not be read (%(path)s): load the "
                    "list from a file instead.",
                    path=str(path),
                )
            ) from error
        return [(number, name, province, code) for number, (province, code, name) in enumerate(communes, start=1)]

    @api.model
    def _load_official_communes(self):
        """Load the official list (see :meth:`_official_rows`); return the counts of :meth:`_load_communes`."""
        rows = self._official_rows()
        State = self.env["res.country.state"]
        # The units in force (the 63 old provinces are archived); the GSO code of a unit is unique among them.
        units = State.search([("country_id", "=", self.env.ref("base.vn").id), ("vn_gso_code", "!=", False)])
        provinces = {unit.vn_gso_code: unit for unit in units}
        return self._load_communes(
            rows, provinces={province: provinces.get(province, State) for _n, _c, province, _code in rows}
        )

    @api.model
    def _match_province(self, text):
        """The Vietnamese unit in force named ``text`` (old names give their replacement), or an empty recordset."""
        State = self.env["res.country.state"]
        ids = State._vn_matching_unit_ids("=", text) if text else []
        return State.browse(ids) if len(ids) == 1 else State

    @api.model
    def _load_communes(self, parsed, provinces=None):
        """Create or update the communes of ``parsed`` (see :meth:`_parse_rows`).

        ``provinces`` maps province texts of ``parsed`` to units already found (others go through
        :meth:`_match_province`).

        Return ``{"created": n, "updated": n, "unchanged": n, "skipped": [translated line per skipped row]}``.
        """
        vietnam = self.env.ref("base.vn")
        # sudo: the wizard is for administrators only (its access rights); communes are shared reference data, and
        # an administrator may lack the "Contact Creation" group that grants writing cities. Names are the source
        # (en_US) values: a commune's official name is the same in every language.
        City = self.env["res.city"].sudo().with_context(lang="en_US")
        # One load at a time, locked by an update of Vietnam's row: a second load waits for the first, then fails
        # with a serialization error (its snapshot would not show the communes just written), which Odoo's request
        # handling retries in a new transaction: it then finds every commune and changes nothing.
        vietnam.flush_recordset()
        self.env.cr.execute(SQL("UPDATE res_country SET write_date = write_date WHERE id = %s", vietnam.id))
        existing = City.search([("country_id", "=", vietnam.id)])
        self._normalize_stored_codes(existing)
        by_code = {city.vn_code.casefold(): city for city in existing if city.vn_code}
        by_name = {(city.state_id.id, vn_spelling_key(city.name)): city for city in existing}
        provinces = dict(provinces or {})
        seen = {}
        to_create, skipped = [], []
        matched = City.browse()
        updated = unchanged = 0
        for number, name, province_text, code in parsed:
            if province_text not in provinces:
                provinces[province_text] = self._match_province(province_text)
            province = provinces[province_text]
            if not name:
                skipped.append(self.env._("Row %(row)s: no commune name.", row=number))
                continue
            if not province:
                skipped.append(
                    self.env._(
                        "Row %(row)s: %(commune)s: unknown province %(province)s.",
                        row=number,
                        commune=name,
                        province=province_text or self.env._("(empty)"),
                    )
                )
                continue
            # Names keep their diacritics (Tân Thành and Tân Thạnh are two communes of one province);
            # old and new tone placement (Hoà/Hòa) are one spelling.
            key = (province.id, vn_spelling_key(name))
            seen_key = ("code", code.casefold()) if code else key
            if seen_key in seen:
                skipped.append(
                    self.env._(
                        "Row %(row)s: %(commune)s (%(province)s) is already on row %(first)s.",
                        row=number,
                        commune=name,
                        province=province.name,
                        first=seen[seen_key],
                    )
                )
                continue
            seen[seen_key] = number
            city = by_code.get(code.casefold()) if code else None
            if not city:
                city = by_name.get(key)
                if city and code and city.vn_code and city.vn_code.casefold() != code.casefold():
                    city = None  # another commune of the same name: the codes tell them apart
            if not city or city in matched:
                to_create.append(
                    {"name": name, "state_id": province.id, "country_id": vietnam.id, "vn_code": code or False}
                )
                continue
            matched |= city
            values = {"name": name, "state_id": province.id, "vn_code": code or city.vn_code}
            if city.name == name and city.state_id == province and city.vn_code == values["vn_code"]:
                unchanged += 1
                continue
            self._update_commune(city, values)
            updated += 1
        City.create(to_create)
        _logger.info(
            "Communes of Vietnam loaded: %s created, %s updated, %s unchanged, %s rows skipped.",
            len(to_create),
            updated,
            unchanged,
            len(skipped),
        )
        return {"created": len(to_create), "updated": updated, "unchanged": unchanged, "skipped": skipped}

    @api.model
    def _normalize_stored_codes(self, cities):
        """Write the codes of ``cities`` as the official list does ("70" -> "00070", see
        :func:`~..tools.communes.normalize_commune_code`): lists loaded from a spreadsheet before 18.0.1.4.0 kept
        the leading zeros a number cell drops, and would not be found again by code. A code whose padded form is
        already taken is left alone.
        """
        taken = set(cities.mapped("vn_code"))
        for city in cities:
            code = normalize_commune_code(city.vn_code)
            if city.vn_code and code != city.vn_code and code not in taken:
                taken.add(code)
                city.vn_code = code

    @api.model
    def _update_commune(self, city, values):
        """Write ``values`` on ``city``, its name in every installed language (a stale translation would hide it)."""
        city.write(values)
        name = values["name"]
        for lang, _lang_name in self.env["res.lang"].get_installed():
            if lang != "en_US" and city.with_context(lang=lang).name != name:
                city.with_context(lang=lang).name = name

    @api.model
    def _enforce_vietnam_cities(self):
        """Make Vietnamese addresses choose their commune from the list, once there is at least one."""
        vietnam = self.env.ref("base.vn")
        if not vietnam.enforce_cities and self.env["res.city"].search_count([("country_id", "=", vietnam.id)], limit=1):
            # sudo: writing countries needs "Settings" rights, which the wizard's access rights already require.
            vietnam.sudo().enforce_cities = True
