"""The plan's lines (matrix lines and priority steps) with their Kode LKE read, and a
warning at the cell of every code that names no item."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from generator import contract as cols
from generator.lke.codes import nearest, resolve, split_codes
from generator.lke.table import Item, Lke, load
from generator.plan.models import ComponentKey, Plan
from generator.plan.validate import Loader
from generator.problems import Problem, Severity
from generator.tables import fold

QUOTED_QUESTION = 70  # characters of a criterion quoted in a suggestion


@dataclass(frozen=True)
class PlanLine:
    """One line of the plan as the LKE sees it: an action, its time, its evidence, its code."""

    component: ComponentKey
    sheet: str  # Indikator (a matrix line) or Prioritas (a step)
    group: str  # its KEGIATAN or Target Prioritas
    text: str  # URAIAN KEGIATAN, or the Rencana Aksi
    context: str  # every text of the line, for suggesting codes
    has_action: bool
    has_time: bool  # a month ticked, or a Waktu
    evidence: str  # its Data Dukung
    code: str  # Kode LKE as typed
    items: tuple[Item, ...]  # the items its code names
    unknown: tuple[str, ...]  # the parts of its code that name no item

    @property
    def has_evidence(self) -> bool:
        return bool(self.evidence)

    @property
    def label(self) -> str:
        """How a person finds the line: workbook number, sheet, group and text."""
        shown = self.text or "(tanpa rencana aksi)"
        return f"{self.component.number:02d} {self.sheet}: {self.group} — {shown}"


def _read(code: str, component: ComponentKey, lke: Lke) -> tuple[tuple[Item, ...], tuple[str, ...]]:
    items: list[Item] = []
    unknown: list[str] = []
    for token in split_codes(code):
        item = resolve(token, component.number, lke)
        if item is None:
            unknown.append(token)
        elif item not in items:
            items.append(item)
    return tuple(items), tuple(unknown)


def plan_lines(plan: Plan, lke: Lke | None = None) -> list[PlanLine]:
    """Every matrix line and priority step of the plan, in document order."""
    lke = lke or load()
    lines: list[PlanLine] = []
    for component in plan.components:
        key = component.key
        for activity in component.activities:
            for line in activity.lines:
                uraian = "\n".join(x.text for x in line.uraian)
                hasil = "\n".join(x.text for x in (*line.hasil, *line.target))
                items, unknown = _read(line.kode_lke, key, lke)
                lines.append(
                    PlanLine(
                        component=key,
                        sheet=cols.SHEET_INDIKATOR,
                        group=activity.kegiatan,
                        text=uraian,
                        context="\n".join((activity.kegiatan, hasil, uraian)),
                        has_action=True,  # a planned line of the matrix is an action
                        has_time=any(line.months),
                        evidence=line.data_dukung,
                        code=line.kode_lke,
                        items=items,
                        unknown=unknown,
                    )
                )
        for target in component.priorities:
            for step in target.steps:
                items, unknown = _read(step.kode_lke, key, lke)
                lines.append(
                    PlanLine(
                        component=key,
                        sheet=cols.SHEET_PRIORITAS,
                        group=target.target,
                        text=step.rencana_aksi,
                        context="\n".join((target.target, step.rencana_aksi, step.output)),
                        has_action=bool(step.rencana_aksi),
                        has_time=bool(step.waktu),
                        evidence=step.data_dukung,
                        code=step.kode_lke,
                        items=items,
                        unknown=unknown,
                    )
                )
    return lines


def describe(item: Item) -> str:
    """``A.1.II.ii.c (PPB2C)``: the item in both forms plans use."""
    return f"{item.bps_code} ({item.code})"


def code_problems(
    loader: Loader, lines: Iterable[PlanLine], lke: Lke | None = None
) -> list[Problem]:
    """A warning at each Kode LKE cell naming no item, with the items it probably meant."""
    lke = lke or load()
    lines = list(lines)
    problems: list[Problem] = []
    for ref, typed in loader.lke_cells:
        number = loader.workbook_number(ref.file)
        if number is None or not 1 <= number <= len(ComponentKey):
            continue
        context = "\n".join(
            line.context
            for line in lines
            if line.component.number == number
            and fold(line.sheet) == fold(ref.sheet)
            and line.code == typed
        )
        for token in split_codes(typed):
            if resolve(token, number, lke) is not None:
                continue
            near = nearest(token, context, number, lke)
            hint = ""
            if near:
                first = near[0]
                question = first.question
                if len(question) > QUOTED_QUESTION:
                    question = question[:QUOTED_QUESTION].rstrip() + "…"
                hint = f'; yang paling mirip: {describe(first)} "{question}"'
                if near[1:]:
                    hint += ", lalu " + ", ".join(describe(item) for item in near[1:])
            problems.append(
                Problem(
                    "kode-lke-tidak-dikenal",
                    ref,
                    Severity.WARNING,
                    {"value": token, "nearest": hint},
                )
            )
    return problems
