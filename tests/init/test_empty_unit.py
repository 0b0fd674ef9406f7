"""A fresh unit with only Identitas filled: a warning per empty sheet, no dangling intro."""

from __future__ import annotations

from pathlib import Path

from docx import Document

from generator.plan.validate import load_plan
from generator.problems import CellRef
from generator.render.document import write
from tests.init.test_word_list import _fill_identitas
from tests.init.test_write import IDENTITY, NAMES


def test_each_empty_prioritas_sheet_is_warned(fresh: Path) -> None:
    _fill_identitas(fresh, IDENTITY)
    _, problems = load_plan(fresh)
    empty = [p.where for p in problems if p.code == "tanpa-prioritas"]
    assert empty == [CellRef(name, "Prioritas") for name in NAMES[1:]]


def test_no_introduction_is_printed_before_an_empty_table(fresh: Path, tmp_path: Path) -> None:
    _fill_identitas(fresh, IDENTITY)
    plan, _ = load_plan(fresh)
    document = Document(str(write(plan, tmp_path / "p.docx")))
    texts = [p.text for p in document.paragraphs]
    intros = [t for t in texts if "kegiatan yang dilaksanakan adalah sebagai berikut" in t]
    assert intros == []
    assert not any(t.startswith("Tabel ") for t in texts)  # indeed no table follows
