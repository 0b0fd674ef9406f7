"""The cache folder is optional: without a home folder, or with a cache that cannot be
written, every command runs uncached and says nothing about it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator import cache
from tests.conftest import SAMPLE_SOURCES

# HOME unset and a uid without an entry in the password database, as in some containers
# and service accounts: Path.home() raises RuntimeError there
NO_HOME = """
import os, pwd, sys
os.environ.pop("HOME", None)
os.environ.pop("XDG_CACHE_HOME", None)
def nobody(uid):
    raise KeyError(uid)
pwd.getpwuid = nobody
sys.argv = ["zi-plan", *{args!r}]
from generator.console import main
main()
"""


@pytest.fixture(autouse=True)
def _found_again() -> None:
    cache.cache_dir.cache_clear()
    yield
    cache.cache_dir.cache_clear()


def _build(tmp_path: Path, code: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    args = ["build", str(SAMPLE_SOURCES), "-o", str(tmp_path / "r.docx"), "--tanpa-daftar-isi"]
    return subprocess.run(
        [sys.executable, "-c", code.format(args=args)],
        capture_output=True, text=True, env=env, timeout=300, check=False,
    )  # fmt: skip


@pytest.mark.skipif(os.name == "nt", reason="the password database is POSIX")
def test_a_build_without_a_home_folder_runs_uncached(tmp_path: Path) -> None:
    result = _build(tmp_path, NO_HOME, dict(os.environ))

    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert (tmp_path / "r.docx").read_bytes()[:2] == b"PK"


def test_a_cache_folder_that_cannot_be_made_leaves_the_build_as_it_was(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    start = (
        "from generator.console import main; import sys; sys.argv = ['zi-plan', *{args!r}]; main()"
    )
    env = {key: value for key, value in os.environ.items() if key != "HOME"}

    result = _build(tmp_path, start, {**env, "XDG_CACHE_HOME": str(blocked)})

    assert result.returncode == 0, result.stderr
    assert result.stderr.count("\n") == _build(tmp_path, start, env).stderr.count("\n")
    assert blocked.read_text(encoding="utf-8") == "not a folder"


def test_without_a_home_folder_there_is_no_cache_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setattr(Path, "home", no_home)

    assert cache.cache_dir() is None
    assert cache.disk_cached("uji", "sumber", "1", lambda: b"dibuat") == b"dibuat"


def test_an_unwritable_cache_is_only_slower(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    made: list[int] = []

    def make() -> bytes:
        made.append(1)
        return b"dibuat"

    assert cache.disk_cached("uji", "sumber", "1", make) == b"dibuat"
    assert cache.disk_cached("uji", "sumber", "1", make) == b"dibuat"
    assert len(made) == 2  # nothing kept, nothing broken
    assert blocked.read_text(encoding="utf-8") == ""


def test_a_writable_cache_keeps_the_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    cache.disk_cached("uji", "sumber", "1", lambda: b"dibuat")

    assert cache.disk_cached("uji", "sumber", "1", lambda: b"lain") == b"dibuat"
    assert [p.suffix for p in (tmp_path / "zi-plan").iterdir()] == [".uji"]
