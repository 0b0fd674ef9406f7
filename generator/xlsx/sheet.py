"""A worksheet's XML read into its cells and merged ranges, as openpyxl (``data_only``) read it.

The cells are read straight from the sheet's XML with lxml, sparsely: a reader that builds
one object per cell (openpyxl) or a dense grid (calamine) spends its time, or all memory,
on cells nobody reads. What a cell holds follows openpyxl's reading, which this module
replaced, so that values, dates and errors read as they always have; one exception: typed
text that looks like Excel's escapes (see _shared_strings in generator.xlsx.parts).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TypeVar

from lxml import etree

from generator.indonesian import thousands
from generator.richtext import RichText
from generator.xlsx.coords import position, range_boundaries, row_number
from generator.xlsx.rich import rich_string
from generator.xlsx.values import decode_escapes, from_excel, from_iso

T = TypeVar("T")
# The reader repeats a merged range's value in every cell it covers: a merged whole column
# would be a million cells, a merged whole sheet 17 billion.
MAX_MERGED_CELLS = 10_000  # one range; a KEGIATAN over 50 rows of 18 columns is 900
MAX_MERGED_TOTAL = 100_000  # all ranges of one sheet
MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_ROW, _CELL, _VALUE, _FORMULA = (f"{MAIN}{tag}" for tag in ("row", "c", "v", "f"))
_INLINE, _TEXT, _RUN = (f"{MAIN}{tag}" for tag in ("is", "t", "r"))
_MERGE_CELL = f"{MAIN}mergeCell"


@dataclass(frozen=True)
class SharedParts:
    """What the sheets of one workbook refer to: shared strings, styles, the date system."""

    strings: list[str]
    number_formats: list[str]  # by cell style (the ``s`` of a cell)
    date_styles: frozenset[int]  # styles whose format shows a number as a date or a time
    duration_styles: frozenset[int]  # [h]:mm and the like: a length of time, not a moment
    percent_styles: frozenset[int]
    epoch: datetime


@dataclass(frozen=True)
class Sheet:
    """The cells of a worksheet that hold something, by 0-based (row, column).

    Sparse on purpose: a stray value in XFD1048576 must not make a grid of 17 billion cells.
    A merged range repeats its top-left value (and format) in every cell it covers.
    """

    title: str
    values: dict[tuple[int, int], object]
    formats: dict[tuple[int, int], str]  # only where the format changes the reading
    errors: set[tuple[int, int]]  # Excel error values (#REF!, #N/A, ...)
    covered: set[tuple[int, int]]
    formulas: set[tuple[int, int]]  # a formula that no program ever calculated
    height: int
    width: int

    def grid(self, rows: int) -> list[list[object]]:
        """The first rows as lists, for finding the header."""
        return [
            [self.values.get((r, c)) for c in range(self.width)]
            for r in range(min(rows, self.height))
        ]


def text_content(element: etree._Element) -> str:
    """A rich text's characters: its plain text and its runs, without phonetic guides."""
    plain, runs = None, []
    for child in element:
        if child.tag == _TEXT:
            plain = child.text
        elif child.tag == _RUN:
            texts = child.findall(_TEXT)
            if texts and texts[-1].text is not None:
                runs.append(texts[-1].text)
    return (plain or "") + "".join(runs)


def string_value(element: etree._Element) -> str:
    """A shared or inline string: plain text, or RichText when a run is formatted."""
    formatted = rich_string(element)
    return text_content(element) if formatted is None else formatted


