"""Formatting people typed, in the document: Excel rich text becomes Word runs wherever the
plan prints the cell, foreign terms come out in italics, and plain text stays plain."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest
from docx.oxml.ns import qn
from docx.text.run import Run
from lxml import etree
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles import Font

from generator.lke.lines import plan_lines
from generator.plan.validate import load_plan
from generator.render.document import write
from generator.resources import template_path
from generator.richtext import RichText
from tests.conftest import ROOT, SAMPLE_SOURCES
from tests.docx_reading import open_docx
from tests.ooxml_schema import schema_errors
from tests.workbook_xml import sheet_of

ITALIC, BOLD = InlineFont(i=True), InlineFont(b=True)
UNDERLINE, SUPER = InlineFont(u="single"), InlineFont(vertAlign="superscript")
# the seed plan prints these in italics, and its slogan in bold (issue 14)
SEED_ITALICS = (
    "Quick Wins",
    "Self Service",
    "X-Ray",
    "Good Government",
    "Over crowded",
    "self assessment",
    "mindset",
    "culture set",
    "in-house training",
    "coaching",
    "reward",
    "review",
)


def set_rich(path: Path, sheet: str, cell: str, *parts: str | TextBlock) -> None:
    """Types formatted text into one cell, keeping the workbook's other formatted cells."""
    workbook = openpyxl.load_workbook(path, rich_text=True)
    workbook[sheet][cell] = CellRichText(list(parts))
    workbook.save(path)


def runs(docx: Path) -> list[Run]:
    document = open_docx(docx)
    parts = [document.element.body]
    parts += [s.header._element for s in document.sections]
    return [Run(r, document) for part in parts for r in part.iter(qn("w:r"))]


def paragraph_of(docx: Path, text: str) -> list[Run]:
    """The runs of the one paragraph (in the body, tables included) that holds ``text``."""
    document = open_docx(docx)
    found = [p for p in document.element.body.iter(qn("w:p")) if text in "".join(p.itertext())]
    assert len(found) == 1, f"{len(found)} paragraphs hold {text!r}"
    return [Run(r, document) for r in found[0].iter(qn("w:r"))]


def formatted(paragraph: list[Run]) -> list[tuple[str, str]]:
    """The formatted runs' texts, each with its marks: b, i, u, ^ (superscript), _ (subscript)."""
    out = []
    for run in paragraph:
        kinds = "".join(
            mark
            for mark, on in (
                ("b", run.bold),
                ("i", run.italic),
                ("u", run.underline),
                ("^", run.font.superscript),
                ("_", run.font.subscript),
            )
            if on
        )
        if kinds:
            out.append((run.text, kinds))
    return out


