"""spylls reading hunspell's Indonesian dictionary (package data), lazily.

spylls reads all 31,000 entries of ``id_ID.dic`` into Python objects before the first lookup
(~0.4 s); a lookup touches a handful of them. Here the affix file is read as spylls reads it,
but each plain lowercase entry stays a line of text until its stem is looked up; spylls'
own reader then turns exactly those lines into its entries, so every answer is spylls'
answer. Entries that are not plain (capitals, spaces, data tags) are read up front. A module
of its own so that a review answered from the memo (generator/spelling.py) never imports
spylls.
"""

from __future__ import annotations

import hashlib
import io
import marshal
import re
import warnings
from typing import Any

from spylls.hunspell import readers  # type: ignore[import-untyped]
from spylls.hunspell.algo.lookup import Lookup  # type: ignore[import-untyped]
from spylls.hunspell.data.dic import Dic  # type: ignore[import-untyped]
from spylls.hunspell.readers.file_reader import BaseReader  # type: ignore[import-untyped]

from generator.cache import disk_cached

# ``stem`` or ``stem/FLAGS`` in lowercase, nothing spylls would treat specially
_PLAIN = re.compile(r"([^\s/\\:]+)(?:/[^\s/\\]*)?")


class _TextReader(BaseReader):  # type: ignore[misc]
    """spylls' line reader over bytes already in memory (package data need not be a file)."""

    def __init__(self, data: bytes, encoding: str = "Windows-1252") -> None:
        self.data = data
        super().__init__(self._open(encoding))

    def reset_encoding(self, encoding: str) -> None:
        self.reset_io(self._open(encoding))

    def _open(self, encoding: str) -> io.TextIOWrapper:
        return io.TextIOWrapper(io.BytesIO(self.data), encoding=encoding, errors="surrogateescape")


class LazyDic(Dic):  # type: ignore[misc]
    """spylls' ``Dic`` whose plain entries are read on their first lookup."""

    def __init__(self, plain: dict[str, str], others: list[tuple[int, str]], aff: Any) -> None:
        self.aff, self.context = aff
        self.plain = plain  # stem -> its lines, as in the .dic
        eager = self._read(others)
        super().__init__(words=eager.words)
        self.index, self.lowercase_index = eager.index, eager.lowercase_index
        self._letters: set[str] = set()
        self._read_stems: set[str] = set()

    def _read(self, lines: list[tuple[int, str]]) -> Any:
        return readers.read_dic(iter(lines), aff=self.aff, context=self.context)

    def homonyms(self, stem: str, *, ignorecase: bool = False) -> list[Any]:
        if ignorecase:
            if len(stem) == 1 and stem not in self._letters:
                self._index_letter(stem)
            return list(self.lowercase_index.get(stem, []))
        if stem in self.plain and stem not in self._read_stems:
            self._read_stems.add(stem)
            lines = [(0, line) for line in self.plain[stem].split("\n")]
            self.index[stem] = self.index.get(stem, []) + self._read(lines).index[stem]
        return list(self.index.get(stem, []))

    def _index_letter(self, letter: str) -> None:
        """spylls files each lowercase entry, in its case-blind index, under every letter of
        the entry (it iterates the word as if it were its list of lowercase forms), and an
        ALL-CAPS word is looked up there: the plain entries join that index when asked."""
        self._letters.add(letter)
        found = self.lowercase_index.setdefault(letter, [])
        for stem in self.plain:
            if letter in stem:
                found.extend(self.homonyms(stem))


def split_entries(dic: bytes, encoding: str) -> tuple[dict[str, str], list[tuple[int, str]]]:
    """The .dic's plain lowercase entries by stem, and the other lines, as spylls reads them."""
    plain: dict[str, str] = {}
    others = []
    for number, line in _TextReader(dic, encoding):
        if number == 1 and readers.dic.COUNT_REGEXP.match(line):
            continue
        match = _PLAIN.fullmatch(line)
        stem = match.group(1) if match else ""
        if stem.islower():
            plain[stem] = f"{plain[stem]}\n{line}" if stem in plain else line
        else:
            others.append((number, line))
    return plain, others


def read_dictionary(aff_bytes: bytes, dic: bytes, versions: str) -> Lookup:
    """The lookup of the dictionary in these files (``versions``: of what reads them)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        aff = readers.read_aff(_TextReader(aff_bytes))
    source = hashlib.sha256(aff_bytes + b"|" + dic).hexdigest()
    plain, others = marshal.loads(
        disk_cached(
            "dic", source, versions, lambda: marshal.dumps(split_entries(dic, aff[1].encoding))
        )
    )
    return Lookup(aff[0], LazyDic(plain, others, aff))
