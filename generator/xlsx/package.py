"""Opening a workbook from an untrusted source: the package is checked before it is read.

Everything that cannot be read becomes a Problem (never an exception) so that one run
reports all of them. Workbooks come from many hands, so the package is inspected before
anything parses it: an archive that inflates absurdly, an XML DOCTYPE (entity bombs) or a
merged range the size of a sheet is refused with a plain message instead of hanging the build.
"""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from pathlib import Path
from typing import Any, BinaryIO

from lxml import etree

from generator.indonesian import thousands
from generator.messages import os_reason
from generator.problems import CellRef, Report
from generator.xlsx.coords import range_boundaries
from generator.xlsx.parts import (
    DOCTYPE_MARKS,
    DOCTYPE_SCAN_BYTES,
    EntityDeclared,
    Workbook,
    read_package,
    sheet_parts,
)
from generator.xlsx.sheet import MAX_CELLS, MAX_MERGED_CELLS, MAX_MERGED_TOTAL, TooManyCells

MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024  # a plan's workbooks hold a few hundred kB
# the XML the reader parses (sheets, shared strings, styles): the sample's is 25 to 45 kB a
# workbook; 8 MB of XML (360,000 empty cells with a style) reads in about a second
MAX_XML_BYTES = 8 * 1024 * 1024
MAX_COMPRESSION_RATIO = 200
_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# a tag ends at the next "<" or ">": a comment of "<mergeCell <mergeCell ..." is one pass
_MERGE_REF = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?mergeCell\b[^<>]*?\bref=[\"']([^\"'<>]+)[\"']")


def open_workbook(path: Path, report: Report) -> Workbook | None:
    """Opens a workbook from an untrusted source, or reports in plain words why it can't."""
    where = CellRef(path.name)
    try:
        with path.open("rb") as handle:  # opened once: the look, the zip check, the reading
            return _open_handle(path, handle, where, report)
    except OSError as exc:
        report.error("file-tidak-terbaca", where, detail=os_reason(exc))
        return None


