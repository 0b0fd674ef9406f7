"""The Daftar Isi filled from a LibreOffice rendering (skipped where soffice is absent)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from docx.oxml.ns import qn
from pypdf import PdfReader

from generator.plan.validate import load_plan
from generator.render import office, toc
from generator.render.document import write
from generator.render.office import convert_many, convert_to_pdf
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


ACEH_SOURCES = Path(__file__).resolve().parents[1] / "lke" / "aceh_sources"


@pytest.mark.parametrize("sources", [SAMPLE_SOURCES, ACEH_SOURCES], ids=["sample", "aceh"])
def test_destination_pages_are_the_text_search_pages(sources: Path, tmp_path: Path) -> None:
    """Both ways of finding a heading's page, on one PDF of a prepared document: the
    bookmarks' named destinations give every entry, on the page the text search finds."""
    plan, _ = load_plan(sources)
    docx = write(plan, tmp_path / "plan.docx", toc=False)
    lists = toc._prepare(docx)
    pdf = convert_many([docx], tmp_path, destinations=True)[0]
    reader = PdfReader(pdf)

    by_destination = toc._destination_pages(reader, lists)
    by_text = toc._hits(lists, [toc._fold(page.extract_text() or "") for page in reader.pages])

    assert by_destination is not None
    assert len(by_destination) == len(lists.headings) + len(lists.captions) > 20
    assert by_text == by_destination


def test_a_pdf_without_destinations_falls_back_to_the_text_search(
    built: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A LibreOffice older than 7.4 ignores the export options: a plain PDF, the same
    entries."""
    monkeypatch.setattr(office, "PDF_WITH_DESTINATIONS", "pdf")
    copy = tmp_path / "copy.docx"
    shutil.copy(built[0], copy)
    lists = toc._prepare(copy)
    assert toc._destination_pages(PdfReader(convert_to_pdf(copy, tmp_path)), lists) is None

    fill_toc(copy)
    assert toc_entries(copy) == toc_entries(built[0])


def test_every_entry_links_to_the_bookmark_of_its_heading(
    built: tuple[Path, Path], tmp_path: Path
) -> None:
    refilled = tmp_path / "refilled.docx"
    shutil.copy(built[0], refilled)
    fill_toc(refilled)  # its bookmarks replaced, not doubled
    for docx in (built[0], refilled):
        assert_links_reach_their_headings(docx)


def assert_links_reach_their_headings(docx: Path) -> None:
    body = open_docx(docx).element.body
    bookmarks = {
        mark.get(qn("w:name")): toc._paragraph_text(mark.getparent())
        for mark in body.iter(qn("w:bookmarkStart"))
    }
    ids = [mark.get(qn("w:id")) for mark in body.iter(qn("w:bookmarkStart"))]
    ends = [mark.get(qn("w:id")) for mark in body.iter(qn("w:bookmarkEnd"))]
    assert len(set(ids)) == len(ids) == len(bookmarks) and sorted(ends) == sorted(ids)
    links = [
        (link.get(qn("w:anchor")), "".join(t.text or "" for t in link.iter(qn("w:t"))))
        for link in body.iter(qn("w:hyperlink"))
    ]
    assert len(links) == len(bookmarks) == 5 + 9 + 7 + 2 + 8
    for anchor, text in links:
        assert text.startswith(bookmarks[anchor]), (anchor, text)
