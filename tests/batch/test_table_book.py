"""The recap's tables write their rows as XML text: byte for byte what openpyxl writes for
the same cells (this fails when a pinned openpyxl changes how it writes them)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl import Workbook

from generator.batch.table_book import (
    BODY_ALIGNMENT,
    HEADER_ALIGNMENT,
    HEADER_FILL,
    HEADER_FONT,
    TableBook,
)
from generator.problems import Report
from generator.sheet_style import fit_row, print_setup, wrapped_lines
from generator.xlsx import find_sheet, open_workbook

HEADERS = ["Satuan Kerja", "Uraian", "Jumlah", "Cakupan", "Catatan"]
WIDTHS = {1: 20, 2: 40, 4: 9}
FORMATS = {4: "0.0%"}
ROWS: list[list[object]] = [
    ["Rutan Pekanbaru", "Rapat <tim> & \"monev\" 'triwulan'", 3, 0.4567, None],
    ["Lapas Ünït — 😀", "  spasi di depan dan belakang  ", 0, None, ""],
    ["baris\r\nbaru", "x" * 40_000, -2, 1.0, "√ Jan, Feb"],
    ["Panjang " * 30, "kata " * 80, 10**12, 1e-9, "> 100%"],
    ["pendek"],  # a row shorter than the header
]


def openpyxl_way(path: Path, rows: list[list[object]]) -> None:
    """The same table, every cell an openpyxl object (as the recap was written before)."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADERS)
    for cell in sheet[1]:
        cell.font, cell.fill, cell.alignment = HEADER_FONT, HEADER_FILL, HEADER_ALIGNMENT
    widths = [float(WIDTHS.get(c, 12)) for c in range(1, len(HEADERS) + 1)]
    for index, row in enumerate(rows, 2):
        for column, value in enumerate(row, 1):
            cell = sheet.cell(index, column, value)
            cell.alignment = BODY_ALIGNMENT
            if column in FORMATS:
                cell.number_format = FORMATS[column]
        texts = [(v, w) for v, w in zip(row, widths, strict=False) if isinstance(v, str)]
        fit_row(sheet, index, max([1] + [wrapped_lines(v, w) for v, w in texts]))
    for column, width in enumerate(widths, 1):
        sheet.column_dimensions[openpyxl.utils.get_column_letter(column)].width = width
    sheet.freeze_panes = "B2"
    sheet.auto_filter.ref = f"A1:E{len(rows) + 1}"
    header_lines = max(wrapped_lines(h, w, True) for h, w in zip(HEADERS, widths, strict=True))
    fit_row(sheet, 1, header_lines)
    print_setup(sheet, title_row=1)
    workbook.save(path)


def table_book_way(path: Path, rows: list[list[object]]) -> None:
    book = TableBook()
    book.table(book.workbook.active, HEADERS, rows, WIDTHS, FORMATS)
    book.save(path)


def parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {n: archive.read(n) for n in archive.namelist() if not n.startswith("docProps")}


@pytest.mark.parametrize("rows", [ROWS, []], ids=["rows", "header only"])
def test_the_rows_are_written_as_openpyxl_writes_them(
    tmp_path: Path, rows: list[list[object]]
) -> None:
    openpyxl_way(tmp_path / "openpyxl.xlsx", rows)
    table_book_way(tmp_path / "table_book.xlsx", rows)

    expected, written = parts(tmp_path / "openpyxl.xlsx"), parts(tmp_path / "table_book.xlsx")
    assert written.keys() == expected.keys()
    for name in expected:
        assert written[name] == expected[name], name


def test_the_cells_read_back_as_given(tmp_path: Path) -> None:
    table_book_way(tmp_path / "t.xlsx", ROWS)

    sheet = openpyxl.load_workbook(tmp_path / "t.xlsx").active
    assert sheet.max_row == len(ROWS) + 1 and sheet.dimensions == "A1:E6"
    read = [list(row) for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert read[0] == ROWS[0]
    assert read[1][:4] == ["Lapas Ünït — 😀", "  spasi di depan dan belakang  ", 0, None]
    assert read[2][1] == "x" * 32_767  # Excel's limit for one cell, as openpyxl cuts it
    assert sheet["D2"].number_format == "0.0%" and sheet["D2"].alignment.wrap_text


def test_a_text_that_looks_like_a_formula_stays_the_text_typed(tmp_path: Path) -> None:
    """openpyxl would make ``=...`` a formula and ``#N/A`` an error value in the recap."""
    table_book_way(tmp_path / "t.xlsx", [['=HYPERLINK("x")', "#N/A", 1, 0.5, "=1+1"]])

    sheet = openpyxl.load_workbook(tmp_path / "t.xlsx").active
    assert [c.value for c in sheet[2]] == ['=HYPERLINK("x")', "#N/A", 1, 0.5, "=1+1"]
    assert [c.data_type for c in sheet[2]] == ["s", "s", "n", "n", "s"]


def test_a_character_xml_cannot_hold_is_written_as_excel_writes_it(tmp_path: Path) -> None:
    """openpyxl refuses a control character (a folder name may hold one): written as
    ``_xHHHH_``, and a typed ``_xHHHH_`` escaped, every text reads back as given."""
    texts = ["bel\x07 x", "_x0041_ dan _x005F_", "a\x01\x1fb\uffff"]
    table_book_way(tmp_path / "t.xlsx", [[texts[0], texts[1], 1, 0.5, texts[2]]])

    workbook = open_workbook(tmp_path / "t.xlsx", Report())
    assert workbook is not None
    sheet = find_sheet(workbook, "Sheet")
    assert sheet is not None
    assert [sheet.values[(1, c)] for c in (0, 1, 4)] == texts


def test_a_value_a_recap_never_holds_is_a_bug_not_a_cell(tmp_path: Path) -> None:
    with pytest.raises(TypeError):
        table_book_way(tmp_path / "t.xlsx", [[True, "", 1, 0.5, None]])
