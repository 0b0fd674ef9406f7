"""The LKE sheet: published columns, suggested answers, formulas LibreOffice recomputes
after a person changes an answer, and a package that validates against sml.xsd."""

from __future__ import annotations

import csv
import subprocess
import tempfile
from pathlib import Path

import openpyxl
import pytest

import tests.ooxml_schema as ooxml
from generator.lke.coverage import coverage
from generator.lke.estimate import Estimate, Meeting, RealisationSummary, estimate
from generator.lke.lines import plan_lines
from generator.lke.sheet import HEADERS, default_sheet_name, write_sheet
from generator.plan.models import Plan
from generator.plan.validate import Loader
from generator.problems import OutputError
from tests.conftest import requires_libreoffice
from tests.lke.plans import step, write_plan
from tests.lke.raw_table import pengungkit, raw_items

REALISATION = RealisationSummary(
    due_line_months=10,
    done_line_months=10,  # PPA3A: A
    steps_due=4,
    steps_done=1,  # PRA2A: C (25 %)
    meetings=(Meeting(True, True),),  # PPA3B: A
    recommendations_total=2,
    recommendations_done=1,  # PPA3C: C (50 %, not "most")
    evidence={"PPA1A": ("https://drive.example/sk-tim",)},
)


@pytest.fixture
def plan_and_estimate(tmp_path: Path) -> tuple[Plan, Estimate]:
    folder = write_plan(
        tmp_path / "sources",
        prioritas={1: [step("Tim ZI", "Rapat pembentukan tim", "PPA1A", data_dukung="SK")]},
    )
    plan = Loader(folder).load()
    return plan, estimate(plan, coverage(plan_lines(plan)), REALISATION)


@pytest.fixture
def sheet(tmp_path: Path, plan_and_estimate: tuple[Plan, Estimate]) -> Path:
    plan, result = plan_and_estimate
    return write_sheet(plan, result, tmp_path / "out" / default_sheet_name(plan))


def rows_by_code(path: Path) -> dict[str, tuple[object, ...]]:
    ws = openpyxl.load_workbook(path)["LKE"]
    found = {}
    for row in ws.iter_rows(min_row=5, values_only=True):
        label = str(row[0] or "")
        for code in raw_items():
            if f"({code}) " in label or label.startswith(f"{code} "):
                found[code] = row
    return found


def test_the_published_columns_and_every_item_with_its_weight(sheet: Path) -> None:
    assert sheet.name == "LKE_BPS_Provinsi_Aceh_2025.xlsx"
    ws = openpyxl.load_workbook(sheet)["LKE"]
    assert [c.value for c in ws[4]] == list(HEADERS)
    rows = rows_by_code(sheet)
    assert set(rows) == set(raw_items())
    for code, item in pengungkit().items():
        assert abs(float(rows[code][1]) - item.weight) < 1e-9  # type: ignore[arg-type]


def test_suggested_answers_and_the_formulas_behind_nilai(sheet: Path) -> None:
    rows = rows_by_code(sheet)
    answers = {code: row[4] for code, row in rows.items() if row[4]}
    assert answers == {"PPA2A": "Ya", "PPA3A": "A", "PPA3B": "A", "PPA3C": "C", "PRA2A": "C"}
    assert str(rows["PPA3A"][5]).startswith("=IF(E")
    assert rows["PPA1A"][8] == "https://drive.example/sk-tim"
    assert rows["PPB1A"][7] == "belum ada rencana aksi"
    assert "Catatan tabel LKE" in str(rows["PPD2G"][7])  # the correction is shown


def test_the_sheet_validates_against_sml_xsd(sheet: Path) -> None:
    assert ooxml.schema_errors(sheet) == []


def test_a_sheet_that_cannot_be_written_leaves_nothing(
    tmp_path: Path, plan_and_estimate: tuple[Plan, Estimate]
) -> None:
    plan, result = plan_and_estimate
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(OutputError):
        write_sheet(plan, result, blocker / "LKE.xlsx")
    assert blocker.read_text() == "not a folder"


def recomputed(path: Path, outdir: Path) -> list[list[str]]:
    """The sheet as LibreOffice computes it on opening, as CSV rows (UTF-8)."""
    with tempfile.TemporaryDirectory(prefix="zi-plan-lo-") as profile:
        subprocess.run(
            [
                "soffice",
                "--headless",
                f"-env:UserInstallation={Path(profile).as_uri()}",
                "--convert-to",
                "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false",  # not "as shown"
                "--outdir",
                str(outdir),
                str(path),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
    with (outdir / f"{path.stem}.csv").open(encoding="utf-8") as handle:
        return list(csv.reader(handle))


@requires_libreoffice
def test_libreoffice_recomputes_nilai_and_percent_after_an_answer_changes(
    sheet: Path, tmp_path: Path
) -> None:
    raw = pengungkit()
    workbook = openpyxl.load_workbook(sheet)
    ws = workbook["LKE"]
    places = {
        code: cell.row
        for cell in ws["A"]
        for code in ("PPA1A", "PPA1B", "PPA3C", "PRA1A")
        if f"({code}) " in str(cell.value or "")
    }
    ws[f"E{places['PPA1A']}"] = "ya"  # typed in lower case
    ws[f"E{places['PPA1B']}"] = "B"
    ws[f"E{places['PPA3C']}"] = "A"  # the person followed up every recommendation after all
    ws[f"E{places['PRA1A']}"] = 1.5  # a ratio above 1 counts as 1
    workbook.save(sheet)

    rows = {row[0]: row for row in recomputed(sheet, tmp_path)}

    def number(text: str) -> float:
        return float(text.rstrip("%")) / (100 if text.endswith("%") else 1)

    by_code = {code: row for label, row in rows.items() for code in raw if f"({code}) " in label}
    assert number(by_code["PPA1A"][5]) == 1
    assert number(by_code["PPA1B"][5]) == 0.5
    assert number(by_code["PRA1A"][5]) == 1
    assert by_code["PPB1A"][5] == ""  # unanswered
    # sub-pilar i (PPA1A, PPA1B): the mean of 1 and 0.5 times 0.50
    assert abs(number(rows["i. Penyusunan Tim Kerja"][5]) - 0.375) < 1e-9
    assert abs(number(rows["i. Penyusunan Tim Kerja"][6]) - 0.75) < 1e-9
    expected = (
        raw["PPA1A"].weight * 1
        + raw["PPA1B"].weight * 0.5
        + raw["PPA2A"].weight * 1
        + raw["PPA3A"].weight * 1
        + raw["PPA3B"].weight * 1
        + raw["PPA3C"].weight * 1
        + raw["PRA1A"].weight * 1
        + raw["PRA2A"].weight * 0.5
    )
    assert abs(number(rows["A. PENGUNGKIT"][5]) - expected) < 1e-9
    assert abs(number(rows["TOTAL (A + B)"][5]) - expected) < 1e-9
    assert abs(number(rows["A. PENGUNGKIT"][6]) - expected / 60) < 1e-9
