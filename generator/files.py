"""Writing files so that a failure never leaves one half-written or destroys the last
good one: every writer of the package goes through here."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import time
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
        prefix = temporary_prefix(target)
        remove_stale(target.parent, prefix, target.suffix)
        handle, name = tempfile.mkstemp(prefix=prefix, suffix=target.suffix, dir=target.parent)
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


NAME_MAX = 255  # bytes of one file name (ext4, NTFS and APFS allow 255 characters or fewer)
RANDOM_PART = 8  # what mkstemp and mkdtemp put between prefix and suffix
RUN_STARTED = time.time()  # temporary files older than this run are its killed forebears'


def temporary_prefix(target: Path) -> str:
    """``.<name>.``, the name cut so that the temporary file's whole name still fits the
    file system: a 250-character document name is legal, its temporary must be too."""
    room = NAME_MAX - len(b"..") - RANDOM_PART - len(target.suffix.encode())
    stem = target.stem.encode()[: max(room, 0)].decode(errors="ignore")
    return f".{stem}."


def remove_stale(folder: Path, prefix: str, suffix: str) -> None:
    """Removes the temporary files a killed run of zi-plan left beside its document (same
    prefix, older than this run). One that cannot be removed is left; it harms nothing."""
    pattern = re.compile(re.escape(prefix) + f"[a-z0-9_]{{{RANDOM_PART}}}" + re.escape(suffix))
    try:  # names first, Paths only for the few that match: build-all's staging folder
        with os.scandir(folder) as entries:  # holds hundreds of documents
            names = [e.name for e in entries if e.name.startswith(prefix)]
    except OSError:
        return
    candidates = [folder / name for name in names if pattern.fullmatch(name)]
    for path in candidates:
        try:
            if path.is_file() and path.stat().st_mtime < RUN_STARTED:
                path.unlink()
        except OSError:
            pass


@contextmanager
def staging_folder(out: Path) -> Iterator[Path]:
    """A private folder inside ``out``, removed afterwards: documents finished there move
    into ``out`` in one step each (same file system). OSErrors become an OutputError."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        _remove_stale_staging(out)
        staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=out))
    except OSError as exc:
        raise OutputError(_output_code(exc), str(out), os_reason(exc)) from None
    try:
        yield staging
    finally:
        shutil.rmtree(staging, ignore_errors=True)


STAGING_PREFIX = ".zi-plan-"


def _remove_stale_staging(out: Path) -> None:
    """The staging folders of killed batch runs (older than this run) go."""
    try:
        stale = [
            p
            for p in out.glob(f"{STAGING_PREFIX}*")
            if p.is_dir() and not p.is_symlink() and p.stat().st_mtime < RUN_STARTED
        ]
    except OSError:
        return
    for folder in stale:
        shutil.rmtree(folder, ignore_errors=True)


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
