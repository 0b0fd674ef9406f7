"""What changed between two versions of a plan, matched by content and said in Indonesian.

Items are paired by what they say, never by their row: equal content first (in order, then
anywhere, which is a move), then the remaining ones by similarity as changed; whatever is
left is added or removed. Matrix lines are compared within their KEGIATAN and Rencana Aksi
steps within their Target Prioritas, so inserting a row above does not shift the rest.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from difflib import SequenceMatcher
from enum import StrEnum
from pathlib import Path
from typing import Any, Generic, TypeVar

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from pydantic import ValidationError

from generator.contract import IDENTITY_FIELDS, OPTIONAL_IDENTITY_FIELDS, WORKBOOK_HINTS
from generator.indonesian import MONTHS_SHORT, format_date, join_words
from generator.messages import os_reason
from generator.plan.models import (
    Activity,
    ComponentKey,
    Identity,
    Line,
    MatrixLine,
    Paragraph,
    Plan,
    PriorityTarget,
    Section,
    SectionKey,
    Step,
    numbered,
)
from generator.plan.validate import load_plan
from generator.problems import CellRef, Problem, ProblemError, Severity
from generator.render import layout

T = TypeVar("T")
C = TypeVar("C")

SIMILAR = 0.6  # a pair of leftover items above this similarity is one item changed
SHORT_TEXT = 60  # below this many characters similarity is also measured by characters
LABEL_CHARS = 60  # names quoted in a label are cut to this length
LEVELS = {
    0: "paragraf biasa",
    1: "butir bernomor (1.)",
    2: "butir berhuruf (a.)",
    3: "sub-butir (1))",
}
_WORD = re.compile(r"\w+")


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

    @classmethod
    def of(cls, plan: Plan) -> PlanInfo:
        identity = plan.identity
        return cls(
            identity.nama_satker,
            identity.tahun,
            identity.tempat,
            identity.tanggal,
            identity.revisi,
            identity.tanggal_revisi,
        )

    def describe(self) -> str:
        text = (
            f"{self.nama_satker}, tahun {self.tahun}, ditetapkan di {self.tempat} "
            f"pada {format_date(self.tanggal)}"
        )
        if self.revisi or self.tanggal_revisi:
            when = format_date(self.tanggal_revisi) if self.tanggal_revisi else ""
            text += ", revisi " + ", ".join(part for part in (self.revisi, when) if part)
        return text


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


class PlanFileError(ProblemError):
    """OLD or NEW is neither a sources folder nor a plan JSON that can be read back."""

    def __init__(self, path: Path, code: str, **params: object) -> None:
        super().__init__(Problem(code, CellRef(str(path)), Severity.ERROR, params))
        self.path = path


# -- loading ------------------------------------------------------------------------------


def load_any(path: Path) -> Plan:
    """A plan from a sources folder (checked as ``build`` does) or from a model JSON.

    A folder with errors raises InputInvalid with every problem; a file that cannot be read
    back as a plan raises PlanFileError, whose text is one Indonesian line.
    """
    if path.is_dir():
        plan, _ = load_plan(path)
        return plan
    if not path.exists():
        raise PlanFileError(path, "rencana-tidak-ada")
    if path.suffix.lower() != ".json":
        raise PlanFileError(path, "rencana-bukan-json")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise PlanFileError(path, "json-bukan-utf8") from None
    except OSError as exc:
        raise PlanFileError(path, "json-tidak-terbaca", detail=os_reason(exc)) from None
    try:
        return Plan.model_validate_json(text)
    except ValidationError as exc:
        errors = exc.errors()
        first = errors[0]
        where = ".".join(str(part) for part in first["loc"]) or "(awal file)"
        more = f" dan {len(errors) - 1} kesalahan lain" if len(errors) > 1 else ""
        raise PlanFileError(
            path, "json-bukan-rencana", detail=f"{where}: {first['msg']}{more}"
        ) from None


# -- matching -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Pair(Generic[T]):
    """An old item and the new item it became; None on one side for removed or added."""

    old: T | None
    new: T | None
    old_index: int | None
    new_index: int | None
    moved: bool = False


@dataclass
class _Text:
    """An item's text prepared for similarity: words, and characters when it is short."""

    words: list[str]
    chars: str

    @classmethod
    def of(cls, text: str) -> _Text:
        folded = " ".join(text.casefold().split())
        return cls(_WORD.findall(folded), folded if len(folded) < SHORT_TEXT else "")


