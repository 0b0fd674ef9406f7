"""build-all: every unit built, the broken one named, the recap written."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner, Result
from pypdf import PdfReader

from generator.batch import build as batch
from generator.batch.build import build_all, unit_folders
from generator.cli import cli
from generator.plan.models import Plan
from generator.plan.validate import load_plan
from generator.render.office import convert_to_pdf
from tests.conftest import (
    SAMPLE_SOURCES,
    assert_no_traceback,
    record_processes,
    requires_libreoffice,
    set_cell,
)
from tests.ooxml_schema import schema_errors

UNITS = {"unit_a": "Rutan Pekanbaru", "unit_b": "Rutan Dumai", "unit_c": "Rutan Bengkalis"}


@pytest.fixture(scope="module")
def region(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three good units and one with an unknown tick."""
    folder = tmp_path_factory.mktemp("kanwil")
    for unit, short in UNITS.items():
        shutil.copytree(SAMPLE_SOURCES, folder / unit)
        set_cell(folder / unit / "00_umum.xlsx", "Identitas", "B7", short)
    shutil.copytree(SAMPLE_SOURCES, folder / "unit_d")
    set_cell(folder / "unit_d" / "02_penataan_tatalaksana.xlsx", "Indikator", "G4", "ok")
    (folder / "bukan_unit").mkdir()
    return folder


@pytest.fixture(scope="module")
def run(region: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[object, Path]:
    out = tmp_path_factory.mktemp("out")
    result = CliRunner().invoke(cli, ["build-all", str(region), "-o", str(out), "--jobs", "2"])
    return result, out


def test_units_are_the_subfolders_with_a_00_workbook(region: Path) -> None:
    assert [p.name for p in unit_folders(region)] == ["unit_a", "unit_b", "unit_c", "unit_d"]


def test_builds_the_good_units_names_the_broken_one_and_exits_1(
    run: tuple[object, Path], region: Path
) -> None:
    result, out = run
    assert result.exit_code == 1  # type: ignore[attr-defined]
    assert sorted(p.name for p in out.glob("*.docx")) == [
        "Rencana_Kerja_ZI_Rutan_Bengkalis_2024.docx",
        "Rencana_Kerja_ZI_Rutan_Dumai_2024.docx",
        "Rencana_Kerja_ZI_Rutan_Pekanbaru_2024.docx",
    ]
    stderr = result.stderr  # type: ignore[attr-defined]
    # unit_d kept unit_a's Nama Singkat: both are labelled with their folders
    assert "Rutan Pekanbaru (unit_d)  GAGAL             1           6" in stderr
    assert "Rutan Pekanbaru (unit_a)  berhasil          0" in stderr
    assert f"    Periksa semua kesalahannya dengan: zi-plan validate {region / 'unit_d'}" in stderr
    assert '    02_penataan_tatalaksana.xlsx › Indikator › G4: "ok" bukan tanda centang.' in stderr
    assert "3 berhasil, 1 gagal, dari 4 satuan kerja." in stderr
    assert "Traceback" not in result.output  # type: ignore[attr-defined]


def test_recap_has_one_row_per_unit(run: tuple[object, Path]) -> None:
    result, out = run
    recap = out / "Rekap_Kantor_Wilayah_Kementerian_Hukum_dan_HAM_Riau_2024.xlsx"
    assert result.stdout.strip().splitlines()[-1] == str(recap)  # type: ignore[attr-defined]
    book = openpyxl.load_workbook(recap)
    assert book.sheetnames == ["Ringkasan", "Kegiatan", "Kalender"]
    rows = list(book["Ringkasan"].iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[2], r[3]) for r in rows] == [
        ("Rutan Pekanbaru", "berhasil", 0),
        ("Rutan Dumai", "berhasil", 0),
        ("Rutan Bengkalis", "berhasil", 0),
        ("Rutan Pekanbaru", "gagal", 1),  # its Identitas is fine; Folder says unit_d
    ]
    summary = book["Ringkasan"]
    assert summary.freeze_panes == "B2" and summary.auto_filter.ref


