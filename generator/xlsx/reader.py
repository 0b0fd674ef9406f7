"""Reads the Pokja workbooks into rows of cells that remember their address.

This module knows files, sheets and headers; it knows no rules of the plan. Everything it
cannot read becomes a Problem (never an exception) so that one run reports all of them.
Workbooks come from many hands, so the package is inspected before anything parses it:
an archive that inflates absurdly, an XML DOCTYPE (entity bombs) or a merged range the
size of a sheet is refused with a plain message instead of hanging the build.

The cells are read straight from the sheets' XML with lxml, sparsely: a reader that builds
one object per cell (openpyxl) or a dense grid (calamine) spends its time, or all memory,
on cells nobody reads. What a cell holds follows openpyxl's reading (``data_only``), which
this module replaced, so that values, dates and errors read as they always have; one
exception: typed text that looks like Excel's escapes (see _shared_strings).
"""

from __future__ import annotations

import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from lxml import etree

from generator.contract import Column
from generator.indonesian import MONTHS, format_date, thousands
from generator.messages import os_reason
from generator.problems import CellRef, Report

T = TypeVar("T")
HEADER_SEARCH_ROWS = 10
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024  # a plan's workbooks hold a few hundred kB
MAX_COMPRESSION_RATIO = 200
# The reader repeats a merged range's value in every cell it covers: a merged whole column
# would be a million cells, a merged whole sheet 17 billion.
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
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_ROW, _CELL, _VALUE, _FORMULA = (f"{_MAIN}{tag}" for tag in ("row", "c", "v", "f"))
_INLINE, _TEXT, _RUN, _SI = (f"{_MAIN}{tag}" for tag in ("is", "t", "r", "si"))
_MERGE_CELL = f"{_MAIN}mergeCell"
_CONTENT_TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}Override"
_SHARED_STRINGS = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
# Excel's built-in number formats that read differently (percentages, dates and times);
# the others show a number as a number.
_BUILTIN_FORMATS = {
    0: "General",
    9: "0%",
    10: "0.00%",
    14: "mm-dd-yy",
    15: "d-mmm-yy",
    16: "d-mmm",
    17: "mmm-yy",
    18: "h:mm AM/PM",
    19: "h:mm:ss AM/PM",
    20: "h:mm",
    21: "h:mm:ss",
    22: "m/d/yy h:mm",
    45: "mm:ss",
    46: "[h]:mm:ss",
    47: "mmss.0",
}
_FORMAT_NOISE = re.compile(r'".*?"|\[(?!hh?\]|mm?\]|ss?\])[^\]]*\]')  # "text", [$-421], [Red]
_DATE_CODE = re.compile(r"(?<![_\\])[dmhysDMHYS]")
_DURATION_CODE = re.compile(
    r"\[hh?\](:mm(:ss(\.0*)?)?)?|\[mm?\](:ss(\.0*)?)?|\[ss?\](\.0*)?", re.IGNORECASE
)
_WINDOWS_EPOCH = datetime(1899, 12, 30)
_MAC_EPOCH = datetime(1904, 1, 1)
_RANGE = re.compile(
    r"^[$]?(?P<min_col>[A-Za-z]{1,3})?[$]?(?P<min_row>\d+)?"
    r"(:[$]?(?P<max_col>[A-Za-z]{1,3})?[$]?(?P<max_row>\d+)?)?$"
)


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
            return f"{MONTHS[day.month - 1]} {day.year}"
        return str(day.year) if shown == "year" else format_date(day)
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


@dataclass(frozen=True)
class Workbook:
    """A workbook as read: every sheet's name, and the worksheets' cells."""

    sheetnames: list[str]  # in the workbook's order, chart sheets too (Excel lists them)
    worksheets: list[Sheet]


