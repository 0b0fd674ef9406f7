"""What the tests of zi-plan init share: the hints, a fresh folder, reading sheets back."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from generator import contract as cols
from generator.init import init_workbooks

HINTS = {
    "nama_satker": "Rumah Tahanan Negara Kelas I Pekanbaru",
    "nama_singkat": "Rutan Pekanbaru",
    "jenis_satker": "Rutan",
    "tahun": 2025,
}

NAMES = list(cols.WORKBOOK_HINTS.values())


@pytest.fixture
def fresh(tmp_path: Path) -> Path:
    folder = tmp_path / "sumber"
    init_workbooks(folder, HINTS)
    return folder


def workbook(folder: Path, number: int) -> openpyxl.Workbook:
    return openpyxl.load_workbook(folder / cols.WORKBOOK_HINTS[number])


def headers(ws: Worksheet) -> dict[str, int]:
    """Column numbers by header name, from the first of the first 10 rows that has them."""
    for row in ws.iter_rows(max_row=10):
        names = {str(c.value): c.column for c in row if c.value is not None}
        if names.keys() & {"Isi", "Teks", "KEGIATAN", "Rencana Aksi"}:
            return names
    raise AssertionError(f"no header row in {ws.title}")


def append_rows(ws: Worksheet, rows: list[Mapping[str, object]]) -> None:
    """Types rows under the last filled one, column by header name, as a Pokja would."""
    columns = headers(ws)
    last = max(c.row for row in ws.iter_rows() for c in row if c.value is not None)
    for offset, row in enumerate(rows, start=1):
        for name, value in row.items():
            ws.cell(last + offset, columns[name], value)


def validation_at(ws: Worksheet, cell: str) -> DataValidation:
    found = [dv for dv in ws.data_validations.dataValidation if cell in dv.sqref]
    assert len(found) == 1, (ws.title, cell, found)
    return found[0]
