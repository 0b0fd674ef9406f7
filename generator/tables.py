"""Sheets read as tables: the sources folder's workbooks, header search, rows of cells."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

from generator.contract import WORKBOOK_HINTS, Column
from generator.indonesian import MONTH_HEADINGS, thousands
from generator.problems import CellRef, Report
from generator.xlsx import Sheet, Workbook, find_sheet
from generator.xlsx.coords import column_letter
from generator.xlsx.parts import fold
from generator.xlsx.rich import MAX_CELL_CHARS
from generator.xlsx.values import display_text, loses_digits

__all__ = ["Cell", "Table", "discover", "fold", "read_table"]

HEADER_SEARCH_ROWS = 10
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
MAX_TABLE_ROWS = 5_000  # the reference plan has fewer than 100 rows in its longest table
_NUMBERED_NAME = re.compile(r"^(\d{2})(?!\d)")


class Cell:
    """One cell's value as the reader saw it, and where it is.

    A table builds one for every column of every row, and most are read once and never
    reported (the month ticks), so the cell's address becomes a CellRef only when asked
    for: a plain class, because a frozen dataclass costs three times as much to make."""

    __slots__ = ("_ref", "merged", "number_format", "value")

    def __init__(
        self,
        value: object,
        ref: CellRef | tuple[str, str, int, int],
        number_format: str = "General",
        merged: bool = False,  # covered by a merged range that starts above or left of it
    ) -> None:
        self.value = value
        self._ref = ref  # a CellRef, or (file, sheet, 0-based row, 0-based column)
        self.number_format = number_format
        self.merged = merged

    def __repr__(self) -> str:
        return f"Cell({self.value!r}, {self.ref!r}, {self.number_format!r}, {self.merged!r})"

    @property
    def ref(self) -> CellRef:
        ref = self._ref
        if isinstance(ref, tuple):
            file, sheet, r, c = ref
            ref = self._ref = CellRef(file, sheet, f"{column_letter(c + 1)}{r + 1}")
        return ref

    @property
    def blank(self) -> bool:
        return _blank(self.value)

    @property
    def text(self) -> str:
        """The value as the Pokja sees it in Excel, trimmed."""
        return display_text(self.value, self.number_format)

    @property
    def number_lost_digits(self) -> bool:
        """A number of more than 15 digits: Excel kept only the first 15 (an 18-digit NIP
        typed as a number ends in 000), and ``text`` shows what Excel kept."""
        return loses_digits(self.value)


def _blank(value: object) -> bool:
    """Nothing, or only spaces (without copying a long text to strip it)."""
    return value is None or (isinstance(value, str) and (not value or value.isspace()))


@dataclass
class Table:
    """A sheet read under its header row: each row maps column keys to cells."""

    ref: CellRef
    header_row: int
    columns: dict[str, int]
    rows: list[dict[str, Cell]] = field(default_factory=list)
    rejected: set[CellRef] = field(default_factory=set)  # cells reported already, now blank


def discover(folder: Path, report: Report) -> dict[int, Path]:
    """The workbooks of a sources folder, by their leading number 00..06."""
    found: dict[int, Path] = {}
    if not folder.is_dir():
        report_missing_folder(folder, report)
        return found
    untaken = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith(("~$", ".")) or not path.is_file():
            continue
        if path.suffix.lower() not in WORKBOOK_SUFFIXES:
            continue
        match = _NUMBERED_NAME.match(path.name)
        if not match:
            untaken.append(path.name)
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
    for name in untaken:
        report.warn("workbook-tidak-dipakai", CellRef(name), suggest=_suggested_name(name))
    return found


# Spreadsheet formats a Pokja may save in that the reader does not read, by suffix.
OTHER_FORMATS = {
    ".ods": "OpenDocument (LibreOffice Calc, .ods)",
    ".fods": "OpenDocument datar (.fods)",
    ".xls": "Excel 97-2003 (.xls)",
    ".xlsb": "Excel biner (.xlsb)",
    ".et": "WPS Spreadsheets (.et)",
    ".numbers": "Apple Numbers (.numbers)",
    ".csv": "CSV (.csv)",
    ".xltx": "templat Excel (.xltx)",
    ".xltm": "templat Excel (.xltm)",
}


def unread_workbooks(folder: Path) -> dict[int, tuple[str, str, str]]:
    """What stands, under a workbook's number, where no readable workbook was found: a file
    in another format, a folder or a broken link named like one. Number -> (problem code,
    name, format)."""
    found: dict[int, tuple[str, str, str]] = {}
    try:
        entries = sorted(folder.iterdir())
    except OSError:
        return found
    for path in entries:
        match = _NUMBERED_NAME.match(path.name)
        if not match or path.name.startswith(("~$", ".")) or int(match.group(1)) in found:
            continue
        suffix = path.suffix.lower()
        if path.is_symlink() and not path.exists():
            found[int(match.group(1))] = ("workbook-tautan-rusak", path.name, "")
        elif path.is_dir() and suffix in WORKBOOK_SUFFIXES:
            found[int(match.group(1))] = ("workbook-berupa-folder", path.name, "")
        elif path.is_file() and suffix in OTHER_FORMATS:
            found[int(match.group(1))] = ("workbook-format-lain", path.name, OTHER_FORMATS[suffix])
    return found


def report_missing_folder(folder: Path, report: Report) -> None:
    """The sources folder does not exist: name the full path searched and how to start."""
    report.error(
        "folder-tidak-ada", CellRef(str(folder)), path=str(folder.resolve()), folder=str(folder)
    )


def _suggested_name(name: str) -> str:
    """The contract's name for a workbook whose name holds its number elsewhere
    ("Pokja 03 SDM final.xlsx" -> 03_penataan_sdm.xlsx)."""
    for number in re.findall(r"(?<!\d)(\d{2})(?!\d)", name):
        if int(number) in WORKBOOK_HINTS:
            return WORKBOOK_HINTS[int(number)]
    return "nama yang diawali nomornya, misalnya 01_manajemen_perubahan.xlsx"


def read_sheet_table(
    workbook: Workbook, file: str, sheet: str, columns: Sequence[Column], report: Report
) -> Table | None:
    """The table of the workbook's sheet named ``sheet``; a missing sheet is an error that
    lists the sheets the workbook does have."""
    ws = find_sheet(workbook, sheet)
    if ws is None:
        report.error(
            "sheet-tidak-ada",
            CellRef(file, sheet),
            sheet=sheet,
            found=", ".join(workbook.sheetnames),
        )
        return None
    return read_table(ws, file, columns, report)


def read_table(sheet: Sheet, file: str, columns: Sequence[Column], report: Report) -> Table | None:
    """The rows under the sheet's header row, keyed by column; None if the header is missing."""
    where = CellRef(file, sheet.title)
    grid = sheet.grid(HEADER_SEARCH_ROWS + 1)
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
    known = _keys_by_name(tuple(columns))
    extras = [n for n in _header_names(grid, header_row, data_start) if fold(n) not in known]
    if extras:
        report.warn(
            "kolom-diabaikan",
            CellRef(file, sheet.title, f"baris {header_row + 1}"),
            extra=", ".join(extras),
        )

    def ref(r: int, c: int) -> CellRef:
        return CellRef(file, sheet.title, f"{column_letter(c + 1)}{r + 1}")

    read = set(positions.values())
    rejected = set()
    for r, c in sorted(sheet.errors):
        if r >= data_start and c in read:
            rejected.add(ref(r, c))
            if (r, c) not in sheet.covered:
                report.error("galat-excel", ref(r, c), value=sheet.values[(r, c)])
    # the rows that hold something of their own in a column read: one pass over the cells,
    # so that a sheet of a million rows is refused before a million rows are built
    filled: dict[int, list[int]] = {}
    too_long: set[tuple[int, int]] = set()
    lengths: dict[int, int] = {}  # a shared string's length, counted once for all its cells
    errors, covered = sheet.errors, sheet.covered
    for at, value in sheet.values.items():
        r, c = at
        if r < data_start or c not in read or value is None or at in errors:
            continue
        if isinstance(value, str):
            if not value or value.isspace():  # blank (see _blank)
                continue
            if len(value) > MAX_CELL_CHARS:
                if id(value) not in lengths:  # a line end from Windows, CR LF, is one character
                    lengths[id(value)] = len(value) - value.count("\r\n")
                if lengths[id(value)] > MAX_CELL_CHARS:
                    too_long.add(at)
        if at not in covered:
            filled.setdefault(r, []).append(c)
    if len(filled) > MAX_TABLE_ROWS:
        report.error(
            "tabel-terlalu-panjang",
            where,
            rows=thousands(len(filled)),
            max=thousands(MAX_TABLE_ROWS),
        )
        return None
    for r, c in sorted(too_long):
        rejected.add(ref(r, c))
        if (r, c) not in sheet.covered:
            length = lengths[id(sheet.values[(r, c)])]
            report.error("teks-terlalu-panjang", ref(r, c), length=thousands(length))
    for r, c in sorted(sheet.formulas):
        # a formula column filled down past the table's last row is no row of the table
        if r in filled and c in read and sheet.values.get((r, c)) is None:
            rejected.add(ref(r, c))
            report.error("rumus-tanpa-nilai", ref(r, c))
    rows: list[dict[str, Cell]] = []
    row_indexes: list[int] = []
    values, formats, covered = sheet.values, sheet.formats, sheet.covered
    unread = sheet.errors | too_long
    title = sheet.title
    for r in sorted(filled):
        cells = {}
        adds = False  # a row that only continues merged cells adds nothing (a merged
        # KEGIATAN running past the last line, a merged column down to the sheet's end)
        for key, c in positions.items():
            at = (r, c)
            value = None if at in unread else values.get(at)
            merged = at in covered
            cells[key] = Cell(value, (file, title, r, c), formats.get(at, "General"), merged)
            adds = adds or not (merged or _blank(value))
        if not adds:
            continue
        rows.append(cells)
        row_indexes.append(r)
    _report_hidden(sheet, file, positions, rows, row_indexes, report)
    return Table(where, header_row + 1, positions, rows, rejected)


