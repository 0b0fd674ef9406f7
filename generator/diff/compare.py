"""Comparing two plans as the document is grouped: identity, narrative, components.

Matrix lines are compared within their KEGIATAN and Rencana Aksi steps within their Target
Prioritas, so inserting a row above does not shift the rest.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from generator.contract import IDENTITY_FIELDS, OPTIONAL_IDENTITY_FIELDS, WORKBOOK_HINTS
from generator.diff.changes import Change, Kind, PlanDiff, PlanInfo
from generator.diff.items import ACTIVITY, PARAGRAPH, PRIORITY, TEXT, Group, Leaf
from generator.diff.match import align
from generator.indonesian import format_date, join_words
from generator.plan.models import ComponentKey, Identity, Plan, Section, SectionKey

T = TypeVar("T")
C = TypeVar("C")

LABEL_CHARS = 60  # names quoted in a label are cut to this length


def _short(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= LABEL_CHARS else flat[: LABEL_CHARS - 1].rstrip() + "…"


def _positions(numbers: Sequence[int]) -> str:
    """``ke-2``, ``ke-1 dan ke-3``, ``ke-1 s.d. ke-4``."""
    numbers = sorted(numbers)
    if len(numbers) >= 3 and numbers == list(range(numbers[0], numbers[-1] + 1)):
        return f"ke-{numbers[0]} s.d. ke-{numbers[-1]}"
    return join_words([f"ke-{n}" for n in numbers])


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
        label["judul_dokumen"]: identity.judul_dokumen,
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


def diff_plans(old: Plan, new: Plan, sources: tuple[str, str] = ("", "")) -> PlanDiff:
    """Everything that differs, grouped as the document is: identity, narrative, components.
    ``sources`` name where the old and new versions were read from, as the user typed them."""
    changes = _identity_changes(old, new) + _narrative_changes(old, new)
    changes += _component_changes(old, new)
    return PlanDiff(PlanInfo.of(old, sources[0]), PlanInfo.of(new, sources[1]), tuple(changes))
