"""Reading the realisation workbooks: every bad input named by file, sheet and cell."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from generator.monev.read import parse_quarter, read_realisation
from generator.monev.workbooks import write_realisation
from generator.plan.validate import load_plan
from generator.problems import InputInvalid
from tests.monev.scenario import append_rows, day, edit

SDM = "03_penataan_sdm.xlsx"


@pytest.fixture
def realisasi(sources: Path) -> Path:
    write_realisation(sources)
    return sources / "realisasi"


def problems(sources: Path, folder: Path) -> list[str]:
    plan, _ = load_plan(sources)
    with pytest.raises(InputInvalid) as caught:
        read_realisation(plan, folder, "sources")
    return [str(p) for p in caught.value.problems]


def identity_row(folder: Path, name: str, label: str) -> int:
    ws = openpyxl.load_workbook(folder / name)["Petunjuk"]
    return next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == label)


def set_identity(folder: Path, name: str, label: str, value: object) -> str:
    row = identity_row(folder, name, label)
    workbook = openpyxl.load_workbook(folder / name)
    workbook["Petunjuk"].cell(row, 2, value)
    workbook.save(folder / name)
    return f"B{row}"


def test_fresh_workbooks_read_as_nothing_done(sources: Path, realisasi: Path) -> None:
    plan, _ = load_plan(sources)
    realisation, warnings = read_realisation(plan, realisasi)
    assert warnings == []
    assert len(realisation.lines) == sum(
        len(a.lines) for c in plan.components for a in c.activities
    )
    assert not any(any(line.done) for line in realisation.lines)
    assert {step.status for step in realisation.steps} == {"Belum"}
    assert realisation.meetings == realisation.follow_ups == ()


def test_every_bad_cell_at_once(sources: Path, realisasi: Path) -> None:
    edit(realisasi / SDM, "Realisasi", {(4, "JAN"): "ok", (5, "MAR"): "v"})
    edit(realisasi / SDM, "Prioritas", {(4, "Status"): "Sudah", (5, "Tanggal Selesai"): "kemarin"})
    append_rows(
        realisasi / "00_monev.xlsx",
        "Rapat Monev",
        [{"Triwulan": "V", "Tanggal": day("2024-03-28"), "Dihadiri Pimpinan": "mungkin"}],
    )
    append_rows(
        realisasi / "00_monev.xlsx",
        "Tindak Lanjut",
        [{"Triwulan": 1, "Rekomendasi": "Lengkapi SOP", "Status": "tuntas"}],
    )
    assert problems(sources, realisasi) == [
        '00_monev.xlsx › Rapat Monev › A4: "V" bukan triwulan. Perbaiki: Isi 1, 2, 3 atau 4 '
        "(atau I s.d. IV). [triwulan-tidak-sah]",
        '00_monev.xlsx › Rapat Monev › C4: "mungkin" bukan Ya atau Tidak. Perbaiki: Pilih Ya '
        "bila pimpinan hadir, Tidak bila tidak. [ya-tidak-tidak-sah]",
        '00_monev.xlsx › Tindak Lanjut › E4: "tuntas" bukan status yang dikenal. Perbaiki: '
        "Pilih Belum, Proses atau Selesai dari daftar; kosong berarti Belum. "
        "[status-tidak-dikenal]",
        f'{SDM} › Realisasi › D4: "ok" bukan tanda centang. Perbaiki: Pilih √ (atau v, x, 1, '
        "ya) pada bulan kegiatan dilaksanakan, atau kosongkan. [realisasi-tanda-tidak-dikenal]",
        f'{SDM} › Prioritas › E4: "Sudah" bukan status yang dikenal. Perbaiki: Pilih Belum, '
        "Proses atau Selesai dari daftar; kosong berarti Belum. [status-tidak-dikenal]",
        f'{SDM} › Prioritas › F5: "kemarin" bukan tanggal. Perbaiki: Isi dengan tanggal Excel '
        "atau teks seperti 12 Februari 2024. [tanggal-tidak-sah]",
    ]


def test_a_workbook_of_another_unit(sources: Path, realisasi: Path) -> None:
    cell = set_identity(realisasi, SDM, "Nama Satuan Kerja", "Lembaga Pemasyarakatan Kelas IIA")
    assert problems(sources, realisasi) == [
        f'{SDM} › Petunjuk › {cell}: Workbook realisasi ini milik "Lembaga Pemasyarakatan '
        'Kelas IIA", bukan "Rumah Tahanan Negara Kelas I Pekanbaru". Perbaiki: Gunakan '
        "workbook realisasi satuan kerja ini; workbook itu mungkin tersalin dari satuan kerja "
        "lain. [realisasi-satker-lain]"
    ]


def test_a_workbook_of_another_year(sources: Path, realisasi: Path) -> None:
    cell = set_identity(realisasi, "00_monev.xlsx", "Tahun", "2023")
    assert problems(sources, realisasi) == [
        f"00_monev.xlsx › Petunjuk › {cell}: Workbook realisasi ini untuk tahun 2023, bukan "
        "tahun rencana 2024. Perbaiki: Gunakan workbook realisasi tahun 2024, atau buat dengan "
        "zi-plan realisasi sources. [realisasi-tahun-lain]"
    ]


def test_a_folder_for_a_plan_that_was_revised(sources: Path, realisasi: Path) -> None:
    plan_book = openpyxl.load_workbook(sources / SDM)
    plan_book["Indikator"]["H4"] = None  # MAR of the first line: no longer planned
    plan_book.save(sources / SDM)
    (problem,) = problems(sources, realisasi)
    cell = f"B{identity_row(realisasi, SDM, 'Kode Rencana')}"
    assert problem.startswith(
        f"{SDM} › Petunjuk › {cell}: Workbook realisasi ini disusun dari versi rencana yang "
        "lain (kode "
    )
    assert problem.endswith(
        "Perbaiki: Jalankan zi-plan realisasi sources lagi: isian yang sudah ada dipindahkan "
        "ke baris yang sama isinya di rencana baru. [realisasi-rencana-berubah]"
    )
    write_realisation(sources)  # the fix the message names
    plan, _ = load_plan(sources)
    read_realisation(plan, realisasi)


def test_a_missing_folder_and_a_missing_workbook(sources: Path, realisasi: Path) -> None:
    assert problems(sources, sources / "tidak_ada") == [
        f"{sources / 'tidak_ada'}: Folder realisasi tidak ditemukan. Perbaiki: Buat workbook "
        "realisasi dengan zi-plan realisasi sources, atau sebutkan foldernya dengan "
        "--realisasi. [realisasi-folder-tidak-ada]"
    ]
    (realisasi / SDM).unlink()
    assert problems(sources, realisasi) == [
        f"{SDM}: Workbook realisasi {SDM} tidak ada di folder realisasi. Perbaiki: Simpan "
        "workbook realisasi yang namanya diawali 03 di folder ini, atau buat ulang dengan "
        "zi-plan realisasi sources (isian yang ada dipertahankan). "
        "[realisasi-workbook-tidak-ada]"
    ]


def test_meetings_and_follow_ups_are_read(sources: Path, realisasi: Path) -> None:
    append_rows(
        realisasi / "00_monev.xlsx",
        "Rapat Monev",
        [
            {"Triwulan": "TW I", "Tanggal": day("2024-03-28"), "Dihadiri Pimpinan": "Ya"},
            {"Triwulan": 2, "Tanggal": "27 Juni 2024", "Dihadiri Pimpinan": "Tidak"},
        ],
    )
    plan, _ = load_plan(sources)
    realisation, _ = read_realisation(plan, realisasi)
    assert [(m.triwulan, m.tanggal.isoformat(), m.pimpinan) for m in realisation.meetings] == [
        (1, "2024-03-28", True),
        (2, "2024-06-27", False),
    ]


@pytest.mark.parametrize(
    ("typed", "quarter"),
    [(1, 1), ("2", 2), ("III", 3), ("TW 4", 4), ("Triwulan II", 2), (5, None), ("x", None)],
)
def test_quarters_as_people_write_them(typed: object, quarter: int | None) -> None:
    assert parse_quarter(typed) == quarter


def test_a_petunjuk_without_its_identity_rows(sources: Path, realisasi: Path) -> None:
    workbook = openpyxl.load_workbook(realisasi / SDM)
    ws = workbook["Petunjuk"]
    ws.delete_rows(identity_row(realisasi, SDM, "Kode Rencana"))
    workbook.save(realisasi / SDM)
    assert problems(sources, realisasi) == [
        f"{SDM} › Petunjuk: Baris Kode Rencana tidak ditemukan di sheet Petunjuk, sehingga "
        "tidak jelas workbook ini milik rencana mana. Perbaiki: Buat ulang workbook dengan "
        "zi-plan realisasi sources; isian yang ada dipertahankan. "
        "[realisasi-identitas-tidak-ada]"
    ]
