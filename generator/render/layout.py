"""Shapes the rendered document: paper size, table columns, widths and merges.

Tables in the template carry every optional column and one row per line; here empty
optional columns are dropped, widths fitted to the page, and the cells of one group
(a KEGIATAN, a Target Prioritas) merged vertically.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.shared import Cm, Mm

from generator.indonesian import MONTH_HEADINGS
from generator.render.measure import TWIPS_PER_POINT, longest_word, wrapped_lines

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
PAPER = {"A4": (Mm(210), Mm(297)), "F4": (Mm(215), Mm(330))}
# A run without a space longer than this is no word but an address or a list joined by
# slashes: it breaks where its cell ends (at a slash, in LibreOffice) instead of widening it.
MAX_WORD = int(Cm(4).twips)
SLACK = 20  # twips (1 pt) over the measured word: rounding, and kerning the table omits
# a matrix this small shares its landscape page with its Target Prioritas table
SMALL_MATRIX_SHARE = 0.4  # of the landscape page's text height
LINE_HEIGHT = 1.15  # Arial's line height, in font sizes
DEFAULT_CELL_MARGIN = 108  # twips each side, Word's when a table sets none
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
TAB, BR, R_PR, BOLD, SIZE = qn("w:tab"), qn("w:br"), qn("w:rPr"), qn("w:b"), qn("w:sz")
P_STYLE, CELL_MARGINS = qn("w:pStyle"), qn("w:tblCellMar")
SECT_PR, P_PR, PG_SZ, PG_MAR = qn("w:sectPr"), qn("w:pPr"), qn("w:pgSz"), qn("w:pgMar")
# what may follow each tcPr child, so that a new child goes in its schema position
_TCPR_LATER = {
    qn(f"w:{name}"): {qn(f"w:{later}") for later in TCPR_ORDER[i + 1 :]}
    for i, name in enumerate(TCPR_ORDER)
}


def shape(document: Document, paper: str = "A4") -> None:
    body = document.element.body
    fonts = _fonts(document)
    for sect_pr in body.iter(SECT_PR):
        _set_paper(sect_pr, paper)
    widths = _text_widths(body)
    for element, text_width in widths.items():
        table = _Table(element)
        if not any(table.headers):
            continue
        empty = {
            index
            for index, name in enumerate(table.headers)
            if name in OPTIONAL_HEADERS and table.column_empty(index)
        }
        if empty:
            _remove_columns(table, empty)
            table = _Table(element)
        _fit_width(table, text_width, fonts)
        headers = table.headers
        rule = MERGE_RULES.get(headers[1] if len(headers) > 1 else "")
        if rule:
            columns, identical_only = rule
            _merge_groups(table, [i for i, h in enumerate(headers) if h in columns], identical_only)
    _compact_small_matrices(body, widths, fonts)


# -- sections -----------------------------------------------------------------------------


def _compact_small_matrices(
    body: Element, widths: dict[Element, int], fonts: dict[str, _Font]
) -> None:
    """A matrix filling at most SMALL_MATRIX_SHARE of its landscape page shares the page
    with the Target Prioritas table that follows it (its heading, caption and table),
    instead of leaving most of the page empty: the section break after the matrix moves
    behind that table, which is then fitted to the landscape width."""
    children = list(body)
    for index, child in enumerate(children):
        if child.tag != TBL or not _is_matrix(_Table(child)):
            continue
        following = children[index + 1 : index + 6]
        if not following or _property(following[0], P_PR, SECT_PR) is None:
            continue
        brk = following[0]
        page = _text_height(_property(brk, P_PR, SECT_PR))
        if _table_height(_Table(child), fonts) > page * SMALL_MATRIX_SHARE:
            continue
        priority = next((i for i, el in enumerate(following[1:], 1) if el.tag == TBL), None)
        if priority is None or not all(
            el.tag == P and _property(el, P_PR, SECT_PR) is None for el in following[1:priority]
        ):
            continue
        table = _Table(following[priority])
        if len(table.headers) > 1 and table.headers[1] == "TARGET PRIORITAS":
            following[priority].addnext(brk)
            _fit_width(table, widths[child], fonts)


def _text_height(sect_pr: Element) -> int:
    size, margins = _child(sect_pr, PG_SZ), _child(sect_pr, PG_MAR)
    top, bottom = int(margins.get(qn("w:top"), 0)), int(margins.get(qn("w:bottom"), 0))
    return int(size.get(qn("w:h"))) - top - bottom


def _table_height(table: _Table, fonts: dict[str, _Font]) -> int:
    """About how tall the table is laid out (twips): per row its tallest cell, lines
    wrapped word by word at the column's width (merged cells counted in each row)."""
    grid = [int(col.get(W)) for col in table.grid]
    margins = _cell_margins(table.element)
    total = 0
    for cells in table.rows:
        column, tallest = 0, 0
        for cell in cells:
            span = _span(cell)
            room = sum(grid[column : column + span]) - margins
            column += span
            height = 0
            for paragraph in _children(cell, P):
                font, text, bold, points = _paragraph_font(paragraph, fonts)
                lines = wrapped_lines(text, points, bold, room - font.indent)
                height += round(max(lines, 1) * points * LINE_HEIGHT * TWIPS_PER_POINT)
            tallest = max(tallest, height)
        total += tallest
    return total


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