def test_recap_prints_one_page_wide_with_rows_as_tall_as_their_text(
    run: tuple[object, Path],
) -> None:
    _, out = run
    book = openpyxl.load_workbook(next(out.glob("Rekap_*.xlsx")))
    for sheet in book.worksheets:
        assert sheet.page_setup.orientation == "landscape"
        assert sheet.page_setup.fitToWidth == 1 and sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.print_title_rows == "$1:$1"
    # "Target Prioritas Peningkatan Kualitas Pelayanan Publik" in a column 12 wide
    assert book["Ringkasan"].row_dimensions[1].height >= 12 * 4
    kegiatan = book["Kegiatan"]
    first_uraian = str(kegiatan["D2"].value)  # four lines in a column 50 wide
    assert len(first_uraian) > 150 and kegiatan.row_dimensions[2].height >= 12 * 4


def test_recap_is_schema_valid(run: tuple[object, Path]) -> None:
    """What Excel repairs on opening is what the ECMA-376 schema rejects."""
    _, out = run
    assert schema_errors(next(out.glob("Rekap_*.xlsx"))) == []


@requires_libreoffice
def test_libreoffice_opens_and_prints_the_recap(run: tuple[object, Path], tmp_path: Path) -> None:
    _, out = run

    pdf = convert_to_pdf(next(out.glob("Rekap_*.xlsx")), tmp_path)

    assert len(PdfReader(pdf).pages) >= 3  # a sheet prints at least a page


def test_kegiatan_sheet_holds_every_planned_line(run: tuple[object, Path]) -> None:
    _, out = run
    book = openpyxl.load_workbook(next(out.glob("Rekap_*.xlsx")))
    rows = list(book["Kegiatan"].iter_rows(min_row=2, values_only=True))
    assert len(rows) == 3 * (4 + 9)  # the sample has 4 + 9 planned lines, 3 units built
    first = rows[0]
    assert first[:3] == (
        "Rutan Pekanbaru",
        "Penataan Tatalaksana",
        "PROSEDUR OPERASIONAL TETAP (SOP) KEGIATAN UTAMA",
    )
    assert first[5:17] == (None, "√", *[None] * 10)  # an empty string is stored as no value


