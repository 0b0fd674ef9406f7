"""Writing files so that a failure never leaves one half-written or destroys the last
good one: every writer of the package goes through here."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from generator.messages import os_reason
from generator.problems import OutputError


def write_atomically(target: Path, write: Callable[[Path], None]) -> Path:
    """Writes ``target`` so that a failure never leaves it half-written or destroyed:
    ``write`` fills a temporary file beside it, which is then renamed into place. A
    symlinked ``target`` is written through to the file it points at, and a document that
    exists keeps its permissions. Every OSError becomes an OutputError in Indonesian."""
    named, target = target, _through_links(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(
            prefix=f".{target.stem}.", suffix=target.suffix, dir=target.parent
        )
    except OSError as exc:
        raise OutputError(_output_code(exc), str(target), os_reason(exc)) from None
    os.close(handle)
    temporary = Path(name)
    try:
        os.chmod(temporary, _mode_for(target))  # mkstemp makes it private
        write(temporary)
        move_into_place(temporary, target)
    except OSError as exc:
        raise OutputError(_output_code(exc, target), str(target), os_reason(exc)) from None
    finally:
        temporary.unlink(missing_ok=True)
    return named


@contextmanager
def staging_folder(out: Path) -> Iterator[Path]:
    """A private folder inside ``out``, removed afterwards: documents finished there move
    into ``out`` in one step each (same file system). OSErrors become an OutputError."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".zi-plan-", dir=out))
    except OSError as exc:
        raise OutputError(_output_code(exc), str(out), os_reason(exc)) from None
    try:
        yield staging
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def move_into_place(finished: Path, target: Path) -> Path:
    """Renames a finished document to ``target`` in one step (same file system): the old
    document stays whole until then. Every OSError becomes an OutputError in Indonesian."""
    try:
        os.replace(finished, target)
    except OSError as exc:
        raise OutputError(_output_code(exc, target), str(target), os_reason(exc)) from None
    return target


def _through_links(target: Path) -> Path:
    """The file a symlink points at (followed to the end), so that the link stays a link."""
    if not target.is_symlink():
        return target
    try:
        return target.resolve(strict=False)
    except (OSError, RuntimeError):  # a loop of links: report it when writing
        return target


def _mode_for(target: Path) -> int:
    """The existing document's permissions; a new one is shared as the umask allows."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        return 0o666 & ~_umask()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _output_code(exc: OSError, replacing: Path | None = None) -> str:
    """Refused while replacing an existing document: Word (on Windows) holds it open."""
    if not isinstance(exc, PermissionError):
        return "dokumen-gagal-ditulis"
    if replacing is not None and replacing.exists():
        return "dokumen-terkunci"
    return "dokumen-tanpa-izin"
