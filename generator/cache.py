"""The user's cache folder: bytes derived from a source, kept across runs, never required."""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Callable
from pathlib import Path


def _cache_dir() -> Path | None:
    """``$XDG_CACHE_HOME/zi-plan`` or ``~/.cache/zi-plan``; None without a home folder."""
    try:
        return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "zi-plan"
    except RuntimeError:  # no HOME and no entry in the password database
        return None


CACHE_DIR = _cache_dir()


def disk_cached(kind: str, source: str, versions: str, make: Callable[[], bytes]) -> bytes:
    """``make()``'s bytes for ``source``, kept in the user's cache folder across runs.

    A cache that cannot be read or written only makes the run slower, never wrong: the
    key covers the source, Python's version and ``versions`` (of the libraries ``make``
    depends on).
    """
    if CACHE_DIR is None:
        return make()
    key = hashlib.sha256(f"{sys.version}|{versions}|{kind}|{source}".encode()).hexdigest()
    path = CACHE_DIR / f"{key}.{kind}"
    try:
        return path.read_bytes()
    except OSError:
        pass
    data = make()
    try:
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        partial.write_bytes(data)
        os.replace(partial, path)
    except OSError:
        pass
    return data
