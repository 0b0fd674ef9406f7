"""What the plan covers of the LKE's pengungkit items, counted by weight: per area and in
total, the lines coded with each item, and the items no rencana aksi serves yet."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from generator.lke.codes import by_text
from generator.lke.lines import PlanLine, describe
from generator.lke.table import AREAS, PENGUNGKIT_POINTS, Item, Lke, load

SUGGESTIONS_PER_LINE = 2


def decimal(value: float, places: int = 2) -> str:
    """A number as Indonesian text, rounded half up as people round: 20,96; 0,313."""
    exact = Decimal(repr(round(value, 9))).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
    return f"{exact:f}".replace(".", ",")


@dataclass(frozen=True)
class ItemCoverage:
    """One item and the plan's lines coded with it."""

    item: Item
    lines: tuple[PlanLine, ...]

    @property
    def with_action(self) -> int:
        return sum(line.has_action for line in self.lines)

    @property
    def with_time(self) -> int:
        return sum(line.has_time for line in self.lines)

    @property
    def with_evidence(self) -> int:
        return sum(line.has_evidence for line in self.lines)

    @property
    def covered(self) -> bool:
        """At least one rencana aksi serves the item."""
        return self.with_action > 0


@dataclass(frozen=True)
class AreaCoverage:
    area: str  # A..F
    name: str
    items: tuple[ItemCoverage, ...]

    @property
    def weight(self) -> float:
        return sum(c.item.weight for c in self.items)

    @property
    def missing(self) -> tuple[ItemCoverage, ...]:
        return tuple(c for c in self.items if not c.covered)

    @property
    def missing_weight(self) -> float:
        return sum(c.item.weight for c in self.missing)


@dataclass(frozen=True)
class Suggestion:
    """Codes the text of an uncoded line resembles: a suggestion, never counted."""

    line: PlanLine
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Coverage:
    areas: tuple[AreaCoverage, ...]
    lines: tuple[PlanLine, ...]
    suggestions: tuple[Suggestion, ...]

    @property
    def items(self) -> tuple[ItemCoverage, ...]:
        return tuple(c for area in self.areas for c in area.items)

    @property
    def missing(self) -> tuple[ItemCoverage, ...]:
        return tuple(c for area in self.areas for c in area.missing)

    @property
    def missing_weight(self) -> float:
        return sum(area.missing_weight for area in self.areas)

    @property
    def coded(self) -> bool:
        """The plan names LKE items at all (otherwise nothing can be counted)."""
        return any(line.code for line in self.lines)

    @property
    def sentence(self) -> str:
        """The one sentence of the result, as the review and the document print it."""
        if not self.coded:
            return (
                "Rencana kerja ini belum mencantumkan Kode LKE, sehingga cakupannya terhadap "
                "LKE belum dapat dihitung."
            )
        if not self.missing:
            return f"Semua {len(self.items)} butir LKE pengungkit memiliki rencana aksi."
        return (
            f"{len(self.missing)} butir LKE belum memiliki rencana aksi "
            f"({decimal(self.missing_weight)} dari {PENGUNGKIT_POINTS:g} poin pengungkit)."
        )


def coverage(lines: list[PlanLine], lke: Lke | None = None, *, suggest: bool = True) -> Coverage:
    """The coverage of the plan's lines (codes as typed: a code naming no item counts for
    none; suggestions for uncoded lines count for none either, and are sought only with
    ``suggest``: they cost more than the rest)."""
    lke = lke or load()
    coded: dict[str, list[PlanLine]] = defaultdict(list)  # by item code, in plan order
    for line in lines:
        for item in line.items:
            coded[item.code].append(line)
    pengungkit = lke.pengungkit
    areas = []
    for area in AREAS:
        items = [item for item in pengungkit if item.area == area]
        areas.append(
            AreaCoverage(
                area=area,
                name=items[0].area_name,
                items=tuple(ItemCoverage(item, tuple(coded[item.code])) for item in items),
            )
        )
    suggestions = []
    for line in lines if suggest else ():
        if line.code:
            continue
        own = [item for item in lke.pengungkit if item.area_number == line.component.number]
        near = tuple(item for _, item in by_text(line.context, own)[:SUGGESTIONS_PER_LINE])
        if near:
            suggestions.append(Suggestion(line, near))
    return Coverage(tuple(areas), tuple(lines), tuple(suggestions))


def format_coverage(result: Coverage) -> str:
    """The coverage as text: per area, every item with its lines' counts, the gaps."""
    out = []
    for area in result.areas:
        covered = sum(c.covered for c in area.items)
        out.append(
            f"{area.area}. {area.name}: {covered} dari {len(area.items)} butir memiliki rencana "
            f"aksi ({decimal(area.weight - area.missing_weight)} dari {decimal(area.weight)} poin)"
        )
        out.append("  butir                     bobot  baris  aksi  waktu  data dukung")
        for c in area.items:
            out.append(
                f"  {describe(c.item):<24} {decimal(c.item.weight, 3):>6}  {len(c.lines):>5}"
                f"  {c.with_action:>4}  {c.with_time:>5}  {c.with_evidence:>11}"
                + ("  belum ada rencana aksi" if not c.covered else "")
            )
        if area.missing:
            gaps = ", ".join(f"{c.item.code} ({decimal(c.item.weight, 3)})" for c in area.missing)
            out.append(f"  Belum ada rencana aksi: {gaps}")
        out.append("")
    if result.suggestions:
        out.append("Saran Kode LKE untuk baris tanpa kode (saran saja, tidak dihitung):")
        for suggestion in result.suggestions:
            codes = ", ".join(describe(item) for item in suggestion.items)
            out.append(f"  {suggestion.line.label}: {codes}")
        out.append("")
    out.append(result.sentence)
    return "\n".join(out)


def coverage_json(result: Coverage) -> dict[str, object]:
    """The coverage for other programs (zi-plan lke --format json)."""
    return {
        "kalimat": result.sentence,
        "berkode": result.coded,
        "butir_tanpa_rencana_aksi": len(result.missing),
        "bobot_tanpa_rencana_aksi": round(result.missing_weight, 4),
        "area": [
            {
                "area": area.area,
                "nama": area.name,
                "bobot": round(area.weight, 4),
                "bobot_tanpa_rencana_aksi": round(area.missing_weight, 4),
                "butir": [
                    {
                        "kode": c.item.code,
                        "kode_bps": c.item.bps_code,
                        "bobot": round(c.item.weight, 4),
                        "baris": len(c.lines),
                        "dengan_rencana_aksi": c.with_action,
                        "dengan_waktu": c.with_time,
                        "dengan_data_dukung": c.with_evidence,
                        "rencana_aksi": [line.label for line in c.lines],
                    }
                    for c in area.items
                ],
            }
            for area in result.areas
        ],
        "saran_kode": [
            {"baris": s.line.label, "kode": [item.code for item in s.items]}
            for s in result.suggestions
        ],
    }
