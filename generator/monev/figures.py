"""The monev figures, defined once: what is due by a quarter, what was done, and as text.

- A line-month is *due* when the line is planned in that month and the month is not
  after the quarter's last month; realisation = due line-months ticked ÷ due line-months.
  Months ticked but not planned (up to the quarter) are counted apart, never in the share.
- A step is due when the last month its Waktu names has passed by the quarter's end;
  steps share = due steps Selesai ÷ due steps. Steps finished before they were due are
  counted apart; a step without Waktu is never due.
- Meetings: per quarter up to this one, how many were held and how many with the head.
- Recommendations made up to this quarter: how many, and how many are Selesai.

The LKE feature reads QuarterFigures (PPA3A, PPA3B, PPA3C, PRA2A).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from generator.indonesian import MONTHS
from generator.monev import contract as rc
from generator.monev.read import LineDone, Realisation, StepDone
from generator.plan.models import ComponentKey, Plan

QUARTERS = (1, 2, 3, 4)
NOTHING_DUE = "belum ada yang jatuh tempo"
_MONTH_WORDS = {name.casefold(): i + 1 for i, name in enumerate(MONTHS)}
_MONTH_WORDS.update({name.casefold()[:3]: i + 1 for i, name in enumerate(MONTHS)})
_MONTH_WORDS.update({"agt": 8, "ags": 8, "agu": 8, "okt": 10, "nop": 11, "des": 12})
_WORDS = re.compile(r"[a-z]+|\d{4}")


def last_month(quarter: int) -> int:
    """The quarter's last month, 1-based: TW I ends in March."""
    return 3 * quarter


def quarter_months(quarter: int) -> range:
    """The quarter's months, 0-based indices into a line's months."""
    return range(3 * quarter - 3, 3 * quarter)


def waktu_end(waktu: str, tahun: int) -> tuple[int, int] | None:
    """(year, month) of the last month a Waktu names: ``Januari s.d. Juni 2024`` is
    (2024, 6); a year alone means its December; None when it names no time."""
    month, year = None, None
    for word in _WORDS.findall(waktu.casefold()):
        if word.isdigit():
            year = int(word)
        elif word in _MONTH_WORDS:
            month = _MONTH_WORDS[word]
    if month is None and year is None:
        return None
    return (year or tahun, month or 12)


def step_due(step: rc.PlanStep, tahun: int, quarter: int) -> bool:
    end = waktu_end(step.waktu, tahun)
    return end is not None and end <= (tahun, last_month(quarter))


def percent(part: int, whole: int) -> str:
    """``66,7%``: one decimal, an Indonesian comma; the words for nothing due."""
    if whole == 0:
        return NOTHING_DUE
    return f"{100 * part / whole:.1f}".replace(".", ",") + "%"


@dataclass(frozen=True)
class MeetingCount:
    triwulan: int
    held: int
    head_present: int


@dataclass(frozen=True)
class QuarterFigures:
    """The figures of a unit, or of one of its components, up to a quarter's end."""

    triwulan: int
    due_line_months: int
    done_line_months: int
    unplanned_done: int  # months ticked up to the quarter that the plan did not plan
    steps_due: int
    steps_done: int  # due and Selesai
    steps_done_early: int  # Selesai before their Waktu ended
    meetings: tuple[MeetingCount, ...] = ()  # per quarter 1..triwulan; the unit only
    recommendations_total: int = 0
    recommendations_done: int = 0

    @property
    def realisation_text(self) -> str:
        return percent(self.done_line_months, self.due_line_months)

    @property
    def steps_text(self) -> str:
        return percent(self.steps_done, self.steps_due)

    @property
    def recommendations_text(self) -> str:
        return percent(self.recommendations_done, self.recommendations_total)

    @property
    def recommendations_open(self) -> int:
        return self.recommendations_total - self.recommendations_done


def _line_months(lines: Iterable[LineDone], quarter: int) -> tuple[int, int, int]:
    due = done = unplanned = 0
    for line in lines:
        for m in range(last_month(quarter)):
            planned, ticked = line.line.months[m], line.done[m]
            due += planned
            done += planned and ticked
            unplanned += ticked and not planned
    return due, done, unplanned


def _steps(steps: Iterable[StepDone], tahun: int, quarter: int) -> tuple[int, int, int]:
    due = done = early = 0
    for step in steps:
        finished = step.status == rc.STATUS_SELESAI
        if step_due(step.step, tahun, quarter):
            due += 1
            done += finished
        else:
            early += finished
    return due, done, early


def figures(
    plan: Plan, realisation: Realisation, quarter: int, component: ComponentKey | None = None
) -> QuarterFigures:
    """The figures of the unit (``component`` None) or of one component."""
    lines = [x for x in realisation.lines if component in (None, x.component)]
    steps = [x for x in realisation.steps if component in (None, x.component)]
    due, done, unplanned = _line_months(lines, quarter)
    steps_due, steps_done, early = _steps(steps, plan.identity.tahun, quarter)
    if component is not None:
        return QuarterFigures(quarter, due, done, unplanned, steps_due, steps_done, early)
    meetings = tuple(
        MeetingCount(
            q,
            sum(m.triwulan == q for m in realisation.meetings),
            sum(m.triwulan == q and m.pimpinan for m in realisation.meetings),
        )
        for q in QUARTERS[:quarter]
    )
    made = [f for f in realisation.follow_ups if f.triwulan <= quarter]
    return QuarterFigures(
        quarter,
        due,
        done,
        unplanned,
        steps_due,
        steps_done,
        early,
        meetings,
        len(made),
        sum(f.status == rc.STATUS_SELESAI for f in made),
    )


def component_figures(
    plan: Plan, realisation: Realisation, quarter: int
) -> dict[ComponentKey, QuarterFigures]:
    return {key: figures(plan, realisation, quarter, key) for key in ComponentKey}


@dataclass(frozen=True)
class Late:
    """A line planned in months up to the quarter that were not ticked."""

    line: LineDone
    months: tuple[int, ...]  # 0-based


def late_lines(realisation: Realisation, quarter: int) -> list[Late]:
    late = []
    for line in realisation.lines:
        missed = tuple(
            m for m in range(last_month(quarter)) if line.line.months[m] and not line.done[m]
        )
        if missed:
            late.append(Late(line, missed))
    return late


def monthly(
    realisation: Realisation, component: ComponentKey | None = None
) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Per month of the year: line-months planned, and planned line-months done."""
    lines = [x for x in realisation.lines if component in (None, x.component)]
    planned = tuple(sum(x.line.months[m] for x in lines) for m in range(12))
    done = tuple(sum(x.line.months[m] and x.done[m] for x in lines) for m in range(12))
    return planned, done


def cumulative(values: Iterable[int]) -> tuple[int, ...]:
    total, out = 0, []
    for value in values:
        total += value
        out.append(total)
    return tuple(out)


def evidence_due(line: LineDone, quarter: int) -> bool:
    """A line belongs in the evidence list when it was due or done up to the quarter."""
    return any(line.line.months[m] or line.done[m] for m in range(last_month(quarter)))


def step_in_evidence(step: StepDone, tahun: int, quarter: int) -> bool:
    return step.status == rc.STATUS_SELESAI or step_due(step.step, tahun, quarter)


def without_evidence(plan: Plan, realisation: Realisation, quarter: int) -> int:
    """Lines and steps of the evidence list that have no Bukti Dukung yet."""
    lines = sum(evidence_due(x, quarter) and not x.bukti for x in realisation.lines)
    steps = sum(
        step_in_evidence(x, plan.identity.tahun, quarter) and not x.bukti for x in realisation.steps
    )
    return lines + steps
