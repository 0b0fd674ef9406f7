"""Workbooks as office programs really save them: Excel's Strict Open XML, VBA module
sheets, currency formats, NIPs typed as numbers, Wingdings ticks, hidden rows, columns and
sheets, formulas never calculated, crafted packages that would make a reader crawl.

Each case is a real workbook made in code (the sample sources changed the way the program
would have saved them, or a package written part by part) and read the way `build` reads
it; none may print a traceback.
"""

from __future__ import annotations

import re
import zipfile
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from lxml import etree
from openpyxl.styles import Font

from generator.contract import Column
from generator.plan.models import ComponentKey
from generator.plan.validate import load_plan
from generator.problems import CellRef, InputInvalid, Report
from generator.richtext import Style, runs_of
from generator.tables import MAX_CELL_CHARS, read_table
from generator.xlsx import find_sheet, open_workbook
from generator.xlsx.sheet import MAX_CELLS
from tests.conftest import assert_no_traceback, set_cell
from tests.docx_reading import open_docx
from tests.test_hostile import (
    MAIN_NS,
    TATA,
    UMUM,
    build_ok,
    error_lines,
    patch_part,
    run,
    sheet_part,
    warning_lines,
)
from tests.workbook_xml import raw_workbook

COLUMNS = (Column("bagian", ("Bagian",)), Column("teks", ("Teks",)))
HEADER = (
    '<row r="1"><c r="A1" t="inlineStr"><is><t>Bagian</t></is></c>'
    '<c r="B1" t="inlineStr"><is><t>Teks</t></is></c></row>'
)
TRANSITIONAL = {
    b"http://schemas.openxmlformats.org/spreadsheetml/2006/main": (
        b"http://purl.oclc.org/ooxml/spreadsheetml/main"
    ),
    b"http://schemas.openxmlformats.org/officeDocument/2006/relationships": (
        b"http://purl.oclc.org/ooxml/officeDocument/relationships"
    ),
}


def read(path: Path, sheet: str = "Data", columns=COLUMNS):
    """The sheet's table as validate reads it, and the report of reading it."""
    report = Report()
    workbook = open_workbook(path, report)
    table = None
    if workbook is not None:
        found = find_sheet(workbook, sheet)
        assert found is not None
        table = read_table(found, path.name, columns, report)
    return table, report


def texts(table) -> list[str]:
    return [row["teks"].text for row in table.rows]


def data_rows(*cells: str) -> str:
    """Rows 2.. of a sheet, one cell in column B each (given as its attributes and XML)."""
    return HEADER + "".join(
        f'<row r="{r}"><c r="B{r}" {cell}</c></row>' for r, cell in enumerate(cells, start=2)
    )


# -- Strict Open XML --------------------------------------------------------------------------


def to_strict(path: Path) -> None:
    """The workbook as Excel's "Strict Open XML Spreadsheet" saves it: every SpreadsheetML
    element and relationship type in the purl.oclc.org namespaces (the package's own
    parts, [Content_Types].xml and the .rels element names, keep theirs)."""
    with zipfile.ZipFile(path) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    for name, data in members.items():
        if name.endswith((".xml", ".rels")):
            for old, new in TRANSITIONAL.items():
                data = data.replace(old, new)
            members[name] = data
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)


def test_a_strict_workbook_reads_cell_for_cell_as_its_transitional_original(
    sources: Path, tmp_path: Path
) -> None:
    for original in sorted(sources.glob("*.xlsx")):
        strict = tmp_path / original.name
        strict.write_bytes(original.read_bytes())
        to_strict(strict)
        with zipfile.ZipFile(strict) as archive:
            assert b"purl.oclc.org/ooxml/spreadsheetml/main" in archive.read("xl/workbook.xml")
        before, after = open_workbook(original, Report()), open_workbook(strict, Report())
        assert before is not None and after is not None
        assert after.sheetnames == before.sheetnames
        for old, new in zip(before.worksheets, after.worksheets, strict=True):
            assert new.values == old.values, (original.name, old.title)
            assert new.formats == old.formats
            assert old.values  # the sample's sheets are not empty: the test can fail


