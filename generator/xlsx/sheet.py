"""A worksheet's XML read into its cells and merged ranges, as openpyxl (``data_only``) read it.

The cells are read straight from the sheet's XML with lxml, sparsely: a reader that builds
one object per cell (openpyxl) or a dense grid (calamine) spends its time, or all memory,
on cells nobody reads. What a cell holds follows openpyxl's reading, which this module
replaced, so that values, dates and errors read as they always have; one exception: typed
text that looks like Excel's escapes (see _shared_strings in generator.xlsx.parts).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from typing import NamedTuple, TypeVar

from lxml import etree

from generator.indonesian import thousands
from generator.richtext import PLAIN, RichText, Style
from generator.xlsx.coords import position, range_boundaries, row_number
from generator.xlsx.rich import rich_string
from generator.xlsx.symbols import shown, symbol_table
from generator.xlsx.values import decode_escapes, from_excel, from_iso

T = TypeVar("T")
# The reader repeats a merged range's value in every cell it covers: a merged whole column
# would be a million cells, a merged whole sheet 17 billion.
MAX_MERGED_CELLS = 10_000  # one range; a KEGIATAN over 50 rows of 18 columns is 900
MAX_MERGED_TOTAL = 100_000  # all ranges of one workbook
# The cells read are held in memory and each costs a few microseconds: a workbook of a plan
# holds a few thousand, a crafted one millions (what is read must take under 2 s).
MAX_CELLS = 100_000  # a table of 5,000 rows (MAX_TABLE_ROWS) of 18 columns is 90,000
MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
STRICT_MAIN = "{http://purl.oclc.org/ooxml/spreadsheetml/main}"  # Excel's "Strict Open XML"
_HIDDEN = ("1", "true")


class TooManyCells(ValueError):
    """A sheet holds more cells with a value than any plan's workbook (MAX_CELLS)."""

    def __init__(self, sheet: str) -> None:
        super().__init__(sheet)
        self.sheet = sheet


class Tags(NamedTuple):
    """The SpreadsheetML elements the reader looks at, in one of the two namespaces."""

    row: str
    cell: str
    value: str
    formula: str
    inline: str
    text: str
    run: str
    run_properties: str
    run_font: str
    merge_cell: str
    column: str


@cache
def tags(main: str) -> Tags:
    names = ("row", "c", "v", "f", "is", "t", "r", "rPr", "rFont", "mergeCell", "col")
    return Tags._make(f"{main}{name}" for name in names)


def main_namespace(element: etree._Element) -> str:
    """The namespace a part's elements are in: Strict's, or the transitional one (also for
    any other, which then reads as empty, as it always did)."""
    return STRICT_MAIN if str(element.tag).startswith(STRICT_MAIN) else MAIN


class CellFont(NamedTuple):
    """What a cell style's font changes in the cell's text: the characters of a symbol
    font, and the formatting the toolbar gave the whole cell."""

    symbol: str | None  # Wingdings or the like, else None
    style: Style = PLAIN  # bold, italic, underline, superscript, subscript


@dataclass(frozen=True)
class SharedParts:
    """What the sheets of one workbook refer to: shared strings, styles, the date system."""

    strings: list[str]  # escapes decoded once, runs in a symbol font shown as Excel does
    rich_strings: dict[int, etree._Element]  # the strings with runs, for a symbol-font cell
    number_formats: list[str]  # by cell style (the ``s`` of a cell)
    date_styles: frozenset[int]  # styles whose format shows a number as a date or a time
    duration_styles: frozenset[int]  # [h]:mm and the like: a length of time, not a moment
    number_styles: frozenset[int]  # percentages, thousands, currencies: read as formatted
    # only the styles whose font is a symbol font or formatted: most cells find none
    fonts: dict[int, CellFont]
    epoch: datetime
    _shown: dict[tuple[int, int], str] = field(default_factory=dict, compare=False)

    def string(self, index: int, style: int) -> str:
        """A shared string as a cell of ``style`` shows it, worked out once per style whose
        font changes it (the plain string for all others)."""
        font = self.fonts.get(style)
        if font is None:
            return self.strings[index]
        key = (index, style)  # not the font: ints hash faster than a Style
        if key not in self._shown:
            item = self.rich_strings.get(index)
            text = self.strings[index]  # IndexError for a string that is not there
            self._shown[key] = in_font(item, font) if item is not None else in_one_font(text, font)
        return self._shown[key]


