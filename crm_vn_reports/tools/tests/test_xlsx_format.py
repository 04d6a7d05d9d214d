"""Plain pytest, no Odoo: ``python -m pytest -p no:odoo crm_vn_reports/tools/tests``.

The sheets written by ``XlsxTable`` (xlsxwriter) read back with openpyxl (an independent reader of the format).
"""

import math
import zipfile
from datetime import date, datetime
from xml.dom import minidom

import openpyxl
import pytest

from odoo.addons.crm_vn_reports.tools import xlsx_format as xf

COLUMNS = [
    ("Tên khách hàng", xf.TEXT, 32),
    ("Số đơn", xf.INTEGER, None),
    ("Điểm", xf.DECIMAL, None),
    ("Doanh thu", xf.MONETARY, None),
    ("Tỷ lệ", xf.PERCENT, None),
    ("Ngày sinh", xf.DATE, None),
    ("Tạo lúc", xf.DATETIME, None),
    ("Tháng", xf.MONTH, None),
]
VND = ("₫", 0, "after")
USD = ("$", 2, "before")


def write(path, rows, columns=COLUMNS, name="Khách hàng"):
    table = xf.XlsxTable(str(path), name, columns, date_format="dd/mm/yyyy", datetime_format="dd/mm/yyyy hh:mm:ss")
    table.write_rows(rows)
    return table.close()


def test_values_types_and_formats(tmp_path):
    path = tmp_path / "export.xlsx"
    rows = [
        (["Nguyễn Thị Ánh", 3, 4.5, 1250000, 62.5, date(1990, 5, 17), datetime(2026, 12, 4, 8, 30, 15),
          date(2026, 11, 1)], VND),
        (["Smith & <Co>", 0, None, 99.5, None, None, None, None], USD),
    ]  # fmt: skip
    assert write(path, rows) == 2
    sheet = openpyxl.load_workbook(path).active
    assert sheet.title == "Khách hàng"
    assert [cell.value for cell in sheet[1]] == [title for title, __, __ in COLUMNS]
    assert all(cell.font.b for cell in sheet[1])
    assert sheet["A1"].fill.fgColor.rgb == "FFD9E1F2"
    assert sheet["A1"].alignment.wrap_text
    assert sheet["A1"].alignment.vertical == "top"
    assert sheet["A1"].border.bottom.style == "thin"
    assert not sheet["A2"].font.b
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:H3"
    assert [cell.value for cell in sheet[2]] == [
        "Nguyễn Thị Ánh", 3, 4.5, 1250000, 0.625, datetime(1990, 5, 17), datetime(2026, 12, 4, 8, 30, 15),
        datetime(2026, 11, 1),
    ]  # fmt: skip
    assert [cell.value for cell in sheet[3]] == ["Smith & <Co>", 0, None, 99.5, None, None, None, None]
    assert [cell.data_type for cell in sheet[2]] == ["s", "n", "n", "n", "n", "d", "d", "d"]
    assert sheet["B2"].number_format == "#,##0"
    assert sheet["C2"].number_format == "#,##0.0"
    assert sheet["D2"].number_format == '#,##0 "₫"'
    assert sheet["D3"].number_format == '"$"#,##0.00'
    assert sheet["E2"].number_format == "0.0%"
    assert sheet["F2"].number_format == "dd/mm/yyyy"
    assert sheet["F2"].is_date
    assert sheet["G2"].number_format == "dd/mm/yyyy hh:mm:ss"
    assert sheet["H2"].number_format == "mm/yyyy"
    assert sheet.column_dimensions["A"].width == pytest.approx(32.71, abs=0.01)
    assert sheet.column_dimensions["B"].width == pytest.approx(10.71, abs=0.01)
    assert sheet.column_dimensions["G"].width == pytest.approx(18.71, abs=0.01)


def test_default_datetime_format_follows_the_date_format(tmp_path):
    path = tmp_path / "export.xlsx"
    table = xf.XlsxTable(str(path), "Nhật ký", [("Lúc", xf.DATETIME, None)], date_format="dd/mm/yyyy")
    table.write_row([datetime(2026, 12, 4, 18, 0)])
    table.close()
    cell = openpyxl.load_workbook(path).active["A2"]
    assert (cell.value, cell.number_format) == (datetime(2026, 12, 4, 18, 0), "dd/mm/yyyy hh:mm")


def test_empty_values_leave_the_cell_empty(tmp_path):
    path = tmp_path / "export.xlsx"
    write(path, [(["", False, math.nan, math.inf, None, "", None, None], None)])
    sheet = openpyxl.load_workbook(path).active
    assert [cell.value for cell in sheet[2]] == [None] * len(COLUMNS)
    assert sheet.auto_filter.ref == "A1:H2"


def test_text_is_kept_as_text(tmp_path):
    """Formulas, numbers and links written as text, spaces, control characters, XML characters: all come back as
    typed, as strings."""
    path = tmp_path / "export.xlsx"
    texts = [
        '=HYPERLINK("http://x")',
        "0912345678",
        "  hai khoảng trắng  ",
        "tab\there",
        "bell\x07",
        "a]]>b",
        "https://zalo.me/0912345678",
        "1e5",
    ]
    columns = [(f"c{index}", xf.TEXT, None) for index in range(len(texts))]
    write(path, [(texts, None)], columns)
    sheet = openpyxl.load_workbook(path).active
    values = [cell.value for cell in sheet[2]]
    assert values[:4] == texts[:4]
    assert values[5:] == texts[5:]
    assert {cell.data_type for cell in sheet[2]} == {"s"}
    assert values[4] in ("bell\x07", "bell_x0007_")  # openpyxl leaves Excel's escape of the character as is
    assert not sheet.cell(2, 7).hyperlink


