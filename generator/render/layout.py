"""Shapes the rendered document: paper size, table columns, widths and merges.

Tables in the template carry every optional column and one row per line; here empty
optional columns are dropped, widths fitted to the page, and the cells of one group
(a KEGIATAN, a Target Prioritas) merged vertically.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from docx.document import Document
from docx.oxml.ns import qn
from docx.shared import Mm

from generator.indonesian import MONTH_HEADINGS
from generator.render.measure import (
    TWIPS_PER_POINT,
    Font,
    Measure,
    Read,
    cell_margins,
    measure_paragraph,
    paragraph_fonts,
    read_paragraph,
    set_sizes,
    word_need,
    wrapped_lines,
)

# Header names are compared in capitals: the template may write them either way.
OPTIONAL_HEADERS = {"PENANGGUNG JAWAB", "DATA DUKUNG", "KODE LKE"}
# Per table kind (its second header): the columns merged over the rows of one group (the
# rows sharing the first column's text), and whether a cell merges only with identical
# neighbours.
MERGE_RULES = {
    "KEGIATAN": ({"NO", "KEGIATAN"}, False),
    "TARGET PRIORITAS": ({"NO", "TARGET PRIORITAS", "WAKTU", "OUTPUT"} | OPTIONAL_HEADERS, True),
    "SUB-PILAR": ({"AREA", "SUB-PILAR"}, True),  # the LKE appendix
}
FIXED_WIDTH_HEADERS = {"NO", "WAKTU", "KET", "KODE LKE", *MONTH_HEADINGS}
EMPTY_SHRINKS = {"WAKTU", "KET", "KODE LKE"}  # left empty, as wide as their header
PAPER = {"A4": (Mm(210), Mm(297)), "F4": (Mm(215), Mm(330))}
# a matrix this small shares its landscape page with its Target Prioritas table
SMALL_MATRIX_SHARE = 0.4  # of the landscape page's text height
LINE_HEIGHT = 1.15  # Arial's line height, in font sizes
# a table whose words do not fit shrinks in half points down to 7 of 9 pt
SHRINK_STEPS = (17 / 18, 16 / 18, 15 / 18, 14 / 18)

TCPR_ORDER = (
    "cnfStyle",
    "tcW",
    "gridSpan",
    "hMerge",
    "vMerge",
    "tcBorders",
    "shd",
    "noWrap",
    "tcMar",
    "textDirection",
    "tcFitText",
    "vAlign",
    "hideMark",
)

Element = Any  # lxml elements of python-docx's oxml layer

# Clark names, resolved once: the table passes below look up tens of thousands of them.
TBL, TR, TC, T, P, R = (qn(f"w:{tag}") for tag in ("tbl", "tr", "tc", "t", "p", "r"))
TBL_GRID, GRID_COL, VAL, W = qn("w:tblGrid"), qn("w:gridCol"), qn("w:val"), qn("w:w")
TBL_PR, TBL_W, TC_PR, TR_PR = qn("w:tblPr"), qn("w:tblW"), qn("w:tcPr"), qn("w:trPr")
GRID_SPAN, TBL_HEADER, CELL_WIDTH = qn("w:gridSpan"), qn("w:tblHeader"), qn("w:tcW")
V_MERGE, TYPE = qn("w:vMerge"), qn("w:type")
SECT_PR, P_PR, PG_SZ, PG_MAR = qn("w:sectPr"), qn("w:pPr"), qn("w:pgSz"), qn("w:pgMar")
# what may follow each tcPr child, so that a new child goes in its schema position
_TCPR_LATER = {
    qn(f"w:{name}"): {qn(f"w:{later}") for later in TCPR_ORDER[i + 1 :]}
    for i, name in enumerate(TCPR_ORDER)
}


def shape(document: Document, paper: str = "A4", source: bytes | None = None) -> None:
    """Shapes the body; ``source`` is the body's XML as it was parsed, if at hand: with
    it, cells of the same XML are read once (see _cell_sources)."""
    body = document.element.body
    cells = _Cells(paragraph_fonts(document), _cell_sources(body, source))
    for sect_pr in body.iter(SECT_PR):
        _set_paper(sect_pr, paper)
    widths = _text_widths(body)
    tables: dict[Element, _Table] = {}
    for element, text_width in widths.items():
        table = tables[element] = _Table(element, cells)
        if not any(table.headers):
            continue
        empty = {
            index
            for index, name in enumerate(table.headers)
            if name in OPTIONAL_HEADERS and table.column_empty(index)
        }
        if empty:
            _remove_columns(table, empty)
            table = tables[element] = _Table(element, cells)
        _fit_width(table, text_width)
        headers = table.headers
        rule = MERGE_RULES.get(headers[1] if len(headers) > 1 else "")
        if rule:
            columns, identical_only = rule
            _merge_groups(table, [i for i, h in enumerate(headers) if h in columns], identical_only)
    _compact_small_matrices(body, widths, tables)


# -- sections -----------------------------------------------------------------------------


def _compact_small_matrices(
    body: Element, widths: dict[Element, int], tables: dict[Element, _Table]
) -> None:
    """A matrix filling at most SMALL_MATRIX_SHARE of its landscape page shares the page
    with the Target Prioritas table that follows it (its heading, caption and table),
    instead of leaving most of the page empty: the section break after the matrix moves
    behind that table, which is then fitted to the landscape width."""
    children = list(body)
    for index, child in enumerate(children):
        if child.tag != TBL or not _is_matrix(tables[child]):
            continue
        following = children[index + 1 : index + 6]
        if not following or _property(following[0], P_PR, SECT_PR) is None:
            continue
        brk = following[0]
        page = _text_height(_property(brk, P_PR, SECT_PR))
        if _table_height(tables[child]) > page * SMALL_MATRIX_SHARE:
            continue
        priority = next((i for i, el in enumerate(following[1:], 1) if el.tag == TBL), None)
        if priority is None or not all(
            el.tag == P and _property(el, P_PR, SECT_PR) is None for el in following[1:priority]
        ):
            continue
        table = tables[following[priority]]
        if len(table.headers) > 1 and table.headers[1] == "TARGET PRIORITAS":
            following[priority].addnext(brk)
            _fit_width(table, widths[child])


def _text_height(sect_pr: Element) -> int:
    size, margins = _child(sect_pr, PG_SZ), _child(sect_pr, PG_MAR)
    if size is None or margins is None:
        raise ValueError("template bug: a w:sectPr without w:pgSz or w:pgMar")
    top, bottom = int(margins.get(qn("w:top"), 0)), int(margins.get(qn("w:bottom"), 0))
    return int(size.get(qn("w:h"))) - top - bottom


def _table_height(table: _Table) -> int:
    """About how tall the table is laid out (twips): per row its tallest cell, lines
    wrapped word by word at the column's width (merged cells counted in each row)."""
    grid = [int(col.get(W)) for col in table.grid]
    margins = cell_margins(table.element)
    total = 0
    for cells in table.rows:
        column, tallest = 0, 0
        for cell in cells:
            span = table.cells(cell).span
            room = sum(grid[column : column + span]) - margins
            column += span
            heights = table.cells(cell).heights
            height = heights.get(room)
            if height is None:
                height = heights[room] = _cell_height(table.cells(cell).paragraphs, room)
            tallest = max(tallest, height)
        total += tallest
    return total