def test_the_sample_saved_as_strict_builds_the_same_plan(sources: Path) -> None:
    expected, _ = load_plan(sources)
    for workbook in sources.glob("*.xlsx"):
        to_strict(workbook)

    plan, warnings = load_plan(sources)

    assert plan == expected
    assert not [w for w in warnings if w.code.startswith("judul-kolom")]


# -- a sheet that names no part ---------------------------------------------------------------


def test_a_vba_module_sheet_with_an_empty_relationship_is_skipped(
    sources: Path, tmp_path: Path
) -> None:
    def add_module(data: bytes) -> bytes:
        return data.replace(
            b"</sheets>",
            b'<sheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
            b'name="Module1" sheetId="99" state="veryHidden" r:id=""/></sheets>',
        )

    patch_part(sources / TATA, "xl/workbook.xml", add_module)
    with zipfile.ZipFile(sources / TATA) as archive:
        assert b'r:id=""' in archive.read("xl/workbook.xml")

    workbook = open_workbook(sources / TATA, Report())
    assert workbook is not None
    assert "Module1" not in workbook.sheetnames
    assert {"Uraian", "Indikator", "Prioritas"} <= set(workbook.sheetnames)
    build_ok(sources, tmp_path / "rencana.docx")


# -- number formats ---------------------------------------------------------------------------

FORMATS = {
    164: '"Rp"#,##0',
    165: "[$Rp-421]#,##0.00",
    166: '_("Rp"* #,##0_);_("Rp"* (#,##0);_("Rp"* "-"_);_(@_)',
}


def formatted_workbook(path: Path, cells: list[tuple[int, str]]) -> Path:
    """A sheet whose column B holds each number in the style that uses the format id."""
    ids = [0, 164, 165, 166, 3, 4]
    styles = (
        '<numFmts count="3">'
        + "".join(
            f'<numFmt numFmtId="{i}" formatCode="{code.replace(chr(34), "&quot;")}"/>'
            for i, code in FORMATS.items()
        )
        + '</numFmts><fonts count="1"><font><name val="Calibri"/></font></fonts>'
        + "<cellXfs>"
        + "".join(f'<xf numFmtId="{i}" fontId="0"/>' for i in ids)
        + "</cellXfs>"
    )
    cells_xml = [f's="{ids.index(fmt)}"><v>{value}</v>' for value, fmt in cells]
    return raw_workbook(
        path, {"Data": f"<sheetData>{data_rows(*cells_xml)}</sheetData>"}, styles=styles
    )


def test_currency_and_thousands_formats_read_as_excel_shows_them_in_indonesian(
    tmp_path: Path,
) -> None:
    cells = [
        (50000000, 164),
        (50000000, 165),
        (50000000, 166),
        (-1500000, 166),
        (0, 166),
        (50000000, 3),  # Excel's built-in #,##0
        (1234.5, 4),  # and #,##0.00
        (2024, 0),
    ]

    table, report = read(formatted_workbook(tmp_path / "01_x.xlsx", cells))

    assert report.problems == []
    assert texts(table) == [
        "Rp50.000.000",
        "Rp50.000.000,00",
        "Rp 50.000.000",
        "Rp (1.500.000)",
        "Rp -",
        "50.000.000",
        "1.234,50",
        "2024",
    ]


def test_a_currency_target_prints_in_the_document_as_excel_shows_it(
    sources: Path, tmp_path: Path
) -> None:
    book = openpyxl.load_workbook(sources / TATA)
    book["Indikator"]["E4"] = 50000000
    book["Indikator"]["E4"].number_format = '"Rp"#,##0'
    book.save(sources / TATA)
    output = tmp_path / "rencana.docx"

    build_ok(sources, output)

    cells = {c.text for t in open_docx(output).tables for r in t.rows for c in r.cells}
    assert "Rp50.000.000" in cells
    assert "50000000" not in cells


