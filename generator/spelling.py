"""Whether hunspell's Indonesian dictionary (package data) knows a word, in milliseconds.

The review asks of each word whether the dictionary knows it as typed, in lowercase or by
its Sastrawi root. A spylls lookup takes a millisecond or more (it tries every affix the
word could carry), so the answers are kept on disk, keyed by everything they depend on:
the dictionary's files, this module's code and the installed spylls and Sastrawi. A word
seen in an earlier run is answered from there without importing spylls; only new words are
looked up (generator/hunspell.py), and join the memo.
"""

from __future__ import annotations

import hashlib
import marshal
from collections.abc import Iterable
from functools import cache
from importlib.resources import files
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from generator.cache import read_cached, write_cached

DICTIONARY = "id_ID"
MEMO = "ejaan"  # the kind of the answers' cache file


@cache
def dictionary() -> Any:
    """The Indonesian dictionary's lookup: ``dictionary()(word)`` is True for a known word."""
    from generator.hunspell import read_dictionary

    folder = files("generator") / "data"
    aff = (folder / f"{DICTIONARY}.aff").read_bytes()
    dic = (folder / f"{DICTIONARY}.dic").read_bytes()
    return read_dictionary(aff, dic, f"spylls {_installed('spylls')}|1")


@cache
def _stemmer() -> Any:
    """Sastrawi's stemmer: the dictionary knows few derived forms, so a word it lacks is
    judged by its root (``terwujudnya`` -> ``wujud``)."""
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory  # type: ignore[import-untyped]

    return StemmerFactory().create_stemmer()


def knows(word: str) -> bool:
    """The dictionary knows ``word`` (no hyphen) as typed, in lowercase or by its root;
    the root is sought only for a word not found as it is."""
    lookup = dictionary()
    lower = word.lower()
    return bool(lookup(word) or lookup(lower) or lookup(_stemmer().stem(lower)))


def known(words: Iterable[str]) -> dict[str, bool]:
    """``knows`` of each word, from the memo of earlier runs where it has the answer."""
    asked = set(words)
    key = _memo_key()
    kept = read_cached(MEMO, key, "") if key else None
    memo: dict[str, bool] = _loaded(kept)
    new = {word: knows(word) for word in sorted(asked - memo.keys())}
    if new and key:
        write_cached(MEMO, key, "", marshal.dumps(memo | new))
    return {word: memo[word] if word in memo else new[word] for word in asked}


def _loaded(kept: bytes | None) -> dict[str, bool]:
    try:
        memo = marshal.loads(kept) if kept else {}
    except (EOFError, ValueError, TypeError):  # a damaged file: start again
        return {}
    return memo if isinstance(memo, dict) else {}


@cache
def _memo_key() -> str:
    """A hash of what ``knows`` answers from: the dictionary, our code, spylls and
    Sastrawi (their installed file lists, which carry each file's hash); "" when a
    library's record cannot be found, and then nothing is kept."""
    folder = files("generator") / "data"
    digest = hashlib.sha256()
    digest.update((folder / f"{DICTIONARY}.aff").read_bytes())
    digest.update((folder / f"{DICTIONARY}.dic").read_bytes())
    for code in ("spelling.py", "hunspell.py"):
        digest.update(Path(__file__).with_name(code).read_bytes())
    for library in ("spylls", "Sastrawi"):
        record = _installed(library)
        if not record:
            return ""
        digest.update(record.encode())
    return digest.hexdigest()


@cache
def _installed(library: str) -> str:
    """The RECORD of ``library``'s installed distribution (every file with its hash), found
    beside the package without importing it (nor importlib.metadata, ~50 ms); "" if none."""
    spec = find_spec(library)
    if spec is None or not spec.submodule_search_locations:
        return ""
    site = Path(next(iter(spec.submodule_search_locations))).parent
    for record in sorted(site.glob(f"{library}-*.dist-info/RECORD")):
        return record.read_text(encoding="utf-8", errors="replace")
    return ""