def _cell_height(paragraphs: list[Read], room: int) -> int:
    height = 0
    for read in paragraphs:
        lines = wrapped_lines(read.text, read.points, read.bold, room - read.font.indent)
        height += round(max(lines, 1) * read.points * LINE_HEIGHT * TWIPS_PER_POINT)
    return height


def _is_matrix(table: _Table) -> bool:
    return len(table.headers) > 1 and table.headers[1] == "KEGIATAN" and "JAN" in table.headers


def _set_paper(sect_pr: Element, paper: str) -> None:
    size = _child(sect_pr, PG_SZ)
    if size is None:
        return
    short, long = (str(int(v.twips)) for v in PAPER[paper])
    landscape = size.get(qn("w:orient")) == "landscape"
    size.set(W, long if landscape else short)
    size.set(qn("w:h"), short if landscape else long)


def _text_widths(body: Element) -> dict[Element, int]:
    """The text width of each table of the body (the template nests none), from the
    sectPr that governs it: the first one after it, in one pass from the body's end."""
    widths: dict[Element, int] = {}
    width = None
    for child in reversed(body):
        sect_pr = child if child.tag == SECT_PR else _property(child, P_PR, SECT_PR)
        if sect_pr is not None:
            width = _text_width(sect_pr)
        if width is None:
            raise ValueError("template bug: body without a final w:sectPr")
        if child.tag == TBL:
            widths[child] = width
    return dict(reversed(widths.items()))