def in_one_font(text: str, font: CellFont) -> str:
    """Text without runs as a cell in ``font`` shows it: one run, formatted as the font is."""
    text = shown(text, font.symbol)
    return text if font.style.plain or not text else RichText(((text, font.style),))


def in_font(element: etree._Element, font: CellFont) -> str:
    """A ``<si>`` or ``<is>`` as a cell in ``font`` shows it: a symbol font's characters,
    and the font's formatting on the text whose runs have none of their own."""
    main = main_namespace(element)
    return rich_string(element, main, font.symbol, font.style) or text_content(element, font.symbol)


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
    state: str = "visible"  # or "hidden", "veryHidden" (hidden, and not in Excel's Unhide)
    hidden_rows: frozenset[int] = frozenset()  # 0-based, down to the last row with a value
    hidden_columns: frozenset[int] = frozenset()  # 0-based, up to the sheet's width

    def grid(self, rows: int) -> list[list[object]]:
        """The first rows as lists, for finding the header."""
        return [
            [self.values.get((r, c)) for c in range(self.width)]
            for r in range(min(rows, self.height))
        ]


@cache
def _paths(main: str) -> tuple[etree.XPath, etree.XPath, etree.XPath]:
    """A rich text's plain text, its runs' texts, and its runs' fonts, found by libxml2:
    a string of many runs is read without a Python object for each of its elements."""
    ns = {"m": main[1:-1]}
    return (
        etree.XPath("string(m:t[last()])", namespaces=ns, smart_strings=False),
        etree.XPath("m:r/m:t[last()]/text()", namespaces=ns, smart_strings=False),
        etree.XPath("m:r/m:rPr/m:rFont/@val", namespaces=ns, smart_strings=False),
    )


def text_content(element: etree._Element, font: str | None = None) -> str:
    """A rich text's characters: its plain text and its runs, without phonetic guides;
    escapes decoded, and characters of a symbol font (the run's own, else the cell's
    ``font``) as Excel shows them."""
    main = main_namespace(element)
    if len(element) == 1:  # the common case, one <t> of text only, read without XPath
        only = element[0]
        if only.tag == tags(main).text and not len(only):
            return shown(decode_escapes(only.text or ""), font)
    plain_texts, run_texts, run_fonts = _paths(main)
    if font is None and not any(symbol_table(name) for name in set(run_fonts(element))):
        return decode_escapes(str(plain_texts(element)) + "".join(run_texts(element)))
    names = tags(main)
    shown_plain, runs = "", []
    for child in element:
        if child.tag == names.text:
            shown_plain = shown(decode_escapes(child.text or ""), font)
        elif child.tag == names.run:
            text, run_font = None, font
            for part in child:
                if part.tag == names.text:
                    text = part.text
                elif part.tag == names.run_properties:
                    for prop in part:
                        if prop.tag == names.run_font and prop.get("val"):
                            run_font = prop.get("val")
            if text is not None:
                runs.append(shown(decode_escapes(text), run_font))
    return shown_plain + "".join(runs)