def _span(cell: Element) -> int:
    span = _property(cell, TC_PR, GRID_SPAN)
    return int(span.get(VAL)) if span is not None else 1


def _text(cell: Element) -> str:
    return "".join(t.text or "" for t in cell.iter(T)).strip()


class _Table:
    """A table's grid, rows and cells, read once; header names from its header rows."""

    def __init__(self, element: Element) -> None:
        self.element = element
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
        for cells in self.rows[:headers]:
            column = 0
            for cell in cells:
                text, span = _text(cell), _span(cell)
                if text and span == 1:
                    self.headers[column] = text.upper()
                column += span

    def column_empty(self, index: int) -> bool:
        return all(not _text(cells[index]) for cells in self.data_rows)


# -- measuring ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Font:
    """What a paragraph style sets that decides how wide its words are."""

    points: float
    bold: bool
    indent: int  # twips: the left indent (a list's text starts there)


def _fonts(document: Document) -> dict[str, _Font]:
    """Per paragraph style id (and "" for the default style), its font as it inherits it."""
    fonts: dict[str, _Font] = {}
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
        fonts[style.style_id] = _Font(
            size.pt if size is not None else 10.0, bool(bold), indent.twips if indent else 0
        )
    default = styles.default(WD_STYLE_TYPE.PARAGRAPH)
    fonts[""] = (
        fonts.get(default.style_id, _Font(10.0, False, 0)) if default else _Font(10.0, False, 0)
    )
    return fonts


def _needs(table: _Table, fonts: dict[str, _Font]) -> list[int]:
    """Per grid column, the width its longest word needs (twips, with the cell margins);
    cells spanning several columns (banners, WAKTU/BULAN) are not counted."""
    margins = _cell_margins(table.element)
    needs = [0] * len(table.grid)
    for cells in table.rows:
        full = len(cells) == len(table.grid)
        column = 0
        for cell in cells:
            span = 1 if full else _span(cell)
            if span == 1 and column < len(needs):
                need = max((_word_need(p, fonts) for p in _children(cell, P)), default=0)
                if need:
                    needs[column] = max(needs[column], need + margins)
            column += span
    return needs


def _paragraph_font(paragraph: Element, fonts: dict[str, _Font]) -> tuple[_Font, str, bool, float]:
    """The paragraph's style font, its text (a tab or break as a space), and whether any
    of its runs is bold and the largest size of them."""
    style = _property(paragraph, P_PR, P_STYLE)
    font = fonts.get(style.get(VAL) if style is not None else "", fonts[""])
    parts, bold, points = [], font.bold, font.points
    for node in paragraph.iter(T, TAB, BR, R_PR):
        if node.tag == T:
            parts.append(node.text or "")
        elif node.tag == R_PR:
            flag, size = _child(node, BOLD), _child(node, SIZE)
            bold = bold or (flag is not None and flag.get(VAL, "1") not in ("0", "false"))
            points = max(points, int(size.get(VAL)) / 2) if size is not None else points
        else:
            parts.append(" ")
    return font, "".join(parts), bold, points


def _word_need(paragraph: Element, fonts: dict[str, _Font]) -> int:
    font, text, bold, points = _paragraph_font(paragraph, fonts)
    if not text.strip():
        return 0
    return min(longest_word(text, points, bold), MAX_WORD) + font.indent + SLACK


def _cell_margins(table: Element) -> int:
    """The table's left plus right cell margin, twips."""
    margins = _property(table, TBL_PR, CELL_MARGINS)
    total = 0
    for side in ("left", "right"):
        found = None if margins is None else _child(margins, qn(f"w:{side}"))
        if found is None and margins is not None:  # the schema's newer names
            found = _child(margins, qn("w:start" if side == "left" else "w:end"))
        total += int(found.get(W)) if found is not None else DEFAULT_CELL_MARGIN
    return total