def _text_width(sect_pr: Element) -> int:
    size, margins = _child(sect_pr, PG_SZ), _child(sect_pr, PG_MAR)
    if size is None or margins is None:
        raise ValueError("template bug: a w:sectPr without w:pgSz or w:pgMar")
    left = int(margins.get(qn("w:left")))
    right = int(margins.get(qn("w:right")))
    return int(size.get(W)) - left - right


# -- tables -------------------------------------------------------------------------------
#
# lxml's find() goes through its ElementPath layer on every call and hands out a new proxy
# object each time; the passes below read each table once (_Table) and look up children
# with _child(): a table pass went from 8 to 3 ms per plan.


def _child(element: Element, tag: str) -> Element | None:
    """The first child with ``tag`` (a property element is usually the first child)."""
    for child in element:
        if child.tag == tag:
            return child
    return None


def _children(element: Element, tag: str) -> list[Element]:
    return [child for child in element if child.tag == tag]


def _property(element: Element, properties: str, name: str) -> Element | None:
    """``element/properties/name``, e.g. a cell's ``w:tcPr/w:gridSpan``."""
    found = _child(element, properties)
    return None if found is None else _child(found, name)


class _Cell(NamedTuple):
    """What the passes read of a cell (see _Cells); all but its w:tcW is shared by the
    cells of the same XML."""

    paragraphs: list[Read]  # its w:p children, read
    text: str  # its w:t texts, stripped
    span: int  # the grid columns it spans
    measures: list[tuple[Measure, int]]  # its non-empty paragraphs' (measure_paragraph)
    heights: dict[int, int]  # its height (twips) per width of text, once found
    width: Element | None  # its w:tcW


CELL_STARTS, CELL_END = (b"<w:tc>", b"<w:tc "), b"</w:tc>"


def _cell_sources(body: Element, source: bytes | None) -> dict[Element, bytes]:
    """Each table cell of the body with its XML, cut from the body's XML as parsed.

    Three in four cells of a plan repeat another cell's XML (ticks, empty optional
    columns, a group's repeated values), and reading a cell's paragraphs through lxml's
    proxies costs ~50,000 instructions; cutting the XML from the bytes at hand costs a
    few hundred (serialising each cell cost more than reading it). The n-th cell ends
    at the n-th end tag; a piece with no cell start tag before its end is the end of a
    cell holding a table (the template nests none), and then every cell is read.
    """
    if source is None:
        return {}
    cells = list(body.iter(TC))
    pieces = source.split(CELL_END)[:-1]
    if len(pieces) != len(cells):
        return {}
    sources = {}
    for cell, piece in zip(cells, pieces, strict=True):
        if not piece.startswith(CELL_STARTS):  # a row's first cell, after the row's start
            start = max(map(piece.rfind, CELL_STARTS))
            if start < 0:
                return {}
            piece = piece[start:]
        sources[cell] = piece
    return sources