@pytest.fixture(scope="module")
def rich_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample with rich text typed into a paragraph, a list item, a target, a matrix
    cell and a Target Prioritas table, as a Pokja would in Excel."""
    folder = tmp_path_factory.mktemp("rich") / "sources"
    shutil.copytree(SAMPLE_SOURCES, folder)
    set_rich(
        folder / "00_umum.xlsx",
        "Narasi",
        "C5",
        "Rencana ini ",
        TextBlock(BOLD, "wajib"),
        " dibaca; luas ruang 25 m",
        TextBlock(SUPER, "2"),
        ", ",
        TextBlock(UNDERLINE, "digarisbawahi"),
        " dan ",
        TextBlock(InlineFont(b=True, i=True), "tebal miring"),
        " (reward tetap tegak).",
    )
    set_rich(
        folder / "01_manajemen_perubahan.xlsx",
        "Uraian",
        "B5",
        "Target ",
        TextBlock(ITALIC, "miring"),
        " satu",
    )
    set_rich(
        folder / "02_penataan_tatalaksana.xlsx",
        "Indikator",
        "D4",
        "1. Membuat nota ",
        TextBlock(BOLD, "dinas"),
        "\n2. Langkah ",
        TextBlock(ITALIC, "kedua"),
    )
    set_rich(
        folder / "00_umum.xlsx",
        "Narasi",
        "C6",
        "Harfiah: ",
        TextBlock(ITALIC, "A & B <c> {{ x }} {_{ y }_} {% if %}"),
        " tab\tdan sisanya",
    )
    set_rich(
        folder / "02_penataan_tatalaksana.xlsx",
        "Indikator",
        "R4",
        "Catatan satu\nbaris ",
        TextBlock(BOLD, "dua\ntiga"),
    )
    set_rich(
        folder / "01_manajemen_perubahan.xlsx",
        "Prioritas",
        "C4",
        "Melaksanakan rapat ",
        TextBlock(UNDERLINE, "pembentukan"),
    )
    plan, _ = load_plan(folder)
    return write(plan, folder.parent / "rich.docx")


def test_a_paragraphs_rich_text_becomes_the_same_runs(rich_docx: Path) -> None:
    paragraph = paragraph_of(rich_docx, "Rencana ini wajib dibaca")
    assert "".join(r.text for r in paragraph) == (
        "Rencana ini wajib dibaca; luas ruang 25 m2, digarisbawahi dan tebal miring "
        "(reward tetap tegak)."
    )
    assert formatted(paragraph) == [
        ("wajib", "b"),
        ("2", "^"),
        ("digarisbawahi", "u"),
        ("tebal miring", "bi"),
    ]  # "reward" stays upright: the cell's own formatting wins over the list


def test_targets_matrix_cells_and_priority_tables_keep_their_runs(rich_docx: Path) -> None:
    assert formatted(paragraph_of(rich_docx, "Target miring satu")) == [("miring", "i")]
    # a matrix cell's lines: the typed numbers are generated again, the runs kept
    first = paragraph_of(rich_docx, "Membuat nota dinas")
    assert "".join(r.text for r in first) == "1.\tMembuat nota dinas"
    assert formatted(first) == [("dinas", "b")]
    assert formatted(paragraph_of(rich_docx, "Langkah kedua")) == [("kedua", "i")]
    assert formatted(paragraph_of(rich_docx, "Melaksanakan rapat pembentukan")) == [
        ("pembentukan", "u")
    ]


def test_formatted_text_is_taken_literally_tabs_included(rich_docx: Path) -> None:
    paragraph = paragraph_of(rich_docx, "Harfiah: ")
    assert "".join(r.text for r in paragraph) == (
        "Harfiah: A & B <c> {{ x }} {_{ y }_} {% if %} tab\tdan sisanya"
    )
    assert formatted(paragraph) == [("A & B <c> {{ x }} {_{ y }_} {% if %}", "i")]


def test_a_formatted_run_keeps_its_formatting_across_a_line_break(rich_docx: Path) -> None:
    paragraph = paragraph_of(rich_docx, "Catatan satu")
    assert "".join(r.text for r in paragraph) == "Catatan satu\nbaris dua\ntiga"
    assert formatted(paragraph) == [("dua", "b"), ("tiga", "b")]  # the break between: plain


def test_the_document_with_runs_is_schema_valid(rich_docx: Path) -> None:
    assert schema_errors(rich_docx) == []


def test_the_json_and_the_plans_equality_see_text_only(tmp_path: Path) -> None:
    plain_folder = tmp_path / "plain"
    shutil.copytree(SAMPLE_SOURCES, plain_folder)
    for path in plain_folder.glob("0*.xlsx"):  # the same text without any formatting
        workbook = openpyxl.load_workbook(path)
        workbook.save(path)
    formatted_plan, _ = load_plan(SAMPLE_SOURCES)
    plain_plan, _ = load_plan(plain_folder)
    plain_plan = plain_plan.model_copy(update={"logo": formatted_plan.logo})  # its own folder
    assert formatted_plan == plain_plan
    text = json.loads(formatted_plan.model_dump_json())
    assert "Quick Wins" in json.dumps(text)
    assert formatted_plan.model_dump_json() == plain_plan.model_dump_json()


def test_the_built_sample_looks_like_the_seed(sample_rendered: Path) -> None:
    found = runs(sample_rendered)
    italic = {r.text for r in found if r.italic}
    bold = {r.text for r in found if r.bold}
    for term in SEED_ITALICS:
        assert term in italic, f"{term} is not printed in italics"
    assert "RUSA BERTUAH" in bold
    assert "Rutan Pekanbaru" not in italic  # names stay upright


def test_foreign_terms_of_the_units_kamus_are_italic(sources: Path, tmp_path: Path) -> None:
    kamus = sources / "kamus.txt"
    kamus.write_text(kamus.read_text(encoding="utf-8") + "*Pelalawan\n", encoding="utf-8")
    plan, _ = load_plan(sources)
    assert "Pelalawan" in plan.foreign_terms
    docx = write(plan, tmp_path / "kamus.docx")
    assert "Pelalawan" in {r.text for r in runs(docx) if r.italic}


@pytest.fixture(scope="module")
def sample_rendered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    plan, _ = load_plan(SAMPLE_SOURCES)
    return write(plan, tmp_path_factory.mktemp("sample") / "sample.docx")


def test_template_runs_that_take_values_carry_no_run_properties() -> None:
    """Rich text closes the template's run and opens its own: a run property set on a
    placeholder's run in the template would not reach the formatted runs."""
    with zipfile.ZipFile(template_path()) as archive:
        for name in archive.namelist():
            if not name.startswith("word/") or not name.endswith(".xml"):
                continue
            root = etree.fromstring(archive.read(name))
            for run in root.iter(qn("w:r")):
                text = "".join(t.text or "" for t in run.iter(qn("w:t")))
                if "{{" in text:
                    assert run.find(qn("w:rPr")) is None, f"{name}: {text}"


