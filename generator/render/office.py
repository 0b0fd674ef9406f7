"""LibreOffice, headless: the only layout engine at hand, for PDFs and page numbers."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from generator.problems import CellRef, Problem, ProblemError, Severity

TIMEOUT_SECONDS = 300


class OfficeFailed(ProblemError):
    """LibreOffice crashed, timed out or wrote nothing."""

    def __init__(self, path: Path, detail: str) -> None:
        where = CellRef(str(path))
        super().__init__(Problem("libreoffice-gagal", where, Severity.ERROR, {"detail": detail}))


class OfficeMissing(ProblemError):
    """LibreOffice is not installed."""

    def __init__(self, path: Path) -> None:
        super().__init__(Problem("libreoffice-tidak-ada", CellRef(str(path)), Severity.ERROR))


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def _convert(documents: list[Path], outdir: Path, timeout: int) -> list[Path]:
    """One LibreOffice process converting ``documents``; a private profile, so that a
    LibreOffice the user has open does not block it."""
    program = soffice()
    if program is None:
        raise OfficeMissing(documents[0] if documents else outdir)
    with tempfile.TemporaryDirectory(prefix="zi-plan-lo-") as profile:
        try:
            subprocess.run(
                [
                    program,
                    "--headless",
                    f"-env:UserInstallation={Path(profile).as_uri()}",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    str(outdir),
                    *map(str, documents),
                ],
                check=True,
                capture_output=True,
                timeout=timeout,
            )
        except subprocess.TimeoutExpired:
            raise OfficeFailed(documents[0], f"tidak selesai dalam {timeout} detik") from None
        except subprocess.CalledProcessError as exc:
            raise OfficeFailed(documents[0], f"berhenti dengan kode {exc.returncode}") from None
    pdfs = [outdir / f"{document.stem}.pdf" for document in documents]
    missing = [pdf for pdf in pdfs if not pdf.is_file()]
    if missing:
        raise OfficeFailed(missing[0], "tidak menghasilkan PDF")
    return pdfs


def convert_to_pdf(document: Path, outdir: Path) -> Path:
    """``document`` as PDF in ``outdir``, with the same stem."""
    return _convert([document], outdir, TIMEOUT_SECONDS)[0]


def convert_many(documents: list[Path], outdir: Path, batch: int = 50) -> list[Path]:
    """Many documents to PDF through one LibreOffice process per batch, not one each."""
    pdfs: list[Path] = []
    for start in range(0, len(documents), batch):
        chunk = documents[start : start + batch]
        pdfs += _convert(chunk, outdir, TIMEOUT_SECONDS * len(chunk))
    return pdfs
