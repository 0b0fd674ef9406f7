"""Workbooks as programs write them, for the reader's tests: raw sheet XML, opened again."""

from __future__ import annotations

import zipfile
from datetime import datetime
from pathlib import Path

from generator.problems import Report
from generator.xlsx import Sheet, find_sheet, open_workbook

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
