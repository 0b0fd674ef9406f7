"""How wide a word is on the page: Arial's advance widths, so that a table column can be
made at least as wide as the longest word it holds.

The widths are Liberation Sans's (the font LibreOffice sets for Arial, metric-compatible
with it by design), read from LiberationSans-Regular.ttf and -Bold.ttf (2048 units per
em) for the printable ASCII characters; any other character counts as a digit's width.
"""

from __future__ import annotations

import re

UNITS_PER_EM = 2048
TWIPS_PER_POINT = 20
# advance widths of the characters 32 (space) .. 126 (~)
REGULAR = (
    569, 569, 727, 1139, 1139, 1821, 1366, 391, 682, 682, 797, 1196, 569, 682, 569, 569,
    1139, 1139, 1139, 1139, 1139, 1139, 1139, 1139, 1139, 1139, 569, 569, 1196, 1196, 1196,
    1139, 2079, 1366, 1366, 1479, 1479, 1366, 1251, 1593, 1479, 569, 1024, 1366, 1139, 1706,
    1479, 1593, 1366, 1593, 1479, 1366, 1251, 1479, 1366, 1933, 1366, 1366, 1251, 569, 569,
    569, 961, 1139, 682, 1139, 1139, 1024, 1139, 1139, 569, 1139, 1139, 455, 455, 1024, 455,
    1706, 1139, 1139, 1139, 1139, 682, 1024, 569, 1139, 1024, 1479, 1024, 1024, 1024, 684,
    532, 684, 1196,
)  # fmt: skip
BOLD = (
    569, 682, 971, 1139, 1139, 1821, 1479, 487, 682, 682, 797, 1196, 569, 682, 569, 569,
    1139, 1139, 1139, 1139, 1139, 1139, 1139, 1139, 1139, 1139, 682, 682, 1196, 1196, 1196,
    1251, 1997, 1479, 1479, 1479, 1479, 1366, 1251, 1593, 1479, 569, 1139, 1479, 1251, 1706,
    1479, 1593, 1366, 1593, 1479, 1366, 1251, 1479, 1366, 1933, 1366, 1366, 1251, 682, 569,
    682, 1196, 1139, 682, 1139, 1251, 1139, 1251, 1139, 682, 1251, 1251, 569, 569, 1139,
    569, 1821, 1251, 1251, 1251, 1251, 797, 1139, 682, 1251, 1139, 1593, 1139, 1139, 1024,
    797, 573, 797, 1196,
)  # fmt: skip
OTHER = 1139  # a digit: about the average of the wide and the narrow letters
# Where a line may end inside a cell: at spaces, and after a hyphen or a slash, as
# LibreOffice's line breaking (Unicode's UAX #14) allows ("dilaksanakan/" | "diimplementasikan");
# a run still longer than a column may be (a web address) breaks where the cell ends, see
# layout.MAX_WORD.
_BREAKS = re.compile(r"\s+|(?<=[-/])(?=\D)")


def text_width(text: str, points: float, bold: bool = False) -> int:
    """The width of ``text`` on one line, in twips."""
    widths = BOLD if bold else REGULAR
    units = sum(widths[ord(c) - 32] if 32 <= ord(c) <= 126 else OTHER for c in text)
    return round(units * points * TWIPS_PER_POINT / UNITS_PER_EM)


def longest_word(text: str, points: float, bold: bool = False) -> int:
    """The width, in twips, of the widest piece of ``text`` that no line break may split."""
    return max((text_width(word, points, bold) for word in _BREAKS.split(text)), default=0)


def wrapped_lines(text: str, points: float, bold: bool, width: int) -> int:
    """How many lines ``text`` takes in ``width`` twips, wrapped word by word."""
    space = text_width(" ", points, bold)
    lines, used = 1, 0
    for word in text.split():
        length = text_width(word, points, bold)
        if used and used + space + length > width:
            lines, used = lines + 1, length
        else:
            used += (space if used else 0) + length
        while used > width > 0:  # a word longer than the line breaks inside it
            lines, used = lines + 1, used - width
    return lines
