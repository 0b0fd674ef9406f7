"""A year of monev in code: the sample plan, realisation filled as a Pokja fills it (openpyxl),
and a revision of the plan between two quarters (test helper)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet

MONTHS = ("JAN", "FEB", "MAR", "APR", "MEI", "JUN", "JUL", "AGU", "SEP", "OKT", "NOV", "DES")
HEADER_ROW = 3  # the realisation workbooks, as init writes them


def workbook_path(folder: Path, number: int) -> Path:
    return next(p for p in sorted(folder.glob(f"{number:02d}*.xlsx")))


def header(ws: Worksheet, row: int = HEADER_ROW) -> dict[str, int]:
    return {str(c.value): c.column for c in ws[row] if c.value is not None}


def data_rows(ws: Worksheet) -> Iterator[int]:
    """The filled rows under the header."""
    for r in range(HEADER_ROW + 1, ws.max_row + 1):
        if any(ws.cell(r, c).value not in (None, "") for c in range(1, ws.max_column + 1)):
            yield r


def edit(path: Path, sheet: str, changes: dict[tuple[int, str], object]) -> None:
    """Sets cells by (row, column header), as a Pokja member types them in Excel."""
    workbook = openpyxl.load_workbook(path)
    ws = workbook[sheet]
    columns = header(ws)
    for (row, column), value in changes.items():
        ws.cell(row, columns[column], value)
    workbook.save(path)


def append_rows(path: Path, sheet: str, rows: list[dict[str, object]]) -> None:
    workbook = openpyxl.load_workbook(path)
    ws = workbook[sheet]
    columns = header(ws)
    start = max([HEADER_ROW, *data_rows(ws)]) + 1
    for offset, row in enumerate(rows):
        for column, value in row.items():
            ws.cell(start + offset, columns[column], value)
    workbook.save(path)


def plan_matrix(sources: Path, number: int) -> list[tuple[str, str, tuple[bool, ...]]]:
    """The plan's Indikator lines read straight from the Pokja workbook: KEGIATAN (carried
    down), the first line of URAIAN KEGIATAN, the ticked months."""
    ws = openpyxl.load_workbook(workbook_path(sources, number))["Indikator"]
    columns = header(ws)
    lines, kegiatan = [], ""
    for r in data_rows(ws):
        kegiatan = str(ws.cell(r, columns["KEGIATAN"]).value or kegiatan)
        uraian = str(ws.cell(r, columns["URAIAN KEGIATAN"]).value or "")
        months = tuple(ws.cell(r, columns[m]).value == "√" for m in MONTHS)
        lines.append((kegiatan, uraian, months))
    return lines


def plan_steps(sources: Path, number: int) -> list[tuple[str, str, str]]:
    """The plan's Rencana Aksi steps from the Pokja workbook: target, step, Waktu (carried)."""
    ws = openpyxl.load_workbook(workbook_path(sources, number))["Prioritas"]
    columns = header(ws)
    steps, target, waktu = [], "", ""
    for r in data_rows(ws):
        new_target = ws.cell(r, columns["Target Prioritas"]).value
        if new_target:
            target, waktu = str(new_target), ""
        waktu = str(ws.cell(r, columns["Waktu"]).value or waktu)
        steps.append((target, str(ws.cell(r, columns["Rencana Aksi"]).value or ""), waktu))
    return steps


def day(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%d")
