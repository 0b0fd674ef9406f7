"""Every page right, read off LibreOffice's PDF: numbers in the footer, lists that point
at the pages where their headings and captions stand (skipped where soffice is absent)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx.oxml.ns import qn
from pypdf import PdfReader

from generator import files
from generator.cli import cli
from generator.indonesian import roman
from tests.conftest import (
    SAMPLE_SOURCES,
    assert_no_traceback,
    record_processes,
    requires_libreoffice,
    set_cell,
)
from tests.docx_reading import open_docx
from tests.images import png

pytestmark = requires_libreoffice

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
ACEH_SOURCES = Path(__file__).resolve().parents[1] / "lke" / "aceh_sources"
LIST_STYLES = ("toc 1", "toc 2", "table of figures")


def page_texts(pdf: Path) -> list[list[str]]:
    return [
        [line.strip() for line in (page.extract_text() or "").splitlines() if line.strip()]
        for page in PdfReader(pdf).pages
    ]


def fold(text: str) -> str:
    return " ".join(text.replace("➤", " ").split()).casefold()


def first_arabic_page(pages: list[list[str]]) -> int:
    """The page holding BAB I's heading itself (not its Daftar Isi entry)."""
    return next(
        i
        for i, lines in enumerate(pages)
        if any(fold(line) == "bab i" for line in lines) and "pendahuluan" in fold(" ".join(lines))
    )


def expected_label(index: int, first_arabic: int) -> str:
    return roman(index + 1).lower() if index < first_arabic else str(index - first_arabic + 1)


def list_entries(docx: Path) -> list[tuple[str, str]]:
    """(text, page) of every Daftar Isi and Daftar Tabel entry."""
    return [
        tuple(p.text.rsplit("\t", 1))  # type: ignore[misc]
        for p in open_docx(docx).paragraphs
        if p.style is not None and p.style.name in LIST_STYLES
    ]


def assert_pages_right(docx: Path, pdf: Path) -> None:
    pages = page_texts(pdf)
    first_arabic = first_arabic_page(pages)
    for index, lines in enumerate(pages[1:], start=1):  # the cover goes without
        assert lines and lines[-1] == expected_label(index, first_arabic), (index, lines[-3:])
    entries = list_entries(docx)
    assert any(text.startswith("Tabel 1.") for text, _ in entries)
    label_to_page = {expected_label(i, first_arabic): i for i in range(len(pages))}
    for text, label in entries:
        page = label_to_page[label]
        assert fold(text) in fold(" ".join(pages[page])), (text, label)
    assert broken_words(docx, pdf) == []
    assert_pdf_lists_as_document(docx, pdf)


def assert_pdf_lists_as_document(docx: Path, pdf: Path) -> None:
    """The PDF's Daftar Isi and Daftar Tabel (LibreOffice's own, where it updated them)
    read as the document's: the same entries, in order, each with the same page label."""
    pages = page_texts(pdf)
    lists = fold(" ".join(" ".join(lines) for lines in pages[: first_arabic_page(pages)]))
    position = 0
    for text, label in list_entries(docx):
        found = re.compile(re.escape(fold(text)) + r"[\s.]*" + re.escape(label) + r"\b").search(
            lists, position
        )
        assert found is not None, (text, label, lists[position : position + 200])
        position = found.end()


_LETTERS = re.compile(r"[^\W\d_]+")


def broken_words(docx: Path, pdf: Path) -> list[tuple[int, str]]:
    """(page, piece) of every word the PDF prints that the document does not hold: the
    halves of a word broken at a cell's edge ("diimpl", "ementasikan"). Text of two
    adjacent cells that the PDF's text runs together ("KETJAN") is two known words."""
    document = open_docx(docx)
    texts = [t.text or "" for t in document.element.body.iter(qn("w:t"))]
    texts += [p.text for s in document.sections for p in s.header.paragraphs]
    texts += [roman(n) for n in range(1, 60)]
    known = {word.casefold() for text in texts for word in _LETTERS.findall(text)}

    def joined(word: str) -> bool:
        return any(word[:i] in known and word[i:] in known for i in range(1, len(word)))

    return [
        (number, word)
        for number, page in enumerate(PdfReader(pdf).pages)
        for word in _LETTERS.findall(page.extract_text() or "")
        if word.casefold() not in known and not joined(word.casefold())
    ]


def build_pdf(sources: Path, out: Path, *options: str) -> tuple[Path, Path]:
    docx = out / "plan.docx"
    result = CliRunner().invoke(cli, ["build", str(sources), "-o", str(docx), "--pdf", *options])
    assert result.exit_code == 0, result.output
    return docx, docx.with_suffix(".pdf")


def test_sample_pages_numbered_and_lists_filled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runs = record_processes(monkeypatch)
    docx, pdf = build_pdf(SAMPLE_SOURCES, tmp_path)
    assert_pages_right(docx, pdf)
    # one LibreOffice, started as the command starts, numbers the lists and makes the PDF
    assert len(runs) == 1 and runs[0][-1].startswith("macro:///")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.docx", "plan.pdf"]
    assert (
        open_docx(docx).settings.element.find(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}updateFields"
        )
        is None
    )  # filled: Word need not ask to update


