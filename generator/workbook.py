"""Reads the Pokja workbooks into rows of cells that remember their address.

This module knows files, sheets and headers; it knows no rules of the plan. Everything it
cannot read becomes a Problem (never an exception) so that one run reports all of them.
Workbooks come from many hands, so the package is inspected before openpyxl parses it:
an archive that inflates absurdly, an XML DOCTYPE (entity bombs) or a merged range the
size of a sheet is refused with a plain message instead of hanging the build.
"""

from __future__ import annotations

import errno
import posixpath
import re
import warnings
import zipfile
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TypeVar
from xml.etree.ElementTree import ParseError
from xml.parsers.expat import ExpatError

import openpyxl
from lxml import etree
from openpyxl.utils import coordinate_to_tuple, get_column_letter, range_boundaries
from openpyxl.worksheet.worksheet import Worksheet

from generator.problems import CellRef, Report

T = TypeVar("T")
HEADER_SEARCH_ROWS = 10
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024  # a plan's workbooks hold a few hundred kB
MAX_COMPRESSION_RATIO = 200
# openpyxl creates one object per cell of a merged range while loading: a merged whole
# column (a million cells) takes seconds, a merged whole sheet never finishes.
MAX_MERGED_CELLS = 10_000  # one range; a KEGIATAN over 50 rows of 18 columns is 900
MAX_MERGED_TOTAL = 100_000  # all ranges of one sheet
MAX_TABLE_ROWS = 5_000  # the reference plan has fewer than 100 rows in its longest table
DOCTYPE_SCAN_BYTES = 1024 * 1024  # a DOCTYPE can only stand in the prolog, before the root
_NUMBERED_NAME = re.compile(r"^(\d{2})(?!\d)")
_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_DOCTYPE = (b"<!DOCTYPE", "<!DOCTYPE".encode("utf-16-le"), "<!DOCTYPE".encode("utf-16-be"))
_MERGE_REF = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?mergeCell\b[^>]*?\bref=[\"']([^\"']+)[\"']")
# OOXML ST_Xstring: Excel writes a character XML cannot hold as _xHHHH_, and a literal
# "_xHHHH_" typed by the user as _x005F_xHHHH_.
_ESCAPE = re.compile(
    r"_x005[Ff](_x[0-9A-Fa-f]{4}_)"  # an escaped literal
    r"|_x([Dd][89ABab][0-9A-Fa-f]{2})__x([Dd][C-Fc-f][0-9A-Fa-f]{2})_"  # a surrogate pair
    r"|_x([0-9A-Fa-f]{4})_"
)
_SAFE_XML = {"resolve_entities": False, "no_network": True, "load_dtd": False}


def fold(name: object) -> str:
    """The form names are compared in: case-insensitive, spaces folded."""
    return " ".join(str(name).split()).casefold() if name is not None else ""


@dataclass(frozen=True)
class Cell:
    """One cell's value as the reader saw it, and where it is."""

    value: object
    ref: CellRef
    number_format: str = "General"
    merged: bool = False  # covered by a merged range that starts above or left of it

    @property
    def blank(self) -> bool:
        return self.value is None or (isinstance(self.value, str) and not self.value.strip())

    @property
    def text(self) -> str:
        """The value as the Pokja sees it in Excel, trimmed."""
        return display_text(self.value, self.number_format)


@dataclass(frozen=True)
class Column:
    """A column the reader looks for: a stable key and the header names that mean it."""

    key: str
    names: tuple[str, ...]
    required: bool = True

    @property
    def title(self) -> str:
        return self.names[0]


@dataclass
class Table:
    """A sheet read under its header row: each row maps column keys to cells."""

    ref: CellRef
    header_row: int
    columns: dict[str, int]
    rows: list[dict[str, Cell]] = field(default_factory=list)
    rejected: set[CellRef] = field(default_factory=set)  # cells reported already, now blank


def display_text(value: object, number_format: str = "General") -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, date):
        day = value.date() if isinstance(value, datetime) else value
        shown = _date_parts(number_format)
        if shown == "month":  # "Feb-24" in Excel: the Pokja typed a month, not a day
            return f"{MONTHS_ID[day.month - 1]} {day.year}"
        return str(day.year) if shown == "year" else format_date_id(day)
    if isinstance(value, int | float):
        if "%" in number_format:
            return f"{_number(value * 100)}%"
        return _number(value)
    return str(value).strip()


def _date_parts(number_format: str) -> str:
    """What an Excel date format shows: ``day``, ``month`` (and year) or ``year`` only."""
    codes = re.sub(r'\[[^\]]*\]|"[^"]*"', "", number_format).lower()  # [$-421], "text"
    if "d" in codes or codes in ("general", ""):
        return "day"
    return "month" if "m" in codes else "year" if "y" in codes else "day"


