"""The diff of two plans: content matching, the Indonesian report, JSON and the Word list."""

from __future__ import annotations

import json
import random
import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from docx import Document
from docx.oxml.ns import qn

from generator.cli import cli
from generator.diff.core import (
    Change,
    Kind,
    PlanDiff,
    PlanFileError,
    component_group,
    diff_plans,
    diff_to_json,
    format_diff,
    load_any,
    months_text,
    similarity,
    write_diff_docx,
)
from generator.plan.models import (
    Activity,
    Component,
    ComponentKey,
    MatrixLine,
    Paragraph,
    Plan,
    PriorityTarget,
    Section,
    SectionKey,
    Step,
)
from generator.plan.validate import load_plan
from generator.problems import InputInvalid, OutputError
from generator.render.document import write
from tests.conftest import SAMPLE_SOURCES, set_cell, write_workbook
from tests.docx_reading import open_docx
from tests.ooxml_schema import schema_errors

UMUM = "00_umum.xlsx"
SDM = "03_penataan_sdm.xlsx"
SDM_GROUP = component_group(ComponentKey.PENATAAN_SDM)
MONTHS = ("JAN", "FEB", "MAR", "APR", "MEI", "JUN", "JUL", "AGU", "SEP", "OKT", "NOV", "DES")

Row = tuple[str, str, Kind, str, str, str, str]


@pytest.fixture(scope="module")
def sample() -> Plan:
    return load_any(SAMPLE_SOURCES)


def rows(diff: PlanDiff) -> list[Row]:
    """Each change as (group, section, kind, item, field, old, new), for exact assertions."""
    return [(c.group, c.section, c.kind, c.item, c.field, c.old, c.new) for c in diff.changes]


def edit(
    path: Path, sheet: str
) -> tuple[openpyxl.Workbook, openpyxl.worksheet.worksheet.Worksheet]:
    workbook = openpyxl.load_workbook(path)
    return workbook, workbook[sheet]


# -- the cases of the issue ------------------------------------------------------------------


def test_no_change_is_an_empty_report(sample: Plan, sources: Path) -> None:
    diff = diff_plans(sample, load_any(sources))
    assert diff.equal
    assert diff.changes == ()
    assert format_diff(diff).splitlines()[-1] == (
        "Tidak ada perubahan: isi kedua rencana kerja sama."
    )
    report = diff_to_json(diff)
    assert report["sama"] is True
    assert report["perubahan"] == []
    assert report["jumlah"] == {"ditambah": 0, "dihapus": 0, "diubah": 0, "dipindah": 0}


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


def test_months_feb_apr_to_mar_apr(sample: Plan) -> None:
    def matrix(months: set[int]) -> Plan:
        line = MatrixLine(months=tuple(m in months for m in range(1, 13)))
        activity = Activity(kegiatan="PEMANTAUAN", lines=[line])
        return replace_component(sample, 1, activities=[activity])

    (change,) = diff_plans(matrix({2, 4}), matrix({3, 4})).changes
    assert (change.field, change.old, change.new) == ("Bulan", "Feb, Apr", "Mar, Apr")
    assert "Bulan: Feb, Apr → Mar, Apr" in format_diff(diff_plans(matrix({2, 4}), matrix({3, 4})))
    assert months_text([True] * 12) == "Jan, Feb, Mar, Apr, Mei, Jun, Jul, Agu, Sep, Okt, Nov, Des"


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


# -- matching by content ------------------------------------------------------------------


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