@pytest.mark.parametrize(
    "stored",
    ["197604132000121002", "1.97604132000121E+17"],  # a program's int, Excel's 15 digits
)
def test_an_18_digit_number_shows_excel_s_15_digits_and_says_digits_were_lost(
    tmp_path: Path, stored: str
) -> None:
    path = raw_workbook(
        tmp_path / "01_x.xlsx",
        {"Data": f"<sheetData>{data_rows(f'><v>{stored}</v>', '><v>199</v>')}</sheetData>"},
    )

    table, _ = read(path)

    nip, small = (row["teks"] for row in table.rows)
    assert nip.text == "197604132000121000"
    assert nip.number_lost_digits
    assert small.text == "199" and not small.number_lost_digits


def test_a_nip_typed_as_a_number_is_reported_as_excel_shows_it(sources: Path) -> None:
    set_cell(sources / UMUM, "Identitas", "B14", 197604132000121002)

    result = run("validate", sources)

    assert_no_traceback(result)
    assert result.exit_code == 1
    (nip,) = [text for _, text in error_lines(result.stderr) if "Identitas › B14" in text]
    assert "197604132000121000" in nip
    assert "e+17" not in nip  # Python's form; Excel's 1.97604132000121E+17 is what the cell shows


# -- symbol fonts -----------------------------------------------------------------------------

SYMBOL_STYLES = (
    '<fonts count="4"><font><name val="Calibri"/></font><font><name val="Wingdings"/></font>'
    '<font><name val="Wingdings 2"/></font><font><name val="Webdings"/></font></fonts>'
    '<cellXfs count="4"><xf fontId="0"/><xf fontId="1"/><xf fontId="2"/><xf fontId="3"/>'
    "</cellXfs>"
)


def test_ticks_in_symbol_fonts_read_as_the_marks_excel_shows(tmp_path: Path) -> None:
    strings = (
        "<si><t>ü</t></si>"  # 0
        "<si><t>P</t></si>"  # 1
        "<si><t>Selesai </t></si>"  # 2
        '<si><r><t>Selesai </t></r><r><rPr><rFont val="Wingdings"/></rPr><t>þ</t></r></si>'  # 3
        '<si><r><rPr><rFont val="Calibri"/></rPr><t>Catatan </t></r><r><t>ü</t></r></si>'  # 4
    )
    cells = [
        's="1" t="s"><v>0</v>',  # Wingdings ü
        's="0" t="s"><v>0</v>',  # the same string in Calibri: a real ü
        's="2" t="s"><v>1</v>',  # Wingdings 2 P
        's="1" t="inlineStr"><is><t>þ</t></is>',  # Wingdings þ, inline
        's="3" t="inlineStr"><is><t>a</t></is>',  # Webdings a
        's="2" t="inlineStr"><is><t>R</t></is>',  # Wingdings 2 R
        's="0" t="s"><v>3</v>',  # a run in Wingdings in a Calibri cell
        's="1" t="s"><v>4</v>',  # a Calibri run, and a run taking the cell's Wingdings
        's="1" t="inlineStr"><is><t>\uf0fc</t></is>',  # the Symbol-encoded spelling
        's="0" t="s"><v>2</v>',
    ]
    path = raw_workbook(
        tmp_path / "01_x.xlsx",
        {"Data": f"<sheetData>{data_rows(*cells)}</sheetData>"},
        strings=strings,
        styles=SYMBOL_STYLES,
    )

    table, report = read(path)

    assert report.problems == []
    assert texts(table) == [
        "✓", "ü", "✓", "☑", "✔", "☑", "Selesai ☑", "Catatan ✓", "✓", "Selesai",
    ]  # fmt: skip