class _Cells:
    """What the passes read of the tables' cells, each cell read once per shape, and a
    cell whose XML repeats another's (``sources``) not read again. lxml hands out one
    proxy per element while it is held, so the cells key a dict; a pass that changes a
    cell (a merge clears it, a shrink resizes its runs, a dropped column narrows its
    span) forgets what was read of it, and its XML."""

    def __init__(self, fonts: dict[str, Font], sources: dict[Element, bytes]) -> None:
        self.fonts = fonts
        self._sources = sources
        self._read: dict[Element, _Cell] = {}
        self._texts: dict[Element, str] = {}
        # per cell XML, what the first cell of that XML read; the others share it
        self._contents: dict[bytes, _Cell] = {}

    def __call__(self, cell: Element) -> _Cell:
        found = self._read.get(cell)
        if found is None:
            found = self._read[cell] = self._reading(cell)
        return found

    def text(self, cell: Element) -> str:
        """The cell's text, without reading the rest of it: an optional column's cells
        are looked at only to see whether they are empty, and then dropped."""
        found = self._read.get(cell)
        if found is not None:
            return found.text
        text = self._texts.get(cell)
        if text is None:
            text = self._texts[cell] = "".join(t.text or "" for t in cell.iter(T)).strip()
        return text

    def forget(self, cell: Element) -> None:
        self._read.pop(cell, None)
        self._texts.pop(cell, None)
        self._sources.pop(cell, None)

    def _reading(self, cell: Element) -> _Cell:
        source = self._sources.get(cell)
        shared = None if source is None else self._contents.get(source)
        if shared is not None:
            return shared._replace(width=_property(cell, TC_PR, CELL_WIDTH))
        found = self._read_cell(cell)
        if source is not None:
            self._contents[source] = found
        return found

    def _read_cell(self, cell: Element) -> _Cell:
        reads, only_paragraphs, properties = [], True, None
        for child in cell:
            if child.tag == P:
                reads.append(read_paragraph(child, self.fonts))
            elif child.tag == TC_PR and properties is None:
                properties = child
            elif child.tag != TC_PR:
                only_paragraphs = False
        if only_paragraphs:  # the paragraphs hold every w:t of the cell
            text = "".join(read.plain for read in reads)
        else:
            text = "".join(t.text or "" for t in cell.iter(T))
        span, width = None, None
        for child in () if properties is None else properties:
            if child.tag == GRID_SPAN and span is None:
                span = child
            elif child.tag == CELL_WIDTH and width is None:
                width = child
        measures = [m for m in map(measure_paragraph, reads) if m is not None]
        span_value = int(span.get(VAL)) if span is not None else 1
        return _Cell(reads, text.strip(), span_value, measures, {}, width)


class _Table:
    """A table's grid, rows and cells, read once; header names from its header rows."""

    def __init__(self, element: Element, cells: _Cells) -> None:
        self.element = element
        self.cells = cells
        self.grid = _children(_child(element, TBL_GRID), GRID_COL)
        rows = _children(element, TR)
        self.rows = [_children(row, TC) for row in rows]
        headers = next(
            (i for i, row in enumerate(rows) if _property(row, TR_PR, TBL_HEADER) is None),
            len(rows),
        )
        # the rows with one cell per grid column (not headers, not a banner)
        self.data_rows = [cells for cells in self.rows[headers:] if len(cells) == len(self.grid)]
        # one name per grid column, in capitals (the lowest header row wins)
        self.headers = [""] * len(self.grid)
        for row in self.rows[:headers]:
            column = 0
            for cell in row:
                text, span = cells(cell).text, cells(cell).span
                if text and span == 1:
                    self.headers[column] = text.upper()
                column += span

    def column_empty(self, index: int) -> bool:
        return all(not self.cells.text(cells[index]) for cells in self.data_rows)


# -- measuring ----------------------------------------------------------------------------


def _measures(table: _Table) -> list[dict[Measure, int]]:
    """Per grid column, per size and indent of its paragraphs, the longest word (font
    units); cells spanning several columns (banners, WAKTU/BULAN) are not counted."""
    measures: list[dict[Measure, int]] = [{} for _ in table.grid]
    for cells in table.rows:
        full = len(cells) == len(table.grid)
        column = 0
        for cell in cells:
            span = 1 if full else table.cells(cell).span
            if span == 1 and column < len(measures):
                known = measures[column]
                for key, units in table.cells(cell).measures:
                    known[key] = max(known.get(key, 0), units)
            column += span
    return measures


