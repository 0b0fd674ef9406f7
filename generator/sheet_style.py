"""How the workbooks zi-plan writes look: the Pokja workbooks of ``zi-plan init`` and the
Kanwil's recap share their font, their printing and rows as tall as their text."""

from __future__ import annotations

from functools import lru_cache

from openpyxl.styles import Font
from openpyxl.worksheet.dimensions import RowDimension
from openpyxl.worksheet.worksheet import Worksheet

FONT = "Calibri"  # the workbook's default; a font without a name prints as a serif in Calc
LINE_HEIGHT = 15  # points, one line of 11-point text


def font(bold: bool = False, italic: bool = False, size: float = 11, color: str = "000000") -> Font:
    return Font(name=FONT, bold=bold, italic=italic, size=size, color=color)


def print_setup(ws: Worksheet, title_row: int | None) -> None:
    """Landscape A4, fitted to the page width, ``title_row`` repeated on every page."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.oddFooter.center.text = "&A — halaman &P dari &N"
    if title_row is not None:
        ws.print_title_rows = f"{title_row}:{title_row}"


class _FittedRow(RowDimension):  # type: ignore[misc]
    """A row height estimated from its text, not fixed: Excel and Calc fit it again when the
    text changes (Calc already on opening), which a custom height would prevent."""

    @property
    def customHeight(self) -> bool:
        return False


def fit_rows(ws: Worksheet, first: int) -> None:
    """Sets each row's height to its wrapped text, so that nothing is hidden on opening."""
    widths = {letter: dimension.width for letter, dimension in ws.column_dimensions.items()}
    for row in ws.iter_rows(min_row=first):
        lines = 1
        for cell in row:
            if isinstance(cell.value, str) and cell.alignment.wrap_text:
                width = widths.get(cell.column_letter) or 8.43
                lines = max(lines, wrapped_lines(cell.value, width, bool(cell.font.b)))
        fit_row(ws, row[0].row, lines)


def fit_row(ws: Worksheet, index: int, lines: int) -> None:
    """Row ``index`` as tall as ``lines`` lines of text (for a writer that knows its rows'
    text without asking each cell for its style, as fit_rows does)."""
    ws.row_dimensions[index] = _FittedRow(ws, index=index, ht=row_height(lines))


def row_height(lines: int) -> int:
    """The height in points of a row of ``lines`` lines of text."""
    return lines * LINE_HEIGHT + 3


def wrapped_lines(text: str, width: float, bold: bool = False) -> int:
    """How many lines a wrapped cell needs: words fill lines of ``width`` digit widths
    (the unit of a column's width), word by word as Excel breaks them."""
    room = width * 0.9 - 1  # cell padding, and a margin for fonts wider than Calibri
    scale = 1.1 if bold else 1.0
    if len(text) * WIDEST * scale <= room and "\n" not in text:
        return 1  # fits even were every character a capital: most of a recap's cells
    count = 0
    for paragraph in text.split("\n"):
        count += 1
        used = 0.0
        for word in paragraph.split():
            size = text_width(word) * scale
            if used and used + 0.5 + size > room:
                count += 1
                used = 0.0
            if size > room:  # a word longer than the line is broken across lines
                count += int(size // room)
                size %= room
            used += size + (0.5 if used else 0.0)
    return count


WIDEST = 1.25  # a capital's width, in digit widths (text_width)


@lru_cache(maxsize=1 << 16)
def text_width(text: str) -> float:
    """Text width in digit widths: most letters are narrower than a digit, capitals wider.
    Kept per word: a Kanwil's recap measures the same words hundreds of thousands of times."""
    return sum(
        WIDEST if c.isupper() or c in "mwMW" else 0.5 if c in "iljtf.,;:'| " else 0.85 for c in text
    )
