"""Excel rich text read as runs: inline strings (openpyxl) and shared strings (Excel); and
a whole cell's formatting (its style's font), as the toolbar gives it."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import openpyxl
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles import Font

from generator.richtext import ITALIC, PLAIN, RichText, Style
from tests.conftest import MakeWorkbook
from tests.workbook_xml import raw_workbook, sheet_of, written

BOLD = Style(bold=True)
ITALIC_FONT, PLAIN_FONT = InlineFont(i=True), InlineFont(sz=11)


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


# -- a whole cell's formatting ------------------------------------------------------------------


def styled_workbook(path: Path, cells: dict[str, tuple[object, Font]]) -> Path:
    """A sheet Data whose cells hold a value each, in a font set as the toolbar sets it."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Data"
    for ref, (value, font) in cells.items():
        sheet[ref] = value
        sheet[ref].font = font
    workbook.save(path)
    return path


def test_a_whole_cells_formatting_reads_as_one_formatted_run(tmp_path: Path) -> None:
    path = styled_workbook(
        tmp_path / "01_x.xlsx",
        {
            "A1": ("tebal", Font(bold=True)),
            "A2": ("miring", Font(italic=True)),
            "A3": ("garis", Font(underline="single")),
            "A4": ("ganda", Font(underline="double")),
            "A5": ("atas", Font(vertAlign="superscript")),
            "A6": ("bawah", Font(vertAlign="subscript")),
            "A7": ("semua", Font(bold=True, italic=True, underline="single")),
            "A8": ("besar dan merah", Font(size=16, color="FFFF0000", name="Arial")),
            "A9": ("tidak tebal", Font(bold=False)),
        },
    )
    values = sheet_of(path, "Data").values
    expected = {
        0: Style(bold=True),
        1: ITALIC,
        2: Style(underline="single"),
        3: Style(underline="double"),
        4: Style(vertical="superscript"),
        5: Style(vertical="subscript"),
        6: Style(bold=True, italic=True, underline="single"),
    }
    for row, style in expected.items():
        value = values[(row, 0)]
        assert isinstance(value, RichText), row
        assert value.runs == ((str(value), style),)
    assert type(values[(7, 0)]) is str  # font, size and colour are not printed
    assert type(values[(8, 0)]) is str


def test_a_formatted_cell_with_runs_of_its_own(tmp_path: Path) -> None:
    """As Excel shows it: a run with properties is printed as they say (they replace the
    cell's font), the text without any takes the cell's formatting."""
    cell = CellRichText(
        ["Rencana ", TextBlock(ITALIC_FONT, "reward"), " dan ", TextBlock(PLAIN_FONT, "biasa")]
    )
    path = styled_workbook(tmp_path / "01_x.xlsx", {"A1": (cell, Font(bold=True))})
    value = sheet_of(path, "Data").values[(0, 0)]
    assert isinstance(value, RichText)
    assert value.runs == (
        ("Rencana ", BOLD),
        ("reward", ITALIC),  # its own properties: italic, not bold
        (" dan ", BOLD),
        ("biasa", PLAIN),
    )


FORMATTED_STYLES = (
    '<fonts count="4"><font><sz val="11"/><name val="Calibri"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/></font>'
    '<font><i val="1"/><u/><name val="Calibri"/></font>'
    '<font><b/><name val="Wingdings"/></font></fonts>'
    '<cellXfs count="5"><xf fontId="0"/><xf fontId="1"/><xf fontId="2"/><xf fontId="3"/>'
    '<xf fontId="1" numFmtId="14"/></cellXfs>'
)


def test_shared_and_inline_strings_in_a_formatted_cell(tmp_path: Path) -> None:
    strings = (
        "<si><t>Penuh tebal</t></si>"  # 0
        '<si><t xml:space="preserve">Awal </t><r><t>tanpa rPr </t></r>'
        "<r><rPr><i/></rPr><t>miring</t></r>"
        '<rPh sb="0" eb="1"><t>ふりがな</t></rPh></si>'  # 1
        "<si><r><rPr><sz val='9'/></rPr><t>ukuran saja</t></r></si>"  # 2
        "<si><t>ü</t></si>"  # 3
    )
    cells = [
        '<c r="A1" s="1" t="s"><v>0</v></c>',
        '<c r="A2" s="1" t="s"><v>1</v></c>',
        '<c r="A3" s="1" t="s"><v>2</v></c>',  # its run's own properties: not bold
        '<c r="A4" s="0" t="s"><v>0</v></c>',  # the same string in a plain cell
        '<c r="A5" s="2" t="inlineStr"><is><t>sebaris</t></is></c>',
        '<c r="A6" s="1" t="inlineStr"><is><r><t>tebal </t></r>'
        "<r><rPr><u/></rPr><t>garis</t></r></is></c>",
        '<c r="A7" s="3" t="s"><v>3</v></c>',  # a bold tick in Wingdings
        '<c r="A8" s="1"><v>12.5</v></c>',  # a number stays a number
        '<c r="A9" s="4"><v>45292</v></c>',  # a date stays a date
        '<c r="A10" s="1" t="str"><f>A1</f><v>Penuh tebal</v></c>',  # a formula's text
    ]
    rows = "".join(f'<row r="{n}">{cell}</row>' for n, cell in enumerate(cells, start=1))
    path = raw_workbook(
        tmp_path / "01_x.xlsx",
        {"Data": f"<sheetData>{rows}</sheetData>"},
        strings=strings,
        styles=FORMATTED_STYLES,
    )
    values = sheet_of(path, "Data").values
    runs = {row: getattr(values[(row, 0)], "runs", None) for row in range(10)}
    assert runs[0] == (("Penuh tebal", BOLD),)
    assert runs[1] == (("Awal tanpa rPr ", BOLD), ("miring", ITALIC))  # no phonetic guide
    assert runs[2] is None and values[(2, 0)] == "ukuran saja"
    assert runs[3] is None and type(values[(3, 0)]) is str  # the plain cell stays plain
    assert runs[4] == (("sebaris", Style(italic=True, underline="single")),)
    assert runs[5] == (("tebal ", BOLD), ("garis", Style(underline="single")))
    assert runs[6] == (("✓", BOLD),)
    assert values[(7, 0)] == 12.5
    assert values[(8, 0)] == datetime(2024, 1, 1)
    assert runs[9] == (("Penuh tebal", BOLD),)


def test_cells_in_a_plain_font_read_plain_strings(tmp_path: Path) -> None:
    """A plain cell's text stays a plain ``str``: nothing is made for most cells."""
    path = styled_workbook(
        tmp_path / "01_x.xlsx",
        {"A1": ("satu", Font(name="Arial", size=12)), "A2": ("dua", Font())},
    )
    values = sheet_of(path, "Data").values
    assert type(values[(0, 0)]) is str and type(values[(1, 0)]) is str
