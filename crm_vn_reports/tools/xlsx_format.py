"""Excel tables written row by row in constant memory, and their number formats.

Pure helpers (no Odoo imports): the exports of ``crm.vn.xlsx.export`` give
plain Python values and column types; this module turns them into a sheet
with a bold filled header, a frozen header row, an autofilter over the data,
column widths and real Excel numbers and dates. xlsxwriter's
``constant_memory`` mode flushes each row to a temporary file as soon as the
next one starts, so memory does not grow with the number of rows (rows must
therefore be written in order, which is all an export does).
"""

import re
import unicodedata
from datetime import date, datetime

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
HEADER_STYLE = {
    "bold": True,
    "bg_color": "#D9E1F2",
    "border": 1,
    "text_wrap": True,
    "valign": "top",
}
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
    """A valid sheet name: no []:*?/\\ and at most 31 characters."""
    return SHEET_NAME_FORBIDDEN.sub(" ", text or "").strip()[:31] or "Sheet1"


class XlsxTable:
    """One sheet written row by row: header, then ``write_row`` for each row, then ``close``.

    ``columns`` is a list of ``(title, type, width)`` (width None for the
    type's default). Values of a row are plain Python values: str, int,
    float, date, naive datetime, or None/False for an empty cell. Monetary
    cells take the row's currency as ``(symbol, decimal_places, position)``.
    """

    def __init__(self, path, sheet_name, columns, *, tmpdir=None, date_format="yyyy-mm-dd", datetime_format=None):
        self.columns = list(columns)
        self.row_count = 0
        self.workbook = xlsxwriter.Workbook(
            path,
            {
                "constant_memory": True,
                "tmpdir": tmpdir,
                # Cells are written with typed methods; never read "=..." text as a formula.
                "strings_to_formulas": False,
                "strings_to_numbers": False,
                "strings_to_urls": False,
            },
        )
        self.sheet = self.workbook.add_worksheet(sheet_title(sheet_name))
        self._money_formats = {}
        datetime_format = datetime_format or f"{date_format} hh:mm"
        self._formats = {
            ctype: self.workbook.add_format({"num_format": num_format})
            for ctype, num_format in {**STATIC_FORMATS, DATE: date_format, DATETIME: datetime_format}.items()
        }
        self._formats[TEXT] = None
        header = self.workbook.add_format(HEADER_STYLE)
        for col, (title, ctype, width) in enumerate(self.columns):
            self.sheet.set_column(col, col, width or DEFAULT_WIDTHS.get(ctype, 16))
            self.sheet.write_string(0, col, title, header)
        self.sheet.freeze_panes(1, 0)

    def _money_format(self, currency):
        if currency not in self._money_formats:
            symbol, decimal_places, position = currency or ("", 2, "after")
            self._money_formats[currency] = self.workbook.add_format(
                {"num_format": currency_format(symbol, decimal_places, position)}
            )
        return self._money_formats[currency]

    def write_row(self, values, currency=None):
        """Append one row (values in column order)."""
        if self.row_count + 1 >= MAX_ROWS:
            raise OverflowError(f"An .xlsx sheet holds at most {MAX_ROWS - 1} rows.")
        self.row_count += 1
        row = self.row_count
        for col, ((__, ctype, __), value) in enumerate(zip(self.columns, values, strict=True)):
            if value is None or value is False or value == "":
                continue
            if ctype in (DATE, DATETIME, MONTH) and isinstance(value, date | datetime):
                self.sheet.write_datetime(row, col, value, self._formats[ctype])
            elif ctype == MONETARY:
                self.sheet.write_number(row, col, value, self._money_format(currency))
            elif ctype == PERCENT:
                self.sheet.write_number(row, col, value / 100.0, self._formats[PERCENT])
            elif ctype in (INTEGER, DECIMAL):
                self.sheet.write_number(row, col, value, self._formats[ctype])
            else:
                self.sheet.write_string(row, col, str(value))

    def close(self):
        """Add the autofilter, write the file and return the number of data rows."""
        if self.columns:
            self.sheet.autofilter(0, 0, self.row_count, len(self.columns) - 1)
        self.workbook.close()
        return self.row_count
