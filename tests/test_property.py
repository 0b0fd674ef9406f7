"""Any text in any kind of cell: a valid document holding it as typed, or an error at that cell.

Hypothesis writes arbitrary Unicode (emoji, right-to-left scripts, combining marks, XML and
template syntax, texts up to Excel's 32,767 characters) into every kind of text cell of the
sample, the way Excel stores it, and builds through the command. Never a traceback, never
an invalid file.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from docx import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from generator.cli import cli
from tests.conftest import SAMPLE_SOURCES
from tests.ooxml_schema import schema_errors

UMUM = "00_umum.xlsx"
TATA = "02_penataan_tatalaksana.xlsx"
MAX_CELL = 32_767
# One cell of every kind that holds text: (workbook, sheet, cell).
CELLS = (
    (UMUM, "Identitas", "B5"),  # Kantor Wilayah (Nama Satuan Kerja and Nama Singkat: see
    # test_hostile.py, document properties)
    (UMUM, "Identitas", "B10"),  # Tempat Penetapan
    (UMUM, "Identitas", "B13"),  # Nama Penandatangan
    (UMUM, "Identitas", "B16"),  # Alamat (optional)
    (UMUM, "Narasi", "C5"),  # Teks
    (TATA, "Uraian", "B5"),  # Teks of a Target
    (TATA, "Indikator", "B4"),  # KEGIATAN, the first: a group cannot start blank
    (TATA, "Indikator", "C4"),  # HASIL YANG INGIN DICAPAI
    (TATA, "Indikator", "D5"),  # URAIAN KEGIATAN
    (TATA, "Indikator", "E4"),  # TARGET
    (TATA, "Indikator", "R4"),  # KET
    (TATA, "Prioritas", "B4"),  # Target Prioritas
    (TATA, "Prioritas", "C5"),  # Rencana Aksi
    (TATA, "Prioritas", "D4"),  # Waktu
    (TATA, "Prioritas", "E4"),  # Output
)
FRAGMENTS = (
    "Rapat koordinasi",
    "😀",
    "👍🏽",
    "👨‍👩‍👧",
    "مرحبا بالعالم",
    "שלום",
    "\u202eterbalik\u202c",
    "e\u0301",
    "a\u0308\u0323",
    "\u200b",
    "\ufeff",
    "&",
    "<w:p>",
    "</w:t>",
    "]]>",
    '"',
    "'",
    "{{ nama }}",
    "{% if x %}",
    "{%p endfor %}",
    "{%tr for r in rows %}",
    "{{r x }}",
    "{_{",
    "}_}",
    "{_%",
    "%_}",
    "{#",
    "_x0041_",
    "\\",
    "\n",
    "\r\n",
    "\r",
    "\t",
    "  ",
    "\u00a0",
    "\u3000",
    "1. ",
    "a) ",
    "- ",
    "=SUM(A1:A3)",
    "#REF!",
    "Lapas",
    "2019",
)
# What XML cannot hold: Excel writes these as _xHHHH_.
CONTROL = [chr(c) for c in range(0x20) if chr(c) not in "\t\n\r"] + ["\ufffe", "\uffff"]
_ESCAPABLE = re.compile(r"_x[0-9A-Fa-f]{4}_")
_MARKER = re.compile(r"^(?:\d{1,3}[.)]|[a-zA-Z][.)]|[-–•])\s+")

printable = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=40
)
fragments = st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=8).map("".join)
long_text = st.builds(
    lambda piece, size: (piece * size)[: min(size, MAX_CELL)],
    st.sampled_from(["a", "é", "😀", "Rapat & evaluasi {{ x }} ", "مرحبا "]),
    st.integers(min_value=20_000, max_value=MAX_CELL),
)
clean_text = st.one_of(
    st.lists(st.one_of(printable, fragments), min_size=1, max_size=4).map("".join),
    long_text,
).filter(lambda text: text.strip())


@st.composite
def cell_texts(draw: st.DrawFn) -> dict[tuple[str, str, str], str]:
    """A text for every kind of cell; now and then one of them holds a control character."""
    texts = {cell: draw(clean_text) for cell in CELLS}
    if draw(st.integers(0, 3)) == 0:
        cell = draw(st.sampled_from(CELLS))
        text = texts[cell][:1000]
        at = draw(st.integers(0, len(text)))
        texts[cell] = text[:at] + draw(st.sampled_from(CONTROL)) + text[at:]
    return texts


def excel_escaped(text: str) -> str:
    """The text as Excel stores it: a literal _xHHHH_ guarded, what XML cannot hold escaped."""
    text = _ESCAPABLE.sub(lambda m: "_x005F" + m.group(0), text)
    return "".join(f"_x{ord(c):04X}_" if c in CONTROL else c for c in text)


def write_texts(sources: Path, texts: dict[tuple[str, str, str], str]) -> None:
    for file in {file for file, _, _ in texts}:
        shutil.copyfile(SAMPLE_SOURCES / file, sources / file)
        book = openpyxl.load_workbook(sources / file)
        for (name, sheet, cell), text in texts.items():
            if name == file:
                book[sheet][cell] = excel_escaped(text)
                book[sheet][cell].data_type = "s"  # "=..." typed as text, not a formula
        book.save(sources / file)


def as_read(text: str) -> str:
    """What the reader keeps of a cell: line ends unified (whitespace aside, as typed)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def expected_lines(text: str) -> list[str]:
    """Each non-blank line, trimmed; a typed list marker is the document's to number."""
    lines = []
    for line in as_read(text).split("\n"):
        line = line.strip()
        marker = _MARKER.match(line)
        if marker and line[marker.end() :].strip():
            line = line[marker.end() :].strip()
        if line:
            lines.append(line)
    return lines


