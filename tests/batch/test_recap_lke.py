"""The Kanwil's recaps carry the LKE: coverage by weight per unit (build-all), and the
self-assessment estimate per unit (monev-all), each checked against values computed here."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from generator.batch.build import build_all
from generator.batch.recap import write_recap
from generator.cli import cli
from generator.lke.coverage import coverage
from generator.lke.estimate import estimate
from generator.lke.lines import plan_lines
from generator.lke.realisation import summary
from generator.monev.read import read_realisation
from generator.plan.validate import Loader
from tests.conftest import SAMPLE_SOURCES, set_cell
from tests.lke.plans import matrix_line, step, write_plan
from tests.lke.raw_table import pengungkit
from tests.monev.scenario import build_year

NAMA_SINGKAT = "B5"  # in the Identitas of tests.lke.plans


def ringkasan(recap: Path) -> dict[str, dict[str, object]]:
    ws = openpyxl.load_workbook(recap)["Ringkasan"]
    headers = [c.value for c in ws[1]]
    return {
        str(row[1]): dict(zip(headers, row, strict=True))
        for row in ws.iter_rows(min_row=2, values_only=True)
    }


def test_build_all_recap_shows_each_units_lke_coverage_by_weight(tmp_path: Path) -> None:
    kanwil = tmp_path / "kanwil"
    write_plan(
        kanwil / "coded",
        prioritas={
            1: [
                step("Tim ZI", "Rapat pembentukan tim", "PPA1A"),
                step("Monev", None, "PPA3A"),  # coded, but without a rencana aksi
            ],
            4: [step("Sistem informasi kinerja", "Menyusun SOP data kinerja", "PPD2G")],
        },
        indikator={2: [matrix_line("Layanan TI", "Daftar aplikasi layanan", "PPB2C", "3 6")]},
    )
    write_plan(kanwil / "uncoded", prioritas={1: [step("Tim ZI", "Rapat tim", None)]})
    set_cell(kanwil / "coded" / "00_umum.xlsx", "Identitas", NAMA_SINGKAT, "Unit Berkode")
    set_cell(kanwil / "uncoded" / "00_umum.xlsx", "Identitas", NAMA_SINGKAT, "Unit Tanpa Kode")

    results = build_all(kanwil, tmp_path / "out", jobs=1)
    rows = ringkasan(write_recap(results, tmp_path / "out" / "rekap.xlsx"))

    raw = pengungkit()
    missing = set(raw) - {"PPA1A", "PPD2G", "PPB2C"}
    missing_points = sum(raw[code].weight for code in missing)
    coded = rows["coded"]
    assert coded["Butir LKE tanpa rencana aksi"] == len(missing)
    covered = coded["Poin pengungkit tercakup (dari 60)"]
    assert covered == pytest.approx(60 - missing_points, abs=1e-4)
    assert coded["Cakupan LKE menurut bobot"] == pytest.approx((60 - missing_points) / 60, abs=1e-4)
    shown = f"{missing_points:.2f}".replace(".", ",")
    assert coded["Cakupan LKE"] == (
        f"{len(missing)} butir LKE belum memiliki rencana aksi ({shown} dari 60 poin pengungkit)."
    )
    uncoded = rows["uncoded"]
    assert uncoded["Butir LKE tanpa rencana aksi"] is None
    assert uncoded["Poin pengungkit tercakup (dari 60)"] is None
    assert str(uncoded["Cakupan LKE"]).startswith("Rencana kerja ini belum mencantumkan Kode LKE")


def test_monev_recap_shows_each_units_self_assessment_estimate(tmp_path: Path) -> None:
    kanwil = tmp_path / "kanwil"
    unit = kanwil / "pekanbaru"
    shutil.copytree(SAMPLE_SOURCES, unit)
    build_year(unit)  # two quarters of realisation, meetings and recommendations
    out = tmp_path / "out"

    result = CliRunner().invoke(cli, ["monev-all", str(kanwil), "--triwulan", "2", "-o", str(out)])

    assert result.exit_code == 0, result.output
    (recap,) = out.glob("Rekap_Monev_*.xlsx")
    row = ringkasan(recap)["pekanbaru"]
    plan = Loader(unit).load()
    lines = plan_lines(plan)
    realisation, _ = read_realisation(plan, unit / "realisasi")
    expected = estimate(plan, coverage(lines), summary(plan, realisation, 2, lines))
    headers = [h for h in row if h and str(h).startswith(("Perkiraan kesiapan", "Plafon"))]
    assert len(headers) == 2
    assert row[headers[0]] == pytest.approx(expected.points, abs=1e-4)
    assert row[headers[1]] == pytest.approx(expected.ceiling_points, abs=1e-4)
    # more than the plan's existence alone (PPA2A): the realisation counted
    assert expected.points > pengungkit()["PPA2A"].weight
