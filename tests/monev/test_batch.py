"""zi-plan monev-all: every unit with a realisation folder, and the Kanwil's monev recap."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from generator.cli import cli
from generator.monev.workbooks import write_realisation
from tests.conftest import SAMPLE_SOURCES, assert_no_traceback
from tests.monev.scenario import (
    MATRIX_COMPONENTS,
    build_year,
    edit,
    expected_line_months,
    workbook_path,
)
from tests.ooxml_schema import schema_errors


def rename(unit: Path, singkat: str) -> None:
    workbook = openpyxl.load_workbook(unit / "00_umum.xlsx")
    ws = workbook["Identitas"]
    for row in ws.iter_rows(min_row=1):
        if row[0].value == "Nama Singkat":
            row[1].value = singkat
        if row[0].value == "Nama Satuan Kerja":
            row[1].value = f"Rumah Tahanan Negara {singkat}"
    workbook.save(unit / "00_umum.xlsx")


@pytest.fixture(scope="module")
def kanwil(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("kanwil") / "kanwil_riau"
    for name in ("a_pekanbaru", "b_dumai", "c_bengkalis", "d_siak"):
        shutil.copytree(SAMPLE_SOURCES, root / name)
    build_year(root / "a_pekanbaru")
    names = {"b_dumai": "Rutan Dumai", "c_bengkalis": "Rutan Bengkalis", "d_siak": "Rutan Siak"}
    for name, singkat in names.items():
        rename(root / name, singkat)
    write_realisation(root / "b_dumai")
    write_realisation(root / "d_siak")
    edit(workbook_path(root / "d_siak" / "realisasi", 2), "Realisasi", {(4, "FEB"): "ok"})
    return root


def test_every_unit_with_a_realisation_folder(kanwil: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli, ["monev-all", str(kanwil), "--triwulan", "2", "-o", str(out), "--jobs", "2"]
    )
    assert_no_traceback(result)
    assert result.exit_code == 1  # d_siak has a bad tick
    assert sorted(p.name for p in out.glob("*.docx")) == [
        "Laporan_Monev_Rutan_Dumai_2024_TW2.docx",
        "Laporan_Monev_Rutan_Pekanbaru_2024_TW2.docx",
    ]
    assert "3 berhasil" not in result.stderr
    assert "2 berhasil, 1 gagal, dari 3 satuan kerja." in result.stderr
    assert '"ok" bukan tanda centang' in result.stderr
    assert "Satuan kerja tanpa folder realisasi (tidak disusun): c_bengkalis" in result.stderr
    recap = out / "Rekap_Monev_Kantor_Wilayah_Kementerian_Hukum_dan_HAM_Riau_2024_TW2.xlsx"
    assert result.stdout.strip().splitlines()[-1] == str(recap)
    assert schema_errors(recap) == []

    workbook = openpyxl.load_workbook(recap)
    assert workbook.sheetnames == ["Ringkasan", "Tanpa Realisasi", "Grafik"]
    ws = workbook["Ringkasan"]
    headers = [c.value for c in ws[1]]
    rows = {
        row[1]: dict(zip(headers, row, strict=True))
        for row in ws.iter_rows(min_row=2, values_only=True)
    }
    assert set(rows) == {"a_pekanbaru", "b_dumai", "d_siak"}
    assert rows["d_siak"]["Status"] == "gagal"
    unit = kanwil / "a_pekanbaru"
    lines = [expected_line_months(unit, unit / "realisasi", n, 2) for n in MATRIX_COMPONENTS]
    due, done = sum(x[0] for x in lines), sum(x[1] for x in lines)
    assert rows["a_pekanbaru"]["Realisasi seluruhnya"] == pytest.approx(done / due, abs=1e-4)
    assert rows["a_pekanbaru"]["Realisasi Manajemen Perubahan"] is None  # nothing due
    assert rows["a_pekanbaru"]["Rapat monev s.d. TW 2"] == "2 (1 dihadiri pimpinan)"
    assert rows["a_pekanbaru"]["Rekomendasi belum selesai"] == 1
    assert rows["b_dumai"]["Realisasi seluruhnya"] == 0
    assert (
        rows["b_dumai"]["Baris tanpa bukti dukung"]
        > rows["a_pekanbaru"]["Baris tanpa bukti dukung"]
    )
    missing = workbook["Tanpa Realisasi"]
    assert [c.value for c in missing["A"]][1:] == ["c_bengkalis"]


def test_no_unit_with_a_realisation_folder(tmp_path: Path) -> None:
    shutil.copytree(SAMPLE_SOURCES, tmp_path / "kanwil" / "satu")
    result = CliRunner().invoke(cli, ["monev-all", str(tmp_path / "kanwil"), "--triwulan", "1"])
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"{tmp_path / 'kanwil'}: Tidak ada satuan kerja di folder ini yang memiliki folder "
        "realisasi. Perbaiki: Buat workbook realisasi setiap satuan kerja dengan zi-plan "
        "realisasi SUMBER. [folder-tanpa-realisasi]"
    )
