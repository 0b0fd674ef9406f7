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
    folder = cache_dir()
    if folder is None:
        return make()
    key = hashlib.sha256(f"{sys.version}|{versions}|{kind}|{source}".encode()).hexdigest()
    path = folder / f"{key}.{kind}"
    try:
        return path.read_bytes()
    except OSError:
        pass
    data = make()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        try:
            partial.write_bytes(data)
            os.replace(partial, path)
        finally:
            partial.unlink(missing_ok=True)
    except OSError:
        pass
    return data