def _open_handle(path: Path, handle: BinaryIO, where: CellRef, report: Report) -> Workbook | None:
    head = handle.read(1024)
    if not head:
        report.error("file-kosong", where)
        return None
    if head.startswith(_OLE_SIGNATURE):
        code = "file-berkata-sandi" if _is_encrypted_ooxml(path) else "file-xls-lama"
        report.error(code, where)
        return None
    if not zipfile.is_zipfile(handle):
        if head.startswith(b"PK\x03\x04"):
            code = "file-terpotong"  # a zip whose directory, at its end, never arrived
        elif head.lstrip().lower().startswith((b"<", b"\xef\xbb\xbf<")):
            code = "file-html"
        else:
            code = "file-bukan-xlsx"
        report.error(code, where)
        return None
    try:
        with _ReadOnce(handle) as archive:
            if not _inspect_package(archive, where, report):
                return None
            return read_package(archive)
    except OSError as exc:
        report.error("file-tidak-terbaca", where, detail=os_reason(exc))
    except EntityDeclared:
        report.error("file-entitas-xml", where)
    except TooManyCells as exc:
        report.error("sel-terlalu-banyak", CellRef(where.file, exc.sheet), max=thousands(MAX_CELLS))
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
    sheets = sheet_parts(archive)
    for part, sheet in sheets.items():
        if part not in names:  # a sheet listed but not there: reading would drop it
            report.error("file-rusak", where, detail=f"isi sheet {sheet} hilang")
            return False
    parsed = [*sheets, *(n for n in names if n.endswith(("sharedStrings.xml", "styles.xml")))]
    size = sum(archive.getinfo(part).file_size for part in parsed)
    if size > MAX_XML_BYTES:
        report.error(
            "isi-workbook-terlalu-besar",
            where,
            size_mb=thousands(size // (1024 * 1024)),
            max_mb=thousands(MAX_XML_BYTES // (1024 * 1024)),
        )
        return False
    merged = 0  # of all sheets: each merged cell is filled in, however many sheets
    for part, sheet in sheets.items():
        cells = _merged_cells(archive.read(part), CellRef(where.file, sheet), merged, report)
        if cells is None:
            return False
        merged += cells
    return True


class _ReadOnce(zipfile.ZipFile):
    """A package whose parts are decompressed once: the checks (DOCTYPE, merged ranges)
    and the reading share the same bytes. Parts are read only after ``_inspect_package``
    has checked the package's unpacked size, so keeping them in memory is bounded."""

    def __init__(self, handle: BinaryIO) -> None:
        super().__init__(handle)
        self._parts: dict[str, bytes] = {}

    def read(self, name: Any, pwd: bytes | None = None) -> bytes:
        key = name.filename if isinstance(name, zipfile.ZipInfo) else str(name)
        if key not in self._parts:
            info = name if isinstance(name, zipfile.ZipInfo) else self.getinfo(key)
            data = None if pwd else self._plain_read(info)
            self._parts[key] = super().read(name, pwd) if data is None else data
        return self._parts[key]

    def _plain_read(self, info: zipfile.ZipInfo) -> bytes | None:
        """The part's bytes when it is a plain stored or deflated member whose local header,
        size and CRC all agree with the directory, else None: zipfile then reads it, with
        its own checks and errors (a workbook's ~11 parts cost zipfile's Python machinery
        more than their inflating)."""
        if info.flag_bits & _UNUSUAL_FLAGS or info.compress_type not in _PLAIN_METHODS:
            return None
        if info.compress_type == zipfile.ZIP_STORED and info.compress_size != info.file_size:
            return None
        fp = self.fp  # the archive is opened and read by one open_workbook call, one thread
        assert fp is not None
        fp.seek(info.header_offset)
        header = fp.read(_LOCAL_HEADER.size)
        if len(header) != _LOCAL_HEADER.size:
            return None
        magic, flags, name_length, extra_length = _LOCAL_HEADER.unpack(header)
        encoding = "utf-8" if flags & _UTF8_NAME else "cp437"  # zipfile's, as opened here
        try:
            if (
                magic != b"PK\x03\x04"
                or fp.read(name_length).decode(encoding) != info.orig_filename
            ):
                return None
        except UnicodeDecodeError:
            return None
        fp.seek(extra_length, 1)
        packed = fp.read(info.compress_size)
        if len(packed) != info.compress_size:
            return None
        data = packed
        if info.compress_type == zipfile.ZIP_DEFLATED:
            try:  # one byte beyond the declared size tells a member that inflates further
                data = zlib.decompressobj(-zlib.MAX_WBITS).decompress(packed, info.file_size + 1)
            except zlib.error:
                return None
        if len(data) != info.file_size or zlib.crc32(data) != info.CRC:
            return None
        return data


# the local file header up to the name: signature, flags, and the name's and extra's lengths
_LOCAL_HEADER = struct.Struct("<4s2xH18xHH")
_UNUSUAL_FLAGS = 0x01 | 0x20 | 0x40  # encrypted, compressed patch data, strong encryption
_UTF8_NAME = 0x800
_PLAIN_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)


def _has_doctype(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    """Excel never writes a DOCTYPE; one is how XML entity bombs and XXE come in."""
    start = archive.read(info)[:DOCTYPE_SCAN_BYTES]
    # every mark holds one of these (rarer than the marks' "<"): most parts are passed in
    # two quick scans instead of three slow ones
    if _DOCTYPE_WORD not in start and _DOCTYPE_WORD_UTF16 not in start:
        return False
    return any(mark in start for mark in DOCTYPE_MARKS)


_DOCTYPE_WORD = b"DOCTYPE"
_DOCTYPE_WORD_UTF16 = "DOCTYPE".encode("utf-16-le")[:-1]  # D\0O\0...E: either byte order


def _merged_cells(sheet_xml: bytes, where: CellRef, before: int, report: Report) -> int | None:
    """The cells a sheet's merged ranges cover, or None (reported) when a range, or all
    ranges of the workbook so far, are too large."""
    largest, total = (0, ""), 0
    first = sheet_xml.find(b"mergeCell")  # a range's tag starts at the last "<" before it
    start = max(sheet_xml.rfind(b"<", 0, first), 0) if first >= 0 else len(sheet_xml)
    for match in _MERGE_REF.finditer(sheet_xml, start):
        ref = match.group(1).decode("ascii", "replace")
        try:
            min_col, min_row, max_col, max_row = range_boundaries(ref)
        except (ValueError, TypeError):
            continue  # the reader will say the file is damaged
        if min_col is None or min_row is None or max_col is None or max_row is None:
            continue
        area = (max_col - min_col + 1) * (max_row - min_row + 1)
        total += area
        largest = max(largest, (area, ref))
    if largest[0] > MAX_MERGED_CELLS or before + total > MAX_MERGED_TOTAL:
        report.error(
            "sel-gabungan-terlalu-luas",
            CellRef(where.file, where.sheet, largest[1]),
            cells=thousands(largest[0]),
        )
        return None
    return total