def test_paragraph_level_change(sample: Plan) -> None:
    section = sample.section(SectionKey.DASAR_HUKUM)
    first, *rest = section.paragraphs
    lettered = Section(key=section.key, paragraphs=[Paragraph(text=first.text, level=2), *rest])
    sections = [lettered if s.key is section.key else s for s in sample.sections]
    diff = diff_plans(sample, sample.model_copy(update={"sections": sections}))
    assert [(c.section, c.item, c.field, c.old, c.new) for c in diff.changes] == [
        ("Dasar Hukum", "Paragraf ke-1", "Tingkat", "butir bernomor (1.)", "butir berhuruf (a.)")
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


def test_logo_added_and_replaced(sample: Plan, sources: Path, tmp_path: Path) -> None:
    (sources / "logo.png").write_bytes(b"\x89PNG one")
    with_logo = load_any(sources)
    (change,) = diff_plans(sample, with_logo).changes
    assert (change.kind, change.item, change.new) == (Kind.ADDED, "Logo", "logo.png")
    other = tmp_path / "other"
    other.mkdir()
    (other / "logo.png").write_bytes(b"\x89PNG two")
    replaced = with_logo.model_copy(update={"logo": str(other / "logo.png")})
    assert [c.kind for c in diff_plans(with_logo, replaced).changes] == [Kind.CHANGED]
    moved = with_logo.model_copy(update={"logo": str(tmp_path / "gone" / "logo.png")})
    assert diff_plans(with_logo, moved).equal  # an unreadable path says nothing


def test_similarity_by_words_and_by_characters_for_short_texts() -> None:
    assert similarity("Membuat Maklumat", "Membuat Maklumat.") == 1.0
    assert similarity("Rekapitulasi E-LHKASN", "Rekapitulasi E-LHKPN") > 0.6
    assert similarity("Narkoba", "Pengaduan masyarakat ditangani setiap hari kerja") < 0.6


# -- plans of 150 targets, built in code --------------------------------------------------

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


def test_diff_of_json_round_trip_is_equal(sample: Plan, tmp_path: Path) -> None:
    path = tmp_path / "rencana.json"
    path.write_text(sample.model_dump_json(indent=2), encoding="utf-8")
    assert load_any(path) == sample
    assert diff_plans(load_any(SAMPLE_SOURCES), load_any(path)).equal


# -- loading errors -----------------------------------------------------------------------


def test_missing_path(tmp_path: Path) -> None:
    with pytest.raises(PlanFileError) as raised:
        load_any(tmp_path / "lama")
    assert str(raised.value) == (
        f"{tmp_path / 'lama'}: Folder sumber atau file JSON ini tidak ditemukan. "
        "Perbaiki: Periksa nama dan lokasinya. [rencana-tidak-ada]"
    )


def test_neither_folder_nor_json(tmp_path: Path) -> None:
    path = tmp_path / "rencana.docx"
    path.write_bytes(b"PK")
    with pytest.raises(PlanFileError, match="bukan folder sumber dan bukan file JSON"):
        load_any(path)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"{not json", "Isi file bukan rencana kerja yang sah ("),
        (b'{"identity": {}}', "Isi file bukan rencana kerja yang sah (identity.kementerian: "),
        (b"\xff\xfe\x00", "File ini bukan teks JSON (bukan UTF-8)."),
    ],
)
def test_json_that_is_not_a_plan(tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "rencana.json"
    path.write_bytes(content)
    with pytest.raises(PlanFileError) as raised:
        load_any(path)
    assert expected in str(raised.value)
    assert "Perbaiki: Buat ulang file dengan zi-plan build --json" in str(raised.value)


def test_sources_with_errors_raise_every_problem(sources: Path) -> None:
    set_cell(sources / UMUM, "Identitas", "B14", "123")
    with pytest.raises(InputInvalid) as raised:
        load_any(sources)
    assert [p.code for p in raised.value.problems if p.severity == "error"] == [
        "nip-bukan-18-angka"
    ]


# -- JSON and Word --------------------------------------------------------------------------


def test_json_report(sample: Plan, sources: Path) -> None:
    set_cell(sources / UMUM, "Identitas", "B13", "Budi Santoso")
    report = diff_to_json(diff_plans(sample, load_any(sources)))
    assert json.loads(json.dumps(report, ensure_ascii=False)) == {
        "sama": False,
        "lama": {
            "nama_satker": "Rumah Tahanan Negara Kelas I Pekanbaru",
            "tahun": 2024,
            "tempat": "Pekanbaru",
            "tanggal": "2024-02-12",
            "revisi": "",
            "tanggal_revisi": None,
        },
        "baru": {
            "nama_satker": "Rumah Tahanan Negara Kelas I Pekanbaru",
            "tahun": 2024,
            "tempat": "Pekanbaru",
            "tanggal": "2024-02-12",
            "revisi": "",
            "tanggal_revisi": None,
        },
        "jumlah": {"ditambah": 0, "dihapus": 0, "diubah": 1, "dipindah": 0},
        "perubahan": [
            {
                "kelompok": "Identitas dan Penandatangan (00_umum.xlsx › Identitas)",
                "komponen": None,
                "bagian": "",
                "jenis": "diubah",
                "butir": "Nama Penandatangan",
                "isian": "",
                "lama": "Erwin Saleh Siregar",
                "baru": "Budi Santoso",
            }
        ],
    }


def docx_text(path: Path) -> list[str]:
    """Paragraphs and table rows (cells joined by " | ") in body order."""
    document = Document(str(path))
    out = []
    for element in document.element.body.iterchildren():
        if element.tag == qn("w:p"):
            out.append("".join(t.text or "" for t in element.iter(qn("w:t"))))
        elif element.tag == qn("w:tbl"):
            for tr in element.findall(qn("w:tr")):
                cells = [
                    "\n".join(
                        "".join(t.text or "" for t in p.iter(qn("w:t")))
                        for p in tc.findall(qn("w:p"))
                    )
                    for tc in tr.findall(qn("w:tc"))
                ]
                out.append(" | ".join(cells))
    return out


def test_word_list_of_changes(sample: Plan, sources: Path, tmp_path: Path) -> None:
    set_cell(sources / UMUM, "Identitas", "B13", "Budi Santoso")
    set_cell(sources / SDM, "Prioritas", "D4", "Februari s.d. Desember 2024")
    diff = diff_plans(sample, load_any(sources))
    path = write_diff_docx(diff, tmp_path / "perubahan.docx")
    assert schema_errors(path) == []
    text = docx_text(path)
    described = "Rumah Tahanan Negara Kelas I Pekanbaru, tahun 2024, ditetapkan di Pekanbaru pada "
    assert text == [
        "DAFTAR PERUBAHAN",
        "Rencana Kerja Pembangunan Zona Integritas Rumah Tahanan Negara Kelas I Pekanbaru "
        "Tahun 2024",
        f"Rencana lama | {described}12 Februari 2024",
        f"Rencana baru | {described}12 Februari 2024",
        "Jumlah perubahan | 2 perubahan: 2 diubah.",
        "Identitas dan Penandatangan (00_umum.xlsx › Identitas)",
        "No | Bagian | Perubahan | Semula | Menjadi",
        "1. | Nama Penandatangan | Diubah | Erwin Saleh Siregar | Budi Santoso",
        SDM_GROUP,
        "No | Bagian | Perubahan | Semula | Menjadi",
        '1. | Target Prioritas dan Rencana Aksi › Target Prioritas ke-1 "Penetapan Kinerja '
        'Individu", langkah ke-1 s.d. ke-3 › Waktu | Diubah | Januari s.d. Desember 2024 '
        "| Februari s.d. Desember 2024",
    ]
    document = Document(str(path))
    assert [p.style.name for p in document.paragraphs if p.text == SDM_GROUP] == ["Heading 1"]
    header = document.tables[1].rows[0]._tr
    assert header.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None


def test_word_list_is_arial_valid_and_byte_stable(sample: Plan, tmp_path: Path) -> None:
    diff = diff_plans(sample, sample)
    first = write_diff_docx(diff, tmp_path / "a.docx")
    second = write_diff_docx(diff, tmp_path / "b.docx")
    assert first.read_bytes() == second.read_bytes()
    assert schema_errors(first) == []
    assert "Jumlah perubahan | Tidak ada perubahan: isi kedua rencana kerja sama." in docx_text(
        first
    )
    assert [p.style.name for p in Document(str(first)).paragraphs] == ["Title", "Normal"]
    with zipfile.ZipFile(first) as package:
        styles = package.read("word/styles.xml").decode()
        names = package.namelist()
    assert "Theme" not in styles.split("<w:style ")[0]  # docDefaults: no theme fonts
    assert 'w:ascii="Arial"' in styles
    assert "docProps/thumbnail.jpeg" not in names
    document = Document(str(first))
    zoom = document.settings.element.find(qn("w:zoom"))
    assert zoom.get(qn("w:percent")) == "100"
    assert document.core_properties.author == ""


def test_word_list_open_in_word_leaves_the_old_one(
    sample: Plan, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "perubahan.docx"
    target.write_bytes(b"old")

    def locked(source: object, destination: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("generator.files.os.replace", locked)
    with pytest.raises(OutputError) as raised:
        write_diff_docx(diff_plans(sample, sample), target)
    assert raised.value.problem.code == "dokumen-terkunci"
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["perubahan.docx"]


# -- helpers ----------------------------------------------------------------------------------


def replace_component(plan: Plan, number: int, **fields: object) -> Plan:
    components = [
        c.model_copy(update=fields) if c.key.number == number else c for c in plan.components
    ]
    return plan.model_copy(update={"components": components})


def test_change_label_joins_its_parts() -> None:
    change = Change("G", "Target", Kind.CHANGED, "Target ke-2", "Waktu", "a", "b")
    assert change.label == "Target › Target ke-2 › Waktu"


# -- the command line and the Riwayat Perubahan page ----------------------------------------


def test_cli_diff_exit_codes_and_json(sources: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    same = runner.invoke(cli, ["diff", str(SAMPLE_SOURCES), str(sources)])
    assert same.exit_code == 0
    assert "Tidak ada perubahan" in same.stdout
    set_cell(next(sources.glob("02_*.xlsx")), "Prioritas", "D4", "Maret 2024")
    changed = runner.invoke(
        cli,
        [
            "diff",
            str(SAMPLE_SOURCES),
            str(sources),
            "--format",
            "json",
            "-o",
            str(tmp_path / "perubahan.docx"),
        ],
    )
    assert changed.exit_code == 1
    report = json.loads(changed.stdout)
    assert [(c["isian"], c["lama"], c["baru"]) for c in report["perubahan"]] == [
        ("Waktu", "Februari 2024", "Maret 2024")
    ]
    assert schema_errors(tmp_path / "perubahan.docx") == []
    missing = runner.invoke(cli, ["diff", str(tmp_path / "tidak-ada"), str(sources)])
    assert missing.exit_code == 1 and "Traceback" not in missing.output


def test_build_json_is_a_diff_input(sources: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    built = runner.invoke(
        cli,
        [
            "build",
            str(SAMPLE_SOURCES),
            "-o",
            str(tmp_path / "p.docx"),
            "--json",
            "--tanpa-daftar-isi",
        ],
    )
    assert built.exit_code == 0
    archived = tmp_path / "p.json"
    assert runner.invoke(cli, ["diff", str(archived), str(SAMPLE_SOURCES)]).exit_code == 0


def test_build_riwayat_appends_the_changes(sources: Path, tmp_path: Path) -> None:
    set_cell(next(sources.glob("02_*.xlsx")), "Prioritas", "D4", "Maret 2024")
    target = tmp_path / "p.docx"
    result = CliRunner().invoke(
        cli,
        [
            "build",
            str(sources),
            "-o",
            str(target),
            "--riwayat",
            str(SAMPLE_SOURCES),
            "--tanpa-daftar-isi",
        ],
    )
    assert result.exit_code == 0
    texts = [p.text for p in open_docx(target).paragraphs]
    start = texts.index("Riwayat Perubahan")
    assert texts[start + 2] == "1 perubahan: 1 diubah."
    assert texts[start + 4].startswith("–\tDiubah: Target Prioritas dan Rencana Aksi")
    assert texts[start + 4].endswith("› Waktu (semula: Februari 2024; menjadi: Maret 2024)")
    assert schema_errors(target) == []


def test_no_riwayat_page_without_the_option(tmp_path: Path) -> None:
    plan = load_plan(SAMPLE_SOURCES)[0]

    target = write(plan, tmp_path / "p.docx")
    assert "Riwayat Perubahan" not in [p.text for p in open_docx(target).paragraphs]
