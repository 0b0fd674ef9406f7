"""The domain's Indonesian words and number forms, defined once: months, dates, thousands,
roman numerals, list labels, word lists and the year pattern."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

MONTHS = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
MONTHS_SHORT = tuple(name[:3] for name in MONTHS)  # Jan, Feb, … Agu, … Des
MONTH_HEADINGS = tuple(name.upper() for name in MONTHS_SHORT)  # JAN … DES, as tables head them

YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")  # a year of a plan, not part of a longer number

_ROMAN_VALUES = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def format_date(day: date) -> str:
    """``12 Februari 2024``: no leading zero, Indonesian month names (tata naskah dinas)."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def thousands(number: int) -> str:
    """``1048576`` -> ``1.048.576``, as Indonesian writes it."""
    return f"{number:,}".replace(",", ".")


def roman(n: int) -> str:
    """1 -> I, 4 -> IV, 12 -> XII (up to 39, which no plan reaches)."""
    out = ""
    for value, numeral in _ROMAN_VALUES:
        while n >= value:
            out += numeral
            n -= value
    return out


def letter(n: int) -> str:
    """1 -> a, 26 -> z, 27 -> aa."""
    text = ""
    while n:
        n, rest = divmod(n - 1, 26)
        text = chr(ord("a") + rest) + text
    return text


def join_words(parts: Sequence[str]) -> str:
    """``a``, ``a dan b``, ``a, b dan c``."""
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " dan " + parts[-1]
