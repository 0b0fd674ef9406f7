"""Text with formatting people typed (bold, italic, underline, m²): a ``str`` that also
carries its runs, so that every reader of the plan sees plain text and only the document
sees the formatting.

A RichText compares, hashes and serialises as its plain text: validation messages, the
JSON and the diff never see formatting. The few operations the reader applies to a cell's
text (slicing, strip, split, replace, join) keep the runs; any other ``str`` operation
returns plain text, which loses formatting but never a character.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal, SupportsIndex

Underline = Literal["", "single", "double"]
VerticalAlign = Literal["", "superscript", "subscript"]


@dataclass(frozen=True)
class Style:
    """How a run is printed; the default is plain."""

    bold: bool = False
    italic: bool = False
    underline: Underline = ""
    vertical: VerticalAlign = ""

    @property
    def plain(self) -> bool:
        # not ``self == PLAIN``: the dataclass's __eq__ builds two tuples, and the reader
        # asks this of every formatted cell
        return not (self.bold or self.italic or self.underline or self.vertical)


PLAIN = Style()
ITALIC = Style(italic=True)
Run = tuple[str, Style]


class RichText(str):
    """Plain text with at least one formatted run (see ``rich``, which makes one)."""

    __slots__ = ("runs",)
    runs: tuple[Run, ...]

    def __new__(cls, runs: Iterable[Run]) -> RichText:
        merged: list[Run] = []
        for text, style in runs:
            if not text:
                continue
            if merged and merged[-1][1] == style:
                merged[-1] = (merged[-1][0] + text, style)
            else:
                merged.append((text, style))
        made = super().__new__(cls, "".join(text for text, _ in merged))
        made.runs = tuple(merged)
        return made

    def __reduce__(self) -> tuple[Any, ...]:
        return (RichText, (self.runs,))

    def __getitem__(self, key: SupportsIndex | slice) -> str:
        if not isinstance(key, slice):
            return str(self)[key]
        start, stop, step = key.indices(len(self))
        if step != 1:
            return str(self)[key]
        return self._slice(start, stop)

    def _slice(self, start: int, stop: int) -> str:
        out: list[Run] = []
        offset = 0
        for text, style in self.runs:
            end = offset + len(text)
            if end > start and offset < stop:
                out.append((text[max(start - offset, 0) : stop - offset], style))
            offset = end
        return rich(out)

    def strip(self, chars: str | None = None) -> str:
        return self.lstrip(chars).rstrip(chars)

    def lstrip(self, chars: str | None = None) -> str:
        kept = len(str.lstrip(self, chars))
        return self if kept == len(self) else self._slice(len(self) - kept, len(self))

    def rstrip(self, chars: str | None = None) -> str:
        kept = len(str.rstrip(self, chars))
        return self if kept == len(self) else self._slice(0, kept)

    def split(self, sep: str | None = None, maxsplit: SupportsIndex = -1) -> list[str]:
        plain = str(self)
        pieces, position = [], 0
        for piece in plain.split(sep, maxsplit):
            start = plain.find(piece, position) if sep is None else position
            pieces.append(self._slice(start, start + len(piece)))
            position = start + len(piece) + (len(sep) if sep is not None else 0)
        return pieces

    def replace(self, old: str, new: str, count: SupportsIndex = -1) -> str:
        """Each replacement takes the style of the first character it replaces."""
        plain, left = str(self), int(count)
        if not old or old not in plain:
            return self
        out: list[str] = []
        position = 0
        while left != 0:
            found = plain.find(old, position)
            if found < 0:
                break
            out += [self._slice(position, found), rich([(new, self.style_at(found))])]
            position, left = found + len(old), left - 1
        out.append(self._slice(position, len(plain)))
        return join("", out)

    def style_at(self, index: int) -> Style:
        offset = 0
        for text, style in self.runs:
            offset += len(text)
            if index < offset:
                return style
        return PLAIN


def rich(runs: Iterable[Run]) -> str:
    """The runs as one string: a RichText when any run is formatted, else plain ``str``."""
    made = RichText(runs)
    if all(style.plain for _, style in made.runs):
        return str(made)
    return made


def runs_of(text: str) -> tuple[Run, ...]:
    """A string's runs: a plain string is one plain run."""
    if isinstance(text, RichText):
        return text.runs
    return ((text, PLAIN),) if text else ()


def join(separator: str, parts: Iterable[str]) -> str:
    """``separator.join(parts)`` keeping the parts' formatting."""
    items = list(parts)
    if not any(isinstance(part, RichText) for part in items):
        return separator.join(items)
    runs: list[Run] = []
    for index, part in enumerate(items):
        if index:
            runs.append((separator, PLAIN))
        runs += runs_of(part)
    return rich(runs)
