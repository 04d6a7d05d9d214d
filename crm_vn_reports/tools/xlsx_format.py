"""Excel tables written row by row with xlsxwriter in constant memory, and their number formats.

Pure helpers (no Odoo imports): the exports of ``crm.vn.xlsx.export`` give
plain Python values and column types; ``XlsxTable`` turns them into a sheet
with a bold filled header, a frozen header row, an autofilter over the data,
column widths and real Excel numbers and dates.

The file is written by xlsxwriter, Odoo's own Excel library, tested by its
authors against files Excel itself writes, in its ``constant_memory`` mode:
each row goes to a temporary file once the next one starts, so memory does
not grow with the number of rows; strings are written inline (no
shared-string table to hold in memory), which Excel and LibreOffice read as
usual. Cells are written with xlsxwriter's typed methods (``write_string``,
``write_number``, ``write_datetime``) and formats made once per number
format: no per-cell type guessing, and text is never read as a number, a
formula or a link.

A cell costs about five times what it did when this module wrote the
SpreadsheetML by hand; the export of 100,000 customers stays well ahead of
Odoo's list export (docs/benchmarks.md), and a file Excel opens without a
"repair" prompt is worth the seconds (issue 28).
"""

import math
import re
import unicodedata
from datetime import date

import xlsxwriter

# Column types
TEXT = "text"
INTEGER = "integer"
DECIMAL = "decimal"  # one decimal: hours, ratings
MONETARY = "monetary"  # with the currency of the row
PERCENT = "percent"  # given as 0-100, shown as a percentage
DATE = "date"
DATETIME = "datetime"  # naive, already in the reader's time zone
MONTH = "month"  # a date shown as month/year

MAX_ROWS = 1048576  # rows of an .xlsx sheet, header included
MAX_CELL_TEXT = 32767  # characters of an Excel cell (xlsxwriter cuts longer text)
HEADER_FILL = "#D9E1F2"  # the header row: bold on this colour, thin borders, wrapped, aligned top
DEFAULT_WIDTHS = {
    TEXT: 24,
    INTEGER: 10,
    DECIMAL: 10,
    MONETARY: 16,
    PERCENT: 10,
    DATE: 12,
    DATETIME: 18,
    MONTH: 10,
}
STATIC_FORMATS = {
    INTEGER: "#,##0",
    DECIMAL: "#,##0.0",
    PERCENT: "0.0%",
    MONTH: "mm/yyyy",
}
# Rows written to a temporary file as they come, strings inline. The cells are written with the typed methods
# (write_string, write_number, write_datetime), not write(): text stays text, a phone number, "=..." or "http://..."
# as typed, whatever xlsxwriter's strings_to_* options say.
WORKBOOK_OPTIONS = {"constant_memory": True}
# strftime directives and their Excel equivalents
STRFTIME_TO_EXCEL = {
    "d": "dd",
    "e": "d",
    "m": "mm",
    "Y": "yyyy",
    "y": "yy",
    "b": "mmm",
    "B": "mmmm",
    "a": "ddd",
    "A": "dddd",
    "H": "hh",
    "I": "hh",
    "M": "mm",
    "S": "ss",
    "p": "AM/PM",
    "%": "%",
}
SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def currency_format(symbol, decimal_places=0, position="after"):
    """Excel number format of an amount: thousands separators, decimals and the symbol.

    >>> currency_format("₫")
    '#,##0 "₫"'
    >>> currency_format("$", 2, "before")
    '"$"#,##0.00'
    """
    number = "#,##0"
    if decimal_places and decimal_places > 0:
        number += "." + "0" * decimal_places
    if not symbol:
        return number
    escaped = symbol.replace('"', '""')
    quoted = f'"{escaped}"'
    return f"{quoted}{number}" if position == "before" else f"{number} {quoted}"


def excel_date_format(strftime_format):
    """Translate a strftime pattern (a language's date format) to an Excel number format.

    Unknown directives are dropped; literal letters are escaped so that Excel
    does not read them as codes.

    >>> excel_date_format("%d/%m/%Y %H:%M:%S")
    'dd/mm/yyyy hh:mm:ss'
    """
    result = []
    chars = iter(strftime_format or "")
    for char in chars:
        if char == "%":
            directive = next(chars, "")
            result.append(STRFTIME_TO_EXCEL.get(directive, ""))
        elif char.isalpha():
            result.append("\\" + char)
        else:
            result.append(char)
    return "".join(result).strip() or "yyyy-mm-dd"


def slugify_filename(text):
    """ASCII slug of a (Vietnamese) title for a file name: "Khách hàng" → "khach-hang"."""
    text = (text or "").replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "export"