def _number(value: float) -> str:
    """A number as Excel's General format shows it: at most 15 significant digits."""
    if isinstance(value, int):
        return str(value)
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return f"{value:.15g}"


MONTHS_ID = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)


def format_date_id(day: date) -> str:
    """``12 Februari 2024``: no leading zero, Indonesian month names (tata naskah dinas)."""
    return f"{day.day} {MONTHS_ID[day.month - 1]} {day.year}"


def decode_escapes(text: str) -> str:
    """Excel's ``_xHHHH_`` escapes back to the characters Excel wrote them for.

    Excel escapes the characters XML cannot hold (control characters, U+FFFE, U+FFFF) and
    carriage returns; only those are decoded, so that the validator can name a control
    character's cell. Any other ``_xHHHH_`` was typed literally and is kept as typed.
    """
    if "_x" not in text:
        return text

    def replace(match: re.Match[str]) -> str:
        literal, high, low, code = match.groups()
        if literal:
            return str(literal)
        if high:
            pair = (int(high, 16) - 0xD800) * 0x400 + (int(low, 16) - 0xDC00) + 0x10000
            return chr(pair)
        char = chr(int(code, 16))
        if char in "\t\n\r" or (ord(char) < 0x20 or ord(char) in (0xFFFE, 0xFFFF)):
            return char
        return str(match.group(0))

    return _ESCAPE.sub(replace, text)


def discover(folder: Path, report: Report) -> dict[int, Path]:
    """The workbooks of a sources folder, by their leading number 00..06."""
    found: dict[int, Path] = {}
    if not folder.is_dir():
        report.error("folder-tidak-ada", CellRef(str(folder)))
        return found
    for path in sorted(folder.iterdir()):
        if path.name.startswith(("~$", ".")) or not path.is_file():
            continue
        if path.suffix.lower() not in WORKBOOK_SUFFIXES:
            continue
        match = _NUMBERED_NAME.match(path.name)
        if not match:
            continue
        number = int(match.group(1))
        if number in found:
            report.error(
                "workbook-ganda",
                CellRef(path.name),
                number=f"{number:02d}",
                other=found[number].name,
            )
            continue
        found[number] = path
    return found


# -- opening a file -------------------------------------------------------------------------


def open_workbook(path: Path, report: Report) -> openpyxl.Workbook | None:
    """Opens a workbook from an untrusted source, or reports in plain words why it can't."""
    where = CellRef(path.name)
    try:
        with path.open("rb") as handle:
            head = handle.read(1024)
    except OSError as exc:
        report.error("file-tidak-terbaca", where, detail=os_reason(exc))
        return None
    if not head:
        report.error("file-kosong", where)
        return None
    if head.startswith(_OLE_SIGNATURE):
        code = "file-berkata-sandi" if _is_encrypted_ooxml(path) else "file-xls-lama"
        report.error(code, where)
        return None
    if not zipfile.is_zipfile(path):
        if head.startswith(b"PK\x03\x04"):
            code = "file-terpotong"  # a zip whose directory, at its end, never arrived
        elif head.lstrip().lower().startswith((b"<", b"\xef\xbb\xbf<")):
            code = "file-html"
        else:
            code = "file-bukan-xlsx"
        report.error(code, where)
        return None
    try:
        with zipfile.ZipFile(path) as archive:
            if not _inspect_package(archive, where, report):
                return None
        with warnings.catch_warnings():
            # openpyxl warns, in English, about parts it drops (extensions, unknown styles)
            warnings.simplefilter("ignore")
            return openpyxl.load_workbook(path, data_only=True)
    except OSError as exc:
        report.error("file-tidak-terbaca", where, detail=os_reason(exc))
    except Exception as exc:  # openpyxl raises many types for a damaged file
        if _is_defused(exc):  # defusedxml, which openpyxl parses through, refused a DTD
            report.error("file-entitas-xml", where)
        else:
            report.error("file-rusak", where, detail=_damage(exc))
    return None


def os_reason(exc: OSError) -> str:
    """Why the system refused a file, in Indonesian."""
    reasons = {
        errno.EACCES: "tidak ada izin membaca",
        errno.EPERM: "tidak ada izin membaca",
        errno.ENOENT: "file tidak ditemukan",
        errno.EISDIR: "yang ditemukan adalah folder",
        errno.EIO: "galat perangkat penyimpanan",
    }
    if exc.errno in reasons:
        return reasons[exc.errno]
    return f"galat sistem nomor {exc.errno}" if exc.errno else "galat sistem"