def similarity(a: str, b: str) -> float:
    """0..1: how much of two texts is the same, by words (by characters for short texts)."""
    new = _Text.of(b)
    words: SequenceMatcher[str] = SequenceMatcher(None, autojunk=False)
    words.set_seq2(new.words)
    return _similarity(_Text.of(a), new, words, -1.0)


def _similarity(old: _Text, new: _Text, words: SequenceMatcher[str], floor: float) -> float:
    """``words`` has ``new.words`` as its second sequence already (difflib caches that side).

    Pairs that cannot beat ``floor`` are cut short by difflib's cheap upper bounds.
    """
    words.set_seq1(old.words)
    score = 0.0
    if words.real_quick_ratio() > floor and words.quick_ratio() > floor:
        score = words.ratio()
    if score <= SIMILAR and old.chars and new.chars:
        score = max(score, SequenceMatcher(None, old.chars, new.chars, autojunk=False).ratio())
    return score


def align(
    old: Sequence[T],
    new: Sequence[T],
    key: Callable[[T], str],
    text: Callable[[T], str],
    extra: Callable[[T, T], float] | None = None,
) -> list[Pair[T]]:
    """Pairs two lists by content, in new order with each removed item after its predecessor.

    ``key`` is an item's whole content (equal keys: the same item), ``text`` what it says
    (for similarity), ``extra`` an optional further similarity (e.g. shared children).
    """
    old_keys = [key(item) for item in old]
    new_keys = [key(item) for item in new]
    pairs: dict[int, int] = {}
    matcher = SequenceMatcher(None, old_keys, new_keys, autojunk=False)
    for block in matcher.get_matching_blocks():
        for offset in range(block.size):
            pairs[block.a + offset] = block.b + offset
    # equal content elsewhere: moved
    taken = set(pairs.values())
    free: dict[str, deque[int]] = defaultdict(deque)
    for j, k in enumerate(new_keys):
        if j not in taken:
            free[k].append(j)
    for i, k in enumerate(old_keys):
        if i not in pairs and free.get(k):
            pairs[i] = free[k].popleft()
    # similar content: changed
    left_old = [i for i in range(len(old)) if i not in pairs]
    taken = set(pairs.values())
    left_new = [j for j in range(len(new)) if j not in taken]
    if left_old and left_new:
        _pair_similar(old, new, left_old, left_new, text, extra, pairs)
    return _ordered(old, new, pairs)


def _pair_similar(
    old: Sequence[T],
    new: Sequence[T],
    left_old: list[int],
    left_new: list[int],
    text: Callable[[T], str],
    extra: Callable[[T, T], float] | None,
    pairs: dict[int, int],
) -> None:
    """Greedy: the most similar leftover pair first, ties to the nearer position."""
    old_texts = {i: _Text.of(text(old[i])) for i in left_old}
    candidates: list[tuple[float, int, int, int]] = []
    words: SequenceMatcher[str] = SequenceMatcher(None, autojunk=False)
    for j in left_new:
        new_text = _Text.of(text(new[j]))
        words.set_seq2(new_text.words)
        for i in left_old:
            score = extra(old[i], new[j]) if extra else 0.0
            if score <= SIMILAR:
                score = max(score, _similarity(old_texts[i], new_text, words, SIMILAR))
            if score > SIMILAR:
                candidates.append((-score, abs(i - j), i, j))
    candidates.sort()
    used: set[int] = set()
    for _, _, i, j in candidates:
        if i not in pairs and j not in used:
            pairs[i] = j
            used.add(j)


def _ordered(old: Sequence[T], new: Sequence[T], pairs: dict[int, int]) -> list[Pair[T]]:
    in_order = _increasing([pairs[i] for i in sorted(pairs)])
    rows: list[tuple[tuple[int, int, int], Pair[T]]] = []
    by_new = {j: i for i, j in pairs.items()}
    for j, item in enumerate(new):
        i = by_new.get(j)
        if i is None:
            rows.append(((j, 0, 0), Pair(None, item, None, j)))
        else:
            rows.append(((j, 0, 0), Pair(old[i], item, i, j, moved=j not in in_order)))
    anchor = -1
    for i, item in enumerate(old):
        if i in pairs:
            anchor = pairs[i]
        else:
            rows.append(((anchor, 1, i), Pair(item, None, i, None)))
    return [pair for _, pair in sorted(rows, key=lambda row: row[0])]


