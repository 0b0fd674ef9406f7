"""Shapes the rendered document: paper size, table columns and merges, byte-stable saving.

Tables in the template carry every optional column and one row per line; here empty
optional columns are dropped, widths fitted to the page, and the cells of one group
(a KEGIATAN, a Target Prioritas) merged vertically.
"""

from __future__ import annotations

import os
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from docx.document import Document
from docx.opc.pkgwriter import PackageWriter
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm

from generator.messages import os_reason
from generator.problems import OutputError

# Header names are compared in capitals: the template may write them either way.
OPTIONAL_HEADERS = {"PENANGGUNG JAWAB", "DATA DUKUNG", "KODE LKE"}
# Per table kind (its second header): the columns merged over the rows of one group (the
# rows sharing the first column's text), and whether a cell merges only with identical
# neighbours.
MERGE_RULES = {
    "KEGIATAN": ({"NO", "KEGIATAN"}, False),
    "TARGET PRIORITAS": ({"NO", "TARGET PRIORITAS", "WAKTU", "OUTPUT"} | OPTIONAL_HEADERS, True),
}
FIXED_WIDTH_HEADERS = {
    "NO", "WAKTU", "KET", "KODE LKE",
    "JAN", "FEB", "MAR", "APR", "MEI", "JUN", "JUL", "AGU", "SEP", "OKT", "NOV", "DES",
}  # fmt: skip
PAPER = {"A4": (Mm(210), Mm(297)), "F4": (Mm(215), Mm(330))}
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
ZIP_TIME = (1980, 1, 1, 0, 0, 0)

Element = Any  # lxml elements of python-docx's oxml layer

# Clark names, resolved once: the table passes below look up tens of thousands of them.
TBL, TR, TC, T = (qn(f"w:{tag}") for tag in ("tbl", "tr", "tc", "t"))
TBL_GRID, GRID_COL, VAL, W = qn("w:tblGrid"), qn("w:gridCol"), qn("w:val"), qn("w:w")
TC_PR, TR_PR = qn("w:tcPr"), qn("w:trPr")
GRID_SPAN, TBL_HEADER, CELL_WIDTH = qn("w:gridSpan"), qn("w:tblHeader"), qn("w:tcW")
TYPE = qn("w:type")


def shape(document: Document, paper: str = "A4") -> None:
    body = document.element.body
    sections = list(body.iter(qn("w:sectPr")))
    for sect_pr in sections:
        _set_paper(sect_pr, paper)
    for table in body.iter(TBL):
        headers = _headers(table)
        if not headers:
            continue
        rows = list(_data_rows(table))
        empty = {
            index
            for index, name in enumerate(headers)
            if name in OPTIONAL_HEADERS and _column_empty(rows, index)
        }
        if empty:
            _remove_columns(table, empty)
            headers = [name for index, name in enumerate(headers) if index not in empty]
        _fit_width(table, headers, _text_width(_section_after(table)))
        rule = MERGE_RULES.get(headers[1] if len(headers) > 1 else "")
        if rule:
            columns, identical_only = rule
            _merge_groups(table, [i for i, h in enumerate(headers) if h in columns], identical_only)