def open_workbook(path: Path, report: Report) -> Workbook | None:
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
        with _ReadOnce(path) as archive:
            if not _inspect_package(archive, where, report):
                return None
            return _read_package(archive)
    except OSError as exc:
        report.error("file-tidak-terbaca", where, detail=os_reason(exc))
    except _EntityDeclared:
        report.error("file-entitas-xml", where)
    except Exception as exc:  # a damaged package fails in many ways, all of them file-rusak
        report.error("file-rusak", where, detail=_damage(exc))
    return None


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
        if isinstance(cause, etree.XMLSyntaxError):
            return "isi XML tidak sah"
        if isinstance(cause, KeyError):
            return "ada bagian isi yang hilang"
    return "susunan isinya tidak dikenali"


class _EntityDeclared(ValueError):
    """A part holds a DOCTYPE beyond where the quick look at each part's start reached."""


def _is_encrypted_ooxml(path: Path) -> bool:
    """A password-protected .xlsx is an OLE container with an EncryptionInfo stream."""
    try:
        with path.open("rb") as handle:
            return "EncryptionInfo".encode("utf-16-le") in handle.read(1_000_000)
    except OSError:
        return False


def _inspect_package(archive: zipfile.ZipFile, where: CellRef, report: Report) -> bool:
    """Checks what would make the reader hang or lie, before it parses anything."""
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
        if part not in names:  # a sheet listed but not there: reading would drop it
            report.error("file-rusak", where, detail=f"isi sheet {sheet} hilang")
            return False
    fits = True
    for part, sheet in sheets.items():
        fits &= _merges_fit(archive.read(part), CellRef(where.file, sheet), report)
    return fits


class _ReadOnce(zipfile.ZipFile):
    """A package whose parts are decompressed once: the checks (DOCTYPE, merged ranges)
    and the reading share the same bytes. Parts are read only after ``_inspect_package``
    has checked the package's unpacked size, so keeping them in memory is bounded."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self._parts: dict[str, bytes] = {}

    def read(self, name: Any, pwd: bytes | None = None) -> bytes:
        key = name.filename if isinstance(name, zipfile.ZipInfo) else str(name)
        if key not in self._parts:
            self._parts[key] = super().read(name, pwd)
        return self._parts[key]


def _has_doctype(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    """Excel never writes a DOCTYPE; one is how XML entity bombs and XXE come in."""
    start = archive.read(info)[:DOCTYPE_SCAN_BYTES]
    return any(mark in start for mark in _DOCTYPE)


def _merges_fit(sheet_xml: bytes, where: CellRef, report: Report) -> bool:
    largest, total = (0, ""), 0
    for match in _MERGE_REF.finditer(sheet_xml):
        ref = match.group(1).decode("ascii", "replace")
        try:
            min_col, min_row, max_col, max_row = _range_boundaries(ref)
        except (ValueError, TypeError):
            continue  # the reader will say the file is damaged
        if min_col is None or min_row is None or max_col is None or max_row is None:
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


def _relationships(rels: etree._Element) -> dict[str, tuple[str, str]]:
    """A .rels part: each relationship's id -> the part it points to, and its type."""
    found: dict[str, tuple[str, str]] = {}
    for rel in rels.iter("{*}Relationship"):
        target = rel.get("Target") or ""
        part = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        found[rel.get("Id") or ""] = (posixpath.normpath(part), rel.get("Type") or "")
    return found


def _relationship_id(sheet: etree._Element) -> str | None:
    """A ``<sheet>``'s r:id, whatever prefix the package gave its namespace."""
    ids = [v for k, v in sheet.attrib.items() if etree.QName(k).localname == "id"]
    return ids[0] if ids else None


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Each worksheet's part in the package (``xl/worksheets/sheet1.xml``) -> its name."""
    try:
        book = _xml(archive.read("xl/workbook.xml"))
        rels = _xml(archive.read("xl/_rels/workbook.xml.rels"))
    except (KeyError, etree.XMLSyntaxError):
        return {}
    targets = _relationships(rels)
    parts: dict[str, str] = {}
    for sheet in book.iter("{*}sheet"):
        rid = _relationship_id(sheet)
        if rid is not None and rid in targets:
            parts[targets[rid][0]] = sheet.get("name") or ""
    return parts


