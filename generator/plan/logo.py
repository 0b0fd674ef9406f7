"""The unit's logo for the cover: ``logo.png``, ``logo.jpg``, ``logo.jpeg`` or ``logo.gif``
in the sources folder, recognised by its content, not by its name.

A picture that Word cannot show (a WebP or a PDF saved as ``logo.png``, a file cut short)
is a warning naming the file; the build goes on without a logo, and so does one without a
logo file, with a warning that the cover has none.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from generator.problems import CellRef, Report

NAMES = ("logo.png", "logo.jpg", "logo.jpeg", "logo.gif")
# The first bytes of the formats Word and LibreOffice show on a cover, by name.
SIGNATURES = {
    b"\x89PNG\r\n\x1a\n": "PNG",
    b"\xff\xd8\xff": "JPEG",
    b"GIF87a": "GIF",
    b"GIF89a": "GIF",
}
# Formats people save under a picture's name, for a message that says what the file is.
OTHER_SIGNATURES = {b"RIFF": "WebP", b"%PDF": "PDF", b"BM": "BMP", b"<svg": "SVG", b"<?xml": "SVG"}


def find_logo(folder: Path, report: Report) -> str | None:
    """The logo's path, or None (with a warning) when there is none Word can show."""
    found = _logo_files(folder)
    if not found:
        report.warn("logo-tidak-ada", CellRef(folder.name), names=", ".join(NAMES))
        return None
    chosen, *others = found
    if others:
        report.warn(
            "logo-ganda",
            CellRef(chosen.name),
            others=", ".join(path.name for path in others),
        )
    problem = _unreadable(chosen)
    if problem:
        report.warn("logo-bukan-gambar", CellRef(chosen.name), found=problem)
        return None
    return str(chosen)


def _logo_files(folder: Path) -> list[Path]:
    """The logo files of the folder, in the order of NAMES; any capitalisation."""
    try:
        present = {path.name.casefold(): path for path in folder.iterdir() if path.is_file()}
    except OSError:
        return []
    return [present[name] for name in NAMES if name in present]


def _unreadable(path: Path) -> str:
    """What the file is, when it is not a picture Word shows; "" for a good one."""
    try:
        blob = path.read_bytes()
    except OSError as exc:
        return f"file tidak dapat dibaca ({exc.strerror or exc})"
    kind = next((name for magic, name in SIGNATURES.items() if blob.startswith(magic)), None)
    if kind is None:
        other = next((n for magic, n in OTHER_SIGNATURES.items() if blob.startswith(magic)), None)
        return f"berformat {other}" if other else "bukan gambar PNG, JPEG atau GIF"
    return _damaged(blob, kind)


@lru_cache(maxsize=4)  # build-all reads the same logo in unit after unit: parsed once
def _damaged(blob: bytes, kind: str) -> str:
    """What python-docx makes of a picture's bytes: "" when it can put it on the cover."""
    from docx.image.image import Image  # only with a logo: python-docx's image readers

    try:
        image = Image.from_blob(blob)  # what python-docx reads when it puts it on the cover
        if image.px_width <= 0 or image.px_height <= 0:
            raise ValueError
    except Exception:  # any failure of a damaged file: the build goes on without it
        return f"gambar {kind} yang rusak atau terpotong"
    return ""