def save_atomically(
    document: Document, target: Path, finish: Callable[[Path], None] | None = None
) -> Path:
    """Writes ``target`` so that a failure never leaves it half-written or destroyed: the
    document goes to a temporary file beside it (``finish`` may complete that file), which
    is then renamed into place. Every OSError becomes an OutputError in Indonesian."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(
            prefix=f".{target.stem}.", suffix=target.suffix, dir=target.parent
        )
    except OSError as exc:
        raise OutputError(_output_code(exc), str(target), os_reason(exc)) from None
    os.close(handle)
    temporary = Path(name)
    try:
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp makes it private; a plan is shared
        save_deterministic(document, temporary)
        if finish is not None:
            finish(temporary)
        os.replace(temporary, target)
    except OSError as exc:
        raise OutputError(_output_code(exc, target), str(target), os_reason(exc)) from None
    finally:
        temporary.unlink(missing_ok=True)
    return target


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _output_code(exc: OSError, replacing: Path | None = None) -> str:
    """Refused while replacing an existing document: Word (on Windows) holds it open."""
    if not isinstance(exc, PermissionError):
        return "dokumen-gagal-ditulis"
    if replacing is not None and replacing.exists():
        return "dokumen-terkunci"
    return "dokumen-tanpa-izin"


def save_deterministic(document: Document, target: Path) -> None:
    """Same plan, same bytes: fixed zip timestamps, python-docx's entry order.

    Writes the package through python-docx's PackageWriter steps with a zip writer of
    our own, instead of saving and re-zipping: one compression pass, not two.
    """
    package = document.part.package
    for part in package.parts:
        part.before_marshal()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        writer = _FixedTimeWriter(archive)
        steps: Any = PackageWriter  # its steps are private, untyped, stable since 0.8
        steps._write_content_types_stream(writer, package.parts)
        steps._write_pkg_rels(writer, package.rels)
        steps._write_parts(writer, package.parts)


class _FixedTimeWriter:
    """python-docx's physical-package writer interface, with 1980-01-01 on every entry."""

    def __init__(self, archive: zipfile.ZipFile) -> None:
        self._archive = archive

    def write(self, pack_uri: Any, blob: bytes) -> None:
        info = zipfile.ZipInfo(pack_uri.membername, ZIP_TIME)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        self._archive.writestr(info, blob)


# -- sections -----------------------------------------------------------------------------


def _set_paper(sect_pr: Element, paper: str) -> None:
    size = sect_pr.find(qn("w:pgSz"))
    if size is None:
        return
    short, long = (str(int(v.twips)) for v in PAPER[paper])
    landscape = size.get(qn("w:orient")) == "landscape"
    size.set(qn("w:w"), long if landscape else short)
    size.set(qn("w:h"), short if landscape else long)


def _section_after(element: Element) -> Element:
    """The sectPr that governs an element: the first one after it in document order."""
    for following in element.itersiblings():
        found = following.find(f"{qn('w:pPr')}/{qn('w:sectPr')}")
        if found is not None:
            return found
        if following.tag == qn("w:sectPr"):
            return following
    raise ValueError("template bug: body without a final w:sectPr")


def _text_width(sect_pr: Element) -> int:
    size, margins = sect_pr.find(qn("w:pgSz")), sect_pr.find(qn("w:pgMar"))
    left = int(margins.get(qn("w:left")))
    right = int(margins.get(qn("w:right")))
    return int(size.get(qn("w:w"))) - left - right


# -- tables -------------------------------------------------------------------------------


def _property(element: Element, properties: str, name: str) -> Element | None:
    """``element/properties/name`` by two child lookups (lxml's path search is slower)."""
    found = element.find(properties)
    return None if found is None else found.find(name)


def _cells(row: Element) -> list[Element]:
    return list(row.findall(TC))


def _span(cell: Element) -> int:
    span = _property(cell, TC_PR, GRID_SPAN)
    return int(span.get(VAL)) if span is not None else 1


def _text(cell: Element) -> str:
    return "".join(t.text or "" for t in cell.iter(T)).strip()


def _is_header(row: Element) -> bool:
    return _property(row, TR_PR, TBL_HEADER) is not None


def _grid(table: Element) -> list[Element]:
    return list(table.find(TBL_GRID).findall(GRID_COL))


def _data_rows(table: Element) -> Iterator[list[Element]]:
    """The cells of the rows with one cell per grid column (not headers, not a banner)."""
    width = len(_grid(table))
    for row in table.findall(TR):
        cells = _cells(row)
        if len(cells) == width and not _is_header(row):
            yield cells


def _headers(table: Element) -> list[str]:
    """One name per grid column, in capitals, from the header rows (lowest row wins)."""
    names = [""] * len(_grid(table))
    for row in table.findall(TR):
        if not _is_header(row):
            break
        column = 0
        for cell in _cells(row):
            text = _text(cell)
            span = _span(cell)
            if text and span == 1:
                names[column] = text.upper()
            column += span
    return names if any(names) else []


def _column_empty(rows: list[list[Element]], index: int) -> bool:
    return all(not _text(cells[index]) for cells in rows)