def document_text(path: Path) -> str:
    """Every paragraph of every part (body, tables, headers, footers) as a reader sees it."""
    document = Document(str(path))
    texts = []
    for part in document.part.package.iter_parts():
        element = getattr(part, "element", None)
        if element is None:
            continue
        texts.extend(Paragraph(p, None).text for p in element.iter(qn("w:p")))
    return "\n".join(texts)


def place(cell: tuple[str, str, str]) -> tuple[str, str]:
    file, sheet, address = cell
    return file, f"{sheet} › {address}"


def reported_errors(stderr: str) -> list[tuple[str, str, str]]:
    """(workbook, "sheet › cell", code) of each error line of the report."""
    found, file = [], ""
    for line in stderr.splitlines():
        if not line.startswith(" "):
            file = line
        elif line.startswith("  KESALAHAN: "):
            where, _, _ = line.removeprefix("  KESALAHAN: ").partition(": ")
            found.append((file, where, line.rsplit("[", 1)[1].rstrip("]")))
    return found


@pytest.mark.filterwarnings("ignore:Generating overly large repr")  # a failing 32k-char example
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(texts=cell_texts())
def test_any_text_in_any_cell_builds_a_valid_document_or_names_the_cell(
    sources: Path, tmp_path: Path, texts: dict[tuple[str, str, str], str]
) -> None:
    write_texts(sources, texts)
    output = tmp_path / "rencana.docx"
    output.unlink(missing_ok=True)

    result = CliRunner().invoke(
        cli,
        ["build", str(sources), "-o", str(output), "--tanpa-daftar-isi", "--tanpa-periksa"],
    )

    assert "Traceback" not in result.output
    hostile = {
        place(cell): "teks-terlalu-panjang" if len(as_read(text)) > MAX_CELL else "karakter-kontrol"
        for cell, text in texts.items()
        if any(c in CONTROL for c in text)
    }
    for _, _, code in reported_errors(result.stderr):
        event(code)
    event("refused" if result.exit_code else "built")
    if result.exit_code != 0:
        assert isinstance(result.exception, SystemExit), result.exc_info
        assert result.exit_code == 1
        errors = reported_errors(result.stderr)
        assert errors, result.stderr
        written = {place(cell) for cell in texts}
        assert {(file, where) for file, where, _ in errors} <= written, result.stderr
        for (file, where), code in hostile.items():
            assert (file, where, code) in errors, result.stderr
        assert not output.exists()
        return
    assert result.exception is None, result.exc_info
    assert not hostile
    assert schema_errors(output) == []
    text = document_text(output)
    for cell, typed in texts.items():
        for line in expected_lines(typed):
            assert line in text, (cell, line[:80])
