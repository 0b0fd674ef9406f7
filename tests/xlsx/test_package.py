"""Opening a workbook safely: what the file really is, damaged and hostile packages."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from generator.problems import CellRef, Report
from generator.xlsx import open_workbook
from tests.workbook_xml import codes, written


def open_bytes(tmp_path: Path, data: bytes) -> tuple[object, Report]:
    path = tmp_path / "02_penataan_tatalaksana.xlsx"
    path.write_bytes(data)
    report = Report()
    return open_workbook(path, report), report


def zip_bytes(tmp_path: Path, members: dict[str, bytes]) -> bytes:
    path = tmp_path / "archive.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path.read_bytes()


def test_open_workbook_opens_a_real_workbook(make_workbook, tmp_path: Path) -> None:
    path = make_workbook("00_umum.xlsx", {"Identitas": [["Kolom", "Isi"]]})
    report = Report()

    workbook = open_workbook(path, report)

    assert workbook is not None
    assert workbook.sheetnames == ["Identitas"]
    assert report.problems == []


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "file-kosong"),
        (bytes(range(256)) * 8, "file-bukan-xlsx"),
        (b"<html><body><table><tr><td>1</td></tr></table></body></html>", "file-html"),
        (b"\xef\xbb\xbf<?xml version='1.0'?><html></html>", "file-html"),
        (b"  \r\n<!DOCTYPE html><html></html>", "file-html"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096), "file-xls-lama"),
    ],
    ids=["empty", "random-bytes", "html", "html-with-bom", "html-after-blanks", "ole-xls"],
)
def test_open_workbook_names_what_the_file_really_is(tmp_path: Path, data, code) -> None:
    workbook, report = open_bytes(tmp_path, data)

    assert workbook is None
    assert [(p.code, p.where) for p in report.errors] == [
        (code, CellRef("02_penataan_tatalaksana.xlsx"))
    ]


def test_open_workbook_rejects_a_zip_without_a_workbook(tmp_path: Path) -> None:
    data = zip_bytes(tmp_path, {"word/document.xml": b"<w:document/>", "notes.txt": b"hi"})

    workbook, report = open_bytes(tmp_path, data)

    assert workbook is None
    assert codes(report) == ["file-bukan-xlsx"]


def test_open_workbook_reports_a_truncated_workbook(make_workbook, tmp_path: Path) -> None:
    """A cut-off copy loses the zip directory at its end: it starts like a zip, ends short."""
    whole = make_workbook("whole.xlsx", {"Data": [["Bagian", "Teks"], ["Tujuan", "x"]]})
    data = whole.read_bytes()

    workbook, report = open_bytes(tmp_path, data[: len(data) // 2])

    assert workbook is None
    assert codes(report) == ["file-terpotong"]


def test_open_workbook_reports_a_damaged_workbook(make_workbook, tmp_path: Path) -> None:
    whole = make_workbook("whole.xlsx", {"Data": [["Bagian", "Teks"]]})
    with zipfile.ZipFile(whole) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    members["xl/workbook.xml"] = b"<workbook><sheets><sheet name="

    workbook, report = open_bytes(tmp_path, zip_bytes(tmp_path, members))

    assert workbook is None
    assert codes(report) == ["file-rusak"]
    assert "detail" in report.errors[0].params


def test_a_doctype_behind_the_first_megabyte_is_refused(make_workbook) -> None:
    """The quick look at each part's start misses it; libxml2 would call it bad XML."""
    prolog = "<!--" + "x" * 1024 * 1024 + '-->\n<!DOCTYPE sst [<!ENTITY lol "lol">]>'
    rows = '<row r="1"><c r="A1" t="s"><v>0</v></c></row>'
    path = written(make_workbook, rows, strings="<si><t>&lol;</t></si>", prolog=prolog)
    report = Report()

    assert open_workbook(path, report) is None
    assert codes(report) == ["file-entitas-xml"]


def test_a_merged_range_spelt_with_character_references_is_not_expanded(make_workbook) -> None:
    """The size check reads the raw XML; &#88;FD is XFD only once parsed."""
    rows = '<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>'
    merge = '<mergeCells count="1"><mergeCell ref="A1:&#88;FD1048576"/></mergeCells>'
    report = Report()

    assert open_workbook(written(make_workbook, rows, after=merge), report) is None
    assert codes(report) == ["file-rusak"]


# -- reading a part: the quick read agrees with zipfile, or leaves the part to zipfile ------


def _patched(data: bytes, signature: bytes, offset: int, field: bytes) -> bytes:
    """The archive with ``field`` written at ``offset`` into its first record starting
    with ``signature`` (the local header PK\\3\\4 or the directory entry PK\\1\\2)."""
    start = data.index(signature) + offset
    return data[:start] + field + data[start + len(field) :]


def _u32(value: int) -> bytes:
    return value.to_bytes(4, "little")


PART = b"<worksheet>" + b"<row/>" * 500 + b"</worksheet>"
DAMAGES = {
    "intact": lambda d: d,
    "crc-in-directory": lambda d: _patched(d, b"PK\x01\x02", 16, _u32(12345)),
    "inflates-beyond-its-size": lambda d: _patched(d, b"PK\x01\x02", 24, _u32(len(PART) - 7)),
    "size-beyond-its-data": lambda d: _patched(d, b"PK\x01\x02", 24, _u32(len(PART) + 7)),
    "packed-size-cut": lambda d: _patched(d, b"PK\x01\x02", 20, _u32(40)),
    "name-in-local-header": lambda d: _patched(d, b"PK\x03\x04", 30, b"Y"),
    "local-signature": lambda d: _patched(d, b"PK\x03\x04", 0, b"PK\x05\x06"),
    "deflate-stream": lambda d: _patched(d, b"PK\x03\x04", 30 + len("x.xml") + 3, b"\xff" * 6),
}


@pytest.mark.parametrize("method", [zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED])
@pytest.mark.parametrize("damage", DAMAGES)
def test_a_part_reads_as_zipfile_reads_it(tmp_path: Path, damage: str, method: int) -> None:
    """The package's own read of a part (zipfile's machinery costs more than the
    inflating) gives zipfile's bytes, or zipfile's very error for a damaged member."""
    from generator.xlsx.package import _ReadOnce

    path = tmp_path / "x.zip"
    with zipfile.ZipFile(path, "w", method) as archive:
        archive.writestr("x.xml", PART)
    path.write_bytes(DAMAGES[damage](path.read_bytes()))

    def outcome(archive: zipfile.ZipFile) -> object:
        try:
            return archive.read("x.xml")
        except Exception as exc:  # whatever zipfile raises, the read must raise the same
            return (type(exc), str(exc))

    with zipfile.ZipFile(path) as plain, _ReadOnce(path) as once:
        expected = outcome(plain)
        assert outcome(once) == expected
    # zipfile stops at the data's end when the directory claims more, and reads it whole
    assert (expected == PART) == (damage in ("intact", "size-beyond-its-data"))


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16-le", "utf-16-be"])
def test_a_doctype_is_found_in_each_encoding(tmp_path: Path, encoding: str) -> None:
    """The quick scan for the word DOCTYPE lets no spelling of the mark through."""
    from generator.xlsx.package import _has_doctype

    path = tmp_path / "x.zip"
    prolog = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x/>'.encode(encoding)
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("doc.xml", prolog)
        archive.writestr("plain.xml", "<x>DOCTYPE, <!-- --></x>".encode(encoding))
    with zipfile.ZipFile(path) as archive:
        assert _has_doctype(archive, archive.getinfo("doc.xml"))
        assert not _has_doctype(archive, archive.getinfo("plain.xml"))