def _increasing(values: list[int]) -> set[int]:
    """The values of one longest increasing subsequence: the items that kept their order."""
    tails: list[int] = []  # tails[k]: index in values of the smallest tail of a run of k+1
    tail_values: list[int] = []
    before: list[int] = [-1] * len(values)
    for index, value in enumerate(values):
        k = bisect.bisect_left(tail_values, value)
        if k:
            before[index] = tails[k - 1]
        if k == len(tails):
            tails.append(index)
            tail_values.append(value)
        else:
            tails[k] = index
            tail_values[k] = value
    kept: set[int] = set()
    index = tails[-1] if tails else -1
    while index >= 0:
        kept.add(values[index])
        index = before[index]
    return kept


# -- what the document shows ----------------------------------------------------------------


def months_text(months: Iterable[bool]) -> str:
    """``Feb, Apr``: the ticked months by their short Indonesian names."""
    return ", ".join(name for name, ticked in zip(MONTHS_SHORT, months, strict=True) if ticked)


def lines_text(lines: Iterable[Line]) -> str:
    """A cell's lines as typed, list items numbered as the document numbers them."""
    return "\n".join(f"{label} {text}" if label else text for label, text in numbered(lines))


def _short(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= LABEL_CHARS else flat[: LABEL_CHARS - 1].rstrip() + "…"


def _positions(numbers: Sequence[int]) -> str:
    """``ke-2``, ``ke-1 dan ke-3``, ``ke-1 s.d. ke-4``."""
    numbers = sorted(numbers)
    if len(numbers) >= 3 and numbers == list(range(numbers[0], numbers[-1] + 1)):
        return f"ke-{numbers[0]} s.d. ke-{numbers[-1]}"
    return join_words([f"ke-{n}" for n in numbers])


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
    return {"": p.text, "Tingkat": LEVELS[p.level]}


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


# -- diffing --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Entry:
    """A change of one item of a list, before the item is named."""

    position: int  # 1-based, in the new plan (the old one for a removed item)
    kind: Kind
    field: str = ""
    old: str = ""
    new: str = ""


def _leaf_entries(leaf: Leaf[T], old: Sequence[T], new: Sequence[T]) -> list[_Entry]:
    entries: list[_Entry] = []
    for pair in align(old, new, leaf.key, leaf.text):
        if pair.old is None:
            assert pair.new is not None and pair.new_index is not None
            entries.append(_Entry(pair.new_index + 1, Kind.ADDED, new=leaf.describe(pair.new)))
            continue
        assert pair.old_index is not None
        if pair.new is None:
            entries.append(_Entry(pair.old_index + 1, Kind.REMOVED, old=leaf.describe(pair.old)))
            continue
        assert pair.new_index is not None
        position = pair.new_index + 1
        if pair.moved:
            entries.append(
                _Entry(
                    position,
                    Kind.MOVED,
                    "Urutan",
                    f"ke-{pair.old_index + 1}",
                    f"ke-{position}",
                )
            )
        before, after = leaf.fields(pair.old), leaf.fields(pair.new)
        for name, value in after.items():
            if before[name] != value:
                entries.append(_Entry(position, Kind.CHANGED, name, before[name], value))
    return entries


def _merged(entries: list[_Entry]) -> list[tuple[list[int], _Entry]]:
    """One cell edit that repeats over several rows (a Waktu merged over a target's steps)
    is one change: equal field edits of several items are reported once, at the first."""
    same: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for entry in entries:
        if entry.kind is Kind.CHANGED and entry.field:
            same[(entry.field, entry.old, entry.new)].append(entry.position)
    out: list[tuple[list[int], _Entry]] = []
    for entry in entries:
        if entry.kind is Kind.CHANGED and entry.field:
            positions = same[(entry.field, entry.old, entry.new)]
            if entry.position != positions[0]:
                continue
            out.append((positions, entry))
        else:
            out.append(([entry.position], entry))
    return out


@dataclass(frozen=True)
class _Where:
    group: str
    section: str = ""
    component: int | None = None

    def change(
        self, kind: Kind, item: str, field: str = "", old: str = "", new: str = ""
    ) -> Change:
        return Change(self.group, self.section, kind, item, field, old, new, self.component)


def _leaf_changes(
    where: _Where, leaf: Leaf[T], old: Sequence[T], new: Sequence[T], noun: str
) -> list[Change]:
    return [
        where.change(entry.kind, f"{noun} {_positions(numbers)}", entry.field, entry.old, entry.new)
        for numbers, entry in _merged(_leaf_entries(leaf, old, new))
    ]


def _group_changes(
    where: _Where, group: Group[T, C], old: Sequence[T], new: Sequence[T]
) -> list[Change]:
    leaf = group.leaf

    counts = {
        id(item): Counter(leaf.key(child) for child in group.children(item))
        for item in (*old, *new)
    }

    def shared(a: T, b: T) -> float:
        """Dice over the children: a renamed KEGIATAN with the same lines is the same."""
        ca, cb = counts[id(a)], counts[id(b)]
        total = ca.total() + cb.total()
        return 2 * (ca & cb).total() / total if total else 0.0

    changes: list[Change] = []
    for pair in align(old, new, group.name, group.name, shared):
        if pair.old is None:
            assert pair.new is not None and pair.new_index is not None
            item = f'{group.noun} ke-{pair.new_index + 1} "{_short(group.name(pair.new))}"'
            changes.append(where.change(Kind.ADDED, item, new=group.describe(pair.new)))
            continue
        assert pair.old_index is not None
        if pair.new is None:
            item = f'{group.noun} ke-{pair.old_index + 1} "{_short(group.name(pair.old))}"'
            changes.append(where.change(Kind.REMOVED, item, old=group.describe(pair.old)))
            continue
        assert pair.new_index is not None
        position = pair.new_index + 1
        item = f'{group.noun} ke-{position} "{_short(group.name(pair.new))}"'
        if pair.moved:
            changes.append(
                where.change(
                    Kind.MOVED, item, "Urutan", f"ke-{pair.old_index + 1}", f"ke-{position}"
                )
            )
        old_name, new_name = group.name(pair.old), group.name(pair.new)
        if old_name != new_name:
            changes.append(where.change(Kind.CHANGED, item, group.noun, old_name, new_name))
        entries = _leaf_entries(leaf, group.children(pair.old), group.children(pair.new))
        for numbers, entry in _merged(entries):
            changes.append(
                where.change(
                    entry.kind,
                    f"{item}, {leaf.noun} {_positions(numbers)}",
                    entry.field,
                    entry.old,
                    entry.new,
                )
            )
    return changes


IDENTITY_GROUP = "Identitas dan Penandatangan (00_umum.xlsx › Identitas)"
NARRATIVE_GROUP = "Narasi (00_umum.xlsx › Narasi)"


def component_group(key: ComponentKey) -> str:
    return f"{key.value} ({WORKBOOK_HINTS[key.number]})"


def identity_fields(identity: Identity) -> dict[str, str]:
    """The Identitas rows by their workbook label, as the document shows the values."""
    label = {**IDENTITY_FIELDS, **OPTIONAL_IDENTITY_FIELDS}
    signer, ketua = identity.penandatangan, identity.ketua_tim
    return {
        label["kementerian"]: identity.kementerian,
        label["kantor_wilayah"]: identity.kantor_wilayah,
        label["nama_satker"]: identity.nama_satker,
        label["nama_singkat"]: identity.nama_singkat,
        label["jenis_satker"]: identity.jenis_satker,
        label["tahun"]: str(identity.tahun),
        label["tempat"]: identity.tempat,
        label["tanggal"]: format_date(identity.tanggal),
        label["jabatan"]: signer.jabatan,
        label["nama"]: signer.nama,
        label["nip"]: signer.nip_display,
        label["ketua_jabatan"]: ketua.jabatan if ketua else "",
        label["ketua_nama"]: ketua.nama if ketua else "",
        label["ketua_nip"]: ketua.nip_display if ketua else "",
        label["slogan"]: identity.slogan,
        label["alamat"]: identity.alamat,
        label["ukuran_kertas"]: identity.ukuran_kertas,
        label["revisi"]: identity.revisi,
        label["tanggal_revisi"]: (
            format_date(identity.tanggal_revisi) if identity.tanggal_revisi else ""
        ),
    }


def _identity_changes(old: Plan, new: Plan) -> list[Change]:
    where = _Where(IDENTITY_GROUP)
    changes = []
    before, after = identity_fields(old.identity), identity_fields(new.identity)
    for name, value in after.items():
        was = before[name]
        if was == value:
            continue
        kind = Kind.ADDED if not was else Kind.REMOVED if not value else Kind.CHANGED
        changes.append(where.change(kind, name, old=was, new=value))
    logo = _logo_change(old.logo, new.logo)
    if logo is not None:
        changes.append(where.change(logo, "Logo", old=_name(old.logo), new=_name(new.logo)))
    return changes


def _name(path: str | None) -> str:
    return Path(path).name if path else ""


def _logo_change(old: str | None, new: str | None) -> Kind | None:
    """Only presence and, where both files can still be read, their bytes: the paths differ
    between two copies of the sources and say nothing."""
    if bool(old) != bool(new):
        return Kind.ADDED if new else Kind.REMOVED
    if old and new:
        try:
            if Path(old).read_bytes() != Path(new).read_bytes():
                return Kind.CHANGED
        except OSError:
            return None
    return None


def _section(plan: Plan, key: SectionKey) -> Section | None:
    return next((s for s in plan.sections if s.key is key), None)


def _narrative_changes(old: Plan, new: Plan) -> list[Change]:
    changes: list[Change] = []
    for key in SectionKey:
        before, after = _section(old, key), _section(new, key)
        where = _Where(NARRATIVE_GROUP, key.value)
        if before and after and before.standard != after.standard:
            source = {True: "teks baku (baris di workbook kosong)", False: "isian workbook"}
            changes.append(
                where.change(
                    Kind.CHANGED,
                    "Sumber teks",
                    old=source[before.standard],
                    new=source[after.standard],
                )
            )
        changes += _leaf_changes(
            where,
            PARAGRAPH,
            before.paragraphs if before else [],
            after.paragraphs if after else [],
            PARAGRAPH.noun,
        )
    return changes


def _component_changes(old: Plan, new: Plan) -> list[Change]:
    changes: list[Change] = []
    for key in ComponentKey:
        before = next((c for c in old.components if c.key is key), None)
        after = next((c for c in new.components if c.key is key), None)
        group, number = component_group(key), key.number
        for section, noun, attribute in (
            ("Tujuan", "Paragraf", "tujuan"),
            ("Target", "Target", "targets"),
            ("Pengantar Tabel", "Paragraf", "pengantar_tabel"),
        ):
            changes += _leaf_changes(
                _Where(group, section, number),
                TEXT,
                getattr(before, attribute, []),
                getattr(after, attribute, []),
                noun,
            )
        changes += _group_changes(
            _Where(group, "Matriks Kegiatan", number),
            ACTIVITY,
            before.activities if before else [],
            after.activities if after else [],
        )
        changes += _group_changes(
            _Where(group, "Target Prioritas dan Rencana Aksi", number),
            PRIORITY,
            before.priorities if before else [],
            after.priorities if after else [],
        )
    return changes


def diff_plans(old: Plan, new: Plan) -> PlanDiff:
    """Everything that differs, grouped as the document is: identity, narrative, components."""
    changes = _identity_changes(old, new) + _narrative_changes(old, new)
    changes += _component_changes(old, new)
    return PlanDiff(PlanInfo.of(old), PlanInfo.of(new), tuple(changes))


# -- text and JSON --------------------------------------------------------------------------

EMPTY = "(kosong)"
INLINE = 70  # values up to this long, on one line each, are shown as ``old → new``


def word_changes(old: str, new: str, limit: int = 3) -> list[tuple[str, str]]:
    """The few words that differ between two long texts (a typo fixed), or [] when the
    texts differ in more places than that and are best read whole."""
    a, b = old.split(), new.split()
    ops = [
        op for op in SequenceMatcher(None, a, b, autojunk=False).get_opcodes() if op[0] != "equal"
    ]
    if len(ops) > limit:
        return []
    return [(" ".join(a[i1:i2]), " ".join(b[j1:j2])) for _, i1, i2, j1, j2 in ops]


def describe_words(old: str, new: str) -> str:
    """``"rekrutmn" menjadi "rekrutmen"; ditambahkan "setiap bulan"``, or "" if not useful."""
    if len(old) <= INLINE and len(new) <= INLINE:
        return ""
    parts = []
    for was, now in word_changes(old, new):
        if was and now:
            parts.append(f'"{was}" menjadi "{now}"')
        elif now:
            parts.append(f'ditambahkan "{now}"')
        else:
            parts.append(f'dihapus "{was}"')
    return "; ".join(parts)


def _inline(value: str) -> bool:
    return len(value) <= INLINE and "\n" not in value


def format_diff(diff: PlanDiff) -> str:
    """The changes as text to read in a terminal, under their headings."""
    out = [
        "Perubahan Rencana Kerja Pembangunan Zona Integritas",
        f"  Lama: {diff.old.describe()}",
        f"  Baru: {diff.new.describe()}",
        "",
    ]
    for group, changes in diff.groups():
        out.append(group)
        section = None
        for change in changes:
            indent = "  "
            if change.section:
                if change.section != section:
                    out.append(f"  {change.section}")
                indent = "    "
            section = change.section
            out.extend(_change_lines(change, indent))
        out.append("")
    out.append(diff.summary())
    return "\n".join(out)


def _change_lines(change: Change, indent: str) -> list[str]:
    head = f"{indent}{change.kind.word:<12} " + " › ".join(
        part for part in (change.item, change.field) if part
    )
    deeper = indent + " " * 13
    if change.kind is Kind.ADDED:
        return _block(head, change.new, deeper)
    if change.kind is Kind.REMOVED:
        return _block(head, change.old, deeper)
    old, new = change.old or EMPTY, change.new or EMPTY
    if _inline(old) and _inline(new):
        return [f"{head}: {old} → {new}"]
    lines = [head]
    lines += _indented("semula : ", old, deeper)
    lines += _indented("menjadi: ", new, deeper)
    words = describe_words(change.old, change.new)
    if words:
        lines.append(f"{deeper}(yang berubah: {words})")
    return lines


def _block(head: str, value: str, indent: str) -> list[str]:
    if _inline(value):
        return [f"{head}: {value}"]
    return [head, *(indent + row for row in value.split("\n"))]


def _indented(prefix: str, value: str, indent: str) -> list[str]:
    rows = value.split("\n")
    pad = " " * len(prefix)
    return [indent + prefix + rows[0], *(indent + pad + row for row in rows[1:])]


def _info_json(info: PlanInfo) -> dict[str, object]:
    return {
        "nama_satker": info.nama_satker,
        "tahun": info.tahun,
        "tempat": info.tempat,
        "tanggal": info.tanggal.isoformat(),
        "revisi": info.revisi,
        "tanggal_revisi": info.tanggal_revisi.isoformat() if info.tanggal_revisi else None,
    }


def diff_to_json(diff: PlanDiff) -> dict[str, object]:
    """The same report for other tools: stable codes, Indonesian keys as in ``validate``."""
    return {
        "sama": diff.equal,
        "lama": _info_json(diff.old),
        "baru": _info_json(diff.new),
        "jumlah": {kind.value: diff.counts().get(kind, 0) for kind in Kind},
        "perubahan": [
            {
                "kelompok": change.group,
                "komponen": change.component,
                "bagian": change.section,
                "jenis": change.kind.value,
                "butir": change.item,
                "isian": change.field,
                "lama": change.old,
                "baru": change.new,
            }
            for change in diff.changes
        ],
    }


# -- Word -----------------------------------------------------------------------------------

FONT = "Arial"
_THEME_FONTS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
# Widths in cm of: No, Bagian, Perubahan, Semula, Menjadi (A4 minus 2 cm margins = 17 cm)
COLUMNS = (("No", 0.9), ("Bagian", 4.1), ("Perubahan", 2.8), ("Semula", 4.6), ("Menjadi", 4.6))


def build_diff_docx(diff: PlanDiff) -> Any:
    """The Daftar Perubahan as a python-docx Document: title, the two plans, one table
    of changes per heading."""
    document = Document()
    _plain_styles(document)
    _clean_package(document)
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2))

    title = document.add_paragraph(style="Title")
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.add_run("DAFTAR PERUBAHAN")
    subtitle = document.add_paragraph()
    subtitle.alignment = WD_ALIGN_PARAGRAPH.CENTER
    subtitle.add_run(
        f"Rencana Kerja Pembangunan Zona Integritas {diff.new.nama_satker} Tahun {diff.new.tahun}"
    ).bold = True

    table = document.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for label, value in (
        ("Rencana lama", diff.old.describe()),
        ("Rencana baru", diff.new.describe()),
        ("Jumlah perubahan", diff.summary()),
    ):
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, value
        cells[0].paragraphs[0].runs[0].bold = True
    _widths(table, (4.4, 12.6))

    for group, changes in diff.groups():
        document.add_heading(group, level=1)
        table = document.add_table(rows=1, cols=len(COLUMNS))
        table.style = "Table Grid"
        for cell, (name, _) in zip(table.rows[0].cells, COLUMNS, strict=True):
            cell.text = name
            cell.paragraphs[0].runs[0].bold = True
        _repeat_header(table.rows[0])
        for n, change in enumerate(changes, start=1):
            cells = table.add_row().cells
            cells[0].text = f"{n}."
            cells[1].text = change.label
            cells[2].text = change.kind.word
            _cell_text(cells[3], change.old or "–")
            _cell_text(cells[4], change.new or "–")
            words = describe_words(change.old, change.new)
            if words and change.kind is Kind.CHANGED:
                note = cells[4].add_paragraph().add_run(f"(yang berubah: {words})")
                note.italic = True
        _widths(table, tuple(width for _, width in COLUMNS))
        for row in table.rows:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    for run in paragraph.runs:
                        run.font.size = Pt(10)
    return document