def test_a_wingdings_tick_in_the_matrix_prints_as_a_tick(sources: Path, tmp_path: Path) -> None:
    book = openpyxl.load_workbook(sources / TATA)
    sheet = book["Indikator"]
    assert sheet["F4"].value is None
    sheet["F4"] = "ü"
    sheet["F4"].font = Font(name="Wingdings")
    book.save(sources / TATA)
    output = tmp_path / "rencana.docx"

    result = build_ok(sources, output)

    assert "tanda-tidak-dikenal" not in result.stderr
    plan, _ = load_plan(sources)
    component = next(c for c in plan.components if c.key == ComponentKey.PENATAAN_TATALAKSANA)
    assert component.activities[0].lines[0].months[0]  # JAN, where the tick was put


# -- what Excel hides -------------------------------------------------------------------------


def test_hidden_rows_columns_and_sheets_that_hold_data_are_named(
    sources: Path, tmp_path: Path
) -> None:
    book = openpyxl.load_workbook(sources / TATA)
    book["Prioritas"].row_dimensions[5].hidden = True
    book["Prioritas"].row_dimensions[6].hidden = True
    book["Prioritas"].column_dimensions["E"].hidden = True
    book["Uraian"].sheet_state = "hidden"
    book["Indikator"].sheet_state = "veryHidden"
    book["Prioritas"].row_dimensions[40].hidden = True  # empty: nothing to say
    book.save(sources / TATA)

    result = build_ok(sources, tmp_path / "rencana.docx")

    found = [text for file, text in warning_lines(result.stderr) if file == TATA]
    codes = [re.search(r"\[([a-z-]+)\]$", text).group(1) for text in found]
    assert "Prioritas › baris 5–6: 2 baris berisi data ini disembunyikan" in "\n".join(found)
    assert any(text.startswith("  peringatan: Prioritas › kolom E: ") for text in found)
    assert any(text.startswith("  peringatan: Uraian: Sheet ini disembunyikan") for text in found)
    assert any("Indikator: " in text and "[sheet-sangat-tersembunyi]" in text for text in found)
    assert codes.count("baris-tersembunyi") == 1


def test_a_hidden_sheet_that_holds_nothing_is_not_reported(tmp_path: Path) -> None:
    path = raw_workbook(
        tmp_path / "01_x.xlsx",
        {"Data": f"<sheetData>{HEADER}</sheetData>"},
        sheet_attributes={"Data": 'state="hidden"'},
    )
    table, report = read(path)
    assert table is not None and table.rows == []
    assert report.problems == []


def test_a_sheet_hidden_by_zero_heights_and_widths_is_hidden_too(tmp_path: Path) -> None:
    rows = HEADER + (
        '<row r="2" ht="0" customHeight="1"><c r="A2" t="inlineStr"><is><t>x</t></is></c></row>'
        '<row r="3"><c r="B3" t="inlineStr"><is><t>y</t></is></c></row>'
    )
    cols = '<cols><col min="2" max="2" width="0" customWidth="1"/></cols>'
    _, report = read(
        raw_workbook(tmp_path / "01_x.xlsx", {"Data": f"{cols}<sheetData>{rows}</sheetData>"})
    )
    assert [(p.code, p.where.cell) for p in report.problems] == [
        ("baris-tersembunyi", "baris 2"),
        ("kolom-tersembunyi", "kolom B"),
    ]


# -- Excel's limits, formulas never calculated ------------------------------------------------


def test_a_text_beyond_excel_s_limit_in_any_column_is_one_error_naming_the_cell(
    sources: Path,
) -> None:
    label = "Kementerian " * 3_000  # 36,000 characters in the Kolom column of Identitas

    def change(data: bytes) -> bytes:
        root = etree.fromstring(data)
        cell = next(c for c in root.iter(f"{{{MAIN_NS}}}c") if c.get("r") == "A15")
        new = etree.fromstring(
            f'<c xmlns="{MAIN_NS}" r="A15" t="inlineStr"><is><t>{label}</t></is></c>'
        )
        cell.getparent().replace(cell, new)
        return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))

    patch_part(sources / UMUM, sheet_part(sources / UMUM, "Identitas"), change)

    result = run("validate", sources)

    assert_no_traceback(result)
    found = [text for file, text in error_lines(result.stderr) if file == UMUM]
    assert len(label) > MAX_CELL_CHARS
    assert found == [
        "  KESALAHAN: Identitas › A15: Isi sel 36.000 karakter, melebihi batas Excel 32.767 "
        "karakter; sel sepanjang itu tidak mungkin diketik di Excel, jadi isinya kemungkinan "
        "rusak saat disalin atau dibuat oleh program lain. Perbaiki: Periksa isi sel itu; "
        "pecah menjadi beberapa baris atau sel bila memang sepanjang itu. [teks-terlalu-panjang]"
    ]
    assert len(result.stderr) < 5_000  # the text itself is not quoted


