"""The changes as text for a terminal and as JSON for other tools."""

from __future__ import annotations

from difflib import SequenceMatcher

from generator.diff.changes import Change, Kind, PlanDiff, PlanInfo

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
