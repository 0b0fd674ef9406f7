"""Workbooks as programs write them, for the reader's tests: raw sheet XML, opened again."""

from __future__ import annotations

import os
import zipfile
from datetime import datetime
from pathlib import Path

from generator.problems import Report
from generator.xlsx import Sheet, find_sheet, open_workbook
from generator.xlsx.package import MAX_COMPRESSION_RATIO

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
SHARED_STRINGS_TYPE = (
    b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
    b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
)


def sheet_of(path: Path, name: str) -> Sheet:
    """The sheet as the loader sees it: saved, then opened again from disk."""
    report = Report()
    workbook = open_workbook(path, report)
    assert workbook is not None, report.problems
    sheet = find_sheet(workbook, name)
    assert sheet is not None
    return sheet


def codes(report: Report) -> list[str]:
    return [problem.code for problem in report.problems]


def written(
    make_workbook, rows: str, after: str = "", strings: str = "", prolog: str = "", book=None
) -> Path:
    """A workbook whose sheet Data is ``rows`` as a program wrote them into its XML, with
    ``after`` (merged ranges) behind the rows and ``strings`` as its shared strings (with
    ``prolog`` before them); ``book`` changes workbook.xml."""
    # the date makes openpyxl write a date style, s="1"
    path = make_workbook("01_x.xlsx", {"Data": [["sementara", datetime(2024, 1, 1)]]})
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    sheet = f'<worksheet xmlns="{MAIN}"><sheetData>{rows}</sheetData>{after}</worksheet>'
    members["xl/worksheets/sheet1.xml"] = sheet.encode()
    if strings:
        members["xl/sharedStrings.xml"] = f'{prolog}<sst xmlns="{MAIN}">{strings}</sst>'.encode()
        types = members["[Content_Types].xml"]
        members["[Content_Types].xml"] = types.replace(b"</Types>", SHARED_STRINGS_TYPE)
    if book:
        members["xl/workbook.xml"] = book(members["xl/workbook.xml"])
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def raw_workbook(
    path: Path,
    sheets: dict[str, str],
    strings: str = "",
    styles: str = "",
    sheet_attributes: dict[str, str] | None = None,
    namespace: str = MAIN,
    padded: bool = True,
) -> Path:
    """A package written part by part, as other programs write them: ``sheets`` maps each
    name to its ``<sheetData>`` and what follows it, ``strings`` is the content of the
    shared strings (``<si>`` items), ``styles`` that of styles.xml, ``sheet_attributes``
    extra attributes of a ``<sheet>`` element of workbook.xml (``state="hidden"``);
    ``padded`` adds random bytes where the XML packs so well that the archive would pass
    for a zip bomb (a crafted workbook that stays inside every limit)."""
    relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    types = [
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">',
        '<Default Extension="rels" ContentType="application/'
        'vnd.openxmlformats-package.relationships+xml"/>',
        '<Default Extension="xml" ContentType="application/xml"/>',
        '<Override PartName="/xl/workbook.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>',
    ]
    book, rels = [], []
    members: dict[str, str] = {}
    for number, (name, xml) in enumerate(sheets.items(), start=1):
        extra = (sheet_attributes or {}).get(name, "")
        book.append(f'<sheet name="{name}" sheetId="{number}" {extra} r:id="rId{number}"/>')
        rels.append(
            f'<Relationship Id="rId{number}" Type="{relationships}/worksheet" '
            f'Target="worksheets/sheet{number}.xml"/>'
        )
        members[f"xl/worksheets/sheet{number}.xml"] = (
            f'<worksheet xmlns="{namespace}">{xml}</worksheet>'
        )
        types.append(
            f'<Override PartName="/xl/worksheets/sheet{number}.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        )
    if strings:
        members["xl/sharedStrings.xml"] = f'<sst xmlns="{namespace}">{strings}</sst>'
        types.append(SHARED_STRINGS_TYPE.decode().removesuffix("</Types>"))
    if styles:
        members["xl/styles.xml"] = f'<styleSheet xmlns="{namespace}">{styles}</styleSheet>'
    members["[Content_Types].xml"] = "".join(types) + "</Types>"
    members["_rels/.rels"] = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{relationships}/officeDocument" '
        'Target="xl/workbook.xml"/></Relationships>'
    )
    members["xl/workbook.xml"] = (
        f'<workbook xmlns="{namespace}" xmlns:r="{relationships}"><sheets>'
        + "".join(book)
        + "</sheets></workbook>"
    )
    members["xl/_rels/workbook.xml.rels"] = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(rels)
        + "</Relationships>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
        if padded:
            infos = archive.infolist()
            unpacked = sum(info.file_size for info in infos)
            packed = sum(info.compress_size for info in infos)
            pad = unpacked // (MAX_COMPRESSION_RATIO - 10) - packed
            if pad > 0:
                archive.writestr("xl/media/pad.bin", os.urandom(pad), zipfile.ZIP_STORED)
    return path
