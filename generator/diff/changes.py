"""The change model: what happened to an item, and all changes between two plans."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from generator.indonesian import format_date, join_words
from generator.plan.models import Plan


class Kind(StrEnum):
    """What happened to an item; the value is the stable code used in JSON."""

    ADDED = "ditambah"
    REMOVED = "dihapus"
    CHANGED = "diubah"
    MOVED = "dipindah"

    @property
    def word(self) -> str:
        return _KIND_WORDS[self]


_KIND_WORDS = {
    Kind.ADDED: "Ditambahkan",
    Kind.REMOVED: "Dihapus",
    Kind.CHANGED: "Diubah",
    Kind.MOVED: "Dipindahkan",
}


@dataclass(frozen=True)
class Change:
    """One difference a reader should know about, with the values as the document shows them.

    ``group`` is the heading (identity, narrative, or a component), ``section`` the part of
    it, ``item`` which paragraph/row/step, and ``field`` which of its columns ("" when the
    item's own text changed, or the item itself was added or removed).
    """

    group: str
    section: str
    kind: Kind
    item: str
    field: str = ""
    old: str = ""
    new: str = ""
    component: int | None = None  # 1..6 for a component's changes

    @property
    def label(self) -> str:
        return " › ".join(part for part in (self.section, self.item, self.field) if part)


@dataclass(frozen=True)
class PlanInfo:
    """What names a version of the plan in the report's heading."""

    nama_satker: str
    tahun: int
    tempat: str
    tanggal: date
    revisi: str = ""
    tanggal_revisi: date | None = None
    source: str = ""  # the folder or JSON file the version was read from, as typed

    @classmethod
    def of(cls, plan: Plan, source: str = "") -> PlanInfo:
        identity = plan.identity
        return cls(
            identity.nama_satker,
            identity.tahun,
            identity.tempat,
            identity.tanggal,
            identity.revisi,
            identity.tanggal_revisi,
            source,
        )

    def describe(self) -> str:
        text = (
            f"{self.nama_satker}, tahun {self.tahun}, ditetapkan di {self.tempat} "
            f"pada {format_date(self.tanggal)}"
        )
        if self.revisi or self.tanggal_revisi:
            when = format_date(self.tanggal_revisi) if self.tanggal_revisi else ""
            text += ", revisi " + ", ".join(part for part in (self.revisi, when) if part)
        return f"{self.source} ({text})" if self.source else text


@dataclass(frozen=True)
class PlanDiff:
    old: PlanInfo
    new: PlanInfo
    changes: tuple[Change, ...]

    @property
    def equal(self) -> bool:
        return not self.changes

    def counts(self) -> dict[Kind, int]:
        found = Counter(change.kind for change in self.changes)
        return {kind: found[kind] for kind in Kind if found[kind]}

    def groups(self) -> list[tuple[str, list[Change]]]:
        """The changes under their headings, in document order."""
        out: dict[str, list[Change]] = {}
        for change in self.changes:
            out.setdefault(change.group, []).append(change)
        return list(out.items())

    def summary(self) -> str:
        """``3 perubahan: 1 ditambahkan, 2 diubah.``"""
        if self.equal:
            return "Tidak ada perubahan: isi kedua rencana kerja sama."
        parts = [f"{n} {kind.word.lower()}" for kind, n in self.counts().items()]
        return f"{len(self.changes)} perubahan: {join_words(parts)}."
