"""The one-run way of office_batch: LibreOffice updates the lists and exports, through a
Basic macro in its private profile (skipped where soffice is absent)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from generator.cli import cli
from generator.render.office_batch import convert_with_indexes
from generator.render.toc import NO_TABLES, pdfs_with_lists
from tests.conftest import SAMPLE_SOURCES, requires_libreoffice
from tests.docx_reading import open_docx
from tests.render.test_pages import fold, list_entries, page_texts

pytestmark = requires_libreoffice


def sample_docx(path: Path) -> Path:
    result = CliRunner().invoke(cli, ["build", str(SAMPLE_SOURCES), "-o", str(path)])
    assert result.exit_code == 0, result.output
    return path


def test_a_document_it_cannot_open_makes_the_batch_fall_back(tmp_path: Path) -> None:
    good = sample_docx(tmp_path / "good.docx")
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not a document")
    out = tmp_path / "out"
    out.mkdir()
    assert convert_with_indexes([good], out, [True]) == [out / "good.pdf"]
    assert convert_with_indexes([good, broken], out, [True, True]) is None


def test_a_document_without_tables_keeps_its_note_in_the_pdf(tmp_path: Path) -> None:
    """LibreOffice would empty a Daftar Tabel without entries; the note stays."""
    docx = sample_docx(tmp_path / "plan.docx")
    document = open_docx(docx)
    for paragraph in document.paragraphs:
        if paragraph.style is not None and paragraph.style.name == "Caption":
            paragraph.style = document.styles["Normal"]
    document.save(str(docx))
    (pdf,) = pdfs_with_lists([docx], tmp_path, fill_documents=True)
    assert not [entry for entry in list_entries(docx) if entry[0].startswith("Tabel ")]
    assert NO_TABLES in [p.text for p in open_docx(docx).paragraphs]
    listed = fold(" ".join(" ".join(lines) for lines in page_texts(pdf)[:5]))
    assert fold(NO_TABLES) in listed and "bab i pendahuluan" in listed
