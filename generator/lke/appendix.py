"""What the plan's document and review take from the coverage: the appendix table
"Lampiran: Pemetaan Rencana Aksi terhadap LKE" as data, and the coverage sentence as a
finding of the review."""

from __future__ import annotations

from dataclasses import dataclass

from generator.lke.coverage import Coverage, coverage, decimal
from generator.lke.lines import plan_lines
from generator.lke.table import ROMAN
from generator.plan.models import Plan
from generator.problems import CellRef, Problem, Severity

TITLE = "Lampiran: Pemetaan Rencana Aksi terhadap LKE"
COLUMNS = ("Area", "Sub-pilar", "Butir LKE", "Rencana Aksi")
HEAVIEST_SHOWN = 3
NO_ACTION = "Belum ada rencana aksi."


@dataclass(frozen=True)
class AppendixRow:
    """One item of the LKE and the plan's lines that serve it (empty: none yet)."""

    area: str  # "I. Manajemen Perubahan (Pemenuhan)"
    sub_pilar: str  # "iii. Pemantauan dan Evaluasi Pembangunan WBK/WBBM"
    item: str  # "A.1.I.iii.a (PPA3A) Seluruh kegiatan ..."
    lines: tuple[str, ...]  # "01 Prioritas: <target> — <rencana aksi>"


def appendix_rows(cover: Coverage) -> list[AppendixRow]:
    """Every pengungkit item in LKE order (Pemenuhan, then Reform), with its lines."""
    ordered = sorted(cover.items, key=lambda c: (c.item.part_number, c.item.area_number))
    return [
        AppendixRow(
            area=f"{ROMAN[c.item.area_number - 1].upper()}. {c.item.area_name} ({c.item.bagian})",
            sub_pilar=f"{ROMAN[c.item.sub_pilar - 1]}. {c.item.sub_pilar_name}",
            item=f"{c.item.bps_code} ({c.item.code}) {c.item.question}",
            lines=tuple(line.label for line in c.lines if line.has_action),
        )
        for c in ordered
    ]


def coverage_finding(cover: Coverage, sources: str) -> Problem | None:
    """The coverage sentence as a finding of the review, for a plan that has codes and
    leaves items without a rencana aksi; ``sources`` names the folder it is about."""
    if not cover.coded or not cover.missing:
        return None
    heaviest = sorted(cover.missing, key=lambda c: -c.item.weight)[:HEAVIEST_SHOWN]
    shown = ", ".join(f"{c.item.code} ({decimal(c.item.weight)})" for c in heaviest)
    return Problem(
        "lke-belum-ada-rencana-aksi",
        CellRef(sources),
        Severity.WARNING,
        {"sentence": cover.sentence, "heaviest": shown},
    )


def review_findings(plan: Plan, sources: str) -> list[Problem]:
    """What ``zi-plan check`` says of the LKE: the coverage sentence, when the plan carries
    Kode LKE at all (the LKE table is read only then)."""
    coded = any(
        line.kode_lke
        for component in plan.components
        for activity in component.activities
        for line in activity.lines
    ) or any(
        step.kode_lke
        for component in plan.components
        for target in component.priorities
        for step in target.steps
    )
    if not coded:
        return []
    finding = coverage_finding(coverage(plan_lines(plan)), sources)
    return [finding] if finding is not None else []


def appendix_context(plan: Plan) -> dict[str, object]:
    """The appendix as the plan's template shows it (build --lampiran-lke)."""
    return {
        "title": TITLE,
        "rows": [
            {
                "area": row.area,
                "sub_pilar": row.sub_pilar,
                "item": row.item,
                "lines": [{"label": "", "text": line} for line in row.lines]
                or [{"label": "", "text": NO_ACTION}],
            }
            for row in appendix_rows(coverage(plan_lines(plan)))
        ],
    }
