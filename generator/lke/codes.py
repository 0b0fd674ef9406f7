"""Kode LKE as plans type it (``PPA3A``, ``A.1.I.iii.a``, ``1.iii.a``) -> the item, and the
items nearest to a code that matches none, by code and by text."""

from __future__ import annotations

import re
from collections.abc import Iterable

from generator.lke.table import AREAS, ROMAN, Item, Lke

# Several codes in one cell: "PPA3A, PPA3B", "A.1.I.iii.a; A.1.I.iii.b", "... dan ...".
_SEPARATORS = re.compile(r"[\s,;/&]+|\bdan\b", re.IGNORECASE)
_TABLE = re.compile(r"^(P[PR])([A-F])(\d)([A-Z])$")
# A.<1|2>.<area>.<sub-pilar>.<item>: BPS's form (A.1.I.iii.a). Some BPS offices write the
# area first (A.<area>.<I|II>.<sub-pilar>.<item>: BPS Kab. Nias), so both readings are tried.
_BPS = re.compile(r"^A\.(\d)\.([IVX]+)\.([IVX]+)\.([A-Z])$")
_LOCAL = re.compile(r"^([12])\.([IVX]+)\.([A-Z])$")  # within a component: 1.iii.a
_WORD = re.compile(r"[^\W\d_]{3,}")
# Words every criterion uses: they say nothing about which item a line serves.
_COMMON = frozenset({
    "yang", "dan", "dengan", "telah", "untuk", "dalam", "pada", "atau", "dari", "secara",
    "sudah", "terhadap", "kepada", "oleh", "jika", "unit", "kerja", "ini", "itu", "tersebut",
    "seluruh",
})  # fmt: skip
MIN_TEXT_SCORE = 0.25  # below this a text suggestion is noise (measured on the BPS plans)
MAX_SUGGESTIONS = 3


def split_codes(text: str) -> list[str]:
    """The codes of one cell, as typed (a cell may name several items)."""
    return [token for token in _SEPARATORS.split(text) if token]


def _roman(text: str) -> int | None:
    lowered = text.lower()
    return ROMAN.index(lowered) + 1 if lowered in ROMAN else None


def _item(
    lke: Lke, part: int | None, area: int | None, sub: int | None, letter: str
) -> Item | None:
    if part not in (1, 2) or area is None or not 1 <= area <= len(AREAS) or sub is None:
        return None
    return lke.item(f"{'PP' if part == 1 else 'PR'}{AREAS[area - 1]}{sub}{letter}")


def resolve(token: str, component: int, lke: Lke) -> Item | None:
    """The item a code names, read in the component (1..6) whose workbook holds it."""
    code = token.strip().upper()
    if code.endswith(".") and not code.endswith(".."):
        code = code[:-1]  # "A.1.I.iii.a." as some sheets end every code
    if (item := lke.item(code)) is not None:
        return item
    if match := _LOCAL.match(code):
        part, sub, letter = match.groups()
        return _item(lke, int(part), component, _roman(sub), letter)
    if match := _BPS.match(code):
        first, second, sub, letter = match.groups()
        readings = [
            _item(lke, int(first), _roman(second), _roman(sub), letter),  # BPS: part, area
            _item(lke, _roman(second), int(first), _roman(sub), letter),  # area first
        ]
        found = [item for item in dict.fromkeys(readings) if item is not None]
        own = [item for item in found if item.area_number == component]
        return next(iter(own or found), None)
    return None


def words(text: str) -> frozenset[str]:
    """The telling words of a text, for comparing a plan's line with a criterion."""
    return frozenset(w for w in (m.casefold() for m in _WORD.findall(text)) if w not in _COMMON)


def text_score(line_words: frozenset[str], item: Item) -> float:
    """How much of the criterion the line's words say (0..1, Dice's coefficient)."""
    criterion = words(item.question)
    if not line_words or not criterion:
        return 0.0
    return 2 * len(line_words & criterion) / (len(line_words) + len(criterion))


def by_text(text: str, candidates: Iterable[Item]) -> list[tuple[float, Item]]:
    """Candidates whose criterion the text resembles, most alike first."""
    line_words = words(text)
    scored = [(text_score(line_words, item), item) for item in candidates]
    return sorted((pair for pair in scored if pair[0] >= MIN_TEXT_SCORE), key=lambda pair: -pair[0])


def by_code(token: str, component: int, lke: Lke) -> list[Item]:
    """Items whose code begins as the broken one does (``A.1.II.ii.`` -> PPB2A..PPB2D),
    dropping its last part until some match."""
    code = token.strip().upper().rstrip(".")
    shortest = 2 if code.startswith("A.") else 1  # A.1.II or 1.ii: not the whole bagian
    while code.count(".") >= shortest or ("." not in code and len(code) >= 3):
        found = [item for item in lke.pengungkit if code in _prefixes(item, component)]
        if found:
            return found
        code = code.rsplit(".", 1)[0] if "." in code else code[:-1]
    return []


def _prefixes(item: Item, component: int) -> set[str]:
    """Every beginning of every form of the item's code."""
    part, _, sub, letter = item.bps_code.split(".")[1:]
    forms = [
        item.code,
        item.bps_code.upper(),
        f"A.{item.area_number}.{ROMAN[item.part_number - 1]}.{sub}.{letter}".upper(),
    ]
    if item.area_number == component:
        forms.append(f"{part}.{sub}.{letter}".upper())
    found = {form[:n] for form in forms if "." not in form for n in range(3, len(form) + 1)}
    for form in forms:
        pieces = form.split(".")
        found |= {".".join(pieces[:n]) for n in range(2, len(pieces) + 1)}
    return found


def nearest(token: str, text: str, component: int, lke: Lke) -> list[Item]:
    """The items a broken code probably meant: the one near by code whose criterion the
    line's text resembles most, the component's item the text resembles most, then the
    other items near by code."""
    near_code = by_code(token, component, lke)
    own_area = [item for item in lke.pengungkit if item.area_number == component]
    ranked = [item for _, item in by_text(text, near_code)[:1]]
    ranked += [item for _, item in by_text(text, own_area)[:1]]
    return list(dict.fromkeys([*ranked, *near_code]))[:MAX_SUGGESTIONS]