def _remove_columns(table: _Table, indices: set[int]) -> None:
    """Drops grid columns; a cell spanning a dropped column spans one column less."""
    for cells in table.rows:
        if len(cells) == len(table.grid):  # one cell per column: no spans to read
            for index in sorted(indices, reverse=True):
                cells[index].getparent().remove(cells[index])
            continue
        column = 0
        for cell in cells:
            span = _span(cell)
            dropped = sum(1 for c in range(column, column + span) if c in indices)
            column += span
            if not dropped:
                continue
            if dropped == span:
                cell.getparent().remove(cell)
                continue
            grid_span = _property(cell, TC_PR, GRID_SPAN)
            assert grid_span is not None  # span > 1 was read from it
            if span - dropped == 1:
                grid_span.getparent().remove(grid_span)
            else:
                grid_span.set(VAL, str(span - dropped))
    for index in sorted(indices, reverse=True):
        table.grid[index].getparent().remove(table.grid[index])


def _fit_width(table: _Table, width: int, fonts: dict[str, _Font]) -> None:
    """Fits the grid to the text width; each cell's w:tcW follows its grid columns.

    Every column is at least as wide as the longest word it holds (measure.py), so that no
    word breaks mid-word. Columns of short values (numbers, Waktu, Kode LKE) keep the
    template's width; the text columns share the rest in the template's proportions, so
    that adding an optional column narrows the prose, not ``A.1.II.i.a``; the month columns
    keep theirs while the text fits, and give it up down to their own longest word when not.
    """
    template = [int(col.get(W)) for col in table.grid]
    needs = _needs(table, fonts)
    scaled = column_widths(template, needs, table.headers, width)
    for col, value in zip(table.grid, scaled, strict=True):
        col.set(W, str(value))
    table_width = _property(table.element, TBL_PR, TBL_W)
    if table_width is not None:
        table_width.set(TYPE, "dxa")
        table_width.set(W, str(width))
    for cells in table.rows:
        spans = [1] * len(cells) if len(cells) == len(scaled) else [_span(c) for c in cells]
        column = 0
        for cell, span in zip(cells, spans, strict=True):
            tc_w = _property(cell, TC_PR, CELL_WIDTH)
            if tc_w is not None:
                tc_w.set(TYPE, "dxa")
                tc_w.set(W, str(sum(scaled[column : column + span])))
            column += span


def column_widths(
    template: list[int], needs: list[int], headers: list[str], width: int
) -> list[int]:
    """The grid widths (twips) summing to ``width``; see _fit_width.

    When even the month columns at their minimum leave the words no room (more columns of
    long words than a page holds), every column gets its need scaled down alike, and the
    words too long for it break at the cell's edge: the cells keep the 9 pt of the rest.
    """
    months = [i for i, name in enumerate(headers) if name in MONTH_HEADINGS]
    fixed = [i for i, name in enumerate(headers) if name in FIXED_WIDTH_HEADERS and i not in months]
    text = [i for i in range(len(template)) if i not in months and i not in fixed]
    if not text:  # nothing to share: scale everything
        return _share(width, template, [0] * len(template), list(range(len(template))))
    result = [0] * len(template)
    for i in fixed:
        result[i] = max(template[i], needs[i])
    rest = width - sum(result)
    month_widths = sum(template[i] for i in months)
    text_needs = sum(needs[i] for i in text)
    if text_needs <= rest - month_widths:
        for i in months:
            result[i] = template[i]
        rest -= month_widths
    elif months and text_needs + len(months) * max(needs[i] for i in months) <= rest:
        narrowed = (rest - text_needs) // len(months)
        for i in months:
            result[i] = min(template[i], narrowed)
        rest -= sum(result[i] for i in months)
    else:  # the words cannot all fit: every column in proportion to its need
        return _share(width, [max(n, 1) for n in needs], [0] * len(needs), list(range(len(needs))))
    shared = _share(rest, template, needs, text)
    for i in text:
        result[i] = shared[i]
    return result


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
    rows = table.data_rows
    groups = [_text(cells[0]) for cells in rows]  # read before any cell is cleared
    for index in columns:
        texts = [_text(cells[index]) for cells in rows] if identical_only else []
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
                _merge_run([cells[index] for cells in rows[start:position]])
            start = position


def _merge_run(cells: list[Element]) -> None:
    for position, cell in enumerate(cells):
        merge = cell.makeelement(V_MERGE)
        if position == 0:
            merge.set(VAL, "restart")
        else:
            _clear(cell)
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
