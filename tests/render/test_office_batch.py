"""The one-run way of office_batch: LibreOffice updates the lists and exports, through a
Basic macro in its private profile (skipped where soffice is absent)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from generator.cli import cli
from generator.render import office_batch, toc
from generator.render.office_batch import Session
from generator.render.toc import NO_TABLES, pdfs_with_lists
from tests.conftest import SAMPLE_SOURCES, record_processes, requires_libreoffice
from tests.docx_reading import open_docx
from tests.render.test_pages import assert_pages_right, fold, list_entries, page_texts

pytestmark = requires_libreoffice


def sample_docx(path: Path) -> Path:
    result = CliRunner().invoke(cli, ["build", str(SAMPLE_SOURCES), "-o", str(path)])
    assert result.exit_code == 0, result.output
    return path


def test_the_session_exports_documents_handed_over_while_it_runs(tmp_path: Path) -> None:
    """Documents are queued one by one; one it cannot open is reported failed, and the
    others are still exported by the same process."""
    good = sample_docx(tmp_path / "good.docx")
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not a document")
    out = tmp_path / "out"
    out.mkdir()
    with Session.start() as session:  # type: ignore[union-attr]
        session.submit(good, out / "first.pdf", True)
        session.submit(broken, out / "broken.pdf", True)
        seen: list[dict[Path, bool]] = []
        session.submit(good, out / "second.pdf", False)
        session.close(seen.append)
        exported = session.exported()
    assert exported == {
        out / "first.pdf": True,
        out / "broken.pdf": False,
        out / "second.pdf": True,
    }
    assert seen[-1] == exported
    assert len(PdfReader(out / "second.pdf").pages) >= 15
    assert not (out / "broken.pdf").exists()


def test_a_document_the_macro_failed_on_takes_the_two_run_way_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The others keep their one-run export; only the failed one is measured and
    converted again, and its PDF's lists are right all the same."""
    first = sample_docx(tmp_path / "first.docx")
    second = tmp_path / "second.docx"
    shutil.copyfile(first, second)
    exported = Session.exported

    def second_failed(session: Session) -> dict[Path, bool]:
        return {pdf: done and pdf.name != "1.pdf" for pdf, done in exported(session).items()}

    monkeypatch.setattr(Session, "exported", second_failed)
    runs = record_processes(monkeypatch)
    with Session.start() as session, toc.ListedPdfs(tmp_path, session) as listed:  # type: ignore[union-attr]
        listed.add(first, first)
        listed.add(second, second)
        pdfs = listed.finish(fill_documents=True)

    assert pdfs == [tmp_path / "first.pdf", tmp_path / "second.pdf"]
    assert runs[0][-1].startswith("macro:///")
    assert len(runs) == 3  # the macro, then one run measuring and one converting the second
    assert all(sum(arg.endswith(".docx") for arg in run) == 1 for run in runs[1:])
    for document in (first, second):
        assert_pages_right(document, document.with_suffix(".pdf"))


def test_a_document_without_tables_keeps_its_note_in_the_pdf(tmp_path: Path) -> None:
    """LibreOffice would empty a Daftar Tabel without entries; the note stays."""
    docx = sample_docx(tmp_path / "plan.docx")
    document = open_docx(docx)
    for paragraph in document.paragraphs:
        if paragraph.style is not None and paragraph.style.name == "Caption":
            paragraph.style = document.styles["Normal"]
    document.save(str(docx))
    with office_batch.session() as session:
        (pdf,) = pdfs_with_lists([docx], session, fill_documents=True)
    assert not [entry for entry in list_entries(docx) if entry[0].startswith("Tabel ")]
    assert NO_TABLES in [p.text for p in open_docx(docx).paragraphs]
    listed = fold(" ".join(" ".join(lines) for lines in page_texts(pdf)[:5]))
    assert fold(NO_TABLES) in listed and "bab i pendahuluan" in listed


def test_a_libreoffice_that_never_runs_the_macro_is_given_up_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A LibreOffice without Basic, or one held by a dialog, would wait forever: after
    START_SECONDS without the macro's first word it is ended, and the two-run way
    makes the PDF."""
    document = sample_docx(tmp_path / "plan.docx")
    popen = subprocess.Popen
    hanging: list[subprocess.Popen[bytes]] = []

    def never_starting(command: list[str], **kwargs: Any) -> subprocess.Popen[bytes]:
        if any(arg.startswith("macro:") for arg in command):
            hanging.append(popen([sys.executable, "-c", "import time; time.sleep(60)"]))
            return hanging[-1]
        return popen(command, **kwargs)

    monkeypatch.setattr(subprocess, "Popen", never_starting)
    monkeypatch.setattr(office_batch, "START_SECONDS", 1)
    with office_batch.session() as session:
        (pdf,) = pdfs_with_lists([document], session, fill_documents=True)

    assert hanging and hanging[0].poll() is not None  # ended, not left running
    assert_pages_right(document, pdf)