def read_sheet(title: str, root: etree._Element, shared: SharedParts) -> Sheet:
    """A worksheet's cells, each read as openpyxl (``data_only``) read it."""
    values: dict[tuple[int, int], object] = {}
    formats: dict[tuple[int, int], str] = {}
    errors: set[tuple[int, int]] = set()
    formulas: set[tuple[int, int]] = set()
    merges: list[tuple[int, int, int, int]] = []
    current_row = 0
    for element in root.iter(_ROW, _MERGE_CELL):
        if element.tag == _MERGE_CELL:
            merges.append(_merge_bounds(element.get("ref")))
            continue
        number = element.get("r")
        current_row = row_number(number) if number is not None else current_row + 1
        column, last_ref = 0, None  # a cell without an address follows the one before it
        for cell in element:
            if cell.tag != _CELL:
                continue
            ref = cell.get("r") or None
            if ref is not None:
                last_ref = ref
                if not len(cell):
                    continue  # formatted, but empty
                key = position(ref)
            else:
                if last_ref is not None:
                    column, last_ref = position(last_ref)[1] + 1, None
                column += 1
                if not len(cell):
                    continue
                key = (current_row - 1, column - 1)
            held = formula = inline = None
            for child in cell:  # faster than find(), which goes through ElementPath
                tag = child.tag
                if tag == _VALUE and held is None:
                    held = child
                elif tag == _FORMULA and formula is None:
                    formula = child
                elif tag == _INLINE and inline is None:
                    inline = child
            kind = cell.get("t", "n")
            text = held.text if held is not None else None
            if (
                formula is not None
                and ref is not None
                and not (held is not None and (text or kind == "str"))
            ):
                formulas.add(key)  # Excel writes <v></v> for a formula whose text is empty
            value: object
            if kind == "inlineStr":
                if inline is None:
                    continue
                value = string_value(inline)
            elif not text:
                continue
            elif kind == "n":
                number_value = (
                    float(text) if "." in text or "e" in text or "E" in text else int(text)
                )
                style = int(cell.get("s") or 0)
                if style in shared.date_styles:
                    try:
                        value = from_excel(
                            number_value, shared.epoch, style in shared.duration_styles
                        )
                    except (OverflowError, ValueError):  # Excel shows ####
                        values[key] = "#VALUE!"
                        errors.add(key)
                        continue
                    if isinstance(value, date):
                        formats[key] = shared.number_formats[style]
                else:
                    value = number_value
                    if style in shared.percent_styles:
                        formats[key] = shared.number_formats[style]
            elif kind == "s":
                value = shared.strings[int(text)]
            elif kind == "b":
                value = bool(int(text))
            elif kind == "d":
                value = from_iso(text)
                if isinstance(value, date):
                    style = int(cell.get("s") or 0)
                    codes = shared.number_formats
                    formats[key] = codes[style] if 0 <= style < len(codes) else "General"
            else:  # "str" (a formula's text), "e" (an error value), or a kind Excel lacks
                value = text
                if kind == "e":
                    errors.add(key)
            if isinstance(value, str) and not isinstance(value, RichText):  # decoded by run
                value = decode_escapes(value)
            values[key] = value
    covered, height, width = _merge(values, formats, errors, merges)
    return Sheet(title, values, formats, errors, covered, formulas, height, width)


def _merge_bounds(ref: str | None) -> tuple[int, int, int, int]:
    """A merged range as 0-based (top row, left column, bottom row, right column)."""
    min_col, min_row, max_col, max_row = range_boundaries(ref or "")
    if min_col is None or min_row is None or max_col is None or max_row is None:
        raise ValueError(f"merged range {ref} is not a rectangle of cells")
    if min_col > max_col or min_row > max_row:
        raise ValueError(f"merged range {ref} runs backwards")
    return min_row - 1, min_col - 1, max_row - 1, max_col - 1


def _merge(
    values: dict[tuple[int, int], object],
    formats: dict[tuple[int, int], str],
    errors: set[tuple[int, int]],
    merges: list[tuple[int, int, int, int]],
) -> tuple[set[tuple[int, int]], int, int]:
    """Repeats each merged range's top-left value in the cells it covers, up to the last
    row and column that hold a value; returns those cells and the sheet's height, width."""
    total = 0
    for top, left, bottom, right in merges:
        area = (bottom - top + 1) * (right - left + 1)
        total += area
        if area > MAX_MERGED_CELLS or total > MAX_MERGED_TOTAL:
            # the package's check reads the raw XML; a range spelt with character
            # references (&#88;FD) only shows its size here
            raise ValueError(f"merged ranges of {thousands(total)} cells")
    for top, left, bottom, right in merges:  # Excel keeps no value under a merge, others may
        for r in range(top, bottom + 1):
            for c in range(left, right + 1):
                if (r, c) != (top, left):
                    values.pop((r, c), None)
                    formats.pop((r, c), None)
                    errors.discard((r, c))
    height = max((r for r, _ in values), default=-1) + 1
    width = max((c for _, c in values), default=-1) + 1
    covered: set[tuple[int, int]] = set()
    for top, left, bottom, right in merges:
        for r in range(top, min(bottom + 1, height)):
            for c in range(left, min(right + 1, width)):
                if (r, c) == (top, left):
                    continue
                covered.add((r, c))
                _copy(values, (top, left), (r, c))
                _copy(formats, (top, left), (r, c))
                if (top, left) in errors:
                    errors.add((r, c))
                else:
                    errors.discard((r, c))
    return covered, height, width


def _copy(
    store: dict[tuple[int, int], T], source: tuple[int, int], target: tuple[int, int]
) -> None:
    if source in store:
        store[target] = store[source]
    else:
        store.pop(target, None)