def _report_hidden(
    sheet: Sheet,
    file: str,
    positions: dict[str, int],
    rows: list[dict[str, Cell]],
    row_indexes: list[int],
    report: Report,
) -> None:
    """What the Pokja cannot see in Excel but the document prints: a hidden sheet, hidden
    rows and hidden columns that hold data."""
    if not rows:
        return
    if sheet.state == "veryHidden":  # not even listed by Excel's Unhide
        report.warn("sheet-sangat-tersembunyi", CellRef(file, sheet.title))
    elif sheet.state != "visible":
        report.warn("sheet-tersembunyi", CellRef(file, sheet.title))
    hidden_rows = [r + 1 for r in row_indexes if r in sheet.hidden_rows]
    if hidden_rows:
        report.warn(
            "baris-tersembunyi",
            CellRef(file, sheet.title, f"baris {_numbers(hidden_rows)}"),
            count=len(hidden_rows),
        )
    columns = sorted(
        c
        for key, c in positions.items()
        if c in sheet.hidden_columns
        and any(not row[key].blank and not row[key].merged for row in rows)
    )
    if columns:
        report.warn(
            "kolom-tersembunyi",
            CellRef(file, sheet.title, f"kolom {', '.join(column_letter(c + 1) for c in columns)}"),
        )