# -- reading the package ----------------------------------------------------------------------


@dataclass(frozen=True)
class _Shared:
    """What the sheets of one workbook refer to: shared strings, styles, the date system."""

    strings: list[str]
    number_formats: list[str]  # by cell style (the ``s`` of a cell)
    date_styles: frozenset[int]  # styles whose format shows a number as a date or a time
    duration_styles: frozenset[int]  # [h]:mm and the like: a length of time, not a moment
    percent_styles: frozenset[int]
    epoch: datetime


def _read_package(archive: zipfile.ZipFile) -> Workbook:
    """The workbook's cells, read in the order openpyxl read them (so a damaged part is
    reported as it was): the manifest, the workbook, its strings, styles, then each sheet."""
    manifest = _part(archive, "[Content_Types].xml")
    book = _part(archive, "xl/workbook.xml")
    targets = _relationships(_part(archive, "xl/_rels/workbook.xml.rels"))
    properties = book.find(f"{_MAIN}workbookPr")
    date1904 = properties.get("date1904") if properties is not None else None
    strings = _shared_strings(archive, manifest)
    formats = _number_formats(archive)
    shared = _Shared(
        strings=strings,
        number_formats=formats,
        date_styles=frozenset(i for i, code in enumerate(formats) if _is_date_format(code)),
        duration_styles=frozenset(i for i, code in enumerate(formats) if _is_duration(code)),
        percent_styles=frozenset(i for i, code in enumerate(formats) if "%" in code),
        epoch=_MAC_EPOCH if date1904 and date1904 not in ("false", "f", "0") else _WINDOWS_EPOCH,
    )
    names: list[str] = []
    worksheets: list[Sheet] = []
    for element in book.iter("{*}sheet"):
        rid = _relationship_id(element)
        if rid is None:
            continue  # openpyxl, too, dropped a sheet that names no part
        part, kind = targets[rid]
        name = element.get("name") or ""
        names.append(name)
        if "chartsheet" not in kind:
            worksheets.append(_read_sheet(name, _part(archive, part), shared))
    return Workbook(names, worksheets)


def _part(archive: zipfile.ZipFile, name: str) -> etree._Element:
    data = archive.read(name)
    # _inspect_package looked at the start of each part; a DOCTYPE can hide behind a long
    # comment, and libxml2 would refuse its entities as mere bad XML
    if len(data) > DOCTYPE_SCAN_BYTES and any(mark in data for mark in _DOCTYPE):
        raise _EntityDeclared(name)
    return _xml(data)


def _shared_strings(archive: zipfile.ZipFile, manifest: etree._Element) -> list[str]:
    for override in manifest.iter(_CONTENT_TYPES):
        if override.get("ContentType") == _SHARED_STRINGS:
            table = _part(archive, (override.get("PartName") or "")[1:])
            # escapes, "_x005F_" guards included, are decoded with every cell's text
            # (openpyxl instead deleted each "x005F_", turning a typed _x000B_ into a
            # control character and dropping a typed x005F_)
            return [_text_content(item) for item in table.iter(_SI)]
    return []


def _text_content(element: etree._Element) -> str:
    """A rich text's characters: its plain text and its runs, without phonetic guides."""
    plain, runs = None, []
    for child in element:
        if child.tag == _TEXT:
            plain = child.text
        elif child.tag == _RUN:
            texts = child.findall(_TEXT)
            if texts and texts[-1].text is not None:
                runs.append(texts[-1].text)
    return (plain or "") + "".join(runs)


def _number_formats(archive: zipfile.ZipFile) -> list[str]:
    """Each cell style's number format: its own code, or Excel's built-in one by id."""
    try:
        styles = _part(archive, "xl/styles.xml")
    except KeyError:
        return []  # every cell is General
    custom = {
        int(fmt.get("numFmtId", "")): fmt.get("formatCode") or "General"
        for fmt in styles.iterfind(f"{_MAIN}numFmts/{_MAIN}numFmt")
    }
    codes = []
    for xf in styles.iterfind(f"{_MAIN}cellXfs/{_MAIN}xf"):
        number = int(xf.get("numFmtId") or 0)
        codes.append(custom.get(number) or _BUILTIN_FORMATS.get(number, "General"))
    return codes


