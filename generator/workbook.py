"""Reads the Pokja workbooks into rows of cells that remember their address.

This module knows files, sheets and headers; it knows no rules of the plan. Everything it
cannot read becomes a Problem (never an exception) so that one run reports all of them.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

import openpyxl
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from generator.problems import CellRef, Report

HEADER_SEARCH_ROWS = 10
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024  # a plan's workbooks hold a few hundred kB
MAX_COMPRESSION_RATIO = 200
_NUMBERED_NAME = re.compile(r"^(\d{2})(?!\d)")
_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


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


def display_text(value: object, number_format: str = "General") -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime) and value.time() == time(0):
        return format_date_id(value.date())
    if isinstance(value, date):
        return format_date_id(value)
    if isinstance(value, float):
        if "%" in number_format:
            return f"{value * 100:g}%"
        return f"{value:g}" if not value.is_integer() else str(int(value))
    return str(value).strip()


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


def open_workbook(path: Path, report: Report) -> openpyxl.Workbook | None:
    """Opens a workbook from an untrusted source, or reports in plain words why it can't."""
    where = CellRef(path.name)
    try:
        head = path.read_bytes()[:8]
    except OSError as exc:
        report.error("file-tidak-terbaca", where, detail=exc.strerror or str(exc))
        return None
    if not head:
        report.error("file-kosong", where)
        return None
    if head.startswith(_OLE_SIGNATURE):
        code = "file-berkata-sandi" if _is_encrypted_ooxml(path) else "file-xls-lama"
        report.error(code, where)
        return None
    if not zipfile.is_zipfile(path):
        looks_html = head.lstrip().lower().startswith((b"<", b"\xef\xbb\xbf<"))
        report.error("file-html" if looks_html else "file-bukan-xlsx", where)
        return None
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            total = sum(info.file_size for info in infos)
            packed = sum(info.compress_size for info in infos) or 1
            if total > MAX_UNCOMPRESSED_BYTES or total / packed > MAX_COMPRESSION_RATIO:
                report.error("file-tidak-wajar", where, size_mb=total // (1024 * 1024))
                return None
            if "xl/workbook.xml" not in {info.filename for info in infos}:
                report.error("file-bukan-xlsx", where)
                return None
        return openpyxl.load_workbook(path, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a damaged file
        report.error("file-rusak", where, detail=type(exc).__name__)
        return None


def _is_encrypted_ooxml(path: Path) -> bool:
    """A password-protected .xlsx is an OLE container with an EncryptionInfo stream."""
    return "EncryptionInfo".encode("utf-16-le") in path.read_bytes()[:1_000_000]


def find_sheet(workbook: openpyxl.Workbook, name: str) -> Worksheet | None:
    for sheet in workbook.worksheets:
        if fold(sheet.title) == fold(name):
            return sheet
    return None


def read_table(
    sheet: Worksheet, file: str, columns: Sequence[Column], report: Report
) -> Table | None:
    """The rows under the sheet's header row, keyed by column; None if the header is missing."""
    where = CellRef(file, sheet.title)
    grid, covered = _grid_with_merges(sheet)
    header = _find_header(grid, columns)
    if header is None:
        found = [str(v) for v in (grid[0] if grid else []) if v is not None]
        for row in grid[:HEADER_SEARCH_ROWS]:
            if sum(v is not None for v in row) > len(found):
                found = [str(v) for v in row if v is not None]
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
    table = Table(where, header_row + 1, positions)
    formats = _number_formats(sheet)
    for r in range(data_start, len(grid)):
        cells = {
            key: Cell(
                _cell_value(grid, r, c),
                CellRef(file, sheet.title, f"{get_column_letter(c + 1)}{r + 1}"),
                formats.get((r, c), "General"),
                (r, c) in covered,
            )
            for key, c in positions.items()
        }
        if all(cell.blank for cell in cells.values()):
            continue
        table.rows.append(cells)
    return table


def _cell_value(grid: list[list[object]], r: int, c: int) -> object:
    row = grid[r]
    return row[c] if c < len(row) else None


def _grid_with_merges(sheet: Worksheet) -> tuple[list[list[object]], set[tuple[int, int]]]:
    """All values; a merged range repeats its top-left value in every cell it covers."""
    grid = [list(row) for row in sheet.iter_rows(values_only=True)]
    covered: set[tuple[int, int]] = set()
    for merged in sheet.merged_cells.ranges:
        value = _cell_value(grid, merged.min_row - 1, merged.min_col - 1)
        for r in range(merged.min_row - 1, min(merged.max_row, len(grid))):
            row = grid[r]
            while len(row) < merged.max_col:
                row.append(None)
            for c in range(merged.min_col - 1, merged.max_col):
                row[c] = value
                if (r, c) != (merged.min_row - 1, merged.min_col - 1):
                    covered.add((r, c))
    return grid, covered


def _number_formats(sheet: Worksheet) -> dict[tuple[int, int], str]:
    """Only the formats that change how a number reads (percentages)."""
    formats: dict[tuple[int, int], str] = {}
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, float) and "%" in (cell.number_format or ""):
                formats[(cell.row - 1, cell.column - 1)] = cell.number_format
    return formats


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
