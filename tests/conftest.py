"""Shared fixtures: workbooks built in code, a scratch copy of the sample sources, and the
checks every command-line test makes."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import Result

from tests.shared_folder import NEEDED, SHARED

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_SOURCES = ROOT / "sources"

# what needs LibreOffice is skipped only where it is absent (.ci/run installs it)
requires_libreoffice = pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed"
)


def pytest_configure(config: pytest.Config) -> None:
    """The tests read the LKE table and the schemas from ../shared: without it, one plain
    message instead of a FileNotFoundError at the collection of each module."""
    if SHARED is None:
        raise pytest.UsageError(
            f"no shared/ folder with {' and '.join(NEEDED)} beside the clone {ROOT} (nor one"
            " folder higher): clone the repository next to shared/, as CI does"
        )


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


def assert_no_traceback(result: Result) -> None:
    """The command ended on purpose (sys.exit), not by a crash, and printed no traceback."""
    assert isinstance(result.exception, SystemExit), result.exc_info  # CliRunner exits 1 on a crash
    assert "Traceback" not in result.output
    assert "Traceback" not in result.stderr


def record_processes(monkeypatch: pytest.MonkeyPatch, *, basic: bool = True) -> list[list[str]]:
    """Every command started through subprocess (subprocess.run included) is recorded."""
    runs: list[list[str]] = []
    popen = subprocess.Popen

    def recorded(command: list[str], **kwargs: Any) -> subprocess.Popen[bytes]:
        runs.append(command)
        if not basic and any(arg.startswith("macro:") for arg in command):
            command = [sys.executable, "-c", ""]
        return popen(command, **kwargs)

    monkeypatch.setattr(subprocess, "Popen", recorded)
    return runs
