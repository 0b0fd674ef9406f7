"""write_atomically: a rebuilt document keeps its permissions and its symlink; what a killed
run left beside it goes; a name as long as the file system allows is written."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from generator import files
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


def _killed_run_left(path: Path) -> Path:
    """A temporary file as a killed run leaves it: older than this run."""
    path.write_text("halbe", encoding="utf-8")
    os.utime(path, (files.RUN_STARTED - 60, files.RUN_STARTED - 60))
    return path


def test_the_next_write_removes_what_a_killed_run_left(tmp_path: Path) -> None:
    stale = _killed_run_left(tmp_path / ".rencana.k2j4_x9a.docx")
    other_document = _killed_run_left(tmp_path / ".laporan.k2j4_x9a.docx")
    users_file = _killed_run_left(tmp_path / ".rencana.catatan-saya.docx")
    fresh = tmp_path / ".rencana.abcdefgh.docx"  # a run that started after this one
    fresh.write_text("baru", encoding="utf-8")

    write_atomically(tmp_path / "rencana.docx", _write("new"))

    assert not stale.exists()
    assert other_document.exists() and users_file.exists() and fresh.exists()
    assert (tmp_path / "rencana.docx").read_text(encoding="utf-8") == "new"


@pytest.mark.parametrize("name", ["r" * 250 + ".docx", "é" * 122 + ".json"])
def test_a_name_as_long_as_the_file_system_allows_is_written(tmp_path: Path, name: str) -> None:
    target = tmp_path / name
    assert len(name.encode()) <= 255

    write_atomically(target, _write("new"))

    assert target.read_text(encoding="utf-8") == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]
    assert len(files.temporary_prefix(target).encode()) + 8 + len(target.suffix) <= 255


def test_a_killed_batch_runs_staging_folder_is_removed(tmp_path: Path) -> None:
    stale = tmp_path / ".zi-plan-k2j4_x9a"
    stale.mkdir()
    _killed_run_left(stale / "Rencana.docx")
    os.utime(stale, (files.RUN_STARTED - 60, files.RUN_STARTED - 60))

    with files.staging_folder(tmp_path) as staging:
        assert staging.is_dir()
        assert not stale.exists()
    assert list(tmp_path.iterdir()) == []
