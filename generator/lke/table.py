"""The LKE ZI as package data: its items with their weights, and the WBK/WBBM thresholds."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

AREAS = "ABCDEF"  # Manajemen Perubahan .. Peningkatan Kualitas Pelayanan Publik, component 1..6
PEMENUHAN, REFORM, HASIL = "Pemenuhan", "Reform", "Hasil"
PENGUNGKIT_POINTS = 60.0
ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x")


@dataclass(frozen=True)
class Option:
    """One answer: its key (``A``, ``Ya``, ``4``; empty for a count item's input), its
    criterion, and its value between 0 and 1."""

    answer: str
    text: str
    value: float


@dataclass(frozen=True)
class Item:
    """One question of the LKE; ``weight`` is its sub-pilar's weight ÷ the items in it."""

    code: str  # the table's own code: PPA3A
    bagian: str  # Pemenuhan, Reform or Hasil
    area: str  # A..F; empty for the Hasil items
    area_name: str
    area_weight: float  # the area's weight within its bagian (Pemenuhan A: 4)
    sub_pilar: int
    sub_pilar_name: str
    sub_pilar_weight: float
    question: str
    options: tuple[Option, ...]
    weight: float
    counted: bool  # answered by figures (a ratio capped at 1), not by choosing an option
    note: str  # what was corrected in the source, in Indonesian

    @property
    def pengungkit(self) -> bool:
        return self.bagian != HASIL

    @property
    def area_number(self) -> int:
        """1..6: the area's place, which is also the plan's component number."""
        return AREAS.index(self.area) + 1

    @property
    def part_number(self) -> int:
        """1 for Pemenuhan, 2 for Reform."""
        return 1 if self.bagian == PEMENUHAN else 2

    @property
    def bps_code(self) -> str:
        """The code in BPS's form: ``A.1.I.iii.a`` for PPA3A."""
        if not self.pengungkit:
            return self.code
        roman_area = ROMAN[self.area_number - 1].upper()
        return (
            f"A.{self.part_number}.{roman_area}.{ROMAN[self.sub_pilar - 1]}.{self.code[-1].lower()}"
        )

    def value_of(self, answer: str) -> float | None:
        """The value of an answer key (``B``, ``ya``), or None when it is not one."""
        wanted = answer.strip().casefold()
        return next((o.value for o in self.options if o.answer.casefold() == wanted), None)


@dataclass(frozen=True)
class Threshold:
    """What a predicate asks for: total points, pengungkit points, % of every area."""

    name: str
    total: float
    pengungkit: float
    area_percent: float


@dataclass(frozen=True)
class Lke:
    items: tuple[Item, ...]
    thresholds: tuple[Threshold, ...]
    by_code: dict[str, Item] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self.by_code.update((item.code, item) for item in self.items)

    def item(self, code: str) -> Item | None:
        return self.by_code.get(code.upper())

    @property
    def pengungkit(self) -> tuple[Item, ...]:
        return tuple(item for item in self.items if item.pengungkit)


def _data(name: str) -> Any:
    return json.loads(resources.files("generator.lke").joinpath("data", name).read_text("utf-8"))


def _sub_pilar(row: dict[str, Any]) -> tuple[object, ...]:
    return (row["bagian"], row["area"], row["area_nama"], row["subpilar"], row["subpilar_nama"])


@cache
def load() -> Lke:
    """The LKE table shipped in generator/lke/data (read once per process)."""
    rows = _data("lke_zi.json")["butir"]
    sizes = Counter(_sub_pilar(row) for row in rows)
    items = tuple(
        Item(
            code=row["kode"],
            bagian=row["bagian"],
            area=row["area"],
            area_name=row["area_nama"],
            area_weight=row["area_bobot"],
            sub_pilar=row["subpilar"],
            sub_pilar_name=row["subpilar_nama"],
            sub_pilar_weight=row["subpilar_bobot"],
            question=row["pertanyaan"],
            options=tuple(Option(o["jawaban"], o["teks"], o["nilai"]) for o in row["opsi"]),
            weight=row["subpilar_bobot"] / sizes[_sub_pilar(row)],
            counted=row["jenis"] == "jumlah",
            note=row["catatan"],
        )
        for row in rows
    )
    thresholds = tuple(
        Threshold(name, t["total"], t["pengungkit"], t["persen_area"])
        for name, t in _data("ambang.json")["predikat"].items()
    )
    return Lke(items, thresholds)
