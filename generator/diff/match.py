"""Pairing the items of two lists by what they say, not by their row.

Equal content first (in order, then anywhere, which is a move), then the remaining ones by
similarity as changed; whatever is left is added or removed.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict, deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Generic, TypeVar

T = TypeVar("T")

SIMILAR = 0.6  # a pair of leftover items above this similarity is one item changed
SHORT_TEXT = 60  # below this many characters similarity is also measured by characters
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Pair(Generic[T]):
    """An old item and the new item it became; None on one side for removed or added."""

    old: T | None
    new: T | None
    old_index: int | None
    new_index: int | None
    moved: bool = False


@dataclass
class _Text:
    """An item's text prepared for similarity: words, and characters when it is short."""

    words: list[str]
    chars: str

    @classmethod
    def of(cls, text: str) -> _Text:
        folded = " ".join(text.casefold().split())
        return cls(_WORD.findall(folded), folded if len(folded) < SHORT_TEXT else "")


def similarity(a: str, b: str) -> float:
    """0..1: how much of two texts is the same, by words (by characters for short texts)."""
    new = _Text.of(b)
    words: SequenceMatcher[str] = SequenceMatcher(None, autojunk=False)
    words.set_seq2(new.words)
    return _similarity(_Text.of(a), new, words, -1.0)


def _similarity(old: _Text, new: _Text, words: SequenceMatcher[str], floor: float) -> float:
    """``words`` has ``new.words`` as its second sequence already (difflib caches that side).

    Pairs that cannot beat ``floor`` are cut short by difflib's cheap upper bounds.
    """
    words.set_seq1(old.words)
    score = 0.0
    if words.real_quick_ratio() > floor and words.quick_ratio() > floor:
        score = words.ratio()
    if score <= SIMILAR and old.chars and new.chars:
        score = max(score, SequenceMatcher(None, old.chars, new.chars, autojunk=False).ratio())
    return score


def align(
    old: Sequence[T],
    new: Sequence[T],
    key: Callable[[T], str],
    text: Callable[[T], str],
    extra: Callable[[T, T], float] | None = None,
) -> list[Pair[T]]:
    """Pairs two lists by content, in new order with each removed item after its predecessor.

    ``key`` is an item's whole content (equal keys: the same item), ``text`` what it says
    (for similarity), ``extra`` an optional further similarity (e.g. shared children).
    """
    old_keys = [key(item) for item in old]
    new_keys = [key(item) for item in new]
    pairs: dict[int, int] = {}
    matcher = SequenceMatcher(None, old_keys, new_keys, autojunk=False)
    for block in matcher.get_matching_blocks():
        for offset in range(block.size):
            pairs[block.a + offset] = block.b + offset
    # equal content elsewhere: moved
    taken = set(pairs.values())
    free: dict[str, deque[int]] = defaultdict(deque)
    for j, k in enumerate(new_keys):
        if j not in taken:
            free[k].append(j)
    for i, k in enumerate(old_keys):
        if i not in pairs and free.get(k):
            pairs[i] = free[k].popleft()
    # similar content: changed
    left_old = [i for i in range(len(old)) if i not in pairs]
    taken = set(pairs.values())
    left_new = [j for j in range(len(new)) if j not in taken]
    if left_old and left_new:
        _pair_similar(old, new, left_old, left_new, text, extra, pairs)
    return _ordered(old, new, pairs)


def _pair_similar(
    old: Sequence[T],
    new: Sequence[T],
    left_old: list[int],
    left_new: list[int],
    text: Callable[[T], str],
    extra: Callable[[T, T], float] | None,
    pairs: dict[int, int],
) -> None:
    """Greedy: the most similar leftover pair first, ties to the nearer position."""
    old_texts = {i: _Text.of(text(old[i])) for i in left_old}
    candidates: list[tuple[float, int, int, int]] = []
    words: SequenceMatcher[str] = SequenceMatcher(None, autojunk=False)
    for j in left_new:
        new_text = _Text.of(text(new[j]))
        words.set_seq2(new_text.words)
        for i in left_old:
            score = extra(old[i], new[j]) if extra else 0.0
            if score <= SIMILAR:
                score = max(score, _similarity(old_texts[i], new_text, words, SIMILAR))
            if score > SIMILAR:
                candidates.append((-score, abs(i - j), i, j))
    candidates.sort()
    used: set[int] = set()
    for _, _, i, j in candidates:
        if i not in pairs and j not in used:
            pairs[i] = j
            used.add(j)


def _ordered(old: Sequence[T], new: Sequence[T], pairs: dict[int, int]) -> list[Pair[T]]:
    in_order = _increasing([pairs[i] for i in sorted(pairs)])
    rows: list[tuple[tuple[int, int, int], Pair[T]]] = []
    by_new = {j: i for i, j in pairs.items()}
    for j, item in enumerate(new):
        i = by_new.get(j)
        if i is None:
            rows.append(((j, 0, 0), Pair(None, item, None, j)))
        else:
            rows.append(((j, 0, 0), Pair(old[i], item, i, j, moved=j not in in_order)))
    anchor = -1
    for i, item in enumerate(old):
        if i in pairs:
            anchor = pairs[i]
        else:
            rows.append(((anchor, 1, i), Pair(item, None, i, None)))
    return [pair for _, pair in sorted(rows, key=lambda row: row[0])]


def _increasing(values: list[int]) -> set[int]:
    """The values of one longest increasing subsequence: the items that kept their order."""
    tails: list[int] = []  # tails[k]: index in values of the smallest tail of a run of k+1
    tail_values: list[int] = []
    before: list[int] = [-1] * len(values)
    for index, value in enumerate(values):
        k = bisect.bisect_left(tail_values, value)
        if k:
            before[index] = tails[k - 1]
        if k == len(tails):
            tails.append(index)
            tail_values.append(value)
        else:
            tails[k] = index
            tail_values[k] = value
    kept: set[int] = set()
    index = tails[-1] if tails else -1
    while index >= 0:
        kept.add(values[index])
        index = before[index]
    return kept
