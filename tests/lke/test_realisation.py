"""zi-plan lke --triwulan: the estimate reads the monev workbooks (PPA3A-C, PRA2A)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli
from tests.conftest import SAMPLE_SOURCES, assert_no_traceback
from tests.monev.scenario import (
    MATRIX_COMPONENTS,
    build_year,
    expected_line_months,
    expected_steps,
)


@pytest.fixture(scope="module")
def year(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    sources = tmp_path_factory.mktemp("lke_year") / "sources"
    shutil.copytree(SAMPLE_SOURCES, sources)
    return sources, build_year(sources)


def answers(*args: object) -> dict[str, str]:
    result = CliRunner().invoke(cli, ["lke", *map(str, args), "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    return {item["kode"]: item["jawaban"] for item in report["perkiraan"]["butir"]}


def test_the_estimate_follows_the_realisation_of_the_quarter(year: tuple[Path, Path]) -> None:
    sources, folder = year
    due = sum(expected_line_months(sources, folder, n, 2)[0] for n in MATRIX_COMPONENTS)
    done = sum(expected_line_months(sources, folder, n, 2)[1] for n in MATRIX_COMPONENTS)
    steps = [expected_steps(sources, folder, n, 2) for n in range(1, 7)]
    steps_due, steps_done = sum(s[0] for s in steps), sum(s[1] for s in steps)
    ratio, step_ratio = done / due, steps_done / steps_due
    ppa3a = "A" if done == due else "B" if ratio > 0.5 else "C" if done else "D"
    pra2a = "A" if step_ratio > 0.8 else "B" if step_ratio > 0.5 else "C" if steps_done else "D"

    found = answers(sources, "--triwulan", 2, "--realisasi", folder)

    assert (found["PPA2A"], found["PPA3A"], found["PRA2A"]) == ("Ya", ppa3a, pra2a)
    # two quarters with a meeting each, the head absent from the second one
    assert found["PPA3B"] == "C"


def test_without_the_realisation_those_items_stay_unanswered(year: tuple[Path, Path]) -> None:
    sources, _ = year

    found = answers(sources)

    assert found["PPA2A"] == "Ya"
    assert (found["PPA3A"], found["PPA3B"], found["PPA3C"]) == ("", "", "")


def test_realisasi_without_triwulan_is_a_usage_error(year: tuple[Path, Path]) -> None:
    sources, folder = year

    result = CliRunner().invoke(cli, ["lke", str(sources), "--realisasi", str(folder)])

    assert result.exit_code == 2
    assert "--realisasi hanya berlaku bersama --triwulan." in result.stderr


def test_a_missing_realisation_folder_is_reported_not_raised(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    shutil.copytree(SAMPLE_SOURCES, sources)

    result = CliRunner().invoke(cli, ["lke", str(sources), "--triwulan", "1"])

    assert result.exit_code == 1
    assert_no_traceback(result)
    assert "Perkiraan tidak dibuat." in result.stderr
