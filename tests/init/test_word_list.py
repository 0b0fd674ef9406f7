"""init's kamus.txt and the review of a fresh unit: the tool's own texts pass its review."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import openpyxl

from generator.init import init_workbooks, roll_forward
from generator.plan.validate import Loader
from generator.review import review, word_list
from tests.conftest import SAMPLE_SOURCES
from tests.init.conftest import HINTS
from tests.init.test_write import IDENTITY, fill_like_a_pokja


def _fill_identitas(folder: Path, values: dict[str, object]) -> None:
    path = folder / "00_umum.xlsx"
    book = openpyxl.load_workbook(path)
    for row in book["Identitas"].iter_rows(min_row=4):
        if row[0].value in values:
            row[1].value = values[str(row[0].value)]
    book.save(path)


def _spelling(folder: Path) -> list[str]:
    loader = Loader(folder)
    return [str(p.params["word"]) for p in review(loader, loader.load()) if p.code == "ejaan"]


def test_a_fresh_unit_with_identitas_filled_has_no_spelling_finding(fresh: Path) -> None:
    _fill_identitas(fresh, IDENTITY)
    assert _spelling(fresh) == []


def test_the_suggested_examples_copied_by_every_pokja_pass_the_review(fresh: Path) -> None:
    fill_like_a_pokja(fresh)
    assert _spelling(fresh) == []


def test_init_writes_a_commented_starter_word_list(fresh: Path) -> None:
    text = (fresh / "kamus.txt").read_text(encoding="utf-8")
    assert text.startswith("# Kamus satuan kerja untuk zi-plan check")
    assert all(line.startswith("#") for line in text.splitlines())
    assert word_list(fresh) == word_list(fresh.parent / "tanpa-kamus")  # adds no word


def test_init_keeps_a_word_list_that_is_there(tmp_path: Path) -> None:
    folder = tmp_path / "sumber"
    folder.mkdir()
    (folder / "kamus.txt").write_text("Dikbagpers\n", encoding="utf-8")
    init_workbooks(folder, HINTS, force=True)
    assert (folder / "kamus.txt").read_text(encoding="utf-8") == "Dikbagpers\n"


def test_next_year_carries_the_word_list_and_reports_as_many_findings(tmp_path: Path) -> None:
    this_year = tmp_path / "2024"
    shutil.copytree(SAMPLE_SOURCES, this_year)
    before = _spelling(this_year)
    roll_forward(this_year, tmp_path / "2025")
    assert (tmp_path / "2025" / "kamus.txt").read_bytes() == (this_year / "kamus.txt").read_bytes()
    _fill_identitas(tmp_path / "2025", {"Tanggal Penetapan": datetime(2025, 1, 6)})
    assert _spelling(tmp_path / "2025") == before


def test_next_year_of_a_unit_without_word_list_starts_one(fresh: Path, tmp_path: Path) -> None:
    fill_like_a_pokja(fresh)
    (fresh / "kamus.txt").unlink()
    roll_forward(fresh, tmp_path / "next")
    assert (tmp_path / "next" / "kamus.txt").read_text(encoding="utf-8").startswith("# Kamus")
