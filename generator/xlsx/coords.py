"""Cell coordinates: column letters, cell addresses and ranges, as Excel spells them."""

from __future__ import annotations

import re
from functools import cache, lru_cache

_RANGE = re.compile(
    r"^[$]?(?P<min_col>[A-Za-z]{1,3})?[$]?(?P<min_row>\d+)?"
    r"(:[$]?(?P<max_col>[A-Za-z]{1,3})?[$]?(?P<max_row>\d+)?)?$"
)


@cache
def column_index(letters: str) -> int:
    """``A`` -> 1, ``XFD`` -> 16384; ValueError beyond ZZZ, as openpyxl has it."""
    if not 0 < len(letters) <= 3 or not letters.isascii() or not letters.isalpha():
        raise ValueError(f"{letters!r} is not a column name")
    index = 0
    for letter in letters.upper():
        index = index * 26 + ord(letter) - 64
    return index


@cache
def column_letter(index: int) -> str:
    """1 -> ``A``, 16384 -> ``XFD``."""
    letters = ""
    while index > 0:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


@lru_cache(maxsize=4096)  # the same few hundred addresses in every sheet of every unit
def position(ref: str) -> tuple[int, int]:
    """``B12`` -> (11, 1): the 0-based row and column of a cell address."""
    letters = ref.rstrip("0123456789")
    return int(ref[len(letters) :]) - 1, column_index(letters) - 1


def range_boundaries(ref: str) -> tuple[int | None, int | None, int | None, int | None]:
    """``A1:C3`` -> (min_col, min_row, max_col, max_row), 1-based; ``A:A`` leaves the rows
    None. ValueError for what is no range. openpyxl's function, without importing it."""
    match = _RANGE.match(ref)
    if not match:
        raise ValueError(f"{ref} is not a valid coordinate or range")
    min_col, min_row, sep, max_col, max_row = match.groups()
    if sep:
        cols, rows = (min_col, max_col), (min_row, max_row)
        if not (all(cols + rows) or (all(cols) and not any(rows)) or (all(rows) and not any(cols))):
            raise ValueError(f"{ref} is not a valid coordinate or range")
    first_col = column_index(min_col) if min_col is not None else None
    first_row = int(min_row) if min_row is not None else None
    last_col = column_index(max_col) if max_col is not None else first_col
    last_row = int(max_row) if max_row is not None else first_row
    return first_col, first_row, last_col, last_row


def row_number(text: str) -> int:
    """A row's ``r``; some programs write 3.0 for 3."""
    try:
        return int(text)
    except ValueError:
        number = float(text)
    if not number.is_integer():
        raise ValueError(f"{text} is not a row number")
    return int(number)
