"""A self-assessment estimate of readiness from the plan and its realisation: the few items
the plan and the monev figures answer, the points at risk of all others. Never a verdict."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from generator.lke.coverage import Coverage, decimal
from generator.lke.table import AREAS, PEMENUHAN, PENGUNGKIT_POINTS, REFORM, Item, Lke, load
from generator.plan.models import Plan

NO_ACTION = "belum ada rencana aksi"
NO_EVIDENCE = "belum ada bukti dukung"
FOR_EVALUATOR = "ada rencana aksi dan bukti dukung; nilainya ditentukan penilai"
DISCLAIMER = (
    "Ini perkiraan kesiapan untuk penilaian mandiri, bukan hasil penilaian dan bukan "
    "ramalan predikat: penilai menilai mutu bukti dukung, bukan hanya keberadaannya."
)


@dataclass(frozen=True)
class Meeting:
    """The monev meeting of one due quarter."""

    held: bool
    head_present: bool


@dataclass(frozen=True)
class RealisationSummary:
    """The realisation figures the estimate needs (the monev workbooks, adapted)."""

    due_line_months: int  # planned line-months up to the reporting month
    done_line_months: int  # of those, carried out
    steps_due: int  # priority steps whose Waktu has passed
    steps_done: int  # of those, Selesai
    meetings: tuple[Meeting, ...]  # one per due quarter
    recommendations_total: int
    recommendations_done: int
    evidence: Mapping[str, tuple[str, ...]] = field(default_factory=dict, hash=False)
    # item code -> links to its evidence, where known


@dataclass(frozen=True)
class Answer:
    """One item: its suggested answer (empty when unanswered), why, and its ceiling."""

    item: Item
    answer: str
    value: float | None  # None: not answered by the estimate
    basis: str  # why this answer, or why none (NO_ACTION, NO_EVIDENCE, FOR_EVALUATOR)
    ceiling: float  # the value when every planned item with evidence scores full
    evidence: tuple[str, ...] = ()

    @property
    def points(self) -> float:
        return (self.value or 0.0) * self.item.weight

    @property
    def ceiling_points(self) -> float:
        return self.ceiling * self.item.weight

    @property
    def at_risk(self) -> float:
        """Points the item does not hold yet in the estimate."""
        return self.item.weight - self.points


@dataclass(frozen=True)
class AreaEstimate:
    bagian: str
    area: str
    name: str
    answers: tuple[Answer, ...]

    @property
    def weight(self) -> float:
        return sum(a.item.weight for a in self.answers)

    @property
    def points(self) -> float:
        return sum(a.points for a in self.answers)

    @property
    def ceiling_points(self) -> float:
        return sum(a.ceiling_points for a in self.answers)


@dataclass(frozen=True)
class Estimate:
    areas: tuple[AreaEstimate, ...]
    lke: Lke

    @property
    def answers(self) -> tuple[Answer, ...]:
        return tuple(a for area in self.areas for a in area.answers)

    @property
    def points(self) -> float:
        return sum(area.points for area in self.areas)

    @property
    def ceiling_points(self) -> float:
        return sum(area.ceiling_points for area in self.areas)


def _grade(ratio: float, grades: list[tuple[float, str]], item: Item) -> tuple[str, float]:
    """The first answer whose lower bound (exclusive) the ratio passes; else the last."""
    answer = next((a for bound, a in grades if ratio > bound), grades[-1][1])
    value = item.value_of(answer)
    assert value is not None, (item.code, answer)
    return answer, value


def _percent(done: int, due: int) -> str:
    return f"{done} dari {due} ({decimal(100 * done / due, 0)} %)"


def computed(
    item: Item, plan: Plan, realisation: RealisationSummary | None
) -> tuple[str, float, str] | None:
    """The answer the plan and its realisation give an item, or None for the others."""
    r = realisation
    if item.code == "PPA2A":
        return "Ya", 1.0, "dokumen rencana kerja pembangunan ZI ini ada"
    if item.code == "PRA2A" and not any(c.priorities for c in plan.components):
        return "E", 0.0, "rencana kerja tidak memuat target prioritas"
    if r is None:
        return None
    if item.code == "PPA3A" and r.due_line_months:
        ratio = r.done_line_months / r.due_line_months
        grades = [(0.999999, "A"), (0.5, "B"), (0.0, "C"), (-1.0, "D")]
        basis = "bulan-baris kegiatan terlaksana " + _percent(r.done_line_months, r.due_line_months)
        return (*_grade(ratio, grades, item), basis)
    if item.code == "PPA3B" and r.meetings:
        held = [m for m in r.meetings if m.held]
        periodic = len(held) == len(r.meetings)
        head = bool(held) and all(m.head_present for m in held)
        answer = "D" if not held else "A" if head and periodic else "B" if head else "C"
        basis = f"rapat monev {len(held)} dari {len(r.meetings)} triwulan" + (
            ", selalu dengan pimpinan" if head else ", tidak selalu dengan pimpinan"
        )
        value = item.value_of(answer)
        assert value is not None
        return answer, value, basis
    if item.code == "PPA3C" and r.recommendations_total:
        ratio = r.recommendations_done / r.recommendations_total
        grades = [(0.999999, "A"), (0.5, "B"), (0.0, "C"), (-1.0, "D")]
        basis = "rekomendasi monev ditindaklanjuti " + _percent(
            r.recommendations_done, r.recommendations_total
        )
        return (*_grade(ratio, grades, item), basis)
    if item.code == "PRA2A" and r.steps_due:
        ratio = r.steps_done / r.steps_due
        grades = [(0.8, "A"), (0.5, "B"), (0.0, "C"), (-1.0, "D")]
        basis = "langkah target prioritas Selesai " + _percent(r.steps_done, r.steps_due)
        return (*_grade(ratio, grades, item), basis)
    return None


def estimate(
    plan: Plan,
    cover: Coverage,
    realisation: RealisationSummary | None = None,
    lke: Lke | None = None,
) -> Estimate:
    """The estimate of every pengungkit item, per bagian and area."""
    lke = lke or load()
    by_code = {c.item.code: c for c in cover.items}
    answers: dict[str, Answer] = {}
    for item in lke.pengungkit:
        lines = by_code[item.code]
        if realisation is not None:
            evidence = tuple(realisation.evidence.get(item.code, ()))
        else:  # the evidence the plan names (Data Dukung) stands in until monev says more
            evidence = tuple(dict.fromkeys(line.evidence for line in lines.lines if line.evidence))
        ready = lines.covered and bool(evidence)
        found = computed(item, plan, realisation)
        if found is not None:
            answer, value, basis = found
            ceiling = max(value, 1.0 if ready else 0.0)
            answers[item.code] = Answer(item, answer, value, basis, ceiling, evidence)
            continue
        basis = FOR_EVALUATOR if ready else NO_EVIDENCE if lines.covered else NO_ACTION
        answers[item.code] = Answer(item, "", None, basis, 1.0 if ready else 0.0, evidence)
    areas = tuple(
        AreaEstimate(
            bagian,
            area,
            items[0].area_name,
            tuple(answers[item.code] for item in items),
        )
        for bagian in (PEMENUHAN, REFORM)
        for area in AREAS
        if (items := [i for i in lke.pengungkit if i.bagian == bagian and i.area == area])
    )
    return Estimate(areas, lke)


def format_estimate(result: Estimate) -> str:
    """The estimate as text: the computed answers, per area the % against the thresholds,
    the two totals, and what it is not."""
    out = ["Perkiraan kesiapan penilaian mandiri LKE (komponen pengungkit)", DISCLAIMER, ""]
    for a in result.answers:
        if a.value is not None:
            out.append(
                f"  {a.item.code}: jawaban {a.answer} (nilai {decimal(a.value)}), {a.basis}."
            )
    out.append("")
    limits = " / ".join(f"{t.name} {t.area_percent:g} %" for t in result.lke.thresholds)
    out.append(f"  {'area (bagian)':<56} perkiraan   plafon   (ambang: {limits})")
    for area in result.areas:
        shown = f"{area.area}. {area.name} ({area.bagian})"
        estimate_pct = 100 * area.points / area.weight
        ceiling_pct = 100 * area.ceiling_points / area.weight
        reached = [t.name for t in result.lke.thresholds if ceiling_pct >= t.area_percent]
        out.append(
            f"  {shown:<56} {decimal(estimate_pct, 1):>7} %  {decimal(ceiling_pct, 1):>5} %"
            + (f"   plafon mencapai ambang {', '.join(reached)}" if reached else "")
        )
    at_risk = [a for a in result.answers if a.value is None and a.basis != FOR_EVALUATOR]
    out.append("")
    out.append(
        f"Perkiraan: {decimal(result.points)} dari {PENGUNGKIT_POINTS:g} poin pengungkit "
        f"(hanya butir yang dapat dihitung). Plafon: {decimal(result.ceiling_points)} poin "
        "(setiap butir yang memiliki rencana aksi dan bukti dukung dihitung penuh)."
    )
    risk = sum(a.item.weight for a in at_risk)
    out.append(
        f"{len(at_risk)} butir berisiko kehilangan {decimal(risk)} poin: "
        f"{sum(a.basis == NO_ACTION for a in at_risk)} {NO_ACTION}, "
        f"{sum(a.basis == NO_EVIDENCE for a in at_risk)} {NO_EVIDENCE}."
    )
    return "\n".join(out)


def estimate_json(result: Estimate) -> dict[str, object]:
    """The estimate for other programs (zi-plan lke --format json)."""
    return {
        "keterangan": DISCLAIMER,
        "perkiraan": round(result.points, 4),
        "plafon": round(result.ceiling_points, 4),
        "area": [
            {
                "bagian": area.bagian,
                "area": area.area,
                "nama": area.name,
                "bobot": round(area.weight, 4),
                "perkiraan": round(area.points, 4),
                "plafon": round(area.ceiling_points, 4),
            }
            for area in result.areas
        ],
        "butir": [
            {
                "kode": a.item.code,
                "jawaban": a.answer,
                "nilai": a.value,
                "dasar": a.basis,
                "poin_berisiko": round(a.at_risk, 4),
            }
            for a in result.answers
        ],
    }