def test_a_formatted_text_longer_than_a_cell_is_refused_for_its_length(tmp_path: Path) -> None:
    """Its runs are not read one by one (bold, italic...): the text is refused anyway, and
    a crafted string of many runs must not cost seconds."""
    runs = "".join(f"<r><rPr><b/></rPr><t>kata{n} </t></r>" for n in range(8_000))
    shared = f"<si>{runs}</si><si><r><rPr><i/></rPr><t>miring</t></r></si>"
    path = raw_workbook(
        tmp_path / "panjang.xlsx",
        sheets={"Data": data_rows('t="s"><v>0</v>', 't="s"><v>1</v>')},
        strings=shared,
    )

    table, report = read(path)

    assert [p.code for p in report.problems] == ["teks-terlalu-panjang"]
    assert report.problems[0].where.cell == "B2"
    assert texts(table) == ["miring"]  # the refused cell's row is left out, the other kept
    assert runs_of(table.rows[0]["teks"].value) == (("miring", Style(italic=True)),)


def add_formula(workbook: Path, sheet: str, coordinate: str, formula: str, cached: bool) -> None:
    """The cell as a program saves a formula: ``<f>`` before the value it calculated, or
    (``cached`` False, as openpyxl and some generators write it) no value at all."""

    def change(data: bytes) -> bytes:
        root = etree.fromstring(data)
        cell = next(c for c in root.iter(f"{{{MAIN_NS}}}c") if c.get("r") == coordinate)
        value = cell.find(f"{{{MAIN_NS}}}v")
        if not cached:
            cell.remove(value)
        element = etree.Element(f"{{{MAIN_NS}}}f")
        element.text = formula
        cell.insert(0, element)
        return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))

    patch_part(workbook, sheet_part(workbook, sheet), change)


def test_tahun_as_a_formula_shown_as_a_year_reads_as_the_year_excel_shows(
    sources: Path, tmp_path: Path
) -> None:
    book = openpyxl.load_workbook(sources / UMUM)
    book["Identitas"]["B9"] = datetime(2024, 3, 1)  # =TODAY() on the day it was saved
    book["Identitas"]["B9"].number_format = "yyyy"
    book.save(sources / UMUM)
    add_formula(sources / UMUM, "Identitas", "B9", "TODAY()", cached=True)

    build_ok(sources, tmp_path / "rencana.docx")
    plan, _ = load_plan(sources)

    assert plan.identity.tahun == 2024


def test_tahun_as_a_formula_never_calculated_is_one_error(sources: Path) -> None:
    add_formula(sources / UMUM, "Identitas", "B9", "YEAR(TODAY())", cached=False)

    result = run("validate", sources)

    assert_no_traceback(result)
    assert result.exit_code == 1
    found = [text for file, text in error_lines(result.stderr) if file == UMUM]
    assert found == [
        "  KESALAHAN: Identitas › B9: Sel berisi rumus yang belum pernah dihitung (workbook "
        "disimpan oleh program yang tidak menghitung rumus), sehingga hasilnya tidak "
        "diketahui. Perbaiki: Buka workbook di Excel atau LibreOffice Calc, lalu simpan lagi: "
        "rumusnya dihitung saat disimpan. Atau ganti rumus itu dengan isinya. [rumus-tanpa-nilai]"
    ]
    assert "peringatan: Identitas › B9" not in result.stderr


