"""Which folders under a Kanwil's folder are units, and which folders of workbooks are not
taken, with the reason: a folder that holds Pokja workbooks is never passed over silently.

A unit is a folder holding a ``00_*.xlsx``, directly under the Kanwil's folder or one level
deeper, inside a folder that is not a unit itself (``kanwil/Pekanbaru/rutan_dumai``: Kanwils
group their units by city or by kind, and nothing else could such a folder mean). Deeper
folders are not taken, nor folders inside a unit (its ``realisasi/``, an ``arsip/`` copy of
last year's sources): those are the unit's own, and building them would publish a stale
plan under the unit's name.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from generator.problems import CellRef, Problem, Severity

MAX_DEPTH = 2  # kanwil/unit or kanwil/group/unit
# a Pokja workbook as the contract names them (00_umum.xlsx .. 06_pelayanan_publik.xlsx)
_POKJA = re.compile(r"\d\d_.*\.xlsx", re.IGNORECASE)


def _workbooks(folder: Path) -> list[str]:
    try:
        names = sorted(entry.name for entry in os.scandir(folder) if entry.is_file())
    except OSError:
        return []
    return [name for name in names if _POKJA.fullmatch(name) and not name.startswith("~$")]


def _is_unit(workbooks: list[str]) -> bool:
    return any(name.startswith("00") for name in workbooks)


def discover(root: Path) -> tuple[list[Path], list[Problem]]:
    """The unit folders in path order, and a warning for each folder of Pokja workbooks
    that is not taken (hidden folders, such as a build's staging folder, are not looked in)."""
    units: list[Path] = []
    taken: set[Path] = set()
    skipped: list[Problem] = []
    for current, subfolders, _ in os.walk(root):
        subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
        here = Path(current)
        if here == root:
            continue
        depth = len(here.relative_to(root).parts)
        workbooks = _workbooks(here)
        inside = next((parent for parent in here.parents if parent in taken), None)
        if inside is not None:
            if _is_unit(workbooks):
                skipped.append(_skip("folder-di-dalam-satker", here, unit=_label(inside, root)))
        elif _is_unit(workbooks) and depth <= MAX_DEPTH:
            units.append(here)
            taken.add(here)
        elif _is_unit(workbooks):
            skipped.append(_skip("folder-terlalu-dalam", here, depth=MAX_DEPTH))
        elif workbooks:
            skipped.append(_skip("folder-tanpa-umum", here, found=", ".join(workbooks)))
    return units, skipped


def unit_folders(root: Path) -> list[Path]:
    """Every unit's sources folder under ``root`` (see ``discover``)."""
    return discover(root)[0]


def _label(folder: Path, root: Path) -> str:
    """The folder as the Kanwil names it: its path below ``root`` (``Pekanbaru/rutan_dumai``)."""
    return folder.relative_to(root).as_posix()


def unit_label(folder: Path, root: Path) -> str:
    """A unit's folder in the status table and the recap: its path below ``root``."""
    try:
        return _label(folder, root)
    except ValueError:  # a unit passed in from elsewhere
        return folder.name


def _skip(code: str, folder: Path, **params: object) -> Problem:
    return Problem(code, CellRef(str(folder)), Severity.WARNING, params)
