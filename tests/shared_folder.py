"""Where ../shared stands (test helper): beside the clone, or one folder higher for a git
worktree. The tests read the LKE table and the ECMA-376 schemas from it; conftest stops
the run with a plain message when it is missing."""

from __future__ import annotations

from pathlib import Path

NEEDED = ("reference", "ooxml-xsd")

SHARED: Path | None = next(
    (
        folder / "shared"
        for folder in Path(__file__).resolve().parents[1:]
        if all((folder / "shared" / part).is_dir() for part in NEEDED)
    ),
    None,
)


def shared() -> Path:
    """The shared folder; conftest has made sure there is one before any test runs."""
    assert SHARED is not None, "see conftest.pytest_configure"
    return SHARED