def _numbers(numbers: list[int]) -> str:
    """``[12, 15, 16, 17]`` -> ``12, 15–17``."""
    spans: list[list[int]] = []
    for number in numbers:
        if spans and number == spans[-1][1] + 1:
            spans[-1][1] = number
        else:
            spans.append([number, number])
    return ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in spans)


def _short(value: object, limit: int = 40) -> str:
    """A cell quoted in a message: one line, and a long paragraph cut short."""
    text = " ".join(display_text(value).split())
    return text if len(text) <= limit else text[:limit].rstrip() + "…"


def _header_names(grid: list[list[object]], row: int, data_start: int) -> list[str]:
    """The names in the header row, and in the second header row when there is one."""
    names = [str(v).strip() for r in range(row, data_start) for v in grid[r] if v is not None]
    return list(dict.fromkeys(n for n in names if n))


@cache
def _keys_by_name(columns: tuple[Column, ...]) -> dict[str, str]:
    """Every header name the columns answer to, folded -> the column's key (the same few
    columns are looked for in every sheet of every unit)."""
    return {fold(name): c.key for c in columns for name in c.names}


def _match(values: Iterable[object], lookup: dict[str, str]) -> dict[str, int]:
    """Which column each header names: column key -> index (the first cell naming it)."""
    positions: dict[str, int] = {}
    for index, value in enumerate(values):
        if value is None:  # most of a row (the grid is as wide as the sheet)
            continue
        if isinstance(value, date):  # Excel made a typed "Jan" (or "Jan-25") a date
            value = MONTH_HEADINGS[value.month - 1]
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
    lookup = _keys_by_name(tuple(columns))
    best: tuple[int, dict[str, int], int] | None = None
    for r in range(min(HEADER_SEARCH_ROWS, len(grid))):
        positions = _match(grid[r], lookup)
        data_start = r + 1
        if not required <= positions.keys() and r + 1 < len(grid):
            below = _match(grid[r + 1], lookup)
            extra = {k: c for k, c in below.items() if k not in positions}
            if extra and positions:
                positions = {**positions, **extra}
                data_start = r + 2
        if required <= positions.keys():
            return r, positions, data_start
        if len(positions) >= 2 and (best is None or len(positions) > len(best[1])):
            best = (r, positions, data_start)
    return best
