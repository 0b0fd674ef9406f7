"""Foreign terms in italics, as Indonesian spelling (PUEBI) prints them: the package's list
and the unit's own (kamus.txt lines starting with ``*``), found as whole words."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from generator.resources import package_file
from generator.richtext import ITALIC, PLAIN, RichText, Run, rich

PACKAGE_TERMS = package_file("data", "istilah_asing.txt")
FOREIGN_MARK = "*"  # a kamus.txt line "*quick wins" (or "*quick wins*") is a foreign term


def kamus_entry(line: str) -> tuple[str, bool]:
    """A kamus.txt line: its word or term without comment and marks, and whether it is
    marked as a foreign term."""
    entry = line.split("#", 1)[0].strip()
    if not entry.startswith(FOREIGN_MARK):
        return entry, False
    return entry.strip(FOREIGN_MARK).strip(), True


def foreign_terms(lines: Iterable[str]) -> list[str]:
    """The foreign terms among a kamus's lines (already decoded), in their order."""
    terms = []
    for line in lines:
        term, foreign = kamus_entry(line)
        if foreign and term:
            terms.append(term)
    return terms


@cache
def package_terms() -> tuple[str, ...]:
    """The package's list: every line is a term, none needs the mark."""
    lines = PACKAGE_TERMS.read_text(encoding="utf-8").splitlines()
    return tuple(term for term in (kamus_entry(line)[0] for line in lines) if term)


@cache
def _pattern(terms: tuple[str, ...]) -> re.Pattern[str] | None:
    """One regex for all terms, the longest first so that "in-house training" wins over
    a shorter term at the same place; spaces in a term match any run of spaces."""
    spelled = {" ".join(term.casefold().split()) for term in terms if term.strip()}
    if not spelled:
        return None
    ordered = sorted(spelled, key=lambda term: (-len(term), term))
    alternatives = "|".join(r"\s+".join(map(re.escape, term.split(" "))) for term in ordered)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def italicise(text: str, unit_terms: Iterable[str] = ()) -> str:
    """``text`` with every foreign term in italics. Text that carries formatting of its
    own (Excel rich text) is returned as it is: the cell's formatting wins."""
    if isinstance(text, RichText) or not text:
        return text
    pattern = _pattern(package_terms() + tuple(unit_terms))
    if pattern is None:
        return text
    runs: list[Run] = []
    position = 0
    for match in pattern.finditer(text):
        runs += [(text[position : match.start()], PLAIN), (match.group(), ITALIC)]
        position = match.end()
    if not runs:
        return text
    runs.append((text[position:], PLAIN))
    return rich(runs)