def test_other_values_of_a_text_column_as_text(tmp_path):
    path = tmp_path / "export.xlsx"
    write(path, [([232, 1.5], None)], [("RFM", xf.TEXT, None), ("Ghi chú", xf.TEXT, None)])
    sheet = openpyxl.load_workbook(path).active
    assert [(cell.value, cell.data_type) for cell in sheet[2]] == [("232", "s"), ("1.5", "s")]


def test_long_text_is_cut_at_excel_limit(tmp_path):
    path = tmp_path / "export.xlsx"
    write(path, [(["x" * 40000], None)], [("Ghi chú", xf.TEXT, None)])
    assert len(openpyxl.load_workbook(path).active["A2"].value) == xf.MAX_CELL_TEXT


def test_a_date_column_shows_other_values_as_text(tmp_path):
    path = tmp_path / "export.xlsx"
    write(path, [(["không rõ"], None)], [("Ngày", xf.DATE, None)])
    assert openpyxl.load_workbook(path).active["A2"].value == "không rõ"


def test_dates_around_excel_leap_year_bug(tmp_path):
    """Excel counts a 29 February 1900: dates on both sides of it read back as written."""
    path = tmp_path / "export.xlsx"
    days = [date(1900, 2, 28), date(1900, 3, 1), date(2026, 12, 4)]
    write(path, [([day], None) for day in days], [("Ngày", xf.DATE, None)])
    sheet = openpyxl.load_workbook(path).active
    assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] == [
        datetime(day.year, day.month, day.day) for day in days
    ]


def test_many_rows_and_columns_in_constant_memory(tmp_path):
    """Many rows, columns past Z, the parts of the package well-formed, strings inline (no shared-string table:
    constant memory)."""
    path = tmp_path / "export.xlsx"
    columns = [*((f"Cột {index}", xf.INTEGER, None) for index in range(29)), ("Tên", xf.TEXT, None)]
    count = 3007
    rows = (([*range(row, row + 29), f"Khách {row}"], None) for row in range(count))
    assert write(path, rows, columns) == count
    sheet = openpyxl.load_workbook(path, read_only=True).active
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == count + 1
    assert rows[-1] == (*range(count - 1, count + 28), f"Khách {count - 1}")
    assert rows[0][26:28] == ("Cột 26", "Cột 27")
    with zipfile.ZipFile(path) as package:
        names = package.namelist()
        for name in names:
            minidom.parseString(package.read(name))
        workbook = package.read("xl/workbook.xml").decode()
        worksheet = package.read("xl/worksheets/sheet1.xml").decode()
    assert "xl/sharedStrings.xml" not in names
    assert f'<c r="AD{count + 1}" t="inlineStr"><is><t>Khách {count - 1}</t></is></c>' in worksheet
    assert f"'Khách hàng'!$A$1:$AD${count + 1}" in workbook  # the autofilter's range, as Excel names it


def test_sheet_name_rules(tmp_path):
    """Whatever the title, the sheet gets a name Excel accepts."""
    for title, expected in (
        ("Doanh số [2026/11]", "Doanh số  2026 11"),
        ("'Khách hàng'", "Khách hàng"),
        ("x" * 40, "x" * 31),
        ("", "Sheet1"),
        ("?*:", "Sheet1"),
    ):
        assert xf.sheet_title(title) == expected
        path = tmp_path / "export.xlsx"
        write(path, [(["a"], None)], [("A", xf.TEXT, None)], name=title)
        assert openpyxl.load_workbook(path).active.title == expected


def test_overflow_and_wrong_width(tmp_path, monkeypatch):
    path = tmp_path / "export.xlsx"
    table = xf.XlsxTable(str(path), "Sheet", [("A", xf.TEXT, None)])
    with pytest.raises(ValueError):
        table.write_row(["a", "b"])
    monkeypatch.setattr(xf, "MAX_ROWS", 3)
    table.write_row(["a"])
    table.write_row(["b"])
    with pytest.raises(OverflowError):
        table.write_row(["c"])
    assert table.close() == 2
    assert [row[0] for row in openpyxl.load_workbook(path).active.iter_rows(values_only=True)] == ["A", "a", "b"]


def test_no_column(tmp_path):
    path = tmp_path / "export.xlsx"
    table = xf.XlsxTable(str(path), "Trống", [])
    table.write_row([])
    assert table.close() == 1
    assert openpyxl.load_workbook(path).active.title == "Trống"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("₫", 0, "after"), '#,##0 "₫"'),
        (("$", 2, "before"), '"$"#,##0.00'),
        (('a"b', 1, "after"), '#,##0.0 "a""b"'),
        (("", 0, "after"), "#,##0"),
    ],
)
def test_currency_format(args, expected):
    assert xf.currency_format(*args) == expected
