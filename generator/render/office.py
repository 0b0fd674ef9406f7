"""LibreOffice, headless: the only layout engine at hand, for PDFs and page numbers."""

from __future__ import annotations

import glob
import os
import platform
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from generator.problems import CellRef, Problem, ProblemError, Severity

TIMEOUT_SECONDS = 300
# Writer's PDF export with every bookmark as a named destination: a PDF that says where
# each bookmarked heading stands. The JSON filter options arrived in LibreOffice 7.4; an
# older one either ignores them (a plain PDF) or refuses the conversion, and then the
# documents are converted again without them (toc.py finds the pages by their text).
PDF_WITH_DESTINATIONS = (
    'pdf:writer_pdf_Export:{"ExportBookmarksToPDFDestination":{"type":"boolean","value":"true"}}'
)


class OfficeFailed(ProblemError):
    """LibreOffice crashed, timed out or wrote nothing."""

    def __init__(self, path: Path, detail: str) -> None:
        where = CellRef(str(path))
        super().__init__(Problem("libreoffice-gagal", where, Severity.ERROR, {"detail": detail}))


ENVIRONMENT_VARIABLE = "ZI_PLAN_SOFFICE"  # names the program explicitly
# Where LibreOffice's installers put the program when it is not on PATH, per system.
INSTALL_GLOBS = {
    "Windows": (
        "{ProgramFiles}/LibreOffice*/program/soffice.exe",
        "{ProgramFiles(x86)}/LibreOffice*/program/soffice.exe",
        "{LOCALAPPDATA}/Programs/LibreOffice*/program/soffice.exe",
    ),
    "Darwin": ("/Applications/LibreOffice*.app/Contents/MacOS/soffice",),
    "Linux": (
        "/opt/libreoffice*/program/soffice",
        "/usr/lib/libreoffice/program/soffice",
        "/snap/bin/libreoffice",
    ),
}
# What to do when it is missing, in the user's system's own terms.
INSTALL_ADVICE = {
    "Windows": "Pasang LibreOffice dari libreoffice.org (penginstal Windows)",
    "Darwin": "Pasang LibreOffice dari libreoffice.org (macOS)",
    "Linux": "Pasang LibreOffice (Debian/Ubuntu: apt-get install libreoffice-writer-nogui)",
}


class OfficeMissing(ProblemError):
    """LibreOffice is not installed (or not where it is looked for)."""

    def __init__(self, path: Path) -> None:
        advice = INSTALL_ADVICE.get(platform.system(), INSTALL_ADVICE["Linux"])
        super().__init__(
            Problem(
                "libreoffice-tidak-ada",
                CellRef(str(path)),
                Severity.ERROR,
                {"advice": advice, "variable": ENVIRONMENT_VARIABLE},
            )
        )


def soffice() -> str | None:
    """The LibreOffice program: the one ZI_PLAN_SOFFICE names, then PATH, then the places
    the installers of Windows, macOS and Linux use; the newest version first."""
    named = os.environ.get(ENVIRONMENT_VARIABLE)
    if named:
        return named if Path(named).is_file() else None
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found:
        return found
    for pattern in INSTALL_GLOBS.get(platform.system(), ()):
        try:
            expanded = pattern.format_map(os.environ)
        except KeyError:  # the variable of that folder is not set on this machine
            continue
        hits = sorted(glob.glob(expanded), key=_version, reverse=True)
        if hits:
            return hits[0]
    return None


def _version(path: str) -> list[int]:
    """``/opt/libreoffice24.8/…`` sorts after ``/opt/libreoffice7.6/…``."""
    return [int(number) for number in re.findall(r"\d+", path)]


def _convert(
    documents: list[Path], outdir: Path, timeout: int, *, destinations: bool = False
) -> list[Path]:
    """One LibreOffice process converting ``documents``; a private profile, so that a
    LibreOffice the user has open does not block it. With ``destinations`` (Writer
    documents only), the PDF names each bookmark's place."""
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
                    PDF_WITH_DESTINATIONS if destinations else "pdf",
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


def convert_many(
    documents: list[Path], outdir: Path, batch: int = 50, *, destinations: bool = False
) -> list[Path]:
    """Many documents to PDF through one LibreOffice process per batch, not one each."""
    pdfs: list[Path] = []
    for start in range(0, len(documents), batch):
        chunk = documents[start : start + batch]
        timeout = TIMEOUT_SECONDS * len(chunk)
        try:
            pdfs += _convert(chunk, outdir, timeout, destinations=destinations)
        except OfficeFailed:
            if not destinations:
                raise
            pdfs += _convert(chunk, outdir, timeout)
    return pdfs
