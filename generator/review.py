"""The pre-signing review: findings a person should look at before the head signs.

Validation decides whether a plan can be built; this finds what is probably wrong in a plan
that builds: misspellings, another unit's words, a sentence pasted into two components, the
unit's own name written several ways, numbers typed where the document numbers anyway,
years that disagree with the plan's Tahun. Every finding names its cell.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from generator.contract import (
    IDENTITY_FIELDS,
    OPTIONAL_IDENTITY_FIELDS,
    UNIT_KIND_WORDS,
    URAIAN_PARTS,
    WORD_LIST,
)
from generator.foreign_terms import kamus_entry, package_terms
from generator.lke.appendix import review_findings as lke_findings
from generator.messages import quoted
from generator.plan.models import Identity, Plan, SectionKey
from generator.plan.parse import split_lines
from generator.plan.validate import Loader
from generator.problems import CellRef, Problem, Severity
from generator.resources import package_file
from generator.spelling import known as dictionary_knows
from generator.tables import fold
from generator.textfile import TextFile, read_text_file

# Codes of validation warnings that are findings of the review as well.
SHARED_CODES = {"nama-satker-lain", "tahun-waktu-berbeda"}
NUMBERED_SHEETS = {"narasi", "uraian", "prioritas"}  # the document numbers these itself
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_SENTENCE = re.compile(r"(?<=[.!?;:])\s+")
MIN_SENTENCE_WORDS = 8
_CODE = re.compile(r"[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)+")  # a Kode LKE (A.1.I.ii.b), not prose
# Labels the contract fixes (Bagian names, Identitas fields): not the Pokja's prose.
LABELS = (
    {fold(k.value) for k in SectionKey}
    | {fold(v) for v in URAIAN_PARTS.values()}
    | {fold(v) for v in (IDENTITY_FIELDS | OPTIONAL_IDENTITY_FIELDS).values()}
)


DOMAIN_WORDS = package_file("data", "kosakata_zi.txt")


def review(loader: Loader, plan: Plan) -> list[Problem]:
    """The findings of a loaded plan (``loader`` keeps the texts and their cells)."""
    folder = loader.folder
    texts = loader.texts
    own = read_text_file(folder / WORD_LIST)
    findings = [p for p in loader.report.problems if p.code in SHARED_CODES] + own.problems
    findings += spelling(texts, word_list(folder, own) | identity_words(texts))
    findings += pasted_twice(texts)
    findings += own_name_variants(texts, plan.identity)
    findings += typed_numbers(texts)
    findings += identity_years(
        plan.identity, CellRef(next(folder.glob("00*.xlsx")).name, "Identitas")
    )
    findings += lke_findings(plan, folder.name)
    return findings


def word_list(folder: Path, own: TextFile | None = None) -> set[str]:
    """The unit's own words (sources/kamus.txt, as ``own`` if read already), the domain's
    (package data) and the words of the package's foreign terms (printed in italics, spelt
    as abroad)."""
    own = own or read_text_file(folder / WORD_LIST)
    foreign = {word.casefold() for term in package_terms() for word in term.split()}
    return _words(own.lines) | _words(read_text_file(DOMAIN_WORDS).lines) | foreign


def identity_words(texts: Iterable[tuple[str, CellRef]]) -> set[str]:
    """The words of Identitas: the unit's names, places and people are known words."""
    return {
        word.casefold()
        for text, ref in texts
        if fold(ref.sheet) == "identitas"
        for word in _WORD.findall(text)
    }


def _words(lines: Iterable[str]) -> set[str]:
    """One word a line; ``#`` starts a comment, ``*`` marks a foreign term."""
    words: set[str] = set()
    for line in lines:
        word, foreign = kamus_entry(line)
        if foreign:  # a foreign term ("*zero tolerance approach"): each of its words
            words.update(part.casefold() for part in word.split())
        elif word:
            words.add(word.casefold())
    return words


def _finding(code: str, where: CellRef, **params: object) -> Problem:
    return Problem(code, where, Severity.WARNING, params)


def _judged_words(texts: Iterable[tuple[str, CellRef]]) -> Iterator[tuple[str, CellRef]]:
    """The words the review judges, with their cells: not labels, codes or acronyms."""
    for text, ref in texts:
        if fold(text) in LABELS or _CODE.fullmatch(text):
            continue
        for word in _WORD.findall(text):
            if len(word) < 3 or (word.isupper() and len(word) <= 6):
                continue  # initials and acronyms: too short to judge
            yield word, ref


