"""Any console: every command exits as it does under UTF-8 when the console's code page is
a legacy one (cp1252, cp437: what Windows gives a redirected output), and prints readable
text, never a traceback nor a ``\\uXXXX`` escape."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SAMPLE_SOURCES

ZI_PLAN = Path(sys.executable).with_name("zi-plan")
NIAS = Path(__file__).parents[1] / "golden" / "bps_kab_nias_2025" / "sources"


def commands(work: Path) -> dict[str, list[str]]:
    return {
        "help": ["--help"],
        "build": ["build", "sumber", "-o", "r.docx", "--tanpa-daftar-isi"],
        "validate": ["validate", "sumber"],
        "check": ["check", "sumber"],
        "diff": ["diff", "sumber", str(NIAS)],
        "schema": ["schema"],
        "init": ["init", "baru", "--tahun", "2025", "--force"],
        "init --dari": ["init", "tahun_depan", "--dari", "sumber", "--force"],
        "build-all": ["build-all", "kanwil", "-o", "keluaran", "--jobs", "1"],
        "lke": ["lke", "sumber"],
    }


def run(work: Path, args: list[str], encoding: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    return subprocess.run([str(ZI_PLAN), *args], cwd=work, env=env, capture_output=True)


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("konsol")
    shutil.copytree(SAMPLE_SOURCES, work / "sumber")
    shutil.copytree(SAMPLE_SOURCES, work / "kanwil" / "rutan")
    return work


@pytest.mark.parametrize("name", list(commands(Path())))
def test_every_command_survives_a_legacy_console(work: Path, name: str) -> None:
    args = commands(work)[name]
    expected = run(work, args, "utf-8").returncode

    for encoding in ("cp1252", "cp437"):
        result = run(work, args, encoding)
        shown = (result.stdout + result.stderr).decode(encoding)

        assert result.returncode == expected, (encoding, shown)
        assert "Traceback" not in shown
        assert "\\u" not in shown