def test_a_formula_column_filled_past_the_table_is_no_error(tmp_path: Path) -> None:
    rows = HEADER + (
        '<row r="2"><c r="A2" t="inlineStr"><is><t>Tujuan</t></is></c>'
        '<c r="B2" t="str"><f>"x"</f><v>x</v></c></row>'
        + "".join(f'<row r="{r}"><c r="B{r}"><f>A{r}</f></c></row>' for r in range(3, 50))
    )
    table, report = read(
        raw_workbook(tmp_path / "01_x.xlsx", {"Data": f"<sheetData>{rows}</sheetData>"})
    )
    assert report.problems == []
    assert texts(table) == ["x"]


# -- crafted packages: read correctly, or refused at once -------------------------------------


def test_a_long_shared_string_is_decoded_once_for_all_its_cells(tmp_path: Path) -> None:
    text = "Rapat_x000D_\nkoordinasi " * 50_000  # 1 MB with an escape on every line
    rows = HEADER + "".join(
        f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>a</t></is></c>'
        f'<c r="B{r}" t="s"><v>0</v></c></row>'
        for r in range(2, 2_002)
    )
    path = raw_workbook(
        tmp_path / "01_x.xlsx",
        {"Data": f"<sheetData>{rows}</sheetData>"},
        strings=f"<si><t>{text}</t></si>",
    )

    workbook = open_workbook(path, Report())

    assert workbook is not None
    values = [v for (r, c), v in workbook.worksheets[0].values.items() if c == 1 and r > 0]
    assert len(values) == 2_000
    assert values[0] == text.replace("_x000D_", "\r")
    assert all(value is values[0] for value in values)  # one string, not 2,000 copies
    _, report = read(path)
    assert len(report.errors) == 2_000  # each cell over Excel's limit is named
    assert {p.code for p in report.problems} == {"teks-terlalu-panjang"}


SHARED_FIRST = 't="s"><v>0</v>'


def test_a_string_of_many_runs_reads_whole(tmp_path: Path) -> None:
    runs = "".join(
        f'<r><rPr><b/><rFont val="Calibri"/></rPr><t>{n % 10}</t></r>' for n in range(30_000)
    )
    path = raw_workbook(
        tmp_path / "01_x.xlsx",
        {"Data": f"<sheetData>{data_rows(SHARED_FIRST)}</sheetData>"},
        strings=f"<si>{runs}</si>",
    )
    table, report = read(path)
    assert report.problems == []
    assert texts(table) == ["0123456789" * 3_000]


def test_thousands_of_merged_ranges_read_each_value_in_its_range(tmp_path: Path) -> None:
    rows, merges = [HEADER], []
    for n in range(2_000):
        top = 2 + n * 2
        rows.append(
            f'<row r="{top}"><c r="A{top}" t="inlineStr"><is><t>k{n}</t></is></c>'
            f'<c r="B{top}" t="inlineStr"><is><t>t{n}</t></is></c></row>'
        )
        merges.append(f'<mergeCell ref="A{top}:A{top + 1}"/>')
    xml = f"<sheetData>{''.join(rows)}</sheetData><mergeCells>{''.join(merges)}</mergeCells>"

    table, report = read(raw_workbook(tmp_path / "01_x.xlsx", {"Data": xml}))

    assert report.problems == []
    assert len(table.rows) == 2_000
    assert [row["bagian"].text for row in table.rows[-2:]] == ["k1998", "k1999"]


def test_rows_far_apart_keep_their_addresses(tmp_path: Path) -> None:
    rows = HEADER + "".join(
        f'<row r="{r}"><c r="B{r}" t="inlineStr"><is><t>r{r}</t></is></c></row>'
        for r in (2, 500_000, 1_048_576)
    )
    xml = f'<dimension ref="A1:XFD1048576"/><sheetData>{rows}</sheetData>'
    table, report = read(raw_workbook(tmp_path / "01_x.xlsx", {"Data": xml}))
    assert report.problems == []
    assert [row["teks"].ref.cell for row in table.rows] == ["B2", "B500000", "B1048576"]
    assert texts(table) == ["r2", "r500000", "r1048576"]