def test_without_the_macro_the_pdf_takes_two_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runs = record_processes(monkeypatch, basic=False)
    docx, pdf = build_pdf(SAMPLE_SOURCES, tmp_path)
    assert_pages_right(docx, pdf)
    assert len(runs) == 3  # the macro that does nothing, then one run measures, one converts


def test_a_document_that_cannot_replace_its_old_one_leaves_the_old_pdf(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Word holds the document open (Windows refuses to replace it): the PDF of the
    document that was not written must not replace the PDF of the one still there."""
    docx, pdf = tmp_path / "plan.docx", tmp_path / "plan.pdf"
    docx.write_bytes(b"the document sent last week")
    pdf.write_bytes(b"its PDF")
    move = files.move_into_place

    def locked(source: Path, target: Path) -> Path:
        if target == docx:
            raise PermissionError(13, "Permission denied")
        return move(source, target)

    monkeypatch.setattr(files, "move_into_place", locked)
    result = CliRunner().invoke(cli, ["build", str(SAMPLE_SOURCES), "-o", str(docx), "--pdf"])

    assert result.exit_code == 1
    assert_no_traceback(result)
    assert (docx.read_bytes(), pdf.read_bytes()) == (b"the document sent last week", b"its PDF")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.docx", "plan.pdf"]


def test_f4_unit_with_logo_and_ketua(tmp_path: Path) -> None:
    sources = tmp_path / "bps"
    shutil.copytree(GOLDEN / "bps_kab_nias_2025" / "sources", sources)
    png(sources / "logo.png", (0, 0, 128), size=8)
    docx, pdf = build_pdf(sources, tmp_path)
    assert_pages_right(docx, pdf)
    width, height = PdfReader(pdf).pages[1].mediabox.upper_right
    assert (round(float(width) / 72 * 25.4), round(float(height) / 72 * 25.4)) == (215, 330)
    assert "Lembar Pengesahan".upper() in " ".join(page_texts(pdf)[1])
    # the logo, on the cover (LibreOffice shares one resource dictionary among the pages,
    # so pypdf lists it for each page: only the cover's count says something)
    assert len(PdfReader(pdf).pages[0].images) == 1


def test_large_plan_of_another_unit(tmp_path: Path) -> None:
    """BPS Provinsi Aceh: 37 pages, Target Prioritas tables with all optional columns."""
    docx, pdf = build_pdf(ACEH_SOURCES, tmp_path)
    assert_pages_right(docx, pdf)


def test_pdf_without_daftar_isi_in_the_document_still_has_it(tmp_path: Path) -> None:
    docx, pdf = build_pdf(SAMPLE_SOURCES, tmp_path, "--tanpa-daftar-isi")
    assert list_entries(docx) == []  # the document was asked without: Word fills it
    update = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}updateFields"
    assert open_docx(docx).settings.element.find(update) is not None
    pages = page_texts(pdf)
    listed = " ".join(pages[2] + pages[3])
    assert "diperbarui saat dokumen dibuka" not in listed
    assert "Tabel 1. " in listed and "BAB I Pendahuluan" in listed


def build_region(tmp_path: Path) -> tuple[Path, list[str]]:
    names = ["Rutan Dumai", "Rutan Siak", "Rutan Bengkalis"]
    region = tmp_path / "kanwil"
    for number, short in enumerate(names):
        shutil.copytree(SAMPLE_SOURCES, region / f"unit_{number}")
        set_cell(region / f"unit_{number}" / "00_umum.xlsx", "Identitas", "B7", short)
    return region, [f"Rencana_Kerja_ZI_{short.replace(' ', '_')}_2024" for short in names]


def build_all_counting_runs(
    region: Path, out: Path, monkeypatch: pytest.MonkeyPatch, *, basic: bool
) -> list[list[str]]:
    """build-all --pdf, its LibreOffice commands recorded; without ``basic``, a command
    that runs a macro ends at once, doing nothing, as a LibreOffice without Basic would."""
    runs = record_processes(monkeypatch, basic=basic)
    result = CliRunner().invoke(cli, ["build-all", str(region), "-o", str(out), "--pdf"])
    assert result.exit_code == 0, result.output
    return runs


def test_build_all_pdfs_filled_through_one_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    region, stems = build_region(tmp_path)
    out = tmp_path / "out"
    runs = build_all_counting_runs(region, out, monkeypatch, basic=True)
    # one LibreOffice process updates the lists of all three and exports them
    assert len(runs) == 1 and runs[0][-1].startswith("macro:///")
    for stem in stems:
        assert_pages_right(out / f"{stem}.docx", out / f"{stem}.pdf")
    assert not list(out.glob(".zi-plan-*"))


def test_build_all_without_the_macro_takes_two_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    region, stems = build_region(tmp_path)
    out = tmp_path / "out"
    runs = build_all_counting_runs(region, out, monkeypatch, basic=False)
    # the macro did nothing: one run measures all three documents, one converts all three
    assert len(runs) == 3
    assert all(sum(arg.endswith(".docx") for arg in command) == 3 for command in runs[1:])
    for stem in stems:
        assert_pages_right(out / f"{stem}.docx", out / f"{stem}.pdf")
    assert not list(out.glob(".zi-plan-*"))
