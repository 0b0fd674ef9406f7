"""zi-plan lke: the coverage and the estimate printed, warnings at their cells, the sheet
written, and bad calls answered in Indonesian with the right exit code."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
from click.testing import CliRunner, Result

from generator.cli import cli
from tests.conftest import assert_no_traceback, set_cell
from tests.lke.test_coverage import ACEH

ACEH_SENTENCE = "17 butir LKE belum memiliki rencana aksi (21,46 dari 60 poin pengungkit)."


def run(*args: object) -> Result:
    return CliRunner().invoke(cli, ["lke", *map(str, args)])


def test_prints_coverage_then_estimate_and_warns_at_the_broken_cell() -> None:
    result = run(ACEH)

    assert result.exit_code == 0, result.output
    assert ACEH_SENTENCE in result.stdout.splitlines()
    assert "bukan hasil penilaian" in result.stdout
    assert result.stderr.splitlines()[:2] == [
        "02_penataan_tatalaksana.xlsx",
        '  peringatan: Prioritas › H7: Kode LKE "A.1.II.ii." tidak cocok dengan butir LKE mana '
        "pun, sehingga baris ini tidak dihitung dalam cakupan LKE. Perbaiki: Tulis kode butir "
        "lengkap sampai huruf butirnya (A.1.I.iii.a atau PPA3A); yang paling mirip: A.1.II.ii.c "
        '(PPB2C) "Pemberian pelayanan kepada publik sudah menggunakan teknologi informas…", lalu '
        "A.1.II.ii.a (PPB2A), A.1.II.ii.b (PPB2B). [kode-lke-tidak-dikenal]",
    ]


def test_json_for_other_programs() -> None:
    result = run(ACEH, "--format", "json")

    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert report["cakupan"]["kalimat"] == ACEH_SENTENCE
    assert report["cakupan"]["butir_tanpa_rencana_aksi"] == 17
    assert len(report["perkiraan"]["butir"]) == 110
    [warning] = report["masalah"]  # one JSON document on standard output
    assert (warning["kode"], warning["sel"]) == ("kode-lke-tidak-dikenal", "H7")


def test_writes_the_sheet_into_a_folder_under_its_default_name(tmp_path: Path) -> None:
    result = run(ACEH, "-o", tmp_path)

    written = tmp_path / "LKE_BPS_Provinsi_Aceh_2025.xlsx"
    assert result.exit_code == 0
    assert result.stderr.splitlines()[-1] == f"Lembar Kerja Evaluasi ditulis: {written}"
    assert openpyxl.load_workbook(written).sheetnames == ["LKE"]


def test_an_output_that_is_not_xlsx_is_a_usage_error(tmp_path: Path) -> None:
    result = run(ACEH, "-o", tmp_path / "lke.docx")

    assert result.exit_code == 2
    assert "bukan nama file .xlsx" in result.stderr
    assert not (tmp_path / "lke.docx").exists()


def test_a_sheet_that_cannot_be_written_is_one_line_and_exit_1(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    result = run(ACEH, "-o", blocker / "LKE.xlsx")

    assert result.exit_code == 1
    assert_no_traceback(result)
    assert str(blocker / "LKE.xlsx") in result.stderr


def test_sources_with_errors_exit_1_without_traceback(tmp_path: Path) -> None:
    import shutil

    sources = tmp_path / "aceh"
    shutil.copytree(ACEH, sources)
    set_cell(sources / "00_umum.xlsx", "Identitas", "B7", "dua ribu")  # Tahun

    result = run(sources)

    assert result.exit_code == 1
    assert_no_traceback(result)
    assert "Tahun" in result.stderr or "tahun" in result.stderr


def test_help_is_indonesian_with_an_example() -> None:
    result = run("--help")
    assert result.exit_code == 0
    assert "Cakupan rencana kerja di SUMBER terhadap LKE" in result.stdout
    assert "Contoh: zi-plan lke sources/ -o output/" in result.stdout
