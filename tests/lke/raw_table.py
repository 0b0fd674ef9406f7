"""The shared LKE TSV read independently of generator.lke (test helper): weights and
codes as the tests expect them, computed from the raw source."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from tests.shared_folder import shared

RAW_TSV = shared() / "reference" / "lke_zi_permenpan90_bps.tsv"
_WEIGHT = re.compile(r"\((\d+\.\d\d)(?:;[\d.]+;[\d.]+)?\)$")


@dataclass(frozen=True)
class RawItem:
    code: str
    bagian: str  # as in the TSV: Pengungkit/Pemenuhan ...
    pilar: str
    subpilar: str
    question: str
    options: str
    weight: float  # sub-pilar weight / items in the sub-pilar


@cache
def raw_items() -> dict[str, RawItem]:
    rows = []
    previous: list[str] = []
    for line in RAW_TSV.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        fields = line.split("\t")
        if not fields[1]:  # PRB3B, PRB3C: grouping from the row above
            fields[1:4] = previous[1:4]
        previous = fields
        rows.append(fields)
    groups = Counter((f[1], f[2], f[3]) for f in rows)
    items = {}
    for code, bagian, pilar, subpilar, question, options in rows:
        group_weight = subpilar if subpilar else pilar
        match = _WEIGHT.search(group_weight)
        assert match, group_weight
        weight = float(match.group(1)) / groups[(bagian, pilar, subpilar)]
        items[code] = RawItem(code, bagian, pilar, subpilar, question, options, weight)
    return items


def pengungkit() -> dict[str, RawItem]:
    return {c: i for c, i in raw_items().items() if i.bagian.startswith("Pengungkit")}
