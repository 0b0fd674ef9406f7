"""How wide a word is on the page: Arial's advance widths, so that a table column can be
made at least as wide as the longest word it holds; and the font of a cell's paragraph.

The widths are Liberation Sans's (the font LibreOffice sets for Arial, metric-compatible
with it by design), read from LiberationSans-Regular.ttf and -Bold.ttf (2048 units per
em) for the printable ASCII characters; any other character counts as a digit's width.
"""

from __future__ import annotations

import marshal
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat
from typing import Any, NamedTuple

import docx
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.shared import Cm
from lxml import etree

from generator.cache import disk_cached

# A run without a space longer than this (5 cm: "dilaksanakan/diimplementasikan" at 9 pt is
# 4.6) is no word but an address: it breaks where its cell ends instead of widening it.
MAX_WORD = int(Cm(5).twips)
SLACK = 20  # twips (1 pt) over the measured word: rounding, and kerning the table omits
DEFAULT_CELL_MARGIN = 108  # twips each side, Word's when a table sets none
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
# Where a line may end inside a cell: at spaces, and after a hyphen before a letter. A
# slash between letters is no break for LibreOffice ("dilaksanakan/diimplementasikan" broke
# as "…/diimpl | ementasikan" when the column was narrower): such a pair is one word; a run
# still longer than a column may be (a web address) breaks where the cell ends, see
# MAX_WORD.
_BREAKS = re.compile(r"\s+|(?<=-)(?=\D)")


_WIDTHS = {
    bold: dict(zip(map(chr, range(32, 127)), table, strict=True))
    for bold, table in ((False, REGULAR), (True, BOLD))
}


@lru_cache(maxsize=65536)
def _units(text: str, bold: bool) -> int:
    """The advance width of ``text`` in font units (words repeat: cached)."""
    return sum(map(_WIDTHS[bold].get, text, repeat(OTHER)))


def _twips(units: int, points: float) -> int:
    return round(units * points * TWIPS_PER_POINT / UNITS_PER_EM)


def text_width(text: str, points: float, bold: bool = False) -> int:
    """The width of ``text`` on one line, in twips."""
    return _twips(_units(text, bold), points)


def longest_units(text: str, bold: bool = False) -> int:
    """The font units of the widest piece of ``text`` that no line break may split.

    Without a hyphen the pieces are str.split()'s (the same whitespace as the regex's
    ``\\s``; the empty pieces it leaves out weigh nothing): half the time of the regex.
    """
    words = _BREAKS.split(text) if "-" in text else text.split()
    return max(map(_units, words, repeat(bold)), default=0)


def longest_word(text: str, points: float, bold: bool = False) -> int:
    """The width, in twips, of the widest piece of ``text`` that no line break may split."""
    return _twips(longest_units(text, bold), points)


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


# -- the paragraphs of a table's cells ------------------------------------------------------

Element = Any  # lxml elements of python-docx's oxml layer
T, R, TAB, BR, R_PR = qn("w:t"), qn("w:r"), qn("w:tab"), qn("w:br"), qn("w:rPr")
P_PR, P_STYLE, VAL, W = qn("w:pPr"), qn("w:pStyle"), qn("w:val"), qn("w:w")
BOLD_TAG, SIZE, SIZE_CS = qn("w:b"), qn("w:sz"), qn("w:szCs")
TBL_PR, CELL_MARGINS = qn("w:tblPr"), qn("w:tblCellMar")
# what follows w:sz and w:szCs in a w:rPr (CT_RPr's sequence)
_RPR_AFTER_SIZE = {
    qn(f"w:{name}")
    for name in (
        "highlight",
        "u",
        "effect",
        "bdr",
        "shd",
        "fitText",
        "vertAlign",
        "rtl",
        "cs",
        "em",
        "lang",
        "eastAsianLayout",
        "specVanish",
        "oMath",
    )
}


def _child(element: Element, tag: str) -> Element | None:
    for child in element:
        if child.tag == tag:
            return child
    return None


def _children(element: Element, tag: str) -> list[Element]:
    return [child for child in element if child.tag == tag]


def _property(element: Element, properties: str, name: str) -> Element | None:
    found = _child(element, properties)
    return None if found is None else _child(found, name)


@dataclass(frozen=True)
class Font:
    """What a paragraph style sets that decides how wide its words are."""

    points: float
    bold: bool
    indent: int  # twips: the left indent (a list's text starts there)


def paragraph_fonts(document: Document) -> dict[str, Font]:
    """Per paragraph style id (and "" for the default style), its font as it inherits it;
    read once per styles part (every render of a template has the same), and kept on
    disk: python-docx's style objects take 10 ms in a fresh process."""
    styles_xml = etree.tostring(document.styles.element, encoding="unicode")
    found = _FONTS.get(styles_xml)
    if found is None:
        fonts = marshal.loads(
            disk_cached(
                "fonts", styles_xml, _VERSIONS, lambda: marshal.dumps(_read_fonts(document))
            )
        )
        found = _FONTS[styles_xml] = {style: Font(*font) for style, font in fonts.items()}
    return found


