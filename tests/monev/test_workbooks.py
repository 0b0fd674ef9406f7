"""zi-plan realisasi: the realisation workbooks, and what a re-run after a revision keeps."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from generator.monev.workbooks import write_realisation
from tests.monev.scenario import MONTHS, data_rows, edit, header, plan_matrix, plan_steps
from tests.ooxml_schema import schema_errors

NAMES = [
    "00_monev.xlsx",
    "01_manajemen_perubahan.xlsx",
    "02_penataan_tatalaksana.xlsx",
    "03_penataan_sdm.xlsx",
    "04_penguatan_akuntabilitas.xlsx",
    "05_penguatan_pengawasan.xlsx",
    "06_pelayanan_publik.xlsx",
]


@pytest.fixture
def realisasi(sources: Path) -> Path:
    write_realisation(sources)
    return sources / "realisasi"


def test_one_workbook_per_component_and_the_monev_workbook(realisasi: Path) -> None:
    assert sorted(p.name for p in realisasi.iterdir()) == NAMES
    sdm = openpyxl.load_workbook(realisasi / NAMES[3])
    assert sdm.sheetnames == ["Petunjuk", "Realisasi", "Prioritas"]
    monev = openpyxl.load_workbook(realisasi / NAMES[0])
    assert monev.sheetnames == ["Petunjuk", "Rapat Monev", "Tindak Lanjut", "Narasi"]
    assert list(header(monev["Rapat Monev"])) == [
        "Triwulan",
        "Tanggal",
        "Dihadiri Pimpinan",
        "Bukti Dukung",
    ]
    assert list(header(monev["Tindak Lanjut"])) == [
        "Triwulan",
        "Rekomendasi",
        "Penanggung Jawab",
        "Batas Waktu",
        "Status",
        "Bukti Dukung",
    ]


def test_realisasi_rows_copy_the_plan_and_shade_its_months(sources: Path, realisasi: Path) -> None:
    ws = openpyxl.load_workbook(realisasi / NAMES[3])["Realisasi"]
    columns = header(ws)
    assert list(columns)[:3] == ["NO", "KEGIATAN", "URAIAN KEGIATAN"]
    assert list(columns)[3:15] == list(MONTHS)
    assert list(columns)[15:] == ["Bukti Dukung", "Kendala", "Solusi"]
    planned = plan_matrix(sources, 3)
    rows = list(data_rows(ws))
    assert len(rows) == len(planned) == 9
    for r, (kegiatan, uraian, months) in zip(rows, planned, strict=True):
        assert ws.cell(r, columns["KEGIATAN"]).value == kegiatan
        shown = str(ws.cell(r, columns["URAIAN KEGIATAN"]).value)
        assert shown.split("\n")[0].split(" ", 1)[1] == uraian.split("\n")[0].split(" ", 1)[1]
        shaded = tuple(
            ws.cell(r, columns[m]).fill.fgColor.rgb not in (None, "00000000") for m in MONTHS
        )
        assert shaded == months
        assert all(ws.cell(r, columns[m]).value is None for m in MONTHS)


def test_copied_cells_are_locked_and_the_rest_can_be_filled(realisasi: Path) -> None:
    workbook = openpyxl.load_workbook(realisasi / NAMES[3])
    for name, copied in (("Realisasi", 3), ("Prioritas", 4)):
        ws = workbook[name]
        assert ws.protection.sheet
        r = next(data_rows(ws))
        for c in range(1, ws.max_column + 1):
            assert ws.cell(r, c).protection.locked == (c <= copied), (name, c)


def test_prioritas_rows_and_the_status_dropdown(sources: Path, realisasi: Path) -> None:
    ws = openpyxl.load_workbook(realisasi / NAMES[3])["Prioritas"]
    columns = header(ws)
    assert list(columns) == [
        "No",
        "Target Prioritas",
        "Rencana Aksi",
        "Waktu",
        "Status",
        "Tanggal Selesai",
        "Bukti Dukung",
        "Kendala",
        "Solusi",
    ]
    steps = plan_steps(sources, 3)
    rows = list(data_rows(ws))
    assert [
        (
            ws.cell(r, columns["Target Prioritas"]).value,
            ws.cell(r, columns["Rencana Aksi"]).value,
            ws.cell(r, columns["Waktu"]).value,
        )
        for r in rows
    ] == [(t, a, w) for t, a, w in steps]
    lists = [dv for dv in ws.data_validations.dataValidation if dv.type == "list"]
    assert any(dv.formula1 == '"Belum,Proses,Selesai"' and "E4" in dv.sqref for dv in lists)


def test_every_workbook_is_schema_valid(realisasi: Path) -> None:
    for name in NAMES:
        assert schema_errors(realisasi / name) == [], name


def test_a_rerun_after_a_revision_keeps_what_was_filled(sources: Path, realisasi: Path) -> None:
    path = realisasi / NAMES[3]
    ws = openpyxl.load_workbook(path)["Realisasi"]
    rows = list(data_rows(ws))
    first, removed = rows[0], rows[2]
    kept_label = ws.cell(first, 3).value
    edit(path, "Realisasi", {(first, "MAR"): "√", (first, "Bukti Dukung"): "https://x/1"})
    edit(path, "Realisasi", {(removed, "FEB"): "√", (removed, "Kendala"): "Anggaran"})
    edit(path, "Prioritas", {(4, "Status"): "Selesai"})
    # the revision: a line inserted at the top of the matrix, the third line removed
    plan = openpyxl.load_workbook(sources / NAMES[3])
    indikator = plan["Indikator"]
    removed_row = list(data_rows(indikator))[2]
    indikator.delete_rows(removed_row)
    indikator.insert_rows(4)
    for column, value in {2: "KEGIATAN BARU", 4: "1. Rapat baru", 8: "√"}.items():
        indikator.cell(4, column, value)
    indikator.cell(5, 2, indikator.cell(5, 2).value or "PENGEMBANGAN PEGAWAI BERBASIS KOMPETENSI")
    plan.save(sources / NAMES[3])

    outcome = write_realisation(sources)

    ws = openpyxl.load_workbook(path)["Realisasi"]
    columns = header(ws)
    rows = list(data_rows(ws))
    assert ws.cell(rows[0], columns["KEGIATAN"]).value == "KEGIATAN BARU"
    assert ws.cell(rows[0], columns["MAR"]).value is None
    assert ws.cell(rows[1], columns["URAIAN KEGIATAN"]).value == kept_label
    assert ws.cell(rows[1], columns["MAR"]).value == "√"
    assert ws.cell(rows[1], columns["Bukti Dukung"]).value == "https://x/1"
    assert openpyxl.load_workbook(path)["Prioritas"]["E4"].value == "Selesai"
    unplaced = openpyxl.load_workbook(path)["Tidak Tertempatkan"]
    (row,) = data_rows(unplaced)
    assert unplaced.cell(row, 1).value == "Realisasi"
    assert "FEB: √" in unplaced.cell(row, 3).value
    assert "Kendala: Anggaran" in unplaced.cell(row, 3).value
    assert [p.code for p in outcome.unplaced] == ["realisasi-tidak-tertempatkan"]
    assert outcome.unplaced[0].where.cell == f"B{removed}"
    assert schema_errors(path) == []

    again = write_realisation(sources)  # what could not be placed stays kept, once
    assert again.unplaced == []
    unplaced = openpyxl.load_workbook(path)["Tidak Tertempatkan"]
    assert len(list(data_rows(unplaced))) == 1


def test_a_rerun_keeps_the_monev_workbook(realisasi: Path, sources: Path) -> None:
    edit(realisasi / NAMES[0], "Rapat Monev", {(4, "Triwulan"): 1})
    outcome = write_realisation(sources)
    assert outcome.kept == [realisasi / NAMES[0]]
    assert openpyxl.load_workbook(realisasi / NAMES[0])["Rapat Monev"]["A4"].value == 1


def test_a_renamed_plan_workbook_renames_its_realisation(sources: Path, realisasi: Path) -> None:
    edit(realisasi / NAMES[3], "Realisasi", {(4, "MAR"): "√"})
    (sources / NAMES[3]).rename(sources / "03_sdm_revisi.xlsx")
    write_realisation(sources)
    assert not (realisasi / NAMES[3]).exists()
    ws = openpyxl.load_workbook(realisasi / "03_sdm_revisi.xlsx")["Realisasi"]
    assert ws.cell(4, header(ws)["MAR"]).value == "√"


def test_realisasi_of_a_plan_with_errors_writes_nothing(sources: Path) -> None:
    from click.testing import CliRunner

    from generator.cli import cli
    from tests.conftest import assert_no_traceback, set_cell

    set_cell(sources / "02_penataan_tatalaksana.xlsx", "Indikator", "G5", "ok")
    result = CliRunner().invoke(cli, ["realisasi", str(sources)])
    assert_no_traceback(result)
    assert result.exit_code == 1
    assert '"ok" bukan tanda centang' in result.stderr
    assert result.stderr.strip().splitlines()[-1] == (
        "Workbook realisasi tidak dibuat. Perbaiki kesalahan di atas, lalu jalankan lagi."
    )
    assert not (sources / "realisasi").exists()
