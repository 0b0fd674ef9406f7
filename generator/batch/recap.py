"""The recap workbook of a Kanwil: one row per unit, every planned line, a calendar."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from openpyxl.formatting.rule import ColorScaleRule
from openpyxl.worksheet.worksheet import Worksheet

from generator.batch.build import UnitResult
from generator.batch.table_book import TableBook
from generator.contract import TICK
from generator.indonesian import MONTH_HEADINGS
from generator.lke.table import PENGUNGKIT_POINTS
from generator.plan.models import ComponentKey

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
    book = TableBook()
    summary = book.workbook.active
    summary.title = "Ringkasan"
    _summary(book, summary, results)
    _activities(book, book.workbook.create_sheet("Kegiatan"), results)
    _calendar(book, book.workbook.create_sheet("Kalender"), results)
    return book.save(target)


def _summary(book: TableBook, sheet: Worksheet, results: list[UnitResult]) -> None:
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
    book.table(sheet, headers, rows, widths, {first_lke + 1: POINTS, first_lke + 2: PERCENT})


def _lke_cells(result: UnitResult) -> list[object]:
    """Items without a rencana aksi, the points covered, the share of the 60 points and
    the coverage sentence; only the sentence for a plan without Kode LKE."""
    lke = result.lke
    if lke is None or not result.ok:
        return [None] * len(LKE_HEADERS)
    if not lke.coded:
        return [None, None, None, lke.sentence]
    return [lke.missing, round(lke.covered_points, 4), round(lke.covered_share, 4), lke.sentence]


def _activities(book: TableBook, sheet: Worksheet, results: list[UnitResult]) -> None:
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
    book.table(sheet, headers, rows, widths)


def _calendar(book: TableBook, sheet: Worksheet, results: list[UnitResult]) -> None:
    headers = ["Satuan Kerja", *MONTH_HEADINGS, "Jumlah"]
    counts = [(r.name, r.month_counts) for r in results if r.ok]
    rows = [[name, *months, sum(months)] for name, months in counts]
    book.table(sheet, headers, rows, {1: 30, **{m: 7 for m in range(2, 15)}})
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
