"""Plain text files the unit keeps beside its workbooks (kamus.txt), read as Windows
editors save them: Notepad's UTF-8 (with or without BOM), its "Unicode" (UTF-16 with BOM),
and the ANSI code page (cp1252) of older Notepads and WordPad, never a crash.

One function for every such file, so that whoever adds a syntax to one (a marking of
foreign terms in kamus.txt) gets the same decoding and the same warnings.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field
from pathlib import Path

from generator.messages import os_reason
from generator.problems import CellRef, Problem, Severity

# A BOM decides; without one, UTF-8 if the bytes are UTF-8, else the ANSI code page
BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
ANSI = "cp1252"  # Windows' "ANSI" in Indonesia and western Europe


@dataclass(frozen=True)
class TextFile:
    """A text file's lines as typed (no line ends, no BOM) and what was odd about it
    (warnings that name the file); a missing file has no lines and no warnings."""

    lines: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def read_text_file(path: Path, shown_as: str | None = None) -> TextFile:
    """``path`` decoded as its editor saved it; ``shown_as`` is the name the warnings give
    (bawaan: the file's name, as the other messages name a workbook)."""
    where = CellRef(shown_as or path.name)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return TextFile()
    except OSError as exc:
        return TextFile(problems=[_warning("teks-tidak-terbaca", where, detail=os_reason(exc))])
    text, problems = _decoded(data, where)
    return TextFile(text.splitlines(), problems)


def _decoded(data: bytes, where: CellRef) -> tuple[str, list[Problem]]:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), []
            except UnicodeDecodeError:  # a UTF-16 file cut at an odd byte
                return data.decode(encoding, errors="replace"), [
                    _warning("teks-rusak", where, encoding=_name(encoding))
                ]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    # cp1252 leaves five bytes undefined: such a byte becomes "?" rather than a crash
    return data.decode(ANSI, errors="replace"), [_warning("teks-bukan-utf8", where)]


def _name(encoding: str) -> str:
    return "UTF-8" if encoding.startswith("utf-8") else "UTF-16"


def _warning(code: str, where: CellRef, **params: object) -> Problem:
    return Problem(code, where, Severity.WARNING, params)
