"""Ctrl+C at any moment of a run: "Dibatalkan." on stderr, exit code 130, no traceback.

The signal is sent from inside the child when it first imports a given module, so that
it lands exactly there however busy the machine is: while the command line's modules
load (the first 0.1 s of a run, before click is imported) and while a build runs.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SAMPLE_SOURCES

INTERRUPT_ON_IMPORT = """
import os, signal, sys

class Interrupt:
    def find_spec(self, name, path=None, target=None):
        if name == {module!r}:
            os.kill(os.getpid(), signal.SIGINT)
        return None

sys.meta_path.insert(0, Interrupt())
sys.argv = ["zi-plan", *{args!r}]
{start}
"""
SCRIPT = "from generator.console import main; main()"  # what the zi-plan script runs
MODULE = "import runpy; runpy.run_module('generator', run_name='__main__', alter_sys=True)"


def interrupted(tmp_path: Path, module: str, start: str) -> subprocess.CompletedProcess[str]:
    args = ["build", str(SAMPLE_SOURCES), "-o", str(tmp_path / "r.docx"), "--tanpa-daftar-isi"]
    code = INTERRUPT_ON_IMPORT.format(module=module, args=args, start=start)
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )


@pytest.mark.parametrize("start", [SCRIPT, MODULE], ids=["zi-plan", "python -m generator"])
@pytest.mark.parametrize(
    "module", ["click", "pydantic", "docxtpl"], ids=["loading", "validating", "rendering"]
)
def test_ctrl_c_ends_cleanly_at_any_moment(tmp_path: Path, module: str, start: str) -> None:
    result = interrupted(tmp_path, module, start)

    assert result.returncode == 130, result.stderr
    assert result.stderr.endswith("Dibatalkan.\n")
    assert "Traceback" not in result.stderr
    assert "KeyboardInterrupt" not in result.stderr
    assert result.stdout == ""
    assert not (tmp_path / "r.docx").exists()
