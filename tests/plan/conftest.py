"""The fixture of the plan tests: a sources folder written from workbooks built in code."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.images import png
from tests.plan.test_validate import Books, minimal_books


@pytest.fixture
def write_sources(make_workbook, tmp_path: Path):
    """Writes a sources folder of seven workbooks; by default the minimal valid one."""

    def write(books: Books | None = None) -> Path:
        folder = tmp_path / "sources"
        folder.mkdir(exist_ok=True)
        for name, sheets in (books or minimal_books()).items():
            make_workbook(name, sheets, folder)
        png(folder / "logo.png")  # a unit's folder has its logo (else: logo-tidak-ada)
        return folder

    return write
