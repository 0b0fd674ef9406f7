"""The Kanwil's recap workbooks: openpyxl lays out each sheet (styles, widths, the frozen
and filtered header, printing, charts), and the body rows of its tables are written as
XML text, the way openpyxl itself writes them.

Why: a 681-unit recap holds ~180,000 cells. openpyxl makes an object of each and writes
it through lxml, some 25 µs a cell: 4.3 s of build-all, after the workers are done
(its write_only mode costs as much). The rows written here are byte for byte what openpyxl
would write for the same cells (tests/batch/test_table_book.py compares the two on the
pinned openpyxl), but for the texts openpyxl refuses or Excel would misread (see _escape);
the one reach into openpyxl is ``_Archive``, which adds them to the
sheet's XML as openpyxl's writer stores it, and the styles openpyxl numbers.
"""

from __future__ import annotations

import datetime
import re
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.compat import safe_string
from openpyxl.styles import Alignment, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from generator.files import write_atomically
from generator.sheet_style import fit_row, font, print_setup, row_height, wrapped_lines
from generator.xlsx.values import encode_escapes

# one instance each, shared by every cell: openpyxl interns a style on each assignment
HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
HEADER_FONT = font(bold=True)
HEADER_ALIGNMENT = Alignment(wrap_text=True, vertical="center", horizontal="center")
BODY_ALIGNMENT = Alignment(wrap_text=True, vertical="top")
MAX_TEXT = 32767  # characters of one cell: Excel's limit, where openpyxl cuts a text
_DIMENSION = re.compile(rb'<dimension ref="[^"]*"/>')


@dataclass
class _Body:
    """A table's body rows as the XML of its sheet, and the last cell they fill."""

    sheet: Worksheet
    xml: str
    last_row: int
    last_column: int


class TableBook:
    """A workbook of styled tables (``table``), saved atomically (``save``)."""

    def __init__(self) -> None:
        self.workbook = Workbook()
        self._bodies: list[_Body] = []

    def table(
        self,
        sheet: Worksheet,
        headers: list[str],
        rows: Sequence[Sequence[object]],
        widths: Mapping[int, float],
        formats: Mapping[int, str] | None = None,
    ) -> None:
        """Header styled, frozen and filtered; wrapped text in rows as tall as it needs;
        the given column widths and number ``formats`` (by column, from 1); printed as the
        Pokja workbooks are (see generator/sheet_style.py). Values: text, numbers, None."""
        sheet.append(headers)
        for cell in sheet[1]:
            cell.font = HEADER_FONT
            cell.fill = HEADER_FILL
            cell.alignment = HEADER_ALIGNMENT
            cell.style_id  # noqa: B018 -- numbered now, before the body's: as openpyxl would
        column_widths = [float(widths.get(column, 12)) for column in range(1, len(headers) + 1)]
        for column, width in enumerate(column_widths, 1):
            sheet.column_dimensions[get_column_letter(column)].width = width
        sheet.freeze_panes = "B2"
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{max(1, len(rows) + 1)}"
        # LibreOffice does not grow a row for wrapped text it did not write
        fit_row(sheet, 1, _lines(headers, column_widths, bold=True))
        print_setup(sheet, title_row=1)
        if not rows:  # no body style numbered either: openpyxl numbers those it writes
            return
        columns = max([len(headers), *map(len, rows)])
        styles = [_body_style(sheet, (formats or {}).get(c)) for c in range(1, columns + 1)]
        xml = _rows_xml(rows, styles, column_widths)
        self._bodies.append(_Body(sheet, xml, len(rows) + 1, columns))

    def save(self, target: Path) -> Path:
        """Writes the workbook (OutputError, in Indonesian, when it cannot be written)."""
        return write_atomically(target, self._save)

    def _save(self, path: Path) -> None:
        # as openpyxl's save_workbook, through an archive that adds the body rows
        self.workbook.properties.modified = datetime.datetime.now(tz=datetime.UTC).replace(
            tzinfo=None
        )
        ExcelWriter(self.workbook, _Archive(path, self._bodies)).save()


def _body_style(sheet: Worksheet, number_format: str | None) -> str:
    """The style number of a body cell (with ``number_format``), as openpyxl numbers it."""
    probe = Cell(sheet)
    probe.alignment = BODY_ALIGNMENT
    if number_format:
        probe.number_format = number_format
    return str(probe.style_id)


