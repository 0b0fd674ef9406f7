"""The Kanwil's monev recap: one row per unit (realisation per component, steps, meetings,
open recommendations, lines without evidence, the LKE self-assessment estimate), the units
without a realisation folder, and a chart sheet. Same look as build-all's recap
(generator/batch/recap.py)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from openpyxl.chart import BarChart, Reference

from generator.batch.build import UnitResult
from generator.batch.table_book import TableBook
from generator.lke.table import PENGUNGKIT_POINTS
from generator.monev.batch import MonevResult
from generator.monev.figures import QuarterFigures
from generator.plan.models import ComponentKey

PERCENT = "0.0%"
POINTS = "0.00"
SUMMARY = "Ringkasan"


def _share(part: int, whole: int) -> float | None:
    """A share for Excel to show in its own locale (66,7% in Indonesian); empty when
    nothing was due."""
    return round(part / whole, 4) if whole else None


def _row(result: UnitResult) -> list[object]:
    base: list[object] = [
        result.name or result.folder,
        result.folder,
        "berhasil" if result.ok else "gagal",
        result.errors,
        result.first_error,
    ]
    figures = result.unit_figures if isinstance(result, MonevResult) else None
    if figures is None or not isinstance(result, MonevResult):
        return base + [None] * (len(ComponentKey) + 9)
    per: list[QuarterFigures | None] = [result.components.get(k.value) for k in ComponentKey]
    held = sum(m.held for m in figures.meetings)
    with_head = sum(m.head_present for m in figures.meetings)
    return (
        base
        + [_share(f.done_line_months, f.due_line_months) if f else None for f in per]
        + [
            _share(figures.done_line_months, figures.due_line_months),
            figures.unplanned_done,
            f"{figures.steps_done}/{figures.steps_due}",
            _share(figures.steps_done, figures.steps_due),
            f"{held} ({with_head} dihadiri pimpinan)",
            figures.recommendations_open,
            result.without_evidence,
            _points(result.estimate_points),
            _points(result.ceiling_points),
        ]
    )


def _points(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def write_monev_recap(
    results: list[UnitResult], missing: Sequence[str], quarter: int, target: Path
) -> Path:
    """Writes the recap atomically (OutputError in Indonesian when it cannot be written);
    ``missing`` are the folders of the units without a realisation folder, as labelled."""
    book = TableBook()
    summary = book.workbook.active
    summary.title = SUMMARY
    headers = ["Satuan Kerja", "Folder", "Status", "Kesalahan", "Kesalahan pertama"]
    headers += [f"Realisasi {key.value}" for key in ComponentKey]
    headers += [
        "Realisasi seluruhnya",
        "Bulan kegiatan di luar rencana",
        "Langkah rencana aksi selesai",
        "Capaian langkah",
        f"Rapat monev s.d. TW {quarter}",
        "Rekomendasi belum selesai",
        "Baris tanpa bukti dukung",
        f"Perkiraan kesiapan LKE (poin pengungkit dari {PENGUNGKIT_POINTS:g}; bukan nilai resmi)",
        "Plafon perkiraan (poin: butir berencana aksi dan berbukti dihitung penuh)",
    ]
    rows = [_row(result) for result in results]
    widths = {1: 26, 2: 20, 5: 50, **{c: 14 for c in range(6, len(headers) + 1)}}
    percent_columns = [*range(6, 6 + len(ComponentKey) + 1), 6 + len(ComponentKey) + 3]
    formats = {column: PERCENT for column in percent_columns}
    formats.update({len(headers) - 1: POINTS, len(headers): POINTS})
    book.table(summary, headers, rows, widths, formats)
    book.table(
        book.workbook.create_sheet("Tanpa Realisasi"),
        ["Folder", "Keterangan"],
        [[label, "Belum ada folder realisasi; jalankan zi-plan realisasi."] for label in missing],
        {1: 30, 2: 60},
    )
    if rows:
        chart = BarChart()
        chart.type = "bar"
        chart.title = f"Realisasi seluruhnya s.d. Triwulan {quarter}"
        chart.y_axis.title = "Realisasi"
        chart.y_axis.numFmt = "0%"
        total = 6 + len(ComponentKey)
        data = Reference(summary, min_col=total, min_row=1, max_row=len(rows) + 1)
        chart.add_data(data, titles_from_data=True)
        chart.set_categories(Reference(summary, min_col=1, min_row=2, max_row=len(rows) + 1))
        chart.legend = None
        sheet = book.workbook.create_chartsheet("Grafik")
        sheet.add_chart(chart)
    return book.save(target)
