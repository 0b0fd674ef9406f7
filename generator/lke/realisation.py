"""The monev workbooks' figures as the LKE estimate reads them (PPA3A-C, PRA2A, evidence)."""

from __future__ import annotations

from collections import defaultdict

from generator.contract import SHEET_INDIKATOR, SHEET_PRIORITAS
from generator.lke.estimate import Meeting, RealisationSummary
from generator.lke.lines import PlanLine
from generator.monev.figures import figures
from generator.monev.read import Realisation
from generator.plan.models import Plan


def summary(
    plan: Plan, realisation: Realisation, quarter: int, lines: list[PlanLine]
) -> RealisationSummary:
    """Up to the end of ``quarter``. A quarter's meeting counts as held with the head only
    when the head attended every monev meeting held in it (the strict reading of PPA3B).
    Evidence per item: the Bukti Dukung of the realisation rows whose plan line carries
    the item's code, matched by position (both lists follow the plan's order)."""
    unit = figures(plan, realisation, quarter)
    meetings = tuple(
        Meeting(held=m.held > 0, head_present=m.held > 0 and m.head_present == m.held)
        for m in unit.meetings
    )
    evidence: dict[str, list[str]] = defaultdict(list)
    rows = {
        SHEET_INDIKATOR: iter([done.bukti for done in realisation.lines]),
        SHEET_PRIORITAS: iter([done.bukti for done in realisation.steps]),
    }
    for line in lines:
        bukti = next(rows[line.sheet], "")
        for item in line.items if bukti else ():
            if bukti not in evidence[item.code]:
                evidence[item.code].append(bukti)
    return RealisationSummary(
        due_line_months=unit.due_line_months,
        done_line_months=unit.done_line_months,
        steps_due=unit.steps_due,
        steps_done=unit.steps_done,
        meetings=meetings,
        recommendations_total=unit.recommendations_total,
        recommendations_done=unit.recommendations_done,
        evidence={code: tuple(links) for code, links in evidence.items()},
    )
