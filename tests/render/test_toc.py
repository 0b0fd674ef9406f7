"""The Daftar Isi filled from a LibreOffice rendering (skipped where soffice is absent)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.plan.validate import load_plan
from generator.render.document import write
from generator.render.office import convert_to_pdf
from generator.render.toc import fill_toc
from tests.conftest import SAMPLE_SOURCES, requires_libreoffice
from tests.docx_reading import open_docx
from tests.ooxml_schema import schema_errors

pytestmark = requires_libreoffice


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("toc")
    plan, _ = load_plan(SAMPLE_SOURCES)
    docx = write(plan, folder / "plan.docx", toc=True)
    return docx, convert_to_pdf(docx, folder)


def toc_entries(docx: Path) -> list[tuple[str, str, str]]:
    return [
        (p.style.name, *p.text.rsplit("\t", 1))
        for p in open_docx(docx).paragraphs
        if p.style is not None and p.style.name.startswith("toc")
    ]


def test_toc_lists_every_bab_with_a_page_number(built: tuple[Path, Path]) -> None:
    entries = toc_entries(built[0])
    level_one = [(text, page) for style, text, page in entries if style == "toc 1"]
    assert [text for text, _ in level_one] == [
        "Kata Pengantar",
        "BAB I Pendahuluan",
        "BAB II Rencana Kerja Pembangunan Zona Integritas Menuju Wilayah Bebas dari Korupsi "
        "(WBK) dan Wilayah Birokrasi Bersih dan Melayani (WBBM)",
        "BAB III Evaluasi dan Pelaporan",
        "BAB IV Penutup",
    ]
    assert level_one[0][1] == "ii"  # front matter in roman numerals
    assert level_one[1][1] == "1"  # numbering restarts at BAB I
    arabic = [int(page) for _, _, page in entries[1:]]
    assert arabic == sorted(arabic)
    assert len(entries) == 5 + 9 + 7 + 2


def test_listed_pages_are_where_the_headings_land(built: tuple[Path, Path]) -> None:
    docx, pdf = built
    pages = [
        " ".join((page.extract_text() or "").split()).casefold() for page in PdfReader(pdf).pages
    ]
    first_arabic = next(
        i
        for i, text in enumerate(pages)
        if "bab i pendahuluan" in text and "daftar isi" not in text
    )
    for _, text, page in toc_entries(docx)[1:]:
        assert text.casefold() in pages[first_arabic + int(page) - 1], (text, page)


def test_filled_document_stays_valid_and_deterministic(
    built: tuple[Path, Path], tmp_path: Path
) -> None:
    docx, _ = built
    assert schema_errors(docx) == []
    plan, _ = load_plan(SAMPLE_SOURCES)
    again = write(plan, tmp_path / "again.docx", toc=True)
    assert again.read_bytes() == docx.read_bytes()


def test_pdf_page_count_is_stable(built: tuple[Path, Path], tmp_path: Path) -> None:
    docx, pdf = built
    second = convert_to_pdf(docx, tmp_path)
    assert len(PdfReader(second).pages) == len(PdfReader(pdf).pages) >= 15


def test_fill_toc_twice_gives_the_same_entries(built: tuple[Path, Path], tmp_path: Path) -> None:
    copy = tmp_path / "copy.docx"
    shutil.copy(built[0], copy)
    fill_toc(copy)
    assert toc_entries(copy) == toc_entries(built[0])