def sheet_title(text):
    """A valid sheet name: no []:*?/\\, no apostrophe at either end and at most 31 characters."""
    return SHEET_NAME_FORBIDDEN.sub(" ", text or "").strip()[:31].strip("'") or "Sheet1"


class XlsxTable:
    """One sheet written row by row: header, then ``write_row`` (or ``write_rows``) in order, then ``close``.

    ``columns`` is a list of ``(title, type, width)`` (width None for the
    type's default), ``path`` the .xlsx file to write. Values of a row are
    plain Python values: str, int, float, date, naive datetime, or
    None/False/"" for an empty cell (NaN and infinities too: they are no
    numbers); a date column given something else shows it as text. Monetary
    cells take the row's currency as ``(symbol, decimal_places, position)``.
    """

    def __init__(self, path, sheet_name, columns, *, date_format="yyyy-mm-dd", datetime_format=None):
        self.columns = list(columns)
        self.sheet_name = sheet_title(sheet_name)
        self.row_count = 0
        self._workbook = xlsxwriter.Workbook(path, WORKBOOK_OPTIONS)
        self._sheet = self._workbook.add_worksheet(self.sheet_name)
        self._formats = {}  # number format → xlsxwriter Format, made once
        self._money_formats = {}  # currency → Format
        datetime_format = datetime_format or f"{date_format} hh:mm"
        self._type_formats = {
            ctype: self._format(num_format)
            for ctype, num_format in {**STATIC_FORMATS, DATE: date_format, DATETIME: datetime_format}.items()
        }
        header = self._workbook.add_format(
            {"bold": True, "bg_color": HEADER_FILL, "border": 1, "text_wrap": True, "valign": "top"}
        )
        sheet = self._sheet
        for index, (title, ctype, width) in enumerate(self.columns):
            sheet.set_column(index, index, width or DEFAULT_WIDTHS.get(ctype, 16))
            sheet.write_string(0, index, str(title), header)
        sheet.freeze_panes(1, 0)
        self._cells = [self._cell_writer(index, ctype) for index, (__, ctype, __) in enumerate(self.columns)]

    def _format(self, num_format):
        """The cell format showing numbers as ``num_format`` (made on first use)."""
        if num_format not in self._formats:
            self._formats[num_format] = self._workbook.add_format({"num_format": num_format})
        return self._formats[num_format]

    def _money_format(self, currency):
        if currency not in self._money_formats:
            symbol, decimal_places, position = currency or ("", 2, "after")
            self._money_formats[currency] = self._format(currency_format(symbol, decimal_places, position))
        return self._money_formats[currency]

    def _cell_writer(self, col, ctype):
        """A function (row, value, currency) writing a non-empty value in column ``col``."""
        sheet = self._sheet
        write_string, write_number, write_datetime = sheet.write_string, sheet.write_number, sheet.write_datetime

        def text(row, value, currency=None):
            write_string(row, col, value if type(value) is str else str(value))

        if ctype in (DATE, DATETIME, MONTH):
            cell_format = self._type_formats[ctype]

            def cell(row, value, currency):
                if isinstance(value, date):
                    write_datetime(row, col, value, cell_format)
                else:
                    text(row, value)

        elif ctype == MONETARY:

            def cell(row, value, currency):
                if math.isfinite(value):
                    write_number(row, col, value, self._money_format(currency))

        elif ctype == PERCENT:
            cell_format = self._type_formats[PERCENT]

            def cell(row, value, currency):
                if math.isfinite(value):
                    write_number(row, col, value / 100.0, cell_format)

        elif ctype in (INTEGER, DECIMAL):
            cell_format = self._type_formats[ctype]

            def cell(row, value, currency):
                if math.isfinite(value):
                    write_number(row, col, value, cell_format)

        else:
            cell = text
        return cell

    def write_row(self, values, currency=None):
        """Append one row (values in column order)."""
        if self.row_count + 1 >= MAX_ROWS:
            raise OverflowError(f"An .xlsx sheet holds at most {MAX_ROWS - 1} rows.")
        if len(values) != len(self._cells):
            raise ValueError(f"{len(values)} values for {len(self._cells)} columns")
        self.row_count += 1
        row = self.row_count  # 0-based: the header is row 0
        for cell, value in zip(self._cells, values, strict=True):
            if value is not None and value is not False and value != "":
                cell(row, value, currency)

    def write_rows(self, rows):
        """Append each ``(values, currency)`` of ``rows``."""
        for values, currency in rows:
            self.write_row(values, currency)

    def close(self):
        """Add the autofilter, write the file and return the number of data rows."""
        if self.columns:
            self._sheet.autofilter(0, 0, self.row_count, len(self.columns) - 1)
        self._workbook.close()
        return self.row_count
