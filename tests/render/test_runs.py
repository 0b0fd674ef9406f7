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

from generator.plan.validate import load_plan
from generator.render.document import write
from generator.resources import template_path
from tests.conftest import SAMPLE_SOURCES
from tests.docx_reading import open_docx
from tests.ooxml_schema import schema_errors

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
    out = []
    for run in paragraph:
        kinds = "".join(
            mark
            for mark, on in (
                ("b", run.bold),
                ("i", run.italic),
                ("u", run.underline),
                ("^", run.font.superscript),
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