# -- a whole cell's formatting (the toolbar's bold, italic, ...) -----------------------------

UNDERLINED = Font(underline="single")


def set_styled(path: Path, sheet: str, cell: str, value: object, font: Font) -> None:
    """Types a value into one cell and formats the whole cell, as the toolbar does."""
    workbook = openpyxl.load_workbook(path, rich_text=True)
    workbook[sheet][cell] = value
    workbook[sheet][cell].font = font
    workbook.save(path)


def set_fonts(path: Path, sheet: str, cells: str, font: Font) -> None:
    """Formats a range of cells (``A3:R3``), keeping their values and their runs."""
    workbook = openpyxl.load_workbook(path, rich_text=True)
    for row in workbook[sheet][cells]:
        for cell in row:
            cell.font = font
    workbook.save(path)


@pytest.fixture(scope="module")
def styled_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample with whole cells made bold, italic, underlined, superscript and
    subscript, as a Pokja does with Excel's toolbar."""
    folder = tmp_path_factory.mktemp("styled") / "sources"
    shutil.copytree(SAMPLE_SOURCES, folder)
    umum, perubahan = folder / "00_umum.xlsx", folder / "01_manajemen_perubahan.xlsx"
    bold = Font(bold=True)
    set_styled(umum, "Narasi", "C5", "Paragraf ini tebal seluruhnya.", bold)
    set_styled(umum, "Narasi", "C6", "Paragraf ini miring seluruhnya.", Font(italic=True))
    set_styled(umum, "Narasi", "C7", "Paragraf ini bergaris bawah.", UNDERLINED)
    own_runs = CellRichText(["Awal tebal, ", TextBlock(ITALIC, "reward"), ", akhir tebal."])
    set_styled(umum, "Narasi", "C8", own_runs, bold)
    set_styled(umum, "Narasi", "C12", "Peraturan yang dicetak tebal", bold)  # a list item
    set_fonts(umum, "Identitas", "B13:B14", bold)  # Nama and NIP Penandatangan
    set_styled(perubahan, "Uraian", "B5", "Target ditulis naik", Font(vertAlign="superscript"))
    set_styled(perubahan, "Uraian", "B6", "Target ditulis turun", Font(vertAlign="subscript"))
    set_styled(perubahan, "Prioritas", "B4", "Target prioritas miring", Font(italic=True))
    set_styled(perubahan, "Prioritas", "C4", "Rapat pembentukan tebal", bold)
    set_styled(
        folder / "02_penataan_tatalaksana.xlsx",
        "Indikator",
        "D4",
        "1. Langkah pertama bergaris\n2. Langkah kedua bergaris",
        UNDERLINED,
    )
    plan, _ = load_plan(folder)
    return write(plan, folder.parent / "styled.docx")


@pytest.mark.parametrize(
    ("text", "marks"),
    [
        ("Paragraf ini tebal seluruhnya.", "b"),
        ("Paragraf ini miring seluruhnya.", "i"),
        ("Paragraf ini bergaris bawah.", "u"),
        ("Target ditulis naik", "^"),
        ("Target ditulis turun", "_"),
        ("Target prioritas miring", "i"),
        ("Rapat pembentukan tebal", "b"),
        ("Langkah kedua bergaris", "u"),
    ],
)
def test_a_whole_formatted_cell_prints_as_one_formatted_run(
    styled_docx: Path, text: str, marks: str
) -> None:
    """Paragraphs, targets, Target Prioritas and matrix cells formatted as a whole."""
    assert formatted(paragraph_of(styled_docx, text)) == [(text, marks)]


def test_a_formatted_list_item_and_step_leave_their_numbers_plain(styled_docx: Path) -> None:
    item = paragraph_of(styled_docx, "Peraturan yang dicetak tebal")
    assert formatted(item) == [("Peraturan yang dicetak tebal", "b")]  # the list's number: plain
    first = paragraph_of(styled_docx, "Langkah pertama bergaris")
    assert "".join(r.text for r in first) == "1.\tLangkah pertama bergaris"
    assert formatted(first) == [("Langkah pertama bergaris", "u")]  # the generated number: plain