def spelling(texts: Iterable[tuple[str, CellRef]], own: set[str]) -> list[Problem]:
    """One finding per unknown word, at its first cell, with how often it recurs.

    A word (each part of a hyphenated one) is known when the unit's or the domain's lists
    hold it, or else the dictionary does; the word as first typed decides for every case
    of it. The dictionary is asked once, for all the parts at once (see spelling.known).
    """
    words = list(_judged_words(texts))
    typed: dict[str, str] = {}  # the word as first typed: judged, and quoted by the finding
    for word, _ in words:
        typed.setdefault(word.casefold(), word)
    parts = {
        key: [part for part in word.split("-") if part.casefold() not in own]
        for key, word in typed.items()
        if key not in own
    }
    answers = dictionary_knows(part for asked in parts.values() for part in asked)
    unknown = {key for key, asked in parts.items() if not all(answers[p] for p in asked)}
    first: dict[str, CellRef] = {}
    count: dict[str, int] = {}
    for word, ref in words:
        key = word.casefold()
        if key in unknown:
            first.setdefault(key, ref)
            count[key] = count.get(key, 0) + 1
    return [
        _finding("ejaan", first[key], word=quoted(typed[key]), more=_more(count[key] - 1))
        for key in first
    ]


def _more(n: int) -> str:
    return f" (juga di {n} tempat lain)" if n else ""


def _sentences(text: str) -> Iterator[str]:
    for sentence in _SENTENCE.split(text.replace("\n", " ")):
        words = sentence.split()
        if len(words) >= MIN_SENTENCE_WORDS:
            yield " ".join(words).casefold()


def pasted_twice(texts: Iterable[tuple[str, CellRef]]) -> list[Problem]:
    """A long sentence that appears in two different workbooks."""
    seen: dict[str, CellRef] = {}
    findings = []
    for text, ref in texts:
        for sentence in _sentences(text):
            earlier = seen.setdefault(sentence, ref)
            if earlier.file != ref.file:
                findings.append(_finding("kalimat-ganda", ref, other=str(earlier)))
    return findings


def own_name_variants(texts: Iterable[tuple[str, CellRef]], identity: Identity) -> list[Problem]:
    """The unit named otherwise than its Nama Satuan Kerja or Nama Singkat."""
    words = UNIT_KIND_WORDS.get(fold(identity.jenis_satker))
    place = identity.nama_singkat.split()[-1]
    if not words:
        return []
    pattern = re.compile(
        r"\b(?:"
        + "|".join(map(re.escape, words))
        + r")\b(?:\s+\S+){0,4}?\s+"
        + re.escape(place)
        + r"\b",
        re.IGNORECASE,
    )
    official = {fold(identity.nama_satker), fold(identity.nama_singkat)}
    findings = []
    for text, ref in texts:
        for match in pattern.finditer(text):
            if fold(match.group()) not in official:
                findings.append(
                    _finding(
                        "nama-satker-beda",
                        ref,
                        found=quoted(match.group()),
                        official=identity.nama_satker,
                        short=identity.nama_singkat,
                    )
                )
    return findings


def typed_numbers(texts: Iterable[tuple[str, CellRef]]) -> list[Problem]:
    """``1.`` or ``a.`` typed in a cell whose items the document numbers itself."""
    findings = []
    for text, ref in texts:
        if fold(ref.sheet) not in NUMBERED_SHEETS:
            continue
        line = text.split("\n", 1)[0]
        marker = split_lines(text)[0]  # the cell decides: "A." starts a list only in a run
        if marker.marker.value in ("number", "letter"):
            typed = line[: len(line) - len(marker.text)].strip()
            findings.append(_finding("nomor-diketik", ref, typed=quoted(typed)))
    return findings


def identity_years(identity: Identity, where: CellRef) -> list[Problem]:
    findings = []
    for label, day in (
        ("Tanggal Penetapan", identity.tanggal),
        ("Tanggal Revisi", identity.tanggal_revisi),
    ):
        if day is not None and day.year != identity.tahun:
            findings.append(
                _finding(
                    "tahun-tanggal-berbeda", where, field=label, year=day.year, tahun=identity.tahun
                )
            )
    return findings