def _causes(exc: BaseException) -> list[BaseException]:
    """The exception and those it was raised from (openpyxl wraps them in a ValueError)."""
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in chain:
        chain.append(current)
        current = current.__cause__ or current.__context__
    return chain


def _damage(exc: Exception) -> str:
    for cause in _causes(exc):
        if isinstance(cause, zipfile.BadZipFile | zlib.error | EOFError):
            return "isi arsip zip rusak"
        if isinstance(cause, etree.XMLSyntaxError | ParseError | ExpatError):
            return "isi XML tidak sah"
        if isinstance(cause, KeyError):
            return "ada bagian isi yang hilang"
    return "susunan isinya tidak dikenali"


def _is_defused(exc: Exception) -> bool:
    return any(
        cls.__module__.startswith("defusedxml")
        for cause in _causes(exc)
        for cls in type(cause).__mro__
    )


def _is_encrypted_ooxml(path: Path) -> bool:
    """A password-protected .xlsx is an OLE container with an EncryptionInfo stream."""
    try:
        with path.open("rb") as handle:
            return "EncryptionInfo".encode("utf-16-le") in handle.read(1_000_000)
    except OSError:
        return False


def _inspect_package(archive: zipfile.ZipFile, where: CellRef, report: Report) -> bool:
    """Checks what would make openpyxl hang or lie, before it parses anything."""
    infos = archive.infolist()
    total = sum(info.file_size for info in infos)
    packed = sum(info.compress_size for info in infos) or 1
    if total > MAX_UNCOMPRESSED_BYTES or total / packed > MAX_COMPRESSION_RATIO:
        report.error(
            "file-tidak-wajar",
            where,
            size_mb=thousands(total // (1024 * 1024)),
            ratio=thousands(round(total / packed)),
        )
        return False
    names = {info.filename for info in infos}
    if "xl/workbook.xml" not in names:
        report.error("file-bukan-xlsx", where)
        return False
    for info in infos:
        if info.filename.endswith((".xml", ".rels", ".vml")) and _has_doctype(archive, info):
            report.error("file-entitas-xml", where)
            return False
    sheets = _sheet_parts(archive)
    for part, sheet in sheets.items():
        if part not in names:  # openpyxl would drop the sheet with a warning
            report.error("file-rusak", where, detail=f"isi sheet {sheet} hilang")
            return False
    fits = True
    for part, sheet in sheets.items():
        fits &= _merges_fit(archive.read(part), CellRef(where.file, sheet), report)
    return fits


def _has_doctype(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    """Excel never writes a DOCTYPE; one is how XML entity bombs and XXE come in."""
    with archive.open(info) as stream:
        start = stream.read(DOCTYPE_SCAN_BYTES)
    return any(mark in start for mark in _DOCTYPE)


def _merges_fit(sheet_xml: bytes, where: CellRef, report: Report) -> bool:
    largest, total = (0, ""), 0
    for match in _MERGE_REF.finditer(sheet_xml):
        ref = match.group(1).decode("ascii", "replace")
        try:
            min_col, min_row, max_col, max_row = range_boundaries(ref)
        except (ValueError, TypeError):
            continue  # openpyxl will say the file is damaged
        if None in (min_col, min_row, max_col, max_row):
            continue
        area = (max_col - min_col + 1) * (max_row - min_row + 1)
        total += area
        largest = max(largest, (area, ref))
    if largest[0] > MAX_MERGED_CELLS or total > MAX_MERGED_TOTAL:
        report.error(
            "sel-gabungan-terlalu-luas",
            CellRef(where.file, where.sheet, largest[1]),
            cells=thousands(largest[0]),
        )
        return False
    return True


def _xml(data: bytes) -> etree._Element:
    return etree.fromstring(data, etree.XMLParser(**_SAFE_XML))


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Each worksheet's part in the package (``xl/worksheets/sheet1.xml``) -> its name."""
    try:
        book = _xml(archive.read("xl/workbook.xml"))
        rels = _xml(archive.read("xl/_rels/workbook.xml.rels"))
    except (KeyError, etree.XMLSyntaxError):
        return {}
    targets: dict[str, str] = {}
    for rel in rels.iter("{*}Relationship"):
        target = rel.get("Target") or ""
        part = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        targets[rel.get("Id") or ""] = posixpath.normpath(part)
    parts: dict[str, str] = {}
    for sheet in book.iter("{*}sheet"):
        ids = [v for k, v in sheet.attrib.items() if etree.QName(k).localname == "id"]
        if ids and ids[0] in targets:
            parts[targets[ids[0]]] = sheet.get("name") or ""
    return parts


def formulas_without_value(source: Path, sheet_title: str) -> set[tuple[int, int]]:
    """Cells (0-based row, column) holding a formula that no program ever calculated.

    openpyxl reads such a cell as empty; only the sheet's XML shows the formula. Excel
    writes ``<v></v>`` for a formula whose text result is empty, with ``t="str"``.
    """
    found: set[tuple[int, int]] = set()
    try:
        with zipfile.ZipFile(source) as archive:
            parts = {name: part for part, name in _sheet_parts(archive).items()}
            if sheet_title not in parts:
                return found
            with archive.open(parts[sheet_title]) as stream:
                for _, cell in etree.iterparse(stream, tag="{*}c", **_SAFE_XML):
                    value = cell.find("{*}v")
                    calculated = value is not None and (bool(value.text) or cell.get("t") == "str")
                    if cell.find("{*}f") is not None and not calculated and cell.get("r"):
                        row, column = coordinate_to_tuple(cell.get("r"))
                        found.add((row - 1, column - 1))
                    cell.clear()
    except (OSError, KeyError, ValueError, zipfile.BadZipFile, etree.XMLSyntaxError):
        pass  # openpyxl read the file, so this does not happen; the warning is a courtesy
    return found


def thousands(number: int) -> str:
    """``1048576`` -> ``1.048.576``, as Indonesian writes it."""
    return f"{number:,}".replace(",", ".")


# -- reading a sheet ------------------------------------------------------------------------


def find_sheet(workbook: openpyxl.Workbook, name: str) -> Worksheet | None:
    for sheet in workbook.worksheets:
        if fold(sheet.title) == fold(name):
            return sheet
    return None


@dataclass
class _SheetData:
    """The cells of a sheet that hold something, by 0-based (row, column).

    Sparse on purpose: a stray value in XFD1048576 must not make a grid of 17 billion cells.
    A merged range repeats its top-left value (and format) in every cell it covers.
    """

    values: dict[tuple[int, int], object]
    formats: dict[tuple[int, int], str]
    errors: set[tuple[int, int]]  # Excel error values (#REF!, #N/A, ...)
    covered: set[tuple[int, int]]
    height: int
    width: int

    @classmethod
    def read(cls, sheet: Worksheet) -> _SheetData:
        values: dict[tuple[int, int], object] = {}
        formats: dict[tuple[int, int], str] = {}
        errors: set[tuple[int, int]] = set()
        # openpyxl's own iterators fill the whole rectangle up to the farthest cell; its
        # cell store holds only the cells the file has.
        for (row, column), cell in sheet._cells.items():
            value = cell.value
            if value is None:
                continue
            key = (row - 1, column - 1)
            values[key] = decode_escapes(value) if isinstance(value, str) else value
            if cell.data_type == "e":
                errors.add(key)
            elif (_is_number(value) and "%" in (cell.number_format or "")) or isinstance(
                value, date
            ):
                formats[key] = cell.number_format or "General"
        height = max((r for r, _ in values), default=-1) + 1
        width = max((c for _, c in values), default=-1) + 1
        covered: set[tuple[int, int]] = set()
        for merged in sheet.merged_cells.ranges:
            top = (merged.min_row - 1, merged.min_col - 1)
            for r in range(top[0], min(merged.max_row, height)):
                for c in range(top[1], min(merged.max_col, width)):
                    if (r, c) == top:
                        continue
                    covered.add((r, c))
                    _copy(values, top, (r, c))
                    _copy(formats, top, (r, c))
                    if top in errors:
                        errors.add((r, c))
                    else:
                        errors.discard((r, c))
        return cls(values, formats, errors, covered, height, width)

    def grid(self, rows: int) -> list[list[object]]:
        """The first rows as lists, for finding the header."""
        return [
            [self.values.get((r, c)) for c in range(self.width)]
            for r in range(min(rows, self.height))
        ]


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _copy(
    store: dict[tuple[int, int], T], source: tuple[int, int], target: tuple[int, int]
) -> None:
    if source in store:
        store[target] = store[source]
    else:
        store.pop(target, None)


def read_table(
    sheet: Worksheet,
    file: str,
    columns: Sequence[Column],
    report: Report,
    source: Path | None = None,
) -> Table | None:
    """The rows under the sheet's header row, keyed by column; None if the header is missing.

    With ``source`` (the workbook's path), formulas that were never calculated are reported.
    """
    where = CellRef(file, sheet.title)
    data = _SheetData.read(sheet)
    grid = data.grid(HEADER_SEARCH_ROWS + 1)
    header = _find_header(grid, columns)
    if header is None:
        found = [_short(v) for v in (grid[0] if grid else []) if v is not None]
        for row in grid[:HEADER_SEARCH_ROWS]:
            if sum(v is not None for v in row) > len(found):
                found = [_short(v) for v in row if v is not None]
        missing = [c.title for c in columns if c.required]
        report.error(
            "judul-kolom-tidak-ada",
            where,
            missing=", ".join(missing),
            found=", ".join(found) or "(kosong)",
        )
        return None
    header_row, positions, data_start = header
    missing = [c.title for c in columns if c.required and c.key not in positions]
    if missing:
        report.error(
            "kolom-wajib-tidak-ada",
            CellRef(file, sheet.title, f"baris {header_row + 1}"),
            missing=", ".join(missing),
            found=", ".join(_header_names(grid, header_row, data_start)),
        )
        return None
    known = {fold(n) for c in columns for n in c.names}
    extras = [n for n in _header_names(grid, header_row, data_start) if fold(n) not in known]
    if extras:
        report.warn(
            "kolom-diabaikan",
            CellRef(file, sheet.title, f"baris {header_row + 1}"),
            extra=", ".join(extras),
        )

    def ref(r: int, c: int) -> CellRef:
        return CellRef(file, sheet.title, f"{get_column_letter(c + 1)}{r + 1}")

    read = set(positions.values())
    rejected = set()
    for r, c in sorted(data.errors):
        if r >= data_start and c in read:
            rejected.add(ref(r, c))
            if (r, c) not in data.covered:
                report.error("galat-excel", ref(r, c), value=data.values[(r, c)])
    if source is not None:
        for r, c in sorted(formulas_without_value(source, sheet.title)):
            if r >= data_start and c in read and data.values.get((r, c)) is None:
                report.warn("rumus-tanpa-nilai", ref(r, c))
    rows: list[dict[str, Cell]] = []
    for r in sorted({r for r, _ in data.values if r >= data_start}):
        cells = {
            key: Cell(
                None if (r, c) in data.errors else data.values.get((r, c)),
                ref(r, c),
                data.formats.get((r, c), "General"),
                (r, c) in data.covered,
            )
            for key, c in positions.items()
        }
        # a row that only continues merged cells adds nothing (a merged KEGIATAN running
        # past the last line, a merged column down to the sheet's end)
        if all(cell.blank or cell.merged for cell in cells.values()):
            continue
        rows.append(cells)
    if len(rows) > MAX_TABLE_ROWS:
        report.error(
            "tabel-terlalu-panjang",
            where,
            rows=thousands(len(rows)),
            max=thousands(MAX_TABLE_ROWS),
        )
        return None
    return Table(where, header_row + 1, positions, rows, rejected)


def _short(value: object, limit: int = 40) -> str:
    """A cell quoted in a message: one line, and a long paragraph cut short."""
    text = " ".join(display_text(value).split())
    return text if len(text) <= limit else text[:limit].rstrip() + "…"


def _header_names(grid: list[list[object]], row: int, data_start: int) -> list[str]:
    """The names in the header row, and in the second header row when there is one."""
    names = [str(v).strip() for r in range(row, data_start) for v in grid[r] if v is not None]
    return list(dict.fromkeys(n for n in names if n))


def _match(values: Iterable[object], columns: Sequence[Column]) -> dict[str, int]:
    lookup = {fold(name): c.key for c in columns for name in c.names}
    positions: dict[str, int] = {}
    for index, value in enumerate(values):
        key = lookup.get(fold(value))
        if key is not None and key not in positions:
            positions[key] = index
    return positions


def _find_header(
    grid: list[list[object]], columns: Sequence[Column]
) -> tuple[int, dict[str, int], int] | None:
    """The header row: the first of the first rows that names every required column.

    The months may sit in a second header row under a merged "WAKTU/BULAN" cell.
    Falls back to the row naming the most columns, so that a missing column is reported
    by name rather than as a missing header.
    """
    required = {c.key for c in columns if c.required}
    best: tuple[int, dict[str, int], int] | None = None
    for r in range(min(HEADER_SEARCH_ROWS, len(grid))):
        positions = _match(grid[r], columns)
        data_start = r + 1
        if not required <= positions.keys() and r + 1 < len(grid):
            below = _match(grid[r + 1], columns)
            extra = {k: c for k, c in below.items() if k not in positions}
            if extra and positions:
                positions = {**positions, **extra}
                data_start = r + 2
        if required <= positions.keys():
            return r, positions, data_start
        if len(positions) >= 2 and (best is None or len(positions) > len(best[1])):
            best = (r, positions, data_start)
    return best
