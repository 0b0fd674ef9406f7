"""Matching by content: moves, splits, renames and similarity, up to plans of 150 targets."""

from __future__ import annotations

import random
from pathlib import Path

from generator.diff import Kind, diff_plans, load_any, similarity
from generator.diff.compare import component_group
from generator.plan.models import (
    Activity,
    Component,
    ComponentKey,
    MatrixLine,
    Plan,
    PriorityTarget,
    Step,
)
from tests.conftest import set_cell
from tests.diff.plan_edits import SDM, SDM_GROUP, edit, replace_component, rows


def test_target_split_into_two(sample: Plan, sources: Path) -> None:
    workbook, sheet = edit(sources / SDM, "Uraian")
    whole = sheet["B20"].value
    first = "Aturan disiplin/ kode etik perilaku telah dilaksanakan/ diimplementasikan;"
    second = (
        "Terselenggaranya postur anggota Rumah Tahanan Negara Kelas I Pekanbaru yang "
        "bermental dan bermoril baik, berkualitas dan terpercaya;"
    )
    sheet["B20"] = first
    sheet.insert_rows(21)
    sheet["A21"], sheet["B21"] = "Target", second
    workbook.save(sources / SDM)
    diff = diff_plans(sample, load_any(sources))
    # the larger half keeps the target's identity; the other half is new
    assert rows(diff) == [
        (SDM_GROUP, "Target", Kind.ADDED, "Target ke-16", "", "", first),
        (SDM_GROUP, "Target", Kind.CHANGED, "Target ke-17", "", whole, second),
    ]


def test_moved_row_is_one_move_not_every_row_changed(sample: Plan, sources: Path) -> None:
    path = sources / "01_manajemen_perubahan.xlsx"
    workbook, sheet = edit(path, "Uraian")
    first, second, third = (sheet[f"B{r}"].value for r in (5, 6, 7))
    sheet["B5"], sheet["B6"], sheet["B7"] = third, first, second
    workbook.save(path)
    diff = diff_plans(sample, load_any(sources))
    group = component_group(ComponentKey.MANAJEMEN_PERUBAHAN)
    assert rows(diff) == [(group, "Target", Kind.MOVED, "Target ke-1", "Urutan", "ke-3", "ke-1")]
    assert diff.summary() == "1 perubahan: 1 dipindahkan."


def test_renamed_kegiatan_with_same_lines_is_one_change(sample: Plan, sources: Path) -> None:
    set_cell(sources / SDM, "Indikator", "B8", "SASARAN KERJA PEGAWAI")
    diff = diff_plans(sample, load_any(sources))
    assert [(c.kind, c.item, c.field, c.old, c.new) for c in diff.changes] == [
        (
            Kind.CHANGED,
            'Kegiatan ke-2 "SASARAN KERJA PEGAWAI"',
            "Kegiatan",
            "PENETAPAN KINERJA INDIVIDU",
            "SASARAN KERJA PEGAWAI",
        )
    ]


def test_similarity_by_words_and_by_characters_for_short_texts() -> None:
    assert similarity("Membuat Maklumat", "Membuat Maklumat.") == 1.0
    assert similarity("Rekapitulasi E-LHKASN", "Rekapitulasi E-LHKPN") > 0.6
    assert similarity("Narkoba", "Pengaduan masyarakat ditangani setiap hari kerja") < 0.6


VOCABULARY = (
    "pegawai pelayanan integritas laporan evaluasi monitoring sosialisasi pelatihan "
    "pengawasan kinerja dokumen rapat inovasi standar pengaduan masyarakat anggaran "
    "kepegawaian disiplin gratifikasi risiko survei kepuasan informasi media aplikasi "
    "jadwal petugas pimpinan seksi bulanan triwulan tahunan berkala terpadu digital"
)


WORDS = VOCABULARY.split()


def sentence(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 16))).capitalize()


def big_plan(base: Plan, per_component: int = 25, seed: int = 7) -> Plan:
    """Six components of 25 targets and 25 priority targets each: 150 of both."""
    rng = random.Random(seed)
    components = []
    for key in ComponentKey:
        months = tuple(rng.random() < 0.3 for _ in range(12))
        components.append(
            Component(
                key=key,
                tujuan=[sentence(rng)],
                targets=[sentence(rng) for _ in range(per_component)],
                activities=[
                    Activity(
                        kegiatan=f"KEGIATAN {key.number}.{a}",
                        lines=[
                            MatrixLine(uraian=[], hasil=[], target=[], months=months, ket=str(n))
                            for n in range(3)
                        ],
                    )
                    for a in range(5)
                ],
                priorities=[
                    PriorityTarget(
                        target=sentence(rng),
                        steps=[Step(rencana_aksi=sentence(rng), waktu="Maret 2024") for _ in "abc"],
                    )
                    for _ in range(per_component)
                ],
            )
        )
    return base.model_copy(update={"components": components})


def test_150_targets_insert_delete_and_move(sample: Plan) -> None:
    old = big_plan(sample)
    assert sum(len(c.targets) for c in old.components) == 150
    component = old.components[2]
    targets = ["Target baru di atas semua target", *component.targets]
    del targets[10]  # the old ninth... tenth target
    targets.append(targets.pop(5))  # and one moved to the end
    new = replace_component(old, 3, targets=targets)
    kinds = [(c.kind, c.item) for c in diff_plans(old, new).changes]
    assert kinds == [
        (Kind.ADDED, "Target ke-1"),
        (Kind.REMOVED, "Target ke-10"),
        (Kind.MOVED, "Target ke-25"),
    ]
