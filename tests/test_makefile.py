"""The Makefile's targets a secretariat uses: help, archive and diff."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLE_SOURCES

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make not installed")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A folder with the Makefile, using this checkout's virtualenv, as `make` runs it."""
    shutil.copy(ROOT / "Makefile", tmp_path / "Makefile")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    os.utime(tmp_path / "pyproject.toml", (0, 0))  # older than the virtualenv's stamp
    return tmp_path


def make(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    venv = ROOT / ".venv"
    return subprocess.run(
        ["make", "--no-print-directory", f"VENV={venv}", f"SOURCES={SAMPLE_SOURCES}", *args],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )


def test_help_names_the_sources_folder(project: Path) -> None:
    done = make(project, "help")
    assert done.returncode == 0
    assert "$(SOURCES)" not in done.stdout
    assert f"build the plan from {SAMPLE_SOURCES}/ into output/" in done.stdout


def test_archive_keeps_the_json_just_built_with_seconds(project: Path) -> None:
    (project / "output").mkdir()
    (project / "output" / "lain.json").write_text("{}", encoding="utf-8")
    first = make(project, "archive")
    assert first.returncode == 0, first.stderr
    second = make(project, "archive")
    assert second.returncode == 0, second.stderr
    archived = sorted((project / "output" / "arsip").iterdir())
    assert len(archived) == 2  # each build takes seconds: the names differ
    name = archived[-1].name
    assert len(name) == len("2024-02-12_090000.json") and name[10] == "_"
    built = json.loads(archived[-1].read_text(encoding="utf-8"))
    assert built["identity"]["nama_singkat"] == "Rutan Pekanbaru"


def test_diff_passes_when_different_and_fails_on_a_missing_file(project: Path) -> None:
    (project / "output").mkdir()
    assert make(project, "diff", "OLD=tidak-ada.json").returncode != 0
    subprocess.run(
        [
            str(ROOT / ".venv/bin/zi-plan"),
            "build",
            str(SAMPLE_SOURCES),
            "--json",
            "--tanpa-daftar-isi",
            "--tanpa-periksa",
            "-o",
            str(project / "lama.docx"),
        ],
        capture_output=True,
        check=True,
    )
    plan = json.loads((project / "lama.json").read_text(encoding="utf-8"))
    plan["identity"]["tempat"] = "Dumai"
    (project / "lama.json").write_text(json.dumps(plan), encoding="utf-8")
    different = make(project, "diff", "OLD=lama.json")
    assert different.returncode == 0, different.stderr
    assert "Dumai" in different.stdout
