"""The recap workbook of a Kanwil: one row per unit, every planned line, a calendar."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.formatting.rule import ColorScaleRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from generator.batch import MONTHS, UnitResult
from generator.layout import write_atomically
from generator.models import ComponentKey

# one instance each, shared by every cell: openpyxl interns a style on each assignment,
# and building a new Alignment per cell tripled the time of a 681-unit recap
HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
HEADER_FONT = Font(bold=True)
HEADER_ALIGNMENT = Alignment(wrap_text=True, vertical="center", horizontal="center")
BODY_ALIGNMENT = Alignment(wrap_text=True, vertical="top")
TICK = "√"


def write_recap(results: list[UnitResult], target: Path) -> Path:
    """Writes the recap (OutputError, with the reason in Indonesian, when it cannot be
    written: open in Excel, no permission)."""
    workbook = Workbook()
    summary = workbook.active
    summary.title = "Ringkasan"
    _summary(summary, results)
    _activities(workbook.create_sheet("Kegiatan"), results)
    _calendar(workbook.create_sheet("Kalender"), results)
    return write_atomically(target, workbook.save)


def _table(
    sheet: Worksheet,
    headers: list[str],
    rows: Sequence[Sequence[object]],
    widths: Mapping[int, float],
) -> None:
    """Header styled, frozen and filtered; wrapped text; the given column widths; printed
    landscape, one page wide, the header repeated on every page."""
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = HEADER_ALIGNMENT
    for row in rows:
        sheet.append(row)
    column_widths = [widths.get(column, 12) for column in range(1, len(headers) + 1)]
    for column, width in enumerate(column_widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    # LibreOffice does not grow a row for wrapped text it did not write itself: each row
    # gets the height of its tallest cell (12 pt a line)
    header_lines = max(
        _wrapped_lines(h, w, 1.2) for h, w in zip(headers, column_widths, strict=True)
    )
    sheet.row_dimensions[1].height = 12 * header_lines + 4
    for number, row in enumerate(rows, start=2):
        lines = max(
            (
                _wrapped_lines(v, w)
                for v, w in zip(row, column_widths, strict=True)
                if isinstance(v, str)
            ),
            default=1,
        )
        if lines > 1:
            sheet.row_dimensions[number].height = 12 * lines + 2
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"
    sheet.freeze_panes = "B2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{max(1, len(rows) + 1)}"
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = BODY_ALIGNMENT


def _wrapped_lines(text: str, width: float, char: float = 1.0) -> int:
    """How many lines ``text`` takes in a column ``width`` characters wide, wrapped at
    spaces and line breaks; ``char`` is a character's width in those units (bold capitals
    are wider than the average character the width counts)."""
    lines = 0
    for paragraph in text.split("\n"):
        lines, used = lines + 1, 0.0
        for word in paragraph.split():
            size = len(word) * char
            if used and used + 1 + size > width - 1:
                lines, used = lines + 1, size
            else:
                used += size + (1 if used else 0)
    return max(lines, 1)


def _summary(sheet: Worksheet, results: list[UnitResult]) -> None:
    components = [key.value for key in ComponentKey]
    headers = ["Satuan Kerja", "Folder", "Status", "Kesalahan", "Peringatan", "Kesalahan pertama"]
    headers += [f"Target Prioritas {c}" for c in components]
    headers += [f"Baris kegiatan {c}" for c in components]
    headers += ["Bulan tanpa kegiatan"]
    rows: list[Sequence[object]] = []
    for r in results:
        lines = [sum(1 for line in r.lines if line.component == c) for c in components]
        rows.append(
            [
                r.name or r.folder,
                r.folder,
                "berhasil" if r.ok else "gagal",
                r.errors,
                r.warnings,
                r.first_error,
            ]
            + [r.targets.get(c, 0) for c in components]
            + lines
            + [", ".join(r.idle_months) if r.ok else ""]
        )
    _table(sheet, headers, rows, {1: 30, 2: 22, 6: 60, len(headers): 30})


def _activities(sheet: Worksheet, results: list[UnitResult]) -> None:
    headers = [
        "Satuan Kerja",
        "Komponen",
        "Kegiatan",
        "Uraian Kegiatan",
        "Target",
        *[m.upper() for m in MONTHS],
        "Penanggung Jawab",
    ]
    rows = [
        [
            r.name,
            line.component,
            line.kegiatan,
            line.uraian,
            line.target,
            *[TICK if ticked else "" for ticked in line.months],
            line.penanggung_jawab,
        ]
        for r in results
        if r.ok
        for line in r.lines
    ]
    widths = {1: 24, 2: 26, 3: 30, 4: 50, 5: 30, 18: 22}
    widths.update({5 + m: 5 for m in range(1, 13)})
    _table(sheet, headers, rows, widths)


def _calendar(sheet: Worksheet, results: list[UnitResult]) -> None:
    headers = ["Satuan Kerja", *[m.upper() for m in MONTHS], "Jumlah"]
    rows = [[r.name, *r.month_counts, sum(r.month_counts)] for r in results if r.ok]
    _table(sheet, headers, rows, {1: 30, **{m: 7 for m in range(2, 15)}})
    if rows:
        cells = f"B2:M{len(rows) + 1}"
        sheet.conditional_formatting.add(
            cells,
            ColorScaleRule(
                start_type="num",
                start_value=0,
                start_color="FFFFFF",
                end_type="max",
                end_color="63BE7B",
            ),
        )
