"""The recap workbook of a Kanwil: one row per unit, every planned line, a calendar."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.formatting.rule import ColorScaleRule
from openpyxl.styles import Alignment, PatternFill
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from generator.batch.build import UnitResult
from generator.contract import TICK
from generator.files import write_atomically
from generator.indonesian import MONTH_HEADINGS
from generator.lke.table import PENGUNGKIT_POINTS
from generator.plan.models import ComponentKey
from generator.sheet_style import fit_row, font, print_setup, wrapped_lines

# one instance each, shared by every cell: openpyxl interns a style on each assignment,
# and building a new Alignment per cell tripled the time of a 681-unit recap
HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
HEADER_FONT = font(bold=True)
HEADER_ALIGNMENT = Alignment(wrap_text=True, vertical="center", horizontal="center")
BODY_ALIGNMENT = Alignment(wrap_text=True, vertical="top")
# the LKE coverage of each unit by weight (generator/lke/coverage.py), as Ringkasan shows it
LKE_HEADERS = [
    "Butir LKE tanpa rencana aksi",
    f"Poin pengungkit tercakup (dari {PENGUNGKIT_POINTS:g})",
    "Cakupan LKE menurut bobot",
    "Cakupan LKE",
]
POINTS = "0.00"
PERCENT = "0.0%"


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


def styled_table(
    sheet: Worksheet,
    headers: list[str],
    rows: Sequence[Sequence[object]],
    widths: Mapping[int, float],
) -> None:
    """Header styled, frozen and filtered; wrapped text in rows as tall as it needs; the
    given column widths; printed as the Pokja workbooks are (see generator/sheets.py).

    A Kanwil's Kegiatan sheet holds ~150,000 cells: each body cell is made with the body
    style already resolved (assigning a style makes openpyxl hash it, per cell), and each
    row's height is reckoned from the values in hand rather than read back from its cells'
    styles; together a third of the recap's time."""
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = HEADER_ALIGNMENT
    body = _style_array(sheet, BODY_ALIGNMENT)
    for row in rows:
        sheet.append([Cell(sheet, value=value, style_array=StyleArray(body)) for value in row])
    column_widths = [float(widths.get(column, 12)) for column in range(1, len(headers) + 1)]
    for column, width in enumerate(column_widths, 1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = "B2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{max(1, len(rows) + 1)}"
    # LibreOffice does not grow a row for wrapped text it did not write
    fit_row(sheet, 1, _lines(headers, column_widths, bold=True))
    for index, row in enumerate(rows, 2):
        fit_row(sheet, index, _lines(row, column_widths))
    print_setup(sheet, title_row=1)


def _style_array(sheet: Worksheet, alignment: Alignment) -> StyleArray:
    """The style of a cell with ``alignment``, to give to cells as they are made."""
    probe = Cell(sheet)
    probe.alignment = alignment
    return probe._style


def _lines(row: Sequence[object], widths: Sequence[float], *, bold: bool = False) -> int:
    """The lines the tallest wrapped text of the row needs (as sheet_style.fit_rows)."""
    return max(
        [1]
        + [
            wrapped_lines(value, width, bold)
            for value, width in zip(row, widths, strict=False)
            if isinstance(value, str)
        ]
    )


def _summary(sheet: Worksheet, results: list[UnitResult]) -> None:
    components = [key.value for key in ComponentKey]
    headers = ["Satuan Kerja", "Folder", "Status", "Kesalahan", "Peringatan", "Kesalahan pertama"]
    headers += [f"Target Prioritas {c}" for c in components]
    headers += [f"Baris kegiatan {c}" for c in components]
    headers += ["Bulan tanpa kegiatan", *LKE_HEADERS]
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
            + _lke_cells(r)
        )
    first_lke = len(headers) - len(LKE_HEADERS) + 1
    widths = {1: 30, 2: 22, 6: 60, first_lke - 1: 30, len(headers): 60}
    styled_table(sheet, headers, rows, widths)
    for (cell,) in sheet.iter_rows(min_row=2, min_col=first_lke + 1, max_col=first_lke + 1):
        cell.number_format = POINTS
    for (cell,) in sheet.iter_rows(min_row=2, min_col=first_lke + 2, max_col=first_lke + 2):
        cell.number_format = PERCENT


def _lke_cells(result: UnitResult) -> list[object]:
    """Items without a rencana aksi, the points covered, the share of the 60 points and
    the coverage sentence; only the sentence for a plan without Kode LKE."""
    lke = result.lke
    if lke is None or not result.ok:
        return [None] * len(LKE_HEADERS)
    if not lke.coded:
        return [None, None, None, lke.sentence]
    return [lke.missing, round(lke.covered_points, 4), round(lke.covered_share, 4), lke.sentence]


def _activities(sheet: Worksheet, results: list[UnitResult]) -> None:
    headers = [
        "Satuan Kerja",
        "Komponen",
        "Kegiatan",
        "Uraian Kegiatan",
        "Target",
        *MONTH_HEADINGS,
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
    styled_table(sheet, headers, rows, widths)


def _calendar(sheet: Worksheet, results: list[UnitResult]) -> None:
    headers = ["Satuan Kerja", *MONTH_HEADINGS, "Jumlah"]
    rows = [[r.name, *r.month_counts, sum(r.month_counts)] for r in results if r.ok]
    styled_table(sheet, headers, rows, {1: 30, **{m: 7 for m in range(2, 15)}})
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
