"""Golden cases: one folder each under tests/golden/, found by listing.

A case folder holds ``expected.txt`` and, when it is not the shipped sample, its own
``sources/``. Set ZI_UPDATE_GOLDEN=1 to rewrite the expected dumps after an intended change.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.plan.validate import load_plan
from generator.render.document import write
from tests.conftest import SAMPLE_SOURCES
from tests.docx_reading import dump

CASES = sorted(p for p in (Path(__file__).parent / "golden").iterdir() if p.is_dir())


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_document_matches_its_golden_dump(case: Path, tmp_path: Path) -> None:
    sources = case / "sources" if (case / "sources").is_dir() else SAMPLE_SOURCES
    plan, _ = load_plan(sources)
    text = dump(write(plan, tmp_path / "plan.docx"))
    expected = case / "expected.txt"
    if os.environ.get("ZI_UPDATE_GOLDEN"):
        expected.write_text(text, encoding="utf-8")
    assert text == expected.read_text(encoding="utf-8")
