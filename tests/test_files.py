"""write_atomically: a rebuilt document keeps its permissions and its symlink."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from generator.files import write_atomically


def _write(text: str):  # type: ignore[no-untyped-def]
    return lambda path: path.write_text(text, encoding="utf-8")


def test_rebuilding_keeps_the_documents_mode(tmp_path: Path) -> None:
    target = tmp_path / "plan.docx"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    write_atomically(target, _write("new"))
    assert target.read_text(encoding="utf-8") == "new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_new_document_follows_the_umask(tmp_path: Path) -> None:
    mask = os.umask(0o027)
    try:
        write_atomically(tmp_path / "plan.docx", _write("new"))
    finally:
        os.umask(mask)
    assert stat.S_IMODE((tmp_path / "plan.docx").stat().st_mode) == 0o640


@pytest.mark.skipif(os.name == "nt", reason="symlinks need privileges on Windows")
def test_a_symlinked_output_is_written_through_to_its_target(tmp_path: Path) -> None:
    (tmp_path / "shared").mkdir()
    real = tmp_path / "shared" / "plan.docx"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "plan.docx"
    link.symlink_to(real)
    assert write_atomically(link, _write("new")) == link
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "new"
    assert sorted(p.name for p in (tmp_path / "shared").iterdir()) == ["plan.docx"]