def _is_date_format(code: str) -> bool:
    """Excel shows a number in this format as a date or a time (openpyxl's test)."""
    return _DATE_CODE.search(_FORMAT_NOISE.sub("", code.split(";")[0])) is not None


def _is_duration(code: str) -> bool:
    return _DURATION_CODE.search(code.split(";")[0]) is not None


def _from_excel(serial: float, epoch: datetime, duration: bool) -> datetime | time | timedelta:
    """An Excel serial number as openpyxl reads it: a datetime, a time of day before day 1,
    a timedelta in a duration format; to the millisecond."""
    if duration:
        length = timedelta(days=serial)
        if length.microseconds:
            seconds = length.total_seconds() // 1
            return timedelta(seconds=seconds, microseconds=round(length.microseconds, -3))
        return length
    day, fraction = divmod(serial, 1)
    clock = timedelta(milliseconds=round(fraction * 86_400_000))
    if 0 <= serial < 1 and clock.days == 0:
        minutes, seconds = divmod(clock.seconds, 60)
        return time(minutes // 60, minutes % 60, seconds, clock.microseconds)
    if 0 < serial < 60 and epoch == _WINDOWS_EPOCH:
        day += 1  # Excel counts 29 February 1900, which never was
    return epoch + timedelta(days=day) + clock


def _from_iso(text: str) -> object:
    """A ``t="d"`` cell (ISO 8601): a few programs write dates so, Excel never does."""
    from openpyxl.utils.datetime import from_ISO8601  # rare: only then pay for openpyxl

    return from_ISO8601(text)


@cache
def _column_index(letters: str) -> int:
    """``A`` -> 1, ``XFD`` -> 16384; ValueError beyond ZZZ, as openpyxl has it."""
    if not 0 < len(letters) <= 3 or not letters.isascii() or not letters.isalpha():
        raise ValueError(f"{letters!r} is not a column name")
    index = 0
    for letter in letters.upper():
        index = index * 26 + ord(letter) - 64
    return index


@cache
def _column_letter(index: int) -> str:
    """1 -> ``A``, 16384 -> ``XFD``."""
    letters = ""
    while index > 0:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def _position(ref: str) -> tuple[int, int]:
    """``B12`` -> (11, 1): the 0-based row and column of a cell address."""
    letters = ref.rstrip("0123456789")
    return int(ref[len(letters) :]) - 1, _column_index(letters) - 1


def _range_boundaries(ref: str) -> tuple[int | None, int | None, int | None, int | None]:
    """``A1:C3`` -> (min_col, min_row, max_col, max_row), 1-based; ``A:A`` leaves the rows
    None. ValueError for what is no range. openpyxl's function, without importing it."""
    match = _RANGE.match(ref)
    if not match:
        raise ValueError(f"{ref} is not a valid coordinate or range")
    min_col, min_row, sep, max_col, max_row = match.groups()
    if sep:
        cols, rows = (min_col, max_col), (min_row, max_row)
        if not (all(cols + rows) or (all(cols) and not any(rows)) or (all(rows) and not any(cols))):
            raise ValueError(f"{ref} is not a valid coordinate or range")
    first_col = _column_index(min_col) if min_col is not None else None
    first_row = int(min_row) if min_row is not None else None
    last_col = _column_index(max_col) if max_col is not None else first_col
    last_row = int(max_row) if max_row is not None else first_row
    return first_col, first_row, last_col, last_row


def _row_number(text: str) -> int:
    """A row's ``r``; some programs write 3.0 for 3."""
    try:
        return int(text)
    except ValueError:
        number = float(text)
    if not number.is_integer():
        raise ValueError(f"{text} is not a row number")
    return int(number)


# -- reading a sheet ------------------------------------------------------------------------


def find_sheet(workbook: Workbook, name: str) -> Sheet | None:
    for sheet in workbook.worksheets:
        if fold(sheet.title) == fold(name):
            return sheet
    return None


@dataclass(frozen=True)
class Sheet:
    """The cells of a worksheet that hold something, by 0-based (row, column).

    Sparse on purpose: a stray value in XFD1048576 must not make a grid of 17 billion cells.
    A merged range repeats its top-left value (and format) in every cell it covers.
    """

    title: str
    values: dict[tuple[int, int], object]
    formats: dict[tuple[int, int], str]  # only where the format changes the reading
    errors: set[tuple[int, int]]  # Excel error values (#REF!, #N/A, ...)
    covered: set[tuple[int, int]]
    formulas: set[tuple[int, int]]  # a formula that no program ever calculated
    height: int
    width: int

    def grid(self, rows: int) -> list[list[object]]:
        """The first rows as lists, for finding the header."""
        return [
            [self.values.get((r, c)) for c in range(self.width)]
            for r in range(min(rows, self.height))
        ]


def _read_sheet(title: str, root: etree._Element, shared: _Shared) -> Sheet:
    """A worksheet's cells, each read as openpyxl (``data_only``) read it."""
    values: dict[tuple[int, int], object] = {}
    formats: dict[tuple[int, int], str] = {}
    errors: set[tuple[int, int]] = set()
    formulas: set[tuple[int, int]] = set()
    merges: list[tuple[int, int, int, int]] = []
    row_number = 0
    for element in root.iter(_ROW, _MERGE_CELL):
        if element.tag == _MERGE_CELL:
            merges.append(_merge_bounds(element.get("ref")))
            continue
        number = element.get("r")
        row_number = _row_number(number) if number is not None else row_number + 1
        column, last_ref = 0, None  # a cell without an address follows the one before it
        for cell in element:
            if cell.tag != _CELL:
                continue
            ref = cell.get("r") or None
            if ref is not None:
                last_ref = ref
                if not len(cell):
                    continue  # formatted, but empty
                key = _position(ref)
            else:
                if last_ref is not None:
                    column, last_ref = _position(last_ref)[1] + 1, None
                column += 1
                if not len(cell):
                    continue
                key = (row_number - 1, column - 1)
            held = formula = inline = None
            for child in cell:  # faster than find(), which goes through ElementPath
                tag = child.tag
                if tag == _VALUE and held is None:
                    held = child
                elif tag == _FORMULA and formula is None:
                    formula = child
                elif tag == _INLINE and inline is None:
                    inline = child
            kind = cell.get("t", "n")
            text = held.text if held is not None else None
            if (
                formula is not None
                and ref is not None
                and not (held is not None and (text or kind == "str"))
            ):
                formulas.add(key)  # Excel writes <v></v> for a formula whose text is empty
            value: object
            if kind == "inlineStr":
                if inline is None:
                    continue
                value = _text_content(inline)
            elif not text:
                continue
            elif kind == "n":
                number_value = (
                    float(text) if "." in text or "e" in text or "E" in text else int(text)
                )
                style = int(cell.get("s") or 0)
                if style in shared.date_styles:
                    try:
                        value = _from_excel(
                            number_value, shared.epoch, style in shared.duration_styles
                        )
                    except (OverflowError, ValueError):  # Excel shows ####
                        values[key] = "#VALUE!"
                        errors.add(key)
                        continue
                    if isinstance(value, date):
                        formats[key] = shared.number_formats[style]
                else:
                    value = number_value
                    if style in shared.percent_styles:
                        formats[key] = shared.number_formats[style]
            elif kind == "s":
                value = shared.strings[int(text)]
            elif kind == "b":
                value = bool(int(text))
            elif kind == "d":
                value = _from_iso(text)
                if isinstance(value, date):
                    style = int(cell.get("s") or 0)
                    codes = shared.number_formats
                    formats[key] = codes[style] if 0 <= style < len(codes) else "General"
            else:  # "str" (a formula's text), "e" (an error value), or a kind Excel lacks
                value = text
                if kind == "e":
                    errors.add(key)
            values[key] = decode_escapes(value) if isinstance(value, str) else value
    covered, height, width = _merge(values, formats, errors, merges)
    return Sheet(title, values, formats, errors, covered, formulas, height, width)


def _merge_bounds(ref: str | None) -> tuple[int, int, int, int]:
    """A merged range as 0-based (top row, left column, bottom row, right column)."""
    min_col, min_row, max_col, max_row = _range_boundaries(ref or "")
    if min_col is None or min_row is None or max_col is None or max_row is None:
        raise ValueError(f"merged range {ref} is not a rectangle of cells")
    if min_col > max_col or min_row > max_row:
        raise ValueError(f"merged range {ref} runs backwards")
    return min_row - 1, min_col - 1, max_row - 1, max_col - 1


def _merge(
    values: dict[tuple[int, int], object],
    formats: dict[tuple[int, int], str],
    errors: set[tuple[int, int]],
    merges: list[tuple[int, int, int, int]],
) -> tuple[set[tuple[int, int]], int, int]:
    """Repeats each merged range's top-left value in the cells it covers, up to the last
    row and column that hold a value; returns those cells and the sheet's height, width."""
    total = 0
    for top, left, bottom, right in merges:
        area = (bottom - top + 1) * (right - left + 1)
        total += area
        if area > MAX_MERGED_CELLS or total > MAX_MERGED_TOTAL:
            # _merges_fit reads the raw XML; a range spelt with character references
            # (&#88;FD) only shows its size here
            raise ValueError(f"merged ranges of {thousands(total)} cells")
    for top, left, bottom, right in merges:  # Excel keeps no value under a merge, others may
        for r in range(top, bottom + 1):
            for c in range(left, right + 1):
                if (r, c) != (top, left):
                    values.pop((r, c), None)
                    formats.pop((r, c), None)
                    errors.discard((r, c))
    height = max((r for r, _ in values), default=-1) + 1
    width = max((c for _, c in values), default=-1) + 1
    covered: set[tuple[int, int]] = set()
    for top, left, bottom, right in merges:
        for r in range(top, min(bottom + 1, height)):
            for c in range(left, min(right + 1, width)):
                if (r, c) == (top, left):
                    continue
                covered.add((r, c))
                _copy(values, (top, left), (r, c))
                _copy(formats, (top, left), (r, c))
                if (top, left) in errors:
                    errors.add((r, c))
                else:
                    errors.discard((r, c))
    return covered, height, width


def _copy(
    store: dict[tuple[int, int], T], source: tuple[int, int], target: tuple[int, int]
) -> None:
    if source in store:
        store[target] = store[source]
    else:
        store.pop(target, None)


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
        return CellRef(file, sheet.title, f"{_column_letter(c + 1)}{r + 1}")

    read = set(positions.values())
    rejected = set()
    for r, c in sorted(sheet.errors):
        if r >= data_start and c in read:
            rejected.add(ref(r, c))
            if (r, c) not in sheet.covered:
                report.error("galat-excel", ref(r, c), value=sheet.values[(r, c)])
    for r, c in sorted(sheet.formulas):
        if r >= data_start and c in read and sheet.values.get((r, c)) is None:
            report.warn("rumus-tanpa-nilai", ref(r, c))
    rows: list[dict[str, Cell]] = []
    for r in sorted({r for r, _ in sheet.values if r >= data_start}):
        cells = {
            key: Cell(
                None if (r, c) in sheet.errors else sheet.values.get((r, c)),
                ref(r, c),
                sheet.formats.get((r, c), "General"),
                (r, c) in sheet.covered,
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


@cache
def _keys_by_name(columns: tuple[Column, ...]) -> dict[str, str]:
    """Every header name the columns answer to, folded -> the column's key (the same few
    columns are looked for in every sheet of every unit)."""
    return {fold(name): c.key for c in columns for name in c.names}


def _match(values: Iterable[object], lookup: dict[str, str]) -> dict[str, int]:
    """Which column each header names: column key -> index (the first cell naming it)."""
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