def _needs(measures: list[dict[Measure, int]], margins: int, scale: float = 1.0) -> list[int]:
    """Per grid column, the width its longest word needs (twips, with the cell margins)."""
    return [
        max((word_need(key, units, scale) + margins for key, units in column.items()), default=0)
        for column in measures
    ]


def _remove_columns(table: _Table, indices: set[int]) -> None:
    """Drops grid columns; a cell spanning a dropped column spans one column less."""
    for cells in table.rows:
        if len(cells) == len(table.grid):  # one cell per column: no spans to read
            for index in sorted(indices, reverse=True):
                cells[index].getparent().remove(cells[index])
            continue
        column = 0
        for cell in cells:
            span = table.cells(cell).span
            dropped = sum(1 for c in range(column, column + span) if c in indices)
            column += span
            if not dropped:
                continue
            if dropped == span:
                cell.getparent().remove(cell)
                continue
            grid_span = _property(cell, TC_PR, GRID_SPAN)
            assert grid_span is not None  # span > 1 was read from it
            table.cells.forget(cell)
            if span - dropped == 1:
                grid_span.getparent().remove(grid_span)
            else:
                grid_span.set(VAL, str(span - dropped))
    for index in sorted(indices, reverse=True):
        table.grid[index].getparent().remove(table.grid[index])


def _fit_width(table: _Table, width: int) -> None:
    """Fits the grid to the text width; each cell's w:tcW follows its grid columns.

    Every column is at least as wide as the longest word it holds (measure.py), so that no
    word breaks mid-word. Columns of short values (numbers, Waktu, Kode LKE) keep the
    template's width; the text columns share the rest in the template's proportions, so
    that adding an optional column narrows the prose, not ``A.1.II.i.a``. When the words
    need more, the month columns give up width first, then the short-value columns, down
    to their own longest word; then the table's font shrinks, half a point at a time down
    to 7 of 9 pt (SHRINK_STEPS). Only when even that does not hold the words (a web address
    wider than MAX_WORD, many columns of long words) does every column get its need scaled
    down alike, at the table's own size, and the longest words break at the cell's edge.
    """
    measures, margins = _measures(table), cell_margins(table.element)
    needs = _needs(measures, margins)
    template = [  # a short-value column left empty (no Waktu given) needs only its header
        needs[i] if name in EMPTY_SHRINKS and table.column_empty(i) else int(col.get(W))
        for i, (col, name) in enumerate(zip(table.grid, table.headers, strict=True))
    ]
    scaled, fits = column_widths(template, needs, table.headers, width)
    if not fits:
        for scale in SHRINK_STEPS:
            smaller, fits = column_widths(
                template, _needs(measures, margins, scale), table.headers, width
            )
            if fits:
                scaled = smaller
                set_sizes(_run_sizes(table), scale)
                for cells in table.rows:
                    for cell in cells:
                        table.cells.forget(cell)
                break
    for col, value in zip(table.grid, scaled, strict=True):
        col.set(W, str(value))
    table_width = _property(table.element, TBL_PR, TBL_W)
    if table_width is not None:
        table_width.set(TYPE, "dxa")
        table_width.set(W, str(width))
    column_texts = [str(value) for value in scaled]
    for cells in table.rows:
        full = len(cells) == len(scaled)
        column = 0
        for cell in cells:
            read = table.cells(cell)
            span, tc_w = 1 if full else read.span, read.width
            if tc_w is not None:
                tc_w.set(TYPE, "dxa")
                if span == 1:
                    tc_w.set(W, column_texts[column])
                else:
                    tc_w.set(W, str(sum(scaled[column : column + span])))
            column += span


