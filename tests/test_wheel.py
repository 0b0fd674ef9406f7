"""The package as a secretariat installs it: a wheel in a fresh virtualenv outside the
checkout runs every command from another folder, and builds the sample byte for byte
as the checkout does (the template and word lists travel inside the wheel)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLE_SOURCES

BIN = "Scripts" if os.name == "nt" else "bin"


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv holding only the wheel; its dependencies are this venv's (a .pth line),
    so the test needs no network beyond building the wheel."""
    base = tmp_path_factory.mktemp("wheel")
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    built = subprocess.run(
        [*pip, "wheel", "--no-deps", "-w", str(base), str(ROOT)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    (base / "build.log").write_text(built.stdout + built.stderr, encoding="utf-8")
    [wheel] = base.glob("zi_plan-*.whl")
    venv = base / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / BIN / "python"
    subprocess.run([*pip, "--python", str(python), "install", "--no-deps", str(wheel)], check=True)
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    (Path(site) / "zi_plan_dependencies.pth").write_text(sysconfig.get_paths()["purelib"])
    return wheel


def zi_plan(installed: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    script = installed.parent / "venv" / BIN / "zi-plan"
    return subprocess.run([str(script), *args], cwd=cwd, capture_output=True, text=True)


def test_the_wheel_carries_every_package_and_data_file(installed: Path) -> None:
    names = set(zipfile.ZipFile(installed).namelist())
    packages = {
        str(init.parent.relative_to(ROOT)) for init in (ROOT / "generator").rglob("__init__.py")
    }

    assert {f"{package}/__init__.py" for package in packages} <= names
    assert "generator/word_templates/rencana_kerja_zi.docx" in names
    assert "generator/data/kosakata_zi.txt" in names
    assert {"generator/lke/data/lke_zi.json", "generator/lke/data/ambang.json"} <= names


def test_the_package_builds_without_a_warning(installed: Path) -> None:
    """make plan on a fresh clone prints nothing of setuptools: every folder of package
    data is declared as a package."""
    log = (installed.parent / "build.log").read_text(encoding="utf-8")

    assert "Warning" not in log, log


def test_an_installed_wheel_works_from_any_folder_as_the_checkout(
    installed: Path, tmp_path: Path
) -> None:
    work = tmp_path / "kerja"
    shutil.copytree(SAMPLE_SOURCES, work / "sumber")
    shutil.copytree(SAMPLE_SOURCES, work / "kanwil" / "rutan_pekanbaru")
    from generator.plan.validate import load_plan
    from generator.render.document import write

    expected = write(load_plan(SAMPLE_SOURCES)[0], tmp_path / "clone.docx").read_bytes()

    built = zi_plan(installed, work, "build", "sumber", "-o", "rencana.docx", "--tanpa-daftar-isi")
    assert built.returncode == 0, built.stderr
    assert (work / "rencana.docx").read_bytes() == expected
    assert "Pemeriksaan sebelum tanda tangan: 0 temuan." in built.stderr  # the word lists came

    checked = zi_plan(installed, work, "check", "sumber")
    assert (checked.returncode, checked.stderr) == (0, "Tidak ada temuan.\n")
    assert zi_plan(installed, work, "validate", "sumber").returncode == 0
    assert zi_plan(installed, work, "diff", "sumber", "sumber").returncode == 0
    assert zi_plan(installed, work, "init", "baru", "--tahun", "2025").returncode == 0
    assert len(list((work / "baru").glob("0*.xlsx"))) == 7
    batch = zi_plan(installed, work, "build-all", "kanwil", "-o", "keluaran", "--jobs", "1")
    assert batch.returncode == 0, batch.stderr
    assert len(list((work / "keluaran").glob("Rencana_Kerja_ZI_*.docx"))) == 1
    lke = zi_plan(installed, work, "lke", "sumber")
    assert lke.returncode == 0, lke.stderr
    module = subprocess.run(
        [str(installed.parent / "venv" / BIN / "python"), "-m", "generator", "--version"],
        cwd=work, capture_output=True, text=True,
    )  # fmt: skip
    assert module.returncode == 0 and module.stdout.startswith("zi-plan ")
