"""The monev figures of a realistic year, against values computed here from the workbooks
themselves (openpyxl), not through the reader or the figures module."""

from __future__ import annotations

from dataclasses import FrozenInstanceError
from pathlib import Path

import openpyxl
import pytest

from generator.monev.figures import (
    NOTHING_DUE,
    QuarterFigures,
    component_figures,
    figures,
    late_lines,
    percent,
    waktu_end,
)
from generator.monev.read import read_realisation
from generator.plan.models import ComponentKey
from generator.plan.validate import load_plan
from tests.monev.scenario import (
    MATRIX_COMPONENTS,
    MONTHS,
    TICKED,
    build_year,
    data_rows,
    expected_line_months,
    expected_steps,
    header,
    plan_matrix,
    workbook_path,
)


@pytest.fixture(scope="module")
def year(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    import shutil

    from tests.conftest import SAMPLE_SOURCES

    sources = tmp_path_factory.mktemp("year") / "sources"
    shutil.copytree(SAMPLE_SOURCES, sources)
    return sources, build_year(sources)


def test_figures_of_each_quarter(year: tuple[Path, Path]) -> None:
    sources, folder = year
    plan, _ = load_plan(sources)
    realisation, _ = read_realisation(plan, folder)
    for quarter in (1, 2):
        unit = figures(plan, realisation, quarter)
        lines = [expected_line_months(sources, folder, n, quarter) for n in MATRIX_COMPONENTS]
        counted = [expected_steps(sources, folder, n, quarter) for n in range(1, 7)]
        assert unit.due_line_months == sum(x[0] for x in lines) > 0
        assert unit.done_line_months == sum(x[1] for x in lines) > 0
        assert unit.unplanned_done == sum(x[2] for x in lines) > 0
        assert unit.steps_due == sum(x[0] for x in counted) > 0
        assert unit.steps_done == sum(x[1] for x in counted) > 0
        share = 100 * unit.done_line_months / unit.due_line_months
        assert unit.realisation_text == f"{share:.1f}".replace(".", ",") + "%"
        per = component_figures(plan, realisation, quarter)
        for n in MATRIX_COMPONENTS:
            key = list(ComponentKey)[n - 1]
            assert per[key].due_line_months == lines[MATRIX_COMPONENTS.index(n)][0]
            assert (per[key].steps_due, per[key].steps_done) == counted[n - 1]
        assert per[ComponentKey.MANAJEMEN_PERUBAHAN].realisation_text == NOTHING_DUE


def test_meetings_and_recommendations(year: tuple[Path, Path]) -> None:
    sources, folder = year
    plan, _ = load_plan(sources)
    realisation, _ = read_realisation(plan, folder)
    first, second = figures(plan, realisation, 1), figures(plan, realisation, 2)
    assert [(m.triwulan, m.held, m.head_present) for m in second.meetings] == [
        (1, 1, 1),
        (2, 1, 0),
    ]
    assert [(m.triwulan, m.held) for m in first.meetings] == [(1, 1)]
    # the workbook holds the statuses of TW II: both TW I recommendations are Selesai now
    assert (first.recommendations_total, first.recommendations_done) == (2, 2)
    assert (second.recommendations_total, second.recommendations_done) == (3, 2)
    assert second.recommendations_text == "66,7%"


def test_late_lines_are_the_planned_months_not_ticked(year: tuple[Path, Path]) -> None:
    sources, folder = year
    plan, _ = load_plan(sources)
    realisation, _ = read_realisation(plan, folder)
    expected = []
    for number in MATRIX_COMPONENTS:
        ws = openpyxl.load_workbook(workbook_path(folder, number))["Realisasi"]
        columns = header(ws)
        for (_, _, months), r in zip(plan_matrix(sources, number), data_rows(ws), strict=True):
            missed = tuple(
                i
                for i, month in enumerate(MONTHS[:6])
                if months[i] and ws.cell(r, columns[month]).value not in TICKED
            )
            if missed:
                expected.append((ws.cell(r, columns["URAIAN KEGIATAN"]).value, missed))
    late = late_lines(realisation, 2)
    assert [(x.line.line.uraian or None, x.months) for x in late] == expected
    assert expected


def test_the_revision_kept_the_first_quarter(year: tuple[Path, Path]) -> None:
    """The line added at the top by the revision has nothing from TW I; the line that was
    first keeps its TW I ticks one row lower."""
    _, folder = year
    ws = openpyxl.load_workbook(workbook_path(folder, 3))["Realisasi"]
    columns = header(ws)
    rows = list(data_rows(ws))
    assert ws.cell(rows[0], columns["KEGIATAN"]).value == "PEMBINAAN DISIPLIN"
    assert ws.cell(rows[0], columns["JAN"]).value is None
    assert ws.cell(rows[1], columns["MAR"]).value == "√"
    assert ws.cell(rows[1], columns["Bukti Dukung"]).value == "https://drive.example/3/0"


@pytest.mark.parametrize(
    ("waktu", "end"),
    [
        ("Februari 2024", (2024, 2)),
        ("Januari s.d. Desember 2024", (2024, 12)),
        ("Januari – Juni 2024", (2024, 6)),
        ("Agt 2024", (2024, 8)),
        ("2023", (2023, 12)),
        ("Setiap bulan", None),
        ("", None),
    ],
)
def test_when_a_waktu_ends(waktu: str, end: tuple[int, int] | None) -> None:
    assert waktu_end(waktu, 2024) == end


def test_percentages_in_indonesian() -> None:
    assert percent(2, 3) == "66,7%"
    assert percent(3, 3) == "100,0%"
    assert percent(0, 4) == "0,0%"
    assert percent(0, 0) == NOTHING_DUE


def test_figures_are_frozen() -> None:
    value = QuarterFigures(1, 4, 2, 0, 1, 1, 0)
    with pytest.raises(FrozenInstanceError):
        value.due_line_months = 5  # type: ignore[misc]