def test_a_format_of_brackets_in_thousands_of_styles_reads_as_general(tmp_path: Path) -> None:
    xf = '<xf numFmtId="164"/>'
    styles = (
        f'<numFmts count="1"><numFmt numFmtId="164" formatCode="{"[" * 250}"/></numFmts>'
        f"<cellXfs>{xf * 5_000}</cellXfs>"
    )
    cells = [f's="{n}"><v>{n}</v>' for n in range(1, 2_001)]
    xml = f"<sheetData>{data_rows(*cells)}</sheetData>"

    table, report = read(raw_workbook(tmp_path / "01_x.xlsx", {"Data": xml}, styles=styles))

    assert report.problems == []
    assert texts(table) == [str(n) for n in range(1, 2_001)]


def test_unfinished_merge_tags_in_a_comment_do_not_count_as_merges(tmp_path: Path) -> None:
    comment = "<!-- " + "<mergeCell " * 50_000 + " -->"
    cell = 't="inlineStr"><is><t>x</t></is>'
    xml = comment + f"<sheetData>{data_rows(cell)}</sheetData>"

    table, report = read(raw_workbook(tmp_path / "01_x.xlsx", {"Data": xml}))

    assert report.problems == []
    assert texts(table) == ["x"]


def test_a_sheet_of_more_cells_than_any_plan_is_refused_naming_it(tmp_path: Path) -> None:
    row = "<c><v>1</v></c>" * 1_000
    rows = "".join(f'<row r="{r}">{row}</row>' for r in range(1, MAX_CELLS // 1_000 + 3))
    path = raw_workbook(
        tmp_path / "01_x.xlsx", {"Kecil": "<sheetData/>", "Besar": f"<sheetData>{rows}</sheetData>"}
    )

    report = Report()
    assert open_workbook(path, report) is None

    (problem,) = report.problems
    assert (problem.code, problem.where) == ("sel-terlalu-banyak", CellRef("01_x.xlsx", "Besar"))
    assert "100.000" in problem.message


def test_merged_ranges_are_limited_for_the_whole_workbook(tmp_path: Path) -> None:
    merges = "".join(f'<mergeCell ref="A{n * 100 + 2}:J{n * 100 + 101}"/>' for n in range(20))
    sheet = f"<sheetData>{HEADER}</sheetData><mergeCells>{merges}</mergeCells>"  # 20,000 each
    path = raw_workbook(tmp_path / "01_x.xlsx", {f"S{n}": sheet for n in range(6)})

    report = Report()
    assert open_workbook(path, report) is None

    (problem,) = report.problems
    assert problem.code == "sel-gabungan-terlalu-luas"
    assert problem.where.sheet == "S5"  # the sheet that passes the limit


def test_a_workbook_whose_xml_is_far_larger_than_a_plan_is_refused(tmp_path: Path) -> None:
    rows = "".join(
        f'<row r="{r}"><c r="A{r}" s="1"/><c r="B{r}" s="1"/><c r="C{r}" s="1"/></row>'
        for r in range(1, 400_000)
    )
    path = raw_workbook(tmp_path / "01_x.xlsx", {"Data": f"<sheetData>{rows}</sheetData>"})

    report = Report()
    assert open_workbook(path, report) is None

    (problem,) = report.problems
    assert problem.code == "isi-workbook-terlalu-besar"
    assert "batas 8 MB" in problem.message


def test_none_of_these_workbooks_stops_the_build_with_a_traceback(sources: Path) -> None:
    to_strict(sources / TATA)
    set_cell(sources / UMUM, "Identitas", "B14", 197604132000121002)
    add_formula(sources / UMUM, "Identitas", "B9", "YEAR(TODAY())", cached=False)

    result = run("build", sources, "--tanpa-daftar-isi", "--tanpa-periksa")

    assert_no_traceback(result)
    assert result.exit_code == 1
    with pytest.raises(InputInvalid):
        load_plan(sources)
