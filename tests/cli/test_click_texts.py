"""Click speaks Indonesian through its gettext hook: fails when a pinned click stops
looking ``_`` up in the modules cli/click_texts.py patches."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from generator.cli import cli
from generator.cli.click_texts import CLICK_MODULES, CLICK_TEXTS


def test_every_patched_click_module_uses_our_translation() -> None:
    patched = [module for module in CLICK_MODULES if hasattr(module, "_")]

    assert patched, "click no longer translates through a module-level _"
    for module in patched:
        assert module._("Usage:") == CLICK_TEXTS["Usage:"], module.__name__


def test_click_errors_and_usage_lines_come_out_in_indonesian() -> None:
    result = CliRunner().invoke(cli, ["build", "--tidak-ada"], prog_name="zi-plan")

    assert result.exit_code == 2
    assert result.stderr.startswith("Cara pakai: zi-plan build [PILIHAN]")
    assert "Galat: Pilihan '--tidak-ada' tidak dikenal." in result.stderr


COMMANDS = ["build", "validate", "check", "diff", "schema", "init", "build-all"]


@pytest.mark.parametrize("command", COMMANDS)
def test_help_metavars_and_ranges_are_indonesian(command: str) -> None:
    from click.testing import CliRunner

    from generator.cli import cli

    shown = CliRunner().invoke(cli, [command, "--help"], terminal_width=80).output
    for english in ("FILE", "FOLDER", "DIRECTORY", "PATH", "x>=", "<=x", "OPTIONS"):
        assert english not in shown, (command, english)


@pytest.mark.parametrize("command", COMMANDS)
def test_no_help_line_is_broken_mid_word(command: str) -> None:
    from click.testing import CliRunner

    from generator.cli import cli

    shown = CliRunner().invoke(cli, [command, "--help"], terminal_width=80).output.split()
    subcommand = cli.commands[command]  # type: ignore[attr-defined]
    for param in subcommand.params:
        for word in (getattr(param, "help", None) or "").split():
            assert word in shown, (command, word)


def test_a_usage_error_points_to_the_help() -> None:
    from click.testing import CliRunner

    from generator.cli import cli

    result = CliRunner().invoke(cli, ["build", "--tidak-ada"], prog_name="zi-plan")
    assert result.exit_code == 2
    assert "Lihat 'zi-plan build --help' untuk bantuan." in result.stderr


def test_the_shell_completion_the_readme_documents_works() -> None:
    import subprocess
    import sys
    from pathlib import Path

    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    assert "_ZI_PLAN_COMPLETE=bash_source" in readme
    script = subprocess.run(
        [str(Path(sys.executable).with_name("zi-plan"))],
        env={"_ZI_PLAN_COMPLETE": "bash_source", "PATH": ""},
        capture_output=True,
        text=True,
        check=False,
    )
    assert "complete -o nosort -F" in script.stdout