def _remove_columns(table: Element, indices: set[int]) -> None:
    """Drops grid columns; a cell spanning a dropped column spans one column less."""
    width = len(_grid(table))
    for row in table.findall(TR):
        cells = _cells(row)
        if len(cells) == width:  # one cell per column: no spans to read
            for index in sorted(indices, reverse=True):
                row.remove(cells[index])
            continue
        column = 0
        for cell in cells:
            span = _span(cell)
            dropped = sum(1 for c in range(column, column + span) if c in indices)
            column += span
            if not dropped:
                continue
            if dropped == span:
                row.remove(cell)
                continue
            grid_span = _property(cell, TC_PR, GRID_SPAN)
            assert grid_span is not None  # span > 1 was read from it
            if span - dropped == 1:
                grid_span.getparent().remove(grid_span)
            else:
                grid_span.set(VAL, str(span - dropped))
    grid = _grid(table)
    for index in sorted(indices, reverse=True):
        grid[index].getparent().remove(grid[index])


def _fit_width(table: Element, headers: list[str], width: int) -> None:
    """Fits the grid to the text width; each cell's w:tcW follows its grid columns.

    Columns of short values (numbers, months, Waktu, Kode LKE) keep the template's width;
    the text columns share the rest in the template's proportions, so that adding an
    optional column narrows the prose, not ``A.1.II.i.a`` or ``JAN``.
    """
    grid = _grid(table)
    widths = [int(col.get(W)) for col in grid]
    fixed = [name in FIXED_WIDTH_HEADERS for name in headers]
    kept = sum(w for w, is_fixed in zip(widths, fixed, strict=True) if is_fixed)
    flexible = sum(widths) - kept
    if flexible <= 0 or kept >= width:  # nothing to share: scale everything
        fixed, kept, flexible = [False] * len(widths), 0, sum(widths) or 1
    scaled = [
        w if is_fixed else w * (width - kept) // flexible
        for w, is_fixed in zip(widths, fixed, strict=True)
    ]
    last = max(i for i, is_fixed in enumerate(fixed) if not is_fixed)
    scaled[last] += width - sum(scaled)
    for col, value in zip(grid, scaled, strict=True):
        col.set(W, str(value))
    table_width = table.find(f"{qn('w:tblPr')}/{qn('w:tblW')}")
    if table_width is not None:
        table_width.set(qn("w:type"), "dxa")
        table_width.set(W, str(width))
    for row in table.findall(TR):
        cells = _cells(row)
        spans = [1] * len(cells) if len(cells) == len(grid) else [_span(c) for c in cells]
        column = 0
        for cell, span in zip(cells, spans, strict=True):
            tc_w = _property(cell, TC_PR, CELL_WIDTH)
            if tc_w is not None:
                tc_w.set(TYPE, "dxa")
                tc_w.set(W, str(sum(scaled[column : column + span])))
            column += span


def _merge_groups(table: Element, columns: list[int], identical_only: bool) -> None:
    """Merges a column's cells down over the rows of one group (same first-column text)."""
    rows = list(_data_rows(table))
    groups = [_text(cells[0]) for cells in rows]  # read before any cell is cleared
    for index in columns:
        texts = [_text(cells[index]) for cells in rows]
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
        merge = OxmlElement("w:vMerge")
        if position == 0:
            merge.set(VAL, "restart")
        else:
            _clear(cell)
        _insert_tc_pr(cell, merge)


def _clear(cell: Element) -> None:
    """A continued cell keeps one empty paragraph (its first, for its style)."""
    paragraphs = cell.findall(qn("w:p"))
    for extra in paragraphs[1:]:
        cell.remove(extra)
    for run in paragraphs[0].findall(qn("w:r")):
        paragraphs[0].remove(run)


def _insert_tc_pr(cell: Element, child: Element) -> None:
    tc_pr = cell.find(qn("w:tcPr"))
    if tc_pr is None:
        tc_pr = OxmlElement("w:tcPr")
        cell.insert(0, tc_pr)
    later = set(TCPR_ORDER[TCPR_ORDER.index(child.tag.split("}")[1]) + 1 :])
    for existing in tc_pr:
        if existing.tag.split("}")[1] in later:
            existing.addprevious(child)
            return
    tc_pr.append(child)