_FONTS: dict[str, dict[str, Font]] = {}
_VERSIONS = f"python-docx {docx.__version__}|1"


def _read_fonts(document: Document) -> dict[str, tuple[float, bool, int]]:
    """Per style id, its Font's fields (marshal keeps tuples, not dataclasses)."""
    fonts: dict[str, tuple[float, bool, int]] = {}
    styles = document.styles
    for style in styles:
        if style.type != WD_STYLE_TYPE.PARAGRAPH:
            continue
        size = bold = indent = None
        current = style
        while current is not None:
            size = size if size is not None else current.font.size
            bold = bold if bold is not None else current.font.bold
            indent = indent if indent is not None else current.paragraph_format.left_indent
            current = current.base_style
        fonts[style.style_id] = (
            size.pt if size is not None else 10.0,
            bool(bold),
            indent.twips if indent else 0,
        )
    default = styles.default(WD_STYLE_TYPE.PARAGRAPH)
    plain = (10.0, False, 0)
    fonts[""] = fonts.get(default.style_id, plain) if default else plain
    return fonts


class Read(NamedTuple):
    """What a paragraph shows, as the measures need it (see read_paragraph)."""

    font: Font  # its style's
    text: str  # a tab or break as a space
    plain: str  # its w:t texts only
    bold: bool  # whether its style or any of its runs is bold
    points: float  # the largest size a run sets, else the style's


def read_paragraph(paragraph: Element, fonts: dict[str, Font]) -> Read:
    """The paragraph's style font, its text, whether any of its runs is bold, and its size.

    One walk over every element of the paragraph: lxml's iter() with a tag filter, or a
    walk per property, costs half as much again.
    """
    properties = style = None  # the paragraph's first w:pPr and that one's first w:pStyle
    parts, plain, bold, sizes = [], [], False, []
    for node in paragraph.iter():
        tag = node.tag
        if tag == T:
            parts.append(node.text or "")
            plain.append(parts[-1])
        elif tag in (TAB, BR):
            parts.append(" ")
        elif tag == R_PR and node.getparent().tag == R:  # not the paragraph mark's
            flag, size = _child(node, BOLD_TAG), _child(node, SIZE)
            bold = bold or (flag is not None and flag.get(VAL, "1") not in ("0", "false"))
            if size is not None:
                sizes.append(int(size.get(VAL)) / 2)
        elif tag == P_PR and properties is None and node.getparent() is paragraph:
            properties = node
        elif tag == P_STYLE and style is None and node.getparent() is properties:
            style = node
    font = fonts.get(style.get(VAL) if style is not None else "", fonts[""])
    bold = bold or font.bold
    text = "".join(parts)
    return Read(font, text, "".join(plain), bold, max(sizes) if sizes else font.points)


Measure = tuple[float, int]  # a paragraph's size (points) and indent (twips)


def measure_paragraph(read: Read) -> tuple[Measure, int] | None:
    """The paragraph's size and indent, and its longest word in font units; None if empty."""
    if not read.text.strip():
        return None
    return (read.points, read.font.indent), longest_units(read.text, read.bold)


def word_need(measure: Measure, units: int, scale: float = 1.0) -> int:
    """The width (twips) a paragraph's longest word needs, its size scaled as set_sizes
    sets it; no more than MAX_WORD for the word."""
    points, indent = measure
    if scale != 1.0:
        points = round(points * scale * 2) / 2
    return min(_twips(units, points), MAX_WORD) + indent + SLACK


def cell_margins(table: Element) -> int:
    """The table's left plus right cell margin, twips."""
    margins = _property(table, TBL_PR, CELL_MARGINS)
    total = 0
    for side in ("left", "right"):
        found = None if margins is None else _child(margins, qn(f"w:{side}"))
        if found is None and margins is not None:  # the schema's newer names
            found = _child(margins, qn("w:start" if side == "left" else "w:end"))
        total += int(found.get(W)) if found is not None else DEFAULT_CELL_MARGIN
    return total


def set_sizes(sizes: list[tuple[Element, float]], scale: float) -> None:
    """Sets each run's size to ``scale`` of the size it had (half points, as Word keeps)."""
    for run, points in sizes:
        properties = _child(run, R_PR)
        if properties is None:
            properties = run.makeelement(R_PR)
            run.insert(0, properties)
        for old in _children(properties, SIZE) + _children(properties, SIZE_CS):
            properties.remove(old)
        if scale == 1.0:
            continue
        half_points = str(round(points * scale * 2))
        later = next((c for c in properties if c.tag in _RPR_AFTER_SIZE), None)
        for tag in (SIZE, SIZE_CS):
            element = properties.makeelement(tag)
            element.set(VAL, half_points)
            if later is None:
                properties.append(element)
            else:
                later.addprevious(element)
