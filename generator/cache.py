"""The user's cache folder: bytes derived from a source, kept across runs, never required."""

from __future__ import annotations

import functools
import hashlib
import os
import sys
from collections.abc import Callable
from pathlib import Path


@functools.cache
def cache_dir() -> Path | None:
    """``$XDG_CACHE_HOME/zi-plan`` or ``~/.cache/zi-plan``; None where there is no home
    folder (HOME unset and no entry in the password database). Found on first use, not
    at import: a run without a cache is only slower."""
    configured = os.environ.get("XDG_CACHE_HOME")
    try:
        base = Path(configured) if configured else Path.home() / ".cache"
    except (RuntimeError, KeyError, OSError):
        return None
    return base / "zi-plan" if base.is_absolute() else None


def disk_cached(kind: str, source: str, versions: str, make: Callable[[], bytes]) -> bytes:
    """``make()``'s bytes for ``source``, kept in the user's cache folder across runs.

    A cache that cannot be read or written only makes the run slower, never wrong: the
    key covers the source, Python's version and ``versions`` (of the libraries ``make``
    depends on).
    """
    data = read_cached(kind, source, versions)
    if data is None:
        data = make()
        write_cached(kind, source, versions, data)
    return data


def _cache_file(kind: str, source: str, versions: str) -> Path | None:
    folder = cache_dir()
    if folder is None:
        return None
    key = hashlib.sha256(f"{sys.version}|{versions}|{kind}|{source}".encode()).hexdigest()
    return folder / f"{key}.{kind}"


def read_cached(kind: str, source: str, versions: str) -> bytes | None:
    """The bytes kept for this key, or None (never kept, or unreadable)."""
    path = _cache_file(kind, source, versions)
    try:
        return None if path is None else path.read_bytes()
    except OSError:
        return None


def write_cached(kind: str, source: str, versions: str, data: bytes) -> None:
    """Keeps (or replaces) the bytes of this key; a reader sees the old or the new bytes,
    never a part; a folder that cannot be written is left alone."""
    path = _cache_file(kind, source, versions)
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        try:
            partial.write_bytes(data)
            os.replace(partial, path)
        finally:
            partial.unlink(missing_ok=True)
    except OSError:
        pass