def read_sheet(
    title: str,
    root: etree._Element,
    shared: SharedParts,
    state: str = "visible",
    max_cells: int = MAX_CELLS,
) -> Sheet:
    """A worksheet's cells, each read as openpyxl (``data_only``) read it; TooManyCells
    beyond ``max_cells`` cells with a value."""
    main = main_namespace(root)
    names = tags(main)
    cell_tag, value_tag, formula_tag, inline_tag, text_tag = (
        names.cell,
        names.value,
        names.formula,
        names.inline,
        names.text,
    )
    fonts = shared.fonts
    values: dict[tuple[int, int], object] = {}
    formats: dict[tuple[int, int], str] = {}
    errors: set[tuple[int, int]] = set()
    formulas: set[tuple[int, int]] = set()
    merges: list[tuple[int, int, int, int]] = []
    hidden_rows: set[int] = set()
    hidden_columns: list[tuple[int, int]] = []
    current_row = 0
    for element in root.iter(names.row, names.merge_cell, names.column):
        if element.tag == names.merge_cell:
            merges.append(_merge_bounds(element.get("ref")))
            continue
        if element.tag == names.column:
            if element.get("hidden") in _HIDDEN or _zero(element.get("width")):
                hidden_columns.append(_column_span(element))
            continue
        number = element.get("r")
        current_row = row_number(number) if number is not None else current_row + 1
        if element.get("hidden") in _HIDDEN or _zero(element.get("ht")):
            hidden_rows.add(current_row - 1)
        if len(values) > max_cells:
            raise TooManyCells(title)
        column, last_ref = 0, None  # a cell without an address follows the one before it
        for cell in element.iterchildren(cell_tag):
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
                if tag == value_tag and held is None:
                    held = child
                elif tag == formula_tag and formula is None:
                    formula = child
                elif tag == inline_tag and inline is None:
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
                font = fonts.get(int(cell.get("s") or 0))
                only = inline[0] if len(inline) == 1 else None
                if only is not None and only.tag == text_tag and not len(only):
                    value = decode_escapes(only.text or "")  # text without runs
                    if font is not None:
                        value = in_one_font(value, font)
                elif font is not None:
                    value = in_font(inline, font)
                else:
                    value = rich_string(inline, main) or text_content(inline)
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
                    if style in shared.number_styles:
                        formats[key] = shared.number_formats[style]
            elif kind == "s":
                value = shared.string(int(text), int(cell.get("s") or 0))
            elif kind == "b":
                value = bool(int(text))
            elif kind == "d":
                value = from_iso(text)
                if isinstance(value, date):
                    style = int(cell.get("s") or 0)
                    codes = shared.number_formats
                    formats[key] = codes[style] if 0 <= style < len(codes) else "General"
            else:  # "str" (a formula's text), "e" (an error value), or a kind Excel lacks
                value = decode_escapes(text)
                if kind == "e":
                    errors.add(key)
                else:
                    font = fonts.get(int(cell.get("s") or 0))
                    if font is not None:
                        value = in_one_font(value, font)
            values[key] = value
    if len(values) > max_cells:
        raise TooManyCells(title)
    covered, height, width = _merge(values, formats, errors, merges)
    return Sheet(
        title,
        values,
        formats,
        errors,
        covered,
        formulas,
        height,
        width,
        state,
        frozenset(r for r in hidden_rows if r < height),
        _spans(hidden_columns, width),
    )


def _zero(size: str | None) -> bool:
    """A row height or column width of 0: hidden, as Excel shows it."""
    try:
        return size is not None and float(size) == 0
    except ValueError:
        return False


def _column_span(column: etree._Element) -> tuple[int, int]:
    """A ``<col>``'s columns, 0-based, first and last."""
    first = int(column.get("min") or 1)
    return first - 1, int(column.get("max") or first) - 1


def _spans(spans: list[tuple[int, int]], width: int) -> frozenset[int]:
    """The columns of the spans that lie within the sheet's width: each column once, even
    when thousands of spans cover the whole sheet."""
    found: set[int] = set()
    reached = -1
    for first, last in sorted(spans):
        start, stop = max(first, reached + 1), min(last, width - 1)
        found.update(range(start, stop + 1))
        reached = max(reached, last)
    return frozenset(found)


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
    last_row = max((r for r, _ in values), default=-1)
    last_column = max((c for _, c in values), default=-1)
    if not merges:
        return set(), last_row + 1, last_column + 1
    for top, left, bottom, right in merges:  # Excel keeps no value under a merge, others may
        for r in range(top, min(bottom, last_row) + 1):
            for c in range(left, min(right, last_column) + 1):
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