def test_a_formatted_cells_own_runs_keep_their_formatting(styled_docx: Path) -> None:
    """Excel's reading: a run with properties of its own is printed as they say (italic,
    not bold), the cell's bold goes to the rest of its text."""
    paragraph = paragraph_of(styled_docx, "Awal tebal")
    assert "".join(r.text for r in paragraph) == "Awal tebal, reward, akhir tebal."
    assert formatted(paragraph) == [("Awal tebal, ", "b"), ("reward", "i"), (", akhir tebal.", "b")]


def test_a_bold_name_prints_bold_and_a_bold_nip_as_the_nip(styled_docx: Path) -> None:
    found = runs(styled_docx)
    bold = {r.text for r in found if r.bold}
    assert "Erwin Saleh Siregar" in bold  # the name keeps its formatting, as typed runs do
    printed = "".join(r.text for r in found)
    assert "19760413 200012 1 002" in printed
    assert not any("19760413" in r.text for r in found if r.bold)  # the NIP is generated


def test_the_styled_document_is_schema_valid(styled_docx: Path) -> None:
    assert schema_errors(styled_docx) == []


def body_xml(docx: Path) -> bytes:
    with zipfile.ZipFile(docx) as archive:
        return archive.read("word/document.xml")


def test_bold_headers_ticks_and_labels_read_exactly_as_before(tmp_path: Path) -> None:
    """What the reader compares (headers, labels, section names, ticks, the year, dates,
    the NIP) reads the same in bold: the plan, its warnings and the document are the same."""
    folder = tmp_path / "sources"
    shutil.copytree(SAMPLE_SOURCES, folder)
    bold = Font(bold=True, italic=True, underline="single")
    umum = folder / "00_umum.xlsx"
    set_fonts(umum, "Identitas", "A1:A20", bold)  # the title, the header, the labels
    set_fonts(umum, "Identitas", "B3:B3", bold)
    set_fonts(umum, "Identitas", "B9:B9", bold)  # Tahun
    set_fonts(umum, "Identitas", "B11:B11", bold)  # Tanggal Penetapan
    set_fonts(umum, "Identitas", "B14:B14", bold)  # NIP
    set_fonts(umum, "Identitas", "B8:B8", bold)  # Jenis Satuan Kerja ("Rutan"): compared
    set_fonts(umum, "Identitas", "B17:B18", bold)  # Ukuran Kertas, Judul Dokumen
    set_fonts(umum, "Narasi", "A1:B60", bold)  # the sections' names and levels
    for path in sorted(folder.glob("0[1-6]_*.xlsx")):
        set_fonts(path, "Uraian", "A1:A30", bold)
        set_fonts(path, "Indikator", "A1:R3", bold)
        set_fonts(path, "Indikator", "F4:Q40", bold)  # the month ticks
        set_fonts(path, "Prioritas", "A1:E3", bold)
    ticks = sheet_of(folder / "02_penataan_tatalaksana.xlsx", "Indikator").values
    assert isinstance(ticks[(3, 6)], RichText) and ticks[(3, 6)] == "√"  # read in bold
    assert isinstance(ticks[(2, 1)], RichText)  # a bold header

    plan, warnings = load_plan(folder)
    before, warned_before = load_plan(SAMPLE_SOURCES)
    plan = plan.model_copy(update={"logo": before.logo})  # its own folder
    assert plan.model_dump_json() == before.model_dump_json()
    assert [p.code for p in warnings] == [p.code for p in warned_before]
    assert type(plan.identity.penandatangan.nip) is str
    assert type(plan.identity.judul_dokumen) is str
    assert sum(sum(line.months) for c in plan.components for a in c.activities for line in a.lines)
    documents = [write(made, tmp_path / f"{n}.docx") for n, made in enumerate((plan, before))]
    assert body_xml(documents[0]) == body_xml(documents[1])


def test_bold_kode_lke_cells_name_the_same_items(tmp_path: Path) -> None:
    golden = ROOT / "tests" / "golden" / "bps_kab_nias_2025" / "sources"
    folder = tmp_path / "sources"
    shutil.copytree(golden, folder)
    for path in sorted(folder.glob("0[1-6]_*.xlsx")):
        set_fonts(path, "Prioritas", "A3:H40", Font(bold=True))  # Kode LKE in H
    plan, _ = load_plan(folder)
    before, _ = load_plan(golden)
    coded = [(line.code, line.items, line.unknown) for line in plan_lines(plan)]
    assert coded == [(line.code, line.items, line.unknown) for line in plan_lines(before)]
    assert any(items for _, items, _ in coded)
    assert all(type(code) is str for code, _, _ in coded)