def _lines(row: Sequence[object], widths: Sequence[float], *, bold: bool = False) -> int:
    """The lines the tallest wrapped text of the row needs (as sheet_style.fit_rows)."""
    return max(
        [1]
        + [
            wrapped_lines(value, width, bold)
            for value, width in zip(row, widths, strict=False)
            if isinstance(value, str) and value  # an empty one needs the one line any has
        ]
    )


def _rows_xml(
    rows: Sequence[Sequence[object]], styles: Sequence[str], widths: Sequence[float]
) -> str:
    """The ``<row>`` elements of the body, from row 2, as openpyxl writes them. A text's
    XML is made once per column style: a recap repeats its ticks, components and names
    on every row."""
    letters = [get_column_letter(column) for column in range(1, len(styles) + 1)]
    texts: dict[tuple[str, str], str] = {}
    parts: list[str] = []
    for index, row in enumerate(rows, 2):
        parts.append(f'<row r="{index}" ht="{safe_string(row_height(_lines(row, widths)))}">')
        for letter, style, value in zip(letters, styles, row, strict=False):
            if isinstance(value, str):
                body = texts.get((style, value))
                if body is None:
                    body = texts[style, value] = _cell_body(style, value)
            else:
                body = _cell_body(style, value)
            parts.append(f'<c r="{letter}{index}"{body}')
        parts.append("</row>")
    return "".join(parts)


def _cell_body(style: str, value: object) -> str:
    """One cell after its reference: a text inline (as openpyxl), a number, or an empty
    styled cell."""
    start = f' s="{style}"'
    if value is None:
        return f'{start} t="n"></c>'
    if isinstance(value, str):
        text = value[:MAX_TEXT]
        if not text:
            return f'{start} t="inlineStr"></c>'
        space = ' xml:space="preserve"' if text != text.strip() else ""
        return f'{start} t="inlineStr"><is><t{space}>{_escape(text)}</t></is></c>'
    if isinstance(value, int | float) and not isinstance(value, bool):
        return f'{start} t="n"><v>{safe_string(value)}</v></c>'
    raise TypeError(f"a recap cell holds text, a number or nothing, not {value!r}")


def _escape(text: str) -> str:
    """Text as lxml writes it into openpyxl's sheets: markup escaped, a carriage return
    and every character beyond ASCII as a character reference. A character XML cannot
    hold is written as Excel writes it (xlsx.values.encode_escapes), so that the cell reads
    back as typed: a folder name with a control character in it makes no recap fail
    (openpyxl would refuse the cell)."""
    text = encode_escapes(text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = text.replace("\r", "&#13;")
    return text if text.isascii() else text.encode("ascii", "xmlcharrefreplace").decode()


class _Archive(zipfile.ZipFile):
    """The archive openpyxl's ExcelWriter writes into: each sheet's XML, as the writer
    stores it, gets its table's body rows before ``</sheetData>`` and the dimension that
    covers them."""

    def __init__(self, path: Path, bodies: list[_Body]) -> None:
        # zlib's fastest level, as the documents: 681 units' recap compresses in 42 ms, not
        # 128, for 0.9 MB instead of 0.65
        super().__init__(path, "w", zipfile.ZIP_DEFLATED, allowZip64=True, compresslevel=1)
        self._bodies = bodies

    def write(self, filename: Any, arcname: Any = None, *args: Any, **kwargs: Any) -> None:
        body = next((b for b in self._bodies if b.sheet.path[1:] == arcname), None)
        if body is None:
            super().write(filename, arcname, *args, **kwargs)
            return
        xml = Path(filename).read_bytes()
        if b"</sheetData>" not in xml or not _DIMENSION.search(xml):  # another openpyxl
            raise RuntimeError(f"openpyxl wrote {arcname} without sheetData or dimension")
        dimension = f'<dimension ref="A1:{get_column_letter(body.last_column)}{body.last_row}"/>'
        xml = _DIMENSION.sub(dimension.encode(), xml, count=1)
        xml = xml.replace(b"</sheetData>", body.xml.encode("ascii") + b"</sheetData>", 1)
        self.writestr(arcname, xml)