def test_calendar_counts_lines_per_month_with_a_colour_scale(run: tuple[object, Path]) -> None:
    _, out = run
    sheet = openpyxl.load_workbook(next(out.glob("Rekap_*.xlsx")))["Kalender"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    plan, _ = load_plan(SAMPLE_SOURCES)
    lines = [line for c in plan.components for a in c.activities for line in a.lines]
    expected = tuple(sum(line.months[m] for line in lines) for m in range(12))
    assert [row[1:13] for row in rows] == [expected] * 3
    assert sheet.conditional_formatting


def test_library_returns_results_in_folder_order(region: Path, tmp_path: Path) -> None:
    heard: list[str] = []

    results = build_all(region, tmp_path, jobs=1, progress=lambda r: heard.append(r.folder))

    assert [r.folder for r in results] == ["unit_a", "unit_b", "unit_c", "unit_d"]
    assert [r.ok for r in results] == [True, True, True, False]
    assert heard == ["unit_a", "unit_b", "unit_c", "unit_d"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [  # no staging folder left
        "Rencana_Kerja_ZI_Rutan_Bengkalis_2024.docx",
        "Rencana_Kerja_ZI_Rutan_Dumai_2024.docx",
        "Rencana_Kerja_ZI_Rutan_Pekanbaru_2024.docx",
    ]


def make_region(folder: Path, names: dict[str, str]) -> Path:
    for unit, short in names.items():
        shutil.copytree(SAMPLE_SOURCES, folder / unit)
        set_cell(folder / unit / "00_umum.xlsx", "Identitas", "B7", short)
    return folder


def last_line_of_refusal(result: Result) -> str:
    """A refused run: exit 1, no traceback; its last line says why."""
    assert result.exit_code == 1
    assert_no_traceback(result)
    return result.stderr.splitlines()[-1]


def test_two_units_with_one_name_both_fail_and_replace_nothing(tmp_path: Path) -> None:
    """unit_b's 00_umum.xlsx was copied from unit_a and kept its Nama Singkat."""
    names = {"unit_a": "Rutan Pekanbaru", "unit_b": "Rutan pekanbaru", "unit_c": "Rutan Dumai"}
    region = make_region(tmp_path / "kanwil", names)
    out = tmp_path / "out"
    out.mkdir()
    earlier = out / "Rencana_Kerja_ZI_Rutan_Pekanbaru_2024.docx"
    earlier.write_bytes(b"the document sent last week")

    result = CliRunner().invoke(cli, ["build-all", str(region), "-o", str(out), "--jobs", "2"])

    assert result.exit_code == 1
    assert earlier.read_bytes() == b"the document sent last week"
    assert (out / "Rencana_Kerja_ZI_Rutan_Dumai_2024.docx").is_file()
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == []
    for unit, other in (("Rutan Pekanbaru", "unit_b"), ("Rutan pekanbaru", "unit_a")):
        assert (
            f'    00_umum.xlsx › Identitas › B7: Nama Singkat "{unit}" tahun 2024 juga dipakai '
            f"satuan kerja di folder {other}, sehingga dokumennya akan bernama sama; dokumen "
            "keduanya tidak dibuat. Perbaiki: Periksa Nama Singkat di 00_umum.xlsx kedua "
            "folder: workbook salah satunya mungkin tersalin dari satuan kerja lain. "
            "[nama-singkat-kembar]"
        ) in result.stderr.splitlines()
    assert "1 berhasil, 2 gagal, dari 3 satuan kerja." in result.stderr


def test_a_unit_that_fails_keeps_its_last_good_document(tmp_path: Path) -> None:
    region = make_region(tmp_path / "kanwil", {"unit_a": "Rutan Pekanbaru"})
    out = tmp_path / "out"
    assert build_all(region, out, jobs=1)[0].ok
    document = out / "Rencana_Kerja_ZI_Rutan_Pekanbaru_2024.docx"
    good = document.read_bytes()
    set_cell(region / "unit_a" / "02_penataan_tatalaksana.xlsx", "Indikator", "G4", "ok")

    (result,) = build_all(region, out, jobs=1)

    assert not result.ok and "bukan tanda centang" in result.first_error
    assert document.read_bytes() == good


def test_a_bug_met_in_one_unit_does_not_stop_the_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    region = make_region(tmp_path / "kanwil", {"unit_a": "Rutan Dumai", "unit_b": "Rutan Siak"})
    write = batch.write

    def crashing(plan: Plan, target: Path) -> Path:
        if plan.identity.nama_singkat == "Rutan Dumai":
            raise RuntimeError("contoh galat")
        return write(plan, target)

    monkeypatch.setattr(batch, "write", crashing)
    first, second = build_all(region, tmp_path / "out", jobs=1)

    assert not first.ok and second.ok
    assert first.first_error == (
        "unit_a: Terjadi galat tak terduga saat menyusun satuan kerja ini (RuntimeError: "
        "contoh galat). Perbaiki: Satuan kerja lain tetap disusun. Jalankan zi-plan build "
        "untuk folder ini dengan --debug, lalu kirim keluarannya kepada pengembang. "
        "[galat-internal]"
    )


def test_a_worker_killed_is_one_line_and_publishes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The system ends a worker (out of memory): the pool breaks, no traceback."""
    region = make_region(tmp_path / "kanwil", {"unit_a": "Rutan Dumai", "unit_b": "Rutan Siak"})
    out = tmp_path / "out"
    build_unit = batch.build_unit

    def killed(folder: Path, staging: Path) -> batch.UnitResult:
        if folder.name == "unit_b":
            os._exit(9)  # the worker (a forked copy of this process) dies
        return build_unit(folder, staging)

    monkeypatch.setattr(batch, "build_unit", killed)
    result = CliRunner().invoke(cli, ["build-all", str(region), "-o", str(out), "--jobs", "2"])

    assert last_line_of_refusal(result) == (
        f"{region}: Sebuah proses kerja berhenti mendadak (mungkin kehabisan memori); tidak "
        "ada dokumen yang diterbitkan. Perbaiki: Tutup program lain yang memakai banyak "
        "memori, lalu jalankan lagi; bila terulang, jalankan dengan --jobs 1. "
        "[proses-kerja-berhenti]"
    )
    assert list(out.iterdir()) == []


def test_a_recap_open_in_excel_is_named_and_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On Windows, Excel's lock makes the rename fail with a permission error."""
    region = make_region(tmp_path / "kanwil", {"unit_a": "Rutan Dumai"})
    out = tmp_path / "out"
    out.mkdir()
    recap = out / "Rekap_Kantor_Wilayah_Kementerian_Hukum_dan_HAM_Riau_2024.xlsx"
    recap.write_bytes(b"the recap the Kanwil has open")
    replace = os.replace

    def locked(source: Path, target: Path) -> None:
        if Path(target).name.startswith("Rekap_"):
            raise PermissionError(13, "Permission denied")
        replace(source, target)

    monkeypatch.setattr("generator.files.os.replace", locked)
    result = CliRunner().invoke(cli, ["build-all", str(region), "-o", str(out)])

    assert last_line_of_refusal(result) == (
        f"{recap}: Dokumen tidak dapat ditulis karena sedang dibuka di program lain. "
        "Perbaiki: Tutup file itu di Word atau Excel, lalu jalankan lagi. Dokumen lama tidak "
        "berubah. [dokumen-terkunci]"
    )
    assert recap.read_bytes() == b"the recap the Kanwil has open"
    assert (out / "Rencana_Kerja_ZI_Rutan_Dumai_2024.docx").is_file()


def test_an_output_folder_that_cannot_be_made_is_one_line(tmp_path: Path) -> None:
    region = make_region(tmp_path / "kanwil", {"unit_a": "Rutan Dumai"})
    (tmp_path / "berkas").write_text("a file where the folder should be")

    result = CliRunner().invoke(
        cli, ["build-all", str(region), "-o", str(tmp_path / "berkas" / "out")]
    )

    line = last_line_of_refusal(result)
    assert line.startswith(f"{tmp_path / 'berkas' / 'out'}: ")
    assert line.endswith("[dokumen-gagal-ditulis]")


@requires_libreoffice
def test_pdfs_of_all_units_come_from_one_libreoffice_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    region = make_region(tmp_path / "kanwil", {"unit_a": "Rutan Dumai", "unit_b": "Rutan Siak"})
    out = tmp_path / "out"
    runs = record_processes(monkeypatch)
    result = CliRunner().invoke(cli, ["build-all", str(region), "-o", str(out), "--pdf"])

    assert result.exit_code == 0, result.output
    # one run fills both documents' lists and exports both (a Basic macro): not one per unit
    assert len(runs) == 1 and runs[0][-1].startswith("macro:///")
    for name in ("Rutan_Dumai", "Rutan_Siak"):
        assert len(PdfReader(out / f"Rencana_Kerja_ZI_{name}_2024.pdf").pages) >= 15


def test_a_failed_unit_shows_every_error_and_its_old_document(tmp_path: Path) -> None:
    region = make_region(tmp_path / "kanwil", {"unit_a": "Rutan Pekanbaru"})
    out = tmp_path / "out"
    assert build_all(region, out, jobs=1)[0].ok
    workbook = region / "unit_a" / "02_penataan_tatalaksana.xlsx"
    set_cell(workbook, "Indikator", "G4", "ok")
    set_cell(workbook, "Indikator", "H4", "mungkin")

    result = CliRunner().invoke(cli, ["build-all", str(region), "-o", str(out), "--jobs", "1"])

    lines = result.stderr.splitlines()
    assert any('G4: "ok" bukan tanda centang' in line for line in lines)
    assert any('H4: "mungkin" bukan tanda centang' in line for line in lines)
    document = out / "Rencana_Kerja_ZI_Rutan_Pekanbaru_2024.docx"
    assert f"    Dokumen lama tidak diperbarui: {document}" in lines


@pytest.mark.skipif(os.name == "nt", reason="Windows allows no control character in a name")
def test_a_folder_name_with_a_control_character_reaches_the_recap(tmp_path: Path) -> None:
    """openpyxl refuses such a cell: the recap failed with a traceback after every unit."""
    region = make_region(tmp_path / "kanwil", {"unit\x01a": "Rutan Pekanbaru"})
    set_cell(region / "unit\x01a" / "02_penataan_tatalaksana.xlsx", "Indikator", "G4", "ok")
    out = tmp_path / "out"

    result = CliRunner().invoke(cli, ["build-all", str(region), "-o", str(out), "--jobs", "1"])

    assert result.exit_code == 1
    assert_no_traceback(result)
    (recap,) = out.glob("Rekap_*.xlsx")
    cells = [c.value for row in openpyxl.load_workbook(recap).worksheets[0] for c in row]
    assert "unit_x0001_a" in cells  # Excel's and LibreOffice's escape of U+0001
    assert "\x01" not in result.stderr  # the status table shows the name, it sends no control
    assert "unit\\x01a" in result.stderr


@pytest.mark.skipif(os.name == "nt", reason="Windows allows no control character in a name")
def test_an_escape_sequence_in_a_folder_name_reaches_the_terminal_as_text(tmp_path: Path) -> None:
    region = make_region(tmp_path / "kanwil", {"rutan\x1b[2Jmerah": "Rutan Pekanbaru"})
    set_cell(region / "rutan\x1b[2Jmerah" / "02_penataan_tatalaksana.xlsx", "Indikator", "G4", "ok")
    os.mkdir(region / "lapas\x9b31m")  # Pokja workbooks without 00_umum.xlsx: a warning
    shutil.copy(SAMPLE_SOURCES / "01_manajemen_perubahan.xlsx", region / "lapas\x9b31m")

    result = CliRunner().invoke(cli, ["build-all", str(region), "-o", str(tmp_path / "out")])

    assert result.exit_code == 1
    assert not re.search("[\x1b\x9b]", result.stderr)
    validate = f"zi-plan validate {region}{os.sep}rutan\\x1b[2Jmerah"  # the status table
    assert validate in result.stderr
    assert f"{region}{os.sep}lapas\\x9b31m" in result.stderr  # the warning's folder


def test_units_of_another_year_or_kanwil_are_flagged_and_json_lists_them(
    tmp_path: Path,
) -> None:
    names = {"unit_a": "Rutan Pekanbaru", "unit_b": "Rutan Dumai", "unit_c": "Rutan Siak"}
    region = make_region(tmp_path / "kanwil", names)
    umum = region / "unit_c" / "00_umum.xlsx"
    book = openpyxl.load_workbook(umum)
    rows = {r[0].value: r[0].row for r in book["Identitas"].iter_rows()}
    set_cell(umum, "Identitas", f"B{rows['Tahun']}", 2023)
    set_cell(
        umum, "Identitas", f"B{rows['Kantor Wilayah']}", "Kanwil Kemenkumham Riau/Kepri: Wilayah II"
    )

    text = CliRunner().invoke(cli, ["build-all", str(region), "-o", str(tmp_path / "out")])
    assert "    Perhatian: Tahun 2023, satuan kerja lain Tahun 2024." in text.stderr.splitlines()
    assert any(
        line.startswith('    Perhatian: Kantor Wilayah "Kanwil Kemenkumham Riau/Kepri')
        for line in text.stderr.splitlines()
    )

    as_json = CliRunner().invoke(
        cli, ["build-all", str(region), "-o", str(tmp_path / "out"), "--format", "json"]
    )
    table = json.loads(as_json.stdout)
    units = {u["folder"]: u for u in table["satuan_kerja"]}
    assert units[str(region / "unit_a")]["status"] == "berhasil"
    assert units[str(region / "unit_c")]["tahun"] == 2023
    assert units[str(region / "unit_c")]["catatan"]
    assert Path(table["rekap"]).is_file()


def test_the_recap_name_is_cleaned_like_nama_singkat(tmp_path: Path) -> None:
    region = make_region(tmp_path / "kanwil", {"unit_a": "Rutan Pekanbaru"})
    umum = region / "unit_a" / "00_umum.xlsx"
    book = openpyxl.load_workbook(umum)
    rows = {r[0].value: r[0].row for r in book["Identitas"].iter_rows()}
    set_cell(umum, "Identitas", f"B{rows['Kantor Wilayah']}", 'Kanwil Riau/Kepri: "Wilayah II"')
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build-all", str(region), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert (out / "Rekap_Kanwil_Riau_Kepri_Wilayah_II_2024.xlsx").is_file()
    assert [p for p in out.iterdir() if p.is_dir()] == []
