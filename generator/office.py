"""LibreOffice, headless: the only layout engine at hand, for PDFs and page numbers."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from generator.problems import CellRef, Problem, Severity, ZiError

TIMEOUT_SECONDS = 300


class OfficeMissing(ZiError):
    """LibreOffice is not installed; ``problem`` says so in Indonesian."""

    def __init__(self, path: Path) -> None:
        super().__init__("libreoffice-tidak-ada")
        self.problem = Problem("libreoffice-tidak-ada", CellRef(str(path)), Severity.ERROR)


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_many(documents: list[Path], outdir: Path, batch: int = 50) -> list[Path]:
    """Many documents to PDF through one LibreOffice process per batch, not one each."""
    program = soffice()
    if program is None:
        raise OfficeMissing(documents[0] if documents else outdir)
    for start in range(0, len(documents), batch):
        with tempfile.TemporaryDirectory(prefix="zi-plan-lo-") as profile:
            subprocess.run(
                [
                    program,
                    "--headless",
                    f"-env:UserInstallation={Path(profile).as_uri()}",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    str(outdir),
                    *map(str, documents[start : start + batch]),
                ],
                check=True,
                capture_output=True,
                timeout=TIMEOUT_SECONDS * 4,
            )
    return [outdir / f"{document.stem}.pdf" for document in documents]


def convert_to_pdf(document: Path, outdir: Path) -> Path:
    """``document`` as PDF in ``outdir`` (same stem); a private profile, so that a
    LibreOffice the user has open does not block the conversion."""
    program = soffice()
    if program is None:
        raise OfficeMissing(document)
    with tempfile.TemporaryDirectory(prefix="zi-plan-lo-") as profile:
        subprocess.run(
            [
                program,
                "--headless",
                f"-env:UserInstallation={Path(profile).as_uri()}",
                "--convert-to",
                "pdf",
                "--outdir",
                str(outdir),
                str(document),
            ],
            check=True,
            capture_output=True,
            timeout=TIMEOUT_SECONDS,
        )
    pdf = outdir / f"{document.stem}.pdf"
    if not pdf.is_file():
        raise ZiError(f"LibreOffice wrote no PDF for {document}")
    return pdf
