"""Comparing two plans: each kind of edit to the workbooks reads as the changes it made."""

from __future__ import annotations

from pathlib import Path

from generator.diff import Kind, diff_plans, format_diff, load_any
from generator.diff.compare import component_group
from generator.plan.models import ComponentKey, Plan
from tests.conftest import set_cell, write_workbook
from tests.diff.plan_edits import MONTHS, SDM, SDM_GROUP, UMUM, edit, replace_component, rows
from tests.images import png


def test_typo_fixed_in_one_cell(sample: Plan, sources: Path) -> None:
    fixed = (
        "Penempatan pegawai hasil rekrutmen murni mengacu kepada kebutuhan pegawai yang "
        "telah disusun per jabatan;"
    )
    typo = fixed.replace("rekrutmen", "rekrutmn")
    set_cell(sources / SDM, "Uraian", "B7", typo)
    diff = diff_plans(load_any(sources), sample)  # the old version had the typo
    assert rows(diff) == [(SDM_GROUP, "Target", Kind.CHANGED, "Target ke-3", "", typo, fixed)]
    text = format_diff(diff)
    assert '(yang berubah: "rekrutmn" menjadi "rekrutmen")' in text
    assert text.splitlines()[-1] == "1 perubahan: 1 diubah."


def test_kegiatan_inserted_at_top_of_matrix_is_one_addition(sample: Plan, sources: Path) -> None:
    workbook, sheet = edit(sources / SDM, "Indikator")
    sheet.insert_rows(4)
    for column, value in zip(
        "BCDEF",
        ("PEMBINAAN MENTAL PEGAWAI", "Integritas pegawai", "Ceramah bulanan", "12 kali", "√"),
        strict=True,
    ):
        sheet[f"{column}4"] = value
    workbook.save(sources / SDM)
    diff = diff_plans(sample, load_any(sources))
    assert rows(diff) == [
        (
            SDM_GROUP,
            "Matriks Kegiatan",
            Kind.ADDED,
            'Kegiatan ke-1 "PEMBINAAN MENTAL PEGAWAI"',
            "",
            "",
            "Kegiatan: PEMBINAAN MENTAL PEGAWAI\n"
            "Baris ke-1:\n"
            "  Hasil yang Ingin Dicapai: Integritas pegawai\n"
            "  Uraian Kegiatan: Ceramah bulanan\n"
            "  Target: 12 kali\n"
            "  Bulan: Jan",
        )
    ]


def test_line_inserted_at_top_of_a_kegiatan_is_one_addition(sample: Plan, sources: Path) -> None:
    workbook, sheet = edit(sources / SDM, "Indikator")
    name = sheet["B4"].value
    sheet.insert_rows(4)
    sheet["B4"], sheet["B5"] = name, None  # the new row is now the KEGIATAN's first line
    sheet["D4"], sheet["G4"] = "Menyusun rencana pengembangan kompetensi", "√"
    workbook.save(sources / SDM)
    diff = diff_plans(sample, load_any(sources))
    assert rows(diff) == [
        (
            SDM_GROUP,
            "Matriks Kegiatan",
            Kind.ADDED,
            f'Kegiatan ke-1 "{name}", baris ke-1',
            "",
            "",
            "Uraian Kegiatan: Menyusun rencana pengembangan kompetensi\nBulan: Feb",
        )
    ]


def test_month_moved(sample: Plan, sources: Path) -> None:
    workbook, sheet = edit(sources / SDM, "Indikator")
    sheet["G6"], sheet["H6"] = None, "√"  # FEB -> MAR on the KEGIATAN's third line
    workbook.save(sources / SDM)
    diff = diff_plans(sample, load_any(sources))
    item = 'Kegiatan ke-1 "PENGEMBANGAN PEGAWAI BERBASIS KOMPETENSI", baris ke-3'
    assert rows(diff) == [
        (SDM_GROUP, "Matriks Kegiatan", Kind.CHANGED, item, "Bulan", "Feb", "Mar")
    ]
    assert f"    Diubah       {item} › Bulan: Feb → Mar" in format_diff(diff).splitlines()


def test_month_moved_among_several_reads_as_month_names(sample: Plan, sources: Path) -> None:
    path = sources / "02_penataan_tatalaksana.xlsx"
    workbook, sheet = edit(path, "Indikator")
    sheet["G5"], sheet["H5"] = None, "√"  # a line with only ticks: Feb, Apr, ... -> Mar, Apr, ...
    workbook.save(path)
    diff = diff_plans(sample, load_any(sources))
    assert [(c.kind, c.field, c.old, c.new) for c in diff.changes] == [
        (
            Kind.CHANGED,
            "Bulan",
            "Feb, Apr, Jun, Agu, Okt, Des",
            "Mar, Apr, Jun, Agu, Okt, Des",
        )
    ]
    assert diff.changes[0].item.endswith(", baris ke-2")


