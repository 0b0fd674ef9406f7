"""Click speaks Indonesian through its gettext hook: fails when a pinned click stops
looking ``_`` up in the modules cli/click_texts.py patches."""

from __future__ import annotations

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
