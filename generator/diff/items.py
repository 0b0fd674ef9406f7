"""How each kind of item reads in a change: its columns by their Indonesian names."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from generator.indonesian import MONTHS_SHORT
from generator.plan.models import (
    Activity,
    Line,
    MatrixLine,
    Paragraph,
    PriorityTarget,
    Step,
    numbered,
)

T = TypeVar("T")
C = TypeVar("C")

PARAGRAPH_LEVELS = {
    0: "paragraf biasa",
    1: "butir bernomor (1.)",
    2: "butir berhuruf (a.)",
    3: "sub-butir (1))",
}


def months_text(months: Iterable[bool]) -> str:
    """``Feb, Apr``: the ticked months by their short Indonesian names."""
    return ", ".join(name for name, ticked in zip(MONTHS_SHORT, months, strict=True) if ticked)


def lines_text(lines: Iterable[Line]) -> str:
    """A cell's lines as typed, list items numbered as the document numbers them."""
    return "\n".join(f"{label} {text}" if label else text for label, text in numbered(lines))


def _flat(text: str) -> str:
    return " ".join(text.split())


@dataclass(frozen=True)
class Leaf(Generic[T]):
    """How a kind of item reads: its columns by their Indonesian name ("" = its text)."""

    noun: str
    fields: Callable[[T], dict[str, str]]
    layout: tuple[str, ...] = ()  # fields about form, not content: left out of similarity

    def key(self, item: T) -> str:
        return "\x1f".join(self.fields(item).values())

    def text(self, item: T) -> str:
        fields = self.fields(item)
        return " ".join(
            value for name, value in fields.items() if value and name not in self.layout
        )

    def describe(self, item: T) -> str:
        fields = self.fields(item)
        if list(fields) == [""]:
            return fields[""]
        return "\n".join(f"{name}: {_flat(value)}" for name, value in fields.items() if value)


def _paragraph_fields(p: Paragraph) -> dict[str, str]:
    return {"": p.text, "Tingkat": PARAGRAPH_LEVELS[p.level]}


def _line_fields(line: MatrixLine) -> dict[str, str]:
    return {
        "Hasil yang Ingin Dicapai": lines_text(line.hasil),
        "Uraian Kegiatan": lines_text(line.uraian),
        "Target": lines_text(line.target),
        "Bulan": months_text(line.months),
        "Keterangan": line.ket,
        "Penanggung Jawab": line.penanggung_jawab,
        "Data Dukung": line.data_dukung,
        "Kode LKE": line.kode_lke,
    }


def _step_fields(step: Step) -> dict[str, str]:
    return {
        "Rencana Aksi": step.rencana_aksi,
        "Waktu": step.waktu,
        "Output": step.output,
        "Penanggung Jawab": step.penanggung_jawab,
        "Data Dukung": step.data_dukung,
        "Kode LKE": step.kode_lke,
    }


PARAGRAPH: Leaf[Paragraph] = Leaf("Paragraf", _paragraph_fields, ("Tingkat",))
TEXT: Leaf[str] = Leaf("", lambda text: {"": text})
MATRIX_LINE: Leaf[MatrixLine] = Leaf("baris", _line_fields)
STEP: Leaf[Step] = Leaf("langkah", _step_fields)


@dataclass(frozen=True)
class Group(Generic[T, C]):
    """A kind of item that holds a list of leaves (a KEGIATAN and its lines)."""

    noun: str
    name: Callable[[T], str]
    children: Callable[[T], Sequence[C]]
    leaf: Leaf[C]

    def describe(self, item: T) -> str:
        """The name, the columns all children share (a merged Waktu), then each child."""
        children = [self.leaf.fields(child) for child in self.children(item)]
        shared = {
            name: value
            for name, value in children[0].items()
            if value and len(children) > 1 and all(c[name] == value for c in children)
        }
        rows = [f"{self.noun}: {self.name(item)}"]
        rows += [f"{name}: {_flat(value)}" for name, value in shared.items()]
        for n, fields in enumerate(children, start=1):
            own = [(name, _flat(v)) for name, v in fields.items() if v and name not in shared]
            head = f"{self.leaf.noun.capitalize()} ke-{n}:"
            if len(own) == 1:
                rows.append(f"{head} {own[0][1]}")
            else:
                rows.append(head)
                rows += [f"  {name}: {value}" for name, value in own]
        return "\n".join(rows)


ACTIVITY: Group[Activity, MatrixLine] = Group(
    "Kegiatan", lambda a: a.kegiatan, lambda a: a.lines, MATRIX_LINE
)
PRIORITY: Group[PriorityTarget, Step] = Group(
    "Target Prioritas", lambda p: p.target, lambda p: p.steps, STEP
)
