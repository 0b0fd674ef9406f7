"""Excel rich text read as runs: inline strings (openpyxl) and shared strings (Excel)."""

from __future__ import annotations

from pathlib import Path

from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont

from generator.richtext import ITALIC, PLAIN, RichText, Style
from tests.conftest import MakeWorkbook
from tests.workbook_xml import sheet_of, written


def test_inline_rich_text_reads_as_runs_with_every_kind_of_formatting(
    make_workbook: MakeWorkbook,
) -> None:
    value = CellRichText(
        [
            "Luas ",
            TextBlock(InlineFont(b=True), "blok A"),
            " 25 m",
            TextBlock(InlineFont(vertAlign="superscript"), "2"),
            ", H",
            TextBlock(InlineFont(vertAlign="subscript"), "2"),
            "O, ",
            TextBlock(InlineFont(i=True), "Quick Wins"),
            " ",
            TextBlock(InlineFont(u="single"), "garis"),
            TextBlock(InlineFont(u="double"), "ganda"),
        ]
    )
    path = make_workbook("01_x.xlsx", {"Data": [[value, "polos"]]})
    sheet = sheet_of(path, "Data")
    cell = sheet.values[(0, 0)]
    assert cell == "Luas blok A 25 m2, H2O, Quick Wins garisganda"
    assert isinstance(cell, RichText)
    assert cell.runs == (
        ("Luas ", PLAIN),
        ("blok A", Style(bold=True)),
        (" 25 m", PLAIN),
        ("2", Style(vertical="superscript")),
        (", H", PLAIN),
        ("2", Style(vertical="subscript")),
        ("O, ", PLAIN),
        ("Quick Wins", ITALIC),
        (" ", PLAIN),
        ("garis", Style(underline="single")),
        ("ganda", Style(underline="double")),
    )
    assert type(sheet.values[(0, 1)]) is str


def test_shared_strings_as_excel_writes_them(make_workbook: MakeWorkbook) -> None:
    strings = (
        '<si><r><rPr><sz val="11"/><rFont val="Calibri"/></rPr>'
        '<t xml:space="preserve">Program </t></r>'
        '<r><rPr><i/><sz val="11"/><rFont val="Calibri"/></rPr><t>Quick Wins</t></r>'
        '<rPh sb="0" eb="1"><t>ふりがな</t></rPh></si>'
        "<si><r><rPr><b/></rPr><t>tebal</t></r>"
        '<r><rPr><b val="0"/></rPr><t> lalu tidak</t></r></si>'
        '<si><r><rPr><sz val="14"/><color rgb="FFFF0000"/></rPr><t>hanya warna</t></r></si>'
        "<si><r><rPr><i/></rPr><t>a_x000D_b</t></r><r><t>_x005F_x0041_</t></r></si>"
    )
    rows = "".join(f'<row r="{n}"><c r="A{n}" t="s"><v>{n - 1}</v></c></row>' for n in range(1, 5))
    sheet = sheet_of(written(make_workbook, rows, strings=strings), "Data")
    first, second, colour, escaped = (sheet.values[(n, 0)] for n in range(4))
    assert isinstance(first, RichText)
    assert first.runs == (("Program ", PLAIN), ("Quick Wins", ITALIC))  # no phonetic guide
    assert isinstance(second, RichText)
    assert second.runs == (("tebal", Style(bold=True)), (" lalu tidak", PLAIN))
    assert type(colour) is str and colour == "hanya warna"  # font and colour are not printed
    # escapes decoded once, run by run, exactly as in plain text
    assert isinstance(escaped, RichText)
    assert escaped.runs == (("a\rb", ITALIC), ("_x0041_", PLAIN))


def test_a_merged_range_repeats_the_formatted_value(make_workbook: MakeWorkbook) -> None:
    rows = (
        '<row r="1"><c r="A1" t="inlineStr"><is><r><rPr><i/></rPr><t>reward</t></r></is></c></row>'
        '<row r="2"><c r="B2" t="inlineStr"><is><t>x</t></is></c></row>'
    )
    sheet = sheet_of(
        written(make_workbook, rows, after='<mergeCells><mergeCell ref="A1:A2"/></mergeCells>'),
        "Data",
    )
    below = sheet.values[(1, 0)]
    assert isinstance(below, RichText) and below.runs == (("reward", ITALIC),)


def test_plain_workbooks_read_plain_strings(tmp_path: Path, make_workbook: MakeWorkbook) -> None:
    path = make_workbook("01_x.xlsx", {"Data": [["satu", "dua _x000D_"]]})
    sheet = sheet_of(path, "Data")
    assert all(type(v) is str for v in sheet.values.values())


def test_a_formatted_run_in_a_symbol_font_shows_its_symbol(make_workbook: MakeWorkbook) -> None:
    strings = (
        '<si><r><t xml:space="preserve">Selesai </t></r>'
        '<r><rPr><b/><rFont val="Wingdings"/></rPr><t>ü</t></r></si>'
    )
    rows = '<row r="1"><c r="A1" t="s"><v>0</v></c></row>'
    value = sheet_of(written(make_workbook, rows, strings=strings), "Data").values[(0, 0)]
    assert isinstance(value, RichText)
    assert value.runs == (("Selesai ", PLAIN), ("✓", Style(bold=True)))