def column_widths(
    template: list[int], needs: list[int], headers: list[str], width: int
) -> tuple[list[int], bool]:
    """The grid widths (twips) summing to ``width``, and whether every column holds its
    longest word; see _fit_width."""
    every = list(range(len(template)))
    months = [i for i, name in enumerate(headers) if name in MONTH_HEADINGS]
    fixed = [i for i, name in enumerate(headers) if name in FIXED_WIDTH_HEADERS and i not in months]
    text = [i for i in every if i not in months and i not in fixed]
    if not text:  # nothing to share: scale everything
        return _share(width, template, [0] * len(template), every), True
    result = [0] * len(template)
    for i in fixed:
        result[i] = max(template[i], needs[i])
    for i in months:
        result[i] = template[i]
    text_needs = sum(needs[i] for i in text)

    def rest() -> int:
        return width - sum(result[i] for i in fixed + months)

    if text_needs > rest() and months:  # the months give up width first, all alike
        narrowed = (width - sum(result[i] for i in fixed) - text_needs) // len(months)
        narrowed = max(narrowed, max(needs[i] for i in months))
        for i in months:
            result[i] = min(template[i], narrowed)
    slack = {i: result[i] - needs[i] for i in fixed + months if result[i] > needs[i]}
    if text_needs > rest() and slack:  # then every short column, down to its need
        take = min(text_needs - rest(), sum(slack.values()))
        for i, spare in slack.items():
            result[i] -= -(-spare * take // sum(slack.values()))
    if text_needs > rest():
        return _share(width, [max(n, 1) for n in needs], [0] * len(needs), every), False
    shared = _share(rest(), template, needs, text)
    for i in text:
        result[i] = shared[i]
    return result, True


def _run_sizes(table: _Table) -> list[tuple[Element, float]]:
    """Every run of the table with its size in points as it shows now."""
    sizes = []
    for cells in table.rows:
        for cell in cells:
            paragraphs = zip(_children(cell, P), table.cells(cell).paragraphs, strict=True)
            for paragraph, read in paragraphs:
                sizes += [(run, read.points) for run in paragraph.iter(R)]
    return sizes


def _share(total: int, weights: list[int], minimums: list[int], columns: list[int]) -> list[int]:
    """``total`` over ``columns`` in proportion to ``weights``, none below its minimum
    (the minimums of ``columns`` sum to at most ``total``); the rounding goes to the last."""
    result = [0] * len(weights)
    free = list(columns)
    while free:
        available = total - sum(result[i] for i in columns if i not in free)
        weight = sum(weights[i] for i in free) or 1
        short = [i for i in free if available * weights[i] // weight < minimums[i]]
        if not short:
            for i in free:
                result[i] = available * weights[i] // weight
            break
        for i in short:
            result[i] = minimums[i]
            free.remove(i)
    result[columns[-1]] += total - sum(result[i] for i in columns)
    return result


def _merge_groups(table: _Table, columns: list[int], identical_only: bool) -> None:
    """Merges a column's cells down over the rows of one group (same first-column text)."""
    rows, read = table.data_rows, table.cells
    groups = [read(cells[0]).text for cells in rows]  # read before any cell is cleared
    for index in columns:
        texts = [read(cells[index]).text for cells in rows] if identical_only else []
        start = 0
        for position in range(1, len(rows) + 1):
            same = (
                position < len(rows)
                and groups[position] == groups[start] != ""
                and (not identical_only or texts[position] == texts[start])
            )
            if same:
                continue
            if position - start > 1:
                _merge_run([cells[index] for cells in rows[start:position]], table.cells)
            start = position


def _merge_run(cells: list[Element], read: _Cells) -> None:
    for position, cell in enumerate(cells):
        merge = cell.makeelement(V_MERGE)
        if position == 0:
            merge.set(VAL, "restart")
        else:
            _clear(cell)
            read.forget(cell)
        _insert_tc_pr(cell, merge)


def _clear(cell: Element) -> None:
    """A continued cell keeps one empty paragraph (its first, for its style)."""
    paragraphs = _children(cell, P)
    for extra in paragraphs[1:]:
        cell.remove(extra)
    for run in _children(paragraphs[0], R):
        paragraphs[0].remove(run)


def _insert_tc_pr(cell: Element, child: Element) -> None:
    tc_pr = _child(cell, TC_PR)
    if tc_pr is None:
        tc_pr = cell.makeelement(TC_PR)
        cell.insert(0, tc_pr)
    later = _TCPR_LATER[child.tag]
    for existing in tc_pr:
        if existing.tag in later:
            existing.addprevious(child)
            return
    tc_pr.append(child)
