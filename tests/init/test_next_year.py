"""zi-plan init --dari: next year's plan from this year's, and the report of what changed."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from generator.init import roll_forward
from generator.init.next_year import shift_years
from generator.plan.models import Plan
from generator.plan.validate import load_plan
from generator.problems import InputInvalid, Severity
from tests.conftest import SAMPLE_SOURCES, set_cell
from tests.init.conftest import NAMES, workbook


def test_shift_years_moves_every_year_of_a_waktu() -> None:
    assert shift_years("Januari s.d. Desember 2024", 1) == "Januari s.d. Desember 2025"
    assert shift_years("Desember 2024 – Januari 2025", 1) == "Desember 2025 – Januari 2026"
    assert shift_years("Triwulan I", 1) == "Triwulan I"
    assert shift_years("No. 12024", 1) == "No. 12024"


def _rolled(tmp_path: Path, keep_ticks: bool = False) -> tuple[Plan, Plan, list[str]]:
    """This year's sample plan, next year's plan read back (dated), and the change report."""
    old, _ = load_plan(SAMPLE_SOURCES)
    target = tmp_path / "2025"
    changes = roll_forward(SAMPLE_SOURCES, target, keep_ticks=keep_ticks)
    set_cell(target / NAMES[0], "Identitas", "B11", datetime(2025, 2, 3))
    new, _ = load_plan(target)
    return old, new, changes


def test_roll_forward_keeps_the_content_and_moves_the_year(tmp_path: Path) -> None:
    old, new, changes = _rolled(tmp_path)
    assert new.identity.tahun == 2025
    assert new.identity.model_dump(exclude={"tahun", "tanggal"}) == old.identity.model_dump(
        exclude={"tahun", "tanggal"}
    )
    assert [s for s in new.sections if not s.standard] == [
        s for s in old.sections if not s.standard
    ]
    for before, after in zip(old.components, new.components, strict=True):
        assert (after.tujuan, after.targets, after.pengantar_tabel) == (
            before.tujuan,
            before.targets,
            before.pengantar_tabel,
        )
        assert [a.kegiatan for a in after.activities] == [a.kegiatan for a in before.activities]
        for a_after, a_before in zip(after.activities, before.activities, strict=True):
            kept = [line for line in a_before.lines if line.hasil or line.uraian or line.target]
            assert [line.model_dump(exclude={"months"}) for line in a_after.lines] == [
                line.model_dump(exclude={"months"}) for line in kept
            ]
            assert all(not any(line.months) for line in a_after.lines)
        assert [
            (t.target, [s.model_dump(exclude={"waktu"}) for s in t.steps]) for t in after.priorities
        ] == [
            (t.target, [s.model_dump(exclude={"waktu"}) for s in t.steps])
            for t in before.priorities
        ]
        assert [s.waktu for t in after.priorities for s in t.steps] == [
            s.waktu.replace("2024", "2025") for t in before.priorities for s in t.steps
        ]
    assert changes[1] == "Tahun diubah dari 2024 menjadi 2025 (00_umum.xlsx › Identitas › B9)."
    assert changes[2].startswith("Tanggal Penetapan, Revisi dan Tanggal Revisi dikosongkan.")
    assert (
        "Tahun pada kolom Waktu dimajukan 1 tahun di: 01_manajemen_perubahan.xlsx › Prioritas › "
        "D4, D6, D8; " in changes[4]
    )
    assert "Centang bulan pada sheet Indikator dikosongkan (58 centang)." in changes[5]
    assert changes[6] == (
        "Baris Indikator yang hanya berisi centang (jadwal lanjutan kegiatan di atasnya) "
        "disalin sebagai baris kosong di tempatnya; centang kembali bulannya, atau biarkan "
        "kosong bila tidak dipakai lagi: 02_penataan_tatalaksana.xlsx › Indikator › baris 5, 6, 7."
    )
    assert changes[7] == (
        "Teks berikut masih menyebut tahun 2024; periksa apakah perlu diubah: "
        "03_penataan_sdm.xlsx › Prioritas › C5; 04_penguatan_akuntabilitas.xlsx › Prioritas › E4."
    )


def test_roll_forward_keeps_ticks_when_asked(tmp_path: Path) -> None:
    old, new, changes = _rolled(tmp_path, keep_ticks=True)
    assert [c.activities for c in new.components] == [c.activities for c in old.components]
    assert any("dipertahankan (58 centang" in line for line in changes)


def test_roll_forward_needs_the_date_and_says_where(tmp_path: Path) -> None:
    roll_forward(SAMPLE_SOURCES, tmp_path / "2025")
    with pytest.raises(InputInvalid) as raised:
        load_plan(tmp_path / "2025")
    errors = [p for p in raised.value.problems if p.severity is Severity.ERROR]
    assert [(p.code, str(p.where)) for p in errors] == [
        ("identitas-kosong", "00_umum.xlsx › Identitas › B11")
    ]


def test_roll_forward_copies_the_logo_and_takes_a_year(sources: Path, tmp_path: Path) -> None:
    (sources / "logo.png").write_bytes(b"\x89PNG logo")
    changes = roll_forward(sources, tmp_path / "2027", tahun=2027)
    assert (tmp_path / "2027" / "logo.png").read_bytes() == b"\x89PNG logo"
    assert "logo.png dan kamus.txt disalin." in changes
    assert any("dimajukan 3 tahun" in line for line in changes)
    ws = workbook(tmp_path / "2027", 1)["Prioritas"]
    assert ws["D4"].value == "Januari 2027"


def test_roll_forward_of_a_broken_folder_reports_its_problems(tmp_path: Path) -> None:
    with pytest.raises(InputInvalid):
        roll_forward(tmp_path / "tidak-ada", tmp_path / "baru")
    assert not (tmp_path / "baru").exists()
