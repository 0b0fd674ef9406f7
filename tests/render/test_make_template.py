"""`make template` is deterministic: writing the template again changes no byte."""

from __future__ import annotations

import importlib.util
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT


def _tool():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("make_template", ROOT / "tools/make_template.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_writing_the_template_twice_gives_the_committed_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tool = _tool()
    written = []
    for name in ("a.docx", "b.docx"):
        monkeypatch.setattr(tool, "TARGET", tmp_path / name)
        monkeypatch.setattr(tool, "ROOT", tmp_path)
        assert tool.main() == 0
        written.append((tmp_path / name).read_bytes())
        time.sleep(2.1)  # zip timestamps have a 2-second resolution
    assert written[0] == written[1]
    assert written[0] == (ROOT / "word_templates/rencana_kerja_zi.docx").read_bytes()
