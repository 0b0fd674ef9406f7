"""build-all (and monev-all) take units one folder deeper, name every folder of workbooks
they do not take, and show their progress line only on a terminal."""

from __future__ import annotations

import os
import pty
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
from click.testing import CliRunner

from generator.batch.discover import discover
from generator.cli import cli
from generator.monev.workbooks import write_realisation
from tests.conftest import SAMPLE_SOURCES, set_cell

NAMA_SINGKAT = "B7"  # in the sample's Identitas


def unit(folder: Path, name: str) -> None:
    shutil.copytree(SAMPLE_SOURCES, folder)
    set_cell(folder / "00_umum.xlsx", "Identitas", NAMA_SINGKAT, name)


def make_kanwil(root: Path) -> Path:
    unit(root / "rutan_siak", "Rutan Siak")
    unit(root / "Pekanbaru" / "rutan_dumai", "Rutan Dumai")  # grouped by city: taken
    unit(root / "Pekanbaru" / "lapas_pekanbaru", "Lapas Pekanbaru")
    shutil.copytree(SAMPLE_SOURCES, root / "rutan_siak" / "arsip_2023")  # a unit's own copy
    shutil.copytree(SAMPLE_SOURCES, root / "Bengkalis" / "kota" / "rutan_bengkalis")  # too deep
    (root / "lapas_teluk").mkdir()  # Pokja workbooks without 00_umum.xlsx
    for name in ("01_manajemen_perubahan.xlsx", "02_penataan_tatalaksana.xlsx"):
        shutil.copy(SAMPLE_SOURCES / name, root / "lapas_teluk" / name)
    (root / "dokumen").mkdir()  # other files: not a unit, nothing to say
    (root / "dokumen" / "catatan.txt").write_text("bukan workbook")
    return root


def test_units_one_level_deeper_are_taken_and_others_named_with_the_reason(
    tmp_path: Path,
) -> None:
    root = make_kanwil(tmp_path / "kanwil")

    units, skipped = discover(root)

    assert [u.relative_to(root).as_posix() for u in units] == [
        "Pekanbaru/lapas_pekanbaru",
        "Pekanbaru/rutan_dumai",
        "rutan_siak",
    ]
    reasons = {Path(p.where.file).relative_to(root).as_posix(): p for p in skipped}
    assert set(reasons) == {
        "Bengkalis/kota/rutan_bengkalis",
        "lapas_teluk",
        "rutan_siak/arsip_2023",
    }
    assert reasons["lapas_teluk"].code == "folder-tanpa-umum"
    assert (
        "01_manajemen_perubahan.xlsx, 02_penataan_tatalaksana.xlsx"
        in reasons["lapas_teluk"].message
    )
    assert reasons["rutan_siak/arsip_2023"].code == "folder-di-dalam-satker"
    assert "rutan_siak" in reasons["rutan_siak/arsip_2023"].message
    assert reasons["Bengkalis/kota/rutan_bengkalis"].code == "folder-terlalu-dalam"


def test_build_all_builds_the_nested_units_and_warns_of_each_folder_not_taken(
    tmp_path: Path,
) -> None:
    root = make_kanwil(tmp_path / "kanwil")
    out = tmp_path / "out"

    result = CliRunner().invoke(cli, ["build-all", str(root), "-o", str(out), "--jobs", "1"])

    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.glob("*.docx")) == [
        "Rencana_Kerja_ZI_Lapas_Pekanbaru_2024.docx",
        "Rencana_Kerja_ZI_Rutan_Dumai_2024.docx",
        "Rencana_Kerja_ZI_Rutan_Siak_2024.docx",
    ]
    for folder in ("lapas_teluk", "rutan_siak/arsip_2023", "Bengkalis/kota/rutan_bengkalis"):
        lines = result.stderr.splitlines()
        warning = lines[lines.index(str(root / folder)) + 1]  # the folder, then its warning
        assert "tidak ikut disusun" in warning and "Perbaiki:" in warning
    (recap,) = out.glob("Rekap_*.xlsx")
    folders = [c.value for c in openpyxl.load_workbook(recap)["Ringkasan"]["B"]][1:]
    assert folders == ["Pekanbaru/lapas_pekanbaru", "Pekanbaru/rutan_dumai", "rutan_siak"]
    assert "Menyusun" not in result.stderr  # not a terminal: no progress line


def test_monev_all_warns_of_the_same_folders_and_names_units_by_their_path(
    tmp_path: Path,
) -> None:
    root = make_kanwil(tmp_path / "kanwil")
    write_realisation(root / "rutan_siak")
    out = tmp_path / "out"

    result = CliRunner().invoke(
        cli, ["monev-all", str(root), "--triwulan", "1", "-o", str(out), "--jobs", "1"]
    )

    assert result.exit_code == 0, result.output
    assert [p.name for p in out.glob("*.docx")] == ["Laporan_Monev_Rutan_Siak_2024_TW1.docx"]
    lines = result.stderr.splitlines()
    for folder in ("lapas_teluk", "rutan_siak/arsip_2023", "Bengkalis/kota/rutan_bengkalis"):
        warning = lines[lines.index(str(root / folder)) + 1]
        assert "tidak ikut disusun" in warning and "Perbaiki:" in warning
    assert (
        "Satuan kerja tanpa folder realisasi (tidak disusun): "
        "Pekanbaru/lapas_pekanbaru, Pekanbaru/rutan_dumai" in lines
    )
    (recap,) = out.glob("Rekap_Monev_*.xlsx")
    without = openpyxl.load_workbook(recap)["Tanpa Realisasi"]
    assert [c.value for c in without["A"]][1:] == [
        "Pekanbaru/lapas_pekanbaru",
        "Pekanbaru/rutan_dumai",
    ]


def two_units(root: Path) -> Path:
    unit(root / "satu", "Rutan Satu")
    unit(root / "dua", "Rutan Dua")
    return root


def test_no_progress_line_when_stderr_is_not_a_terminal(tmp_path: Path) -> None:
    root = two_units(tmp_path / "kanwil")
    done = subprocess.run(
        [sys.executable, "-m", "generator", "build-all", str(root), "-o", str(tmp_path / "o")],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert "Menyusun" not in done.stderr
    assert "2 berhasil, 0 gagal, dari 2 satuan kerja." in done.stderr


def test_progress_line_on_a_terminal(tmp_path: Path) -> None:
    root = two_units(tmp_path / "kanwil")
    main, terminal = pty.openpty()
    with subprocess.Popen(
        [sys.executable, "-m", "generator", "build-all", str(root), "-o", str(tmp_path / "o")],
        stdout=subprocess.DEVNULL,
        stderr=terminal,
    ) as process:
        os.close(terminal)
        shown = b""
        while True:
            try:
                chunk = os.read(main, 4096)
            except OSError:  # the terminal closed with the process
                break
            if not chunk:
                break
            shown += chunk
        assert process.wait() == 0
    os.close(main)
    text = shown.decode("utf-8", "replace")
    assert "Menyusun" in text
    assert "2/2" in text  # units done / total