def test_priority_target_split_into_two(sample: Plan, sources: Path) -> None:
    workbook, sheet = edit(sources / SDM, "Prioritas")
    sheet["B5"] = "Penyusunan Jurnal dan Rekap Absensi Pegawai"
    sheet["D5"], sheet["E5"] = "Januari s.d. Desember 2024", "Rekap jurnal dan absensi"
    workbook.save(sources / SDM)
    diff = diff_plans(sample, load_any(sources))
    assert [(c.kind, c.item) for c in diff.changes] == [
        (Kind.REMOVED, 'Target Prioritas ke-1 "Penetapan Kinerja Individu", langkah ke-2'),
        (Kind.REMOVED, 'Target Prioritas ke-1 "Penetapan Kinerja Individu", langkah ke-3'),
        (Kind.ADDED, 'Target Prioritas ke-2 "Penyusunan Jurnal dan Rekap Absensi Pegawai"'),
    ]
    assert diff.changes[2].new == (
        "Target Prioritas: Penyusunan Jurnal dan Rekap Absensi Pegawai\n"
        "Waktu: Januari s.d. Desember 2024\n"
        "Output: Rekap jurnal dan absensi\n"
        "Langkah ke-1: Menyusun jurnal harian pegawai periode Januari 2024 s.d. Juni 2024\n"
        "Langkah ke-2: Merekap Absensi Apel Pegawai untuk reward dan punishment setiap bulan"
    )


def test_component_workbook_replaced_wholesale(sample: Plan, sources: Path) -> None:
    ticks = ["√" if month in ("MAR", "SEP") else None for month in MONTHS]
    write_workbook(
        sources / "05_penguatan_pengawasan.xlsx",
        {
            "Uraian": [
                ("Bagian", "Teks"),
                ("Tujuan", "Program pengawasan disusun ulang agar laporan gratifikasi cepat."),
                ("Target", "Seluruh laporan gratifikasi diproses paling lambat tujuh hari kerja;"),
                ("Target", "Penilaian risiko dilakukan pada setiap seksi dua kali setahun."),
                ("Pengantar Tabel", "Langkah yang ditempuh dirinci dalam tabel berikut:"),
            ],
            "Indikator": [
                (
                    "NO",
                    "KEGIATAN",
                    "HASIL YANG INGIN DICAPAI",
                    "URAIAN KEGIATAN",
                    "TARGET",
                    *MONTHS,
                    "KET",
                ),
                (
                    None,
                    "PENILAIAN RISIKO SEKSI",
                    "Peta risiko",
                    "Lokakarya risiko",
                    "2 peta",
                    *ticks,
                    None,
                ),
            ],
            "Prioritas": [
                ("No", "Target Prioritas", "Rencana Aksi", "Waktu", "Output"),
                (None, "Penilaian risiko per seksi", "Lokakarya risiko", "Maret 2024", "Peta"),
                (None, None, "Menyusun peta risiko per seksi", None, None),
            ],
        },
    )
    diff = diff_plans(sample, load_any(sources))
    assert {c.group for c in diff.changes} == {component_group(ComponentKey.PENGAWASAN)}
    assert {c.component for c in diff.changes} == {5}
    old = sample.components[4]
    removed = [c for c in diff.changes if c.kind is Kind.REMOVED]
    added = [c for c in diff.changes if c.kind is Kind.ADDED]
    assert len(removed) == 1 + len(old.targets) + 1 + len(old.priorities)  # no matrix before
    assert [c.section for c in added] == [
        "Tujuan",
        "Target",
        "Target",
        "Pengantar Tabel",
        "Matriks Kegiatan",
        "Target Prioritas dan Rencana Aksi",
    ]
    assert len(diff.changes) == len(removed) + len(added)
    assert diff.summary() == "17 perubahan: 6 ditambahkan dan 11 dihapus."


def test_identity_change_new_head_and_nip(sample: Plan, sources: Path) -> None:
    set_cell(sources / UMUM, "Identitas", "B13", "Budi Santoso")
    set_cell(sources / UMUM, "Identitas", "B14", "198001012005011001")
    diff = diff_plans(sample, load_any(sources))
    group = "Identitas dan Penandatangan (00_umum.xlsx › Identitas)"
    assert rows(diff) == [
        (group, "", Kind.CHANGED, "Nama Penandatangan", "", "Erwin Saleh Siregar", "Budi Santoso"),
        (
            group,
            "",
            Kind.CHANGED,
            "NIP Penandatangan",
            "",
            "19760413 200012 1 002",
            "19800101 200501 1 001",
        ),
    ]
    assert format_diff(diff) == "\n".join(
        [
            "Perubahan Rencana Kerja Pembangunan Zona Integritas",
            "  Lama: Rumah Tahanan Negara Kelas I Pekanbaru, tahun 2024, ditetapkan di "
            "Pekanbaru pada 12 Februari 2024",
            "  Baru: Rumah Tahanan Negara Kelas I Pekanbaru, tahun 2024, ditetapkan di "
            "Pekanbaru pada 12 Februari 2024",
            "",
            group,
            "  Diubah       Nama Penandatangan: Erwin Saleh Siregar → Budi Santoso",
            "  Diubah       NIP Penandatangan: 19760413 200012 1 002 → 19800101 200501 1 001",
            "",
            "2 perubahan: 2 diubah.",
        ]
    )


