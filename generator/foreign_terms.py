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


_WORD = re.compile(r"\w+")


class Italiciser:
    """Puts one list of terms in italics, the longest first where two start at one place
    ("in-house training" over "in-house"); spaces in a term match any run of spaces.

    Most texts hold no term: a text is searched only for the terms whose first word it
    holds, each term's pattern compiled when first needed, and each text looked at once
    (one regex of all terms cost more to compile than a build spends on the whole context).
    """

    def __init__(self, terms: Iterable[str]) -> None:
        spelled = {" ".join(term.casefold().split()) for term in terms if _WORD.search(term)}
        self._by_first: dict[str, list[str]] = {}
        for term in sorted(spelled, key=lambda term: (-len(term), term)):
            self._by_first.setdefault(_WORD.findall(term)[0], []).append(term)
        self._seen: dict[str, str] = {}

    def __call__(self, text: str) -> str:
        """``text`` with every term in italics. Text that carries formatting of its own
        (Excel rich text) is returned as it is: the cell's formatting wins."""
        if isinstance(text, RichText) or not self._by_first:
            return text
        done = self._seen.get(text)
        if done is None:
            done = self._italicised(text)
            if len(self._seen) < _MAX_SEEN:
                self._seen[text] = done
        return done

    def _italicised(self, text: str) -> str:
        firsts = self._by_first.keys() & set(_WORD.findall(text.casefold()))
        if not firsts:
            return text
        found = sorted(
            (match.start(), -len(match.group()), match.end())
            for first in firsts
            for term in self._by_first[first]
            for match in _term_pattern(term).finditer(text)
        )
        runs: list[Run] = []
        position = 0
        for start, _, end in found:  # leftmost first, the longest of those starting there
            if start >= position:
                runs += [(text[position:start], PLAIN), (text[start:end], ITALIC)]
                position = end
        if not runs:
            return text
        runs.append((text[position:], PLAIN))
        return rich(runs)


@cache
def _term_pattern(term: str) -> re.Pattern[str]:
    words = r"\s+".join(map(re.escape, term.split(" ")))
    return re.compile(rf"(?<!\w){words}(?!\w)", re.IGNORECASE)


_MAX_SEEN = 50_000  # texts remembered per list of terms (a batch of units shares one)


@cache
def italiciser(unit_terms: tuple[str, ...] = ()) -> Italiciser:
    """The package's terms and the unit's, in italics."""
    return Italiciser(package_terms() + unit_terms)


def italicise(text: str, unit_terms: Iterable[str] = ()) -> str:
    """``text`` with the package's and the unit's foreign terms in italics."""
    return italiciser(tuple(unit_terms))(text)
