"""Shared fixtures: workbooks built in code, and a scratch copy of the sample sources."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

import openpyxl
import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_SOURCES = ROOT / "sources"

Rows = Iterable[Iterable[object]]
MakeWorkbook = Callable[..., Path]


def write_workbook(path: Path, sheets: Mapping[str, Rows]) -> Path:
    """A workbook with one sheet per entry; each row is a list of cell values."""
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
    workbook.save(path)
    return path


@pytest.fixture
def make_workbook(tmp_path: Path) -> MakeWorkbook:
    def make(name: str, sheets: Mapping[str, Rows], folder: Path | None = None) -> Path:
        return write_workbook((folder or tmp_path) / name, sheets)

    return make


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    """A writable copy of the shipped sample sources."""
    target = tmp_path / "sources"
    shutil.copytree(SAMPLE_SOURCES, target)
    return target


def set_cell(workbook_path: Path, sheet: str, cell: str, value: object) -> None:
    """Changes one cell of a workbook in place, as a Pokja member would in Excel."""
    workbook = openpyxl.load_workbook(workbook_path)
    workbook[sheet][cell] = value
    workbook.save(workbook_path)