def test_shipped_sources_against_three_planted_edits(sample: Plan, sources: Path) -> None:
    workbook, sheet = edit(sources / UMUM, "Narasi")
    paragraph = sheet["C8"].value
    assert "kompetensi tinggi" in paragraph
    sheet["C8"] = paragraph.replace("kompetensi tinggi", "kompetensi yang tinggi")
    workbook.save(sources / UMUM)
    set_cell(sources / "04_penguatan_akuntabilitas.xlsx", "Prioritas", "D10", "Maret 2024")
    workbook, sheet = edit(sources / "06_pelayanan_publik.xlsx", "Uraian")
    target = sheet["B6"].value
    sheet.delete_rows(6)
    workbook.save(sources / "06_pelayanan_publik.xlsx")

    diff = diff_plans(sample, load_any(sources))
    assert rows(diff) == [
        (
            "Narasi (00_umum.xlsx › Narasi)",
            "Latar Belakang",
            Kind.CHANGED,
            "Paragraf ke-2",
            "",
            paragraph,
            paragraph.replace("kompetensi tinggi", "kompetensi yang tinggi"),
        ),
        (
            component_group(ComponentKey.AKUNTABILITAS),
            "Target Prioritas dan Rencana Aksi",
            Kind.CHANGED,
            'Target Prioritas ke-2 "Pengelolaan Akuntabilitas Kinerja", langkah ke-3',
            "Waktu",
            "Februari 2024",
            "Maret 2024",
        ),
        (
            component_group(ComponentKey.PELAYANAN_PUBLIK),
            "Target",
            Kind.REMOVED,
            "Target ke-2",
            "",
            target,
            "",
        ),
    ]
    assert '(yang berubah: ditambahkan "yang")' in format_diff(diff)


def test_waktu_merged_over_steps_is_one_change(sample: Plan, sources: Path) -> None:
    set_cell(sources / SDM, "Prioritas", "D4", "Februari s.d. Desember 2024")
    diff = diff_plans(sample, load_any(sources))
    assert [(c.item, c.field, c.old, c.new) for c in diff.changes] == [
        (
            'Target Prioritas ke-1 "Penetapan Kinerja Individu", langkah ke-1 s.d. ke-3',
            "Waktu",
            "Januari s.d. Desember 2024",
            "Februari s.d. Desember 2024",
        )
    ]


def test_step_removed_in_the_middle_leaves_later_steps_alone(sample: Plan) -> None:
    target = sample.components[0].priorities[2]  # five steps
    fewer = target.model_copy(update={"steps": target.steps[:1] + target.steps[2:]})
    priorities = [*sample.components[0].priorities[:2], fewer]
    diff = diff_plans(sample, replace_component(sample, 1, priorities=priorities))
    assert [(c.kind, c.item, c.old) for c in diff.changes] == [
        (
            Kind.REMOVED,
            'Target Prioritas ke-3 "Perubahan Pola Pikir dan Budaya Kerja", langkah ke-2',
            "Rencana Aksi: Pemberian Reward dan Punishment kepada Pegawai.\n"
            "Waktu: Januari s.d. Desember 2024\n"
            "Output: " + target.steps[1].output,
        )
    ]


def test_standard_text_taking_over_is_said(sample: Plan, sources: Path) -> None:
    workbook, sheet = edit(sources / UMUM, "Narasi")
    for row in sheet.iter_rows(min_row=4):
        if row[0].value == "Ruang Lingkup":
            sheet.delete_rows(row[0].row)
            break
    workbook.save(sources / UMUM)
    diff = diff_plans(sample, load_any(sources))
    assert {c.section for c in diff.changes} == {"Ruang Lingkup"}
    assert (diff.changes[0].item, diff.changes[0].old, diff.changes[0].new) == (
        "Sumber teks",
        "isian workbook",
        "teks baku (baris di workbook kosong)",
    )


def test_logo_added_and_replaced(sources: Path, tmp_path: Path) -> None:
    (sources / "logo.png").unlink()  # the sample's placeholder
    without = load_any(sources)
    png(sources / "logo.png", (0, 0, 128))
    with_logo = load_any(sources)
    (change,) = diff_plans(without, with_logo).changes
    assert (change.kind, change.item, change.new) == (Kind.ADDED, "Logo", "logo.png")
    other = tmp_path / "other"
    other.mkdir()
    png(other / "logo.png", (128, 0, 0))
    replaced = with_logo.model_copy(update={"logo": str(other / "logo.png")})
    assert [c.kind for c in diff_plans(with_logo, replaced).changes] == [Kind.CHANGED]
    moved = with_logo.model_copy(update={"logo": str(tmp_path / "gone" / "logo.png")})
    assert diff_plans(with_logo, moved).equal  # an unreadable path says nothing
