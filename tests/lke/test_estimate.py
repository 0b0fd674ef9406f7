"""The readiness estimate: the five computed items, the unanswered ones with their points
at risk, the two totals, against weights computed from the raw TSV."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.lke.coverage import coverage
from generator.lke.estimate import (
    DISCLAIMER,
    NO_ACTION,
    NO_EVIDENCE,
    Estimate,
    Meeting,
    RealisationSummary,
    estimate,
    format_estimate,
)
from generator.lke.lines import plan_lines
from generator.plan.validate import Loader
from tests.lke.plans import step, write_plan
from tests.lke.raw_table import pengungkit

HELD, HEAD_ABSENT, NOT_HELD = Meeting(True, True), Meeting(True, False), Meeting(False, False)


def summary(**figures: object) -> RealisationSummary:
    base: dict[str, object] = {
        "due_line_months": 0,
        "done_line_months": 0,
        "steps_due": 0,
        "steps_done": 0,
        "meetings": (),
        "recommendations_total": 0,
        "recommendations_done": 0,
    }
    return RealisationSummary(**{**base, **figures})  # type: ignore[arg-type]


@pytest.fixture
def plan_folder(tmp_path: Path) -> Path:
    return write_plan(
        tmp_path / "sources",
        prioritas={
            1: [
                step("Tim ZI", "Rapat pembentukan tim", "PPA1A", data_dukung="SK Tim"),
                step("Agen perubahan", "Menetapkan agen perubahan", "PPA4B"),
            ],
        },
    )


def run(folder: Path, realisation: RealisationSummary | None = None) -> Estimate:
    plan = Loader(folder).load()
    return estimate(plan, coverage(plan_lines(plan)), realisation)


def answer(result: Estimate, code: str) -> tuple[str, float | None]:
    found = next(a for a in result.answers if a.item.code == code)
    return found.answer, found.value


@pytest.mark.parametrize(
    ("due", "done", "expected"),
    [(20, 20, ("A", 1.0)), (20, 11, ("B", 0.67)), (20, 10, ("C", 0.33)), (20, 1, ("C", 0.33)),
     (20, 0, ("D", 0.0)), (0, 0, ("", None))],
)  # fmt: skip
def test_ppa3a_from_realisation_of_due_lines(
    plan_folder: Path, due: int, done: int, expected: tuple[str, float | None]
) -> None:
    result = run(plan_folder, summary(due_line_months=due, done_line_months=done))
    assert answer(result, "PPA3A") == expected


@pytest.mark.parametrize(
    ("meetings", "expected"),
    [((HELD, HELD), "A"), ((HELD, NOT_HELD), "B"), ((HELD, HEAD_ABSENT), "C"),
     ((NOT_HELD, NOT_HELD), "D"), ((), "")],
)  # fmt: skip
def test_ppa3b_from_the_monev_meetings_of_due_quarters(
    plan_folder: Path, meetings: tuple[Meeting, ...], expected: str
) -> None:
    assert answer(run(plan_folder, summary(meetings=meetings)), "PPA3B")[0] == expected


@pytest.mark.parametrize(
    ("total", "done", "expected"),
    [(4, 4, "A"), (4, 3, "B"), (4, 2, "C"), (4, 0, "D"), (0, 0, "")],
)
def test_ppa3c_from_recommendations_followed_up(
    plan_folder: Path, total: int, done: int, expected: str
) -> None:
    result = run(plan_folder, summary(recommendations_total=total, recommendations_done=done))
    assert answer(result, "PPA3C")[0] == expected


@pytest.mark.parametrize(
    ("due", "done", "expected"),
    [(10, 9, ("A", 1.0)), (10, 8, ("B", 0.75)), (10, 5, ("C", 0.5)), (10, 0, ("D", 0.25)),
     (0, 0, ("", None))],
)  # fmt: skip
def test_pra2a_from_priority_steps_done(
    plan_folder: Path, due: int, done: int, expected: tuple[str, float | None]
) -> None:
    assert answer(run(plan_folder, summary(steps_due=due, steps_done=done)), "PRA2A") == expected


def test_pra2a_is_e_for_a_plan_without_targets(tmp_path: Path) -> None:
    assert answer(run(write_plan(tmp_path / "empty")), "PRA2A") == ("E", 0.0)


def test_totals_and_points_at_risk_against_the_raw_weights(plan_folder: Path) -> None:
    raw = pengungkit()
    realisation = summary(
        due_line_months=20,
        done_line_months=20,  # PPA3A: A = 1
        meetings=(HELD, HELD),  # PPA3B: A = 1
        recommendations_total=3,
        recommendations_done=2,  # PPA3C: B = 0.67
        steps_due=2,
        steps_done=1,  # PRA2A: C = 0.5
        evidence={"PPA4B": ("https://drive.example/sk-agen",)},
    )

    result = run(plan_folder, realisation)

    expected = (
        raw["PPA2A"].weight * 1  # the plan exists
        + raw["PPA3A"].weight * 1
        + raw["PPA3B"].weight * 1
        + raw["PPA3C"].weight * 0.67
        + raw["PRA2A"].weight * 0.5
    )
    assert abs(result.points - expected) < 1e-9
    # the ceiling: computed items at full where planned with evidence, else as computed; PPA4B
    # has an action and evidence from the realisation; PPA1A's Data Dukung is only planned
    ceiling = expected + raw["PPA4B"].weight
    assert abs(result.ceiling_points - ceiling) < 1e-9
    bases = {a.item.code: a.basis for a in result.answers if a.value is None}
    assert bases["PPA1A"] == NO_EVIDENCE
    assert bases["PPB1A"] == NO_ACTION
    area_a = next(a for a in result.areas if (a.bagian, a.area) == ("Pemenuhan", "A"))
    assert abs(area_a.weight - 4) < 1e-9


def test_the_text_says_it_is_an_estimate_and_never_a_verdict(plan_folder: Path) -> None:
    text = format_estimate(run(plan_folder))
    assert DISCLAIMER in text
    assert "bukan hasil penilaian" in text
    for verdict in ("lulus", "tidak lulus", "memenuhi syarat WBK", "layak"):
        assert verdict not in text.casefold()
    assert "WBK 60 % / WBBM 75 %" in text
