"""Numbers in a currency or thousands format, as Excel shows them in an Indonesian locale.

``"Rp"#,##0`` shows 50000000 as Rp50.000.000, ``#,##0.00`` shows 1234.5 as 1.234,50: the
thousands are grouped with dots and the decimals follow a comma, as Excel does where
Windows is set to Indonesian. Only formats that group thousands or write text (a currency)
around the number are read here; a plain number (General, ``0``, ``0.00``) keeps the
reading of generator.xlsx.values, and a format this module does not understand (fractions,
scientific notation, several numbers in one section) is shown as General.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import cache

# a section's pieces: "text", \x, _x (a space as wide as x), *x (x repeated to the cell's
# width), [$Rp-421] (currency), [Red] / [>100] (colour, condition), or one character
_TOKEN = re.compile(r'"[^"]*"|\\.|_.|\*.|\[[^\[\]]*\]|.', re.DOTALL)
_CURRENCY = re.compile(r"^\[\$([^\]-]*)(?:-[0-9A-Fa-f]+)?\]$")
_PLACEHOLDERS = frozenset("0#?,.")
MAX_SECTION = 255  # Excel's own limit on a number format's length


@dataclass(frozen=True)
class _Section:
    """One section of a format: the text before and after its number, and how the number
    is written (grouped or not, how many decimals, scaled by thousands)."""

    before: str
    after: str
    grouped: bool
    min_int: int
    min_dec: int
    max_dec: int
    scale: int


def _sections(code: str) -> list[str]:
    """The format's sections (positive; negative; zero; text), split at ``;`` outside
    quotes and brackets."""
    parts: list[str] = []
    current: list[str] = []
    for token in _TOKEN.findall(code):
        if token == ";":
            parts.append("".join(current))
            current = []
        else:
            current.append(token)
    parts.append("".join(current))
    return parts


@cache
def _parse(section: str) -> _Section | None:
    """A section read into its pieces, or None when it is not one grouped or decorated
    number this module writes."""
    before: list[str] = []
    after: list[str] = []
    number = ""
    state = "before"  # then "number", then "after"
    for token in _TOKEN.findall(section):
        if token in _PLACEHOLDERS and state != "after":
            state = "number"
            number += token
            continue
        if state == "number":
            state = "after"
        text = _literal(token)
        if text is None:
            return None  # a date code, an exponent, a fraction, @ or a second number
        (before if state == "before" else after).append(text)
    digits = number.rstrip(",")
    if not any(ch in "0#?" for ch in digits):
        return None
    scale = len(number) - len(digits)  # each trailing comma divides by a thousand
    whole, _, fraction = digits.partition(".")
    if "." in fraction or "," in fraction:
        return None
    shown_text = "".join(before) + "".join(after)
    grouped = "," in whole
    if not grouped and not shown_text.strip():
        return None  # a plain number: General's reading stays
    return _Section(
        "".join(before),
        "".join(after),
        grouped,
        whole.count("0"),
        fraction.count("0"),
        len(fraction),
        scale,
    )


def _literal(token: str) -> str | None:
    """What a non-number piece of a format writes; None for one that is not text."""
    if token.startswith('"'):
        return token[1:-1]
    if token.startswith("\\"):
        return token[1:]
    if token.startswith("_"):
        return ""  # a space as wide as a character: alignment, not text
    if token.startswith("*"):
        return " " if token[1:] == " " else ""  # the fill: one space where Excel fills
    if token.startswith("["):
        currency = _CURRENCY.match(token)
        if currency:
            return currency.group(1)
        return "" if not token.startswith("[$") else None
    if token in " -+()$:/^'{}<>=!&~€£¥":
        return None if token == "/" else token
    return None


@cache
def shows_number(code: str) -> bool:
    """This format writes a number otherwise than General does (grouped, or with text)."""
    if len(code) > MAX_SECTION * 4 or "%" in code:
        return False
    sections = _sections(code)
    return _parse(sections[0]) is not None


def format_number(value: float, code: str) -> str | None:
    """The number as the format shows it, or None when the format is not read here."""
    sections = _sections(code)
    index = 0
    if value < 0 and len(sections) >= 2 and sections[1].strip():
        index = 1
    elif value == 0 and len(sections) >= 3 and sections[2].strip():
        index = 2
    section = _parse(sections[index]) if index else _parse(sections[0])
    if section is None:
        # a zero section of text only ("-" in an accounting format) is written as text
        if index == 2:
            return _text_only(sections[2])
        return None
    sign = "-" if value < 0 and index == 0 else ""
    digits = _digits(abs(value) / 1000**section.scale, section)
    if digits is None:
        return None
    return (sign + section.before + digits + section.after).strip()


def _text_only(section: str) -> str | None:
    pieces = [_literal(token) for token in _TOKEN.findall(section)]
    if any(piece is None for piece in pieces):
        return None
    return "".join(piece for piece in pieces if piece is not None).strip()


def _digits(value: float, section: _Section) -> str | None:
    """``1234.5`` -> ``1.234,50``: rounded as Excel rounds (half away from zero)."""
    try:
        exact = Decimal(repr(value)).quantize(Decimal(1).scaleb(-section.max_dec), ROUND_HALF_UP)
    except InvalidOperation:  # too large for the decimals asked: Excel shows ####
        return None
    whole, _, fraction = f"{exact:f}".partition(".")
    fraction = fraction.rstrip("0").ljust(section.min_dec, "0")
    whole = whole.lstrip("0").rjust(section.min_int, "0")
    if section.grouped and whole:
        whole = f"{int(whole):,}".replace(",", ".")
    return whole + ("," + fraction if fraction else "")