def _cell_text(cell: Any, text: str) -> None:
    """One paragraph a line; a line's leading spaces become an indent Word keeps."""
    for n, row in enumerate(text.split("\n")):
        paragraph = cell.paragraphs[0] if n == 0 else cell.add_paragraph()
        depth = (len(row) - len(row.lstrip(" "))) // 2
        paragraph.add_run(row.strip())
        if depth:
            paragraph.paragraph_format.left_indent = Cm(0.4 * depth)


def _widths(table: Any, widths: tuple[float, ...]) -> None:
    table.autofit = False
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Cm(width)
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Cm(width)


def _repeat_header(row: Any) -> None:
    header = OxmlElement("w:tblHeader")
    row._tr.get_or_add_trPr().append(header)


def _plain_styles(document: Any) -> None:
    """Arial everywhere, black headings, Indonesian proofing; the default template's
    ``<w:zoom>`` lacks the ``w:percent`` the schema requires."""
    styles = document.styles.element
    for fonts in styles.iter(qn("w:rFonts")):
        for name in _THEME_FONTS:
            fonts.attrib.pop(qn(name), None)
        for name in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(name), FONT)
    for lang in styles.iter(qn("w:lang")):
        lang.set(qn("w:val"), "id-ID")
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(11)
    for name in ("Title", "Heading 1"):
        style = document.styles[name]
        style.font.name = FONT
        style.font.color.rgb = RGBColor(0, 0, 0)
    document.styles["Title"].font.size = Pt(16)
    document.styles["Heading 1"].font.size = Pt(12)
    settings = document.settings.element
    zoom = settings.find(qn("w:zoom"))
    if zoom is None:
        zoom = OxmlElement("w:zoom")
        settings.insert(0, zoom)
    zoom.set(qn("w:percent"), "100")


def _clean_package(document: Any) -> None:
    """No trace of python-docx's default template: its preview picture of another document,
    its author and comment."""
    package = document.part.package
    for r_id, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package.rels[r_id]
    core = document.core_properties
    core.author = core.last_modified_by = core.comments = ""
    core.title = "Daftar Perubahan Rencana Kerja Pembangunan Zona Integritas"
    core.language = "id-ID"


def write_diff_docx(diff: PlanDiff, target: Path) -> Path:
    """Writes the Daftar Perubahan atomically; same diff, same bytes."""
    document = build_diff_docx(diff)
    moment = datetime.combine(diff.new.tanggal_revisi or diff.new.tanggal, time(0))
    core = document.core_properties
    core.created = core.modified = core.last_printed = moment
    core.revision = 1
    return layout.save_atomically(document, target)
