"""tools/mark_sample_formatting.py: the sample holds every seed mark, and rerunning the
tool over it changes no byte."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import openpyxl
import pytest
from openpyxl.cell.rich_text import CellRichText

from tests.conftest import ROOT, SAMPLE_SOURCES


def _tool():  # type: ignore[no-untyped-def]
    path = ROOT / "tools/mark_sample_formatting.py"
    spec = importlib.util.spec_from_file_location("mark_sample_formatting", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def tool():  # type: ignore[no-untyped-def]
    module = _tool()
    if not module.SEED.is_file():
        pytest.skip("the seed (../shared/reference) is not beside this checkout")
    return module


def test_rerunning_changes_nothing_and_every_seed_mark_has_its_cell(tool, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    seeds = tool.seed_lines(tool.SEED)
    assert len(seeds) >= 13
    used: set[int] = set()
    for path in sorted(SAMPLE_SOURCES.glob("0*.xlsx")):
        copy = tmp_path / path.name
        shutil.copy(path, copy)
        used |= tool.mark_workbook(copy, seeds)
        assert copy.read_bytes() == path.read_bytes(), path.name
    assert used == set(range(len(seeds)))


def test_marks_a_plain_copy_as_the_seed_prints_it(tool, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    copy = tmp_path / "00_umum.xlsx"
    workbook = openpyxl.load_workbook(SAMPLE_SOURCES / "00_umum.xlsx")  # rich text read plain
    workbook.save(copy)
    tool.mark_workbook(copy, tool.seed_lines(tool.SEED))
    marked = openpyxl.load_workbook(copy, rich_text=True)["Narasi"]
    runs = {
        (block.text, bool(block.font.b), bool(block.font.i))
        for row in marked.iter_rows()
        for cell in row
        if isinstance(cell.value, CellRichText)
        for block in cell.value
        if not isinstance(block, str)
    }
    assert ("RUSA BERTUAH", True, False) in runs
    assert ("Quick Wins", False, True) in runs
    assert ("Good Government", False, True) in runs
