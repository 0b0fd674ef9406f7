"""A year of monev in code: the sample plan, realisation filled as a Pokja fills it (openpyxl),
and a revision of the plan between two quarters (test helper)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet

MONTHS = ("JAN", "FEB", "MAR", "APR", "MEI", "JUN", "JUL", "AGU", "SEP", "OKT", "NOV", "DES")
HEADER_ROW = 3  # the realisation workbooks, as init writes them


def workbook_path(folder: Path, number: int) -> Path:
    return next(p for p in sorted(folder.glob(f"{number:02d}*.xlsx")))


def header(ws: Worksheet, row: int = HEADER_ROW) -> dict[str, int]:
    return {str(c.value): c.column for c in ws[row] if c.value is not None}


def data_rows(ws: Worksheet) -> Iterator[int]:
    """The filled rows under the header."""
    for r in range(HEADER_ROW + 1, ws.max_row + 1):
        if any(ws.cell(r, c).value not in (None, "") for c in range(1, ws.max_column + 1)):
            yield r


def edit(path: Path, sheet: str, changes: dict[tuple[int, str], object]) -> None:
    """Sets cells by (row, column header), as a Pokja member types them in Excel."""
    workbook = openpyxl.load_workbook(path)
    ws = workbook[sheet]
    columns = header(ws)
    for (row, column), value in changes.items():
        ws.cell(row, columns[column], value)
    workbook.save(path)


def append_rows(path: Path, sheet: str, rows: list[dict[str, object]]) -> None:
    workbook = openpyxl.load_workbook(path)
    ws = workbook[sheet]
    columns = header(ws)
    start = max([HEADER_ROW, *data_rows(ws)]) + 1
    for offset, row in enumerate(rows):
        for column, value in row.items():
            ws.cell(start + offset, columns[column], value)
    workbook.save(path)


def plan_matrix(sources: Path, number: int) -> list[tuple[str, str, tuple[bool, ...]]]:
    """The plan's Indikator lines read straight from the Pokja workbook: KEGIATAN (carried
    down), the first line of URAIAN KEGIATAN, the ticked months."""
    ws = openpyxl.load_workbook(workbook_path(sources, number))["Indikator"]
    columns = header(ws)
    lines, kegiatan = [], ""
    for r in data_rows(ws):
        kegiatan = str(ws.cell(r, columns["KEGIATAN"]).value or kegiatan)
        uraian = str(ws.cell(r, columns["URAIAN KEGIATAN"]).value or "")
        months = tuple(ws.cell(r, columns[m]).value == "√" for m in MONTHS)
        lines.append((kegiatan, uraian, months))
    return lines


def plan_steps(sources: Path, number: int) -> list[tuple[str, str, str]]:
    """The plan's Rencana Aksi steps from the Pokja workbook: target, step, Waktu (carried)."""
    ws = openpyxl.load_workbook(workbook_path(sources, number))["Prioritas"]
    columns = header(ws)
    steps, target, waktu = [], "", ""
    for r in data_rows(ws):
        new_target = ws.cell(r, columns["Target Prioritas"]).value
        if new_target:
            target, waktu = str(new_target), ""
        waktu = str(ws.cell(r, columns["Waktu"]).value or waktu)
        steps.append((target, str(ws.cell(r, columns["Rencana Aksi"]).value or ""), waktu))
    return steps


def day(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%d")


# -- the scenario: two quarters, a revision between them ------------------------------------

Q1_MONTHS, Q2_MONTHS = MONTHS[:3], MONTHS[3:6]
MATRIX_COMPONENTS = (2, 3)  # the sample's components with a matrix


def _realisasi_rows(folder: Path, number: int, sheet: str) -> list[int]:
    return list(data_rows(openpyxl.load_workbook(workbook_path(folder, number))[sheet]))


def fill_quarter(sources: Path, folder: Path, months: tuple[str, ...], every: int) -> None:
    """Ticks, line by line: every ``every``-th line all its planned months of the quarter;
    the next line only its first planned month there, plus one month it did not plan."""
    for number in MATRIX_COMPONENTS:
        planned = plan_matrix(sources, number)
        changes: dict[tuple[int, str], object] = {}
        for index, row in enumerate(_realisasi_rows(folder, number, "Realisasi")):
            ticks = [m for m in months if planned[index][2][MONTHS.index(m)]]
            if index % every == 0:
                for month in ticks:
                    changes[(row, month)] = "√"
                changes[(row, "Bukti Dukung")] = f"https://drive.example/{number}/{index}"
            elif index % every == 1 and ticks:
                changes[(row, ticks[0])] = "v"
                free = [m for m in months if m not in ticks]
                if free:
                    changes[(row, free[0])] = "√"
                changes[(row, "Kendala")] = "Jadwal bentrok"
                changes[(row, "Solusi")] = "Dijadwalkan ulang"
        edit(workbook_path(folder, number), "Realisasi", changes)


def set_statuses(folder: Path, quarter: int) -> None:
    for number in range(1, 7):
        changes: dict[tuple[int, str], object] = {}
        for index, row in enumerate(_realisasi_rows(folder, number, "Prioritas")):
            if index % 3 == 0 or (quarter > 1 and index % 3 == 1):
                changes[(row, "Status")] = "Selesai"
                changes[(row, "Tanggal Selesai")] = day(f"2024-0{3 * quarter}-20")
                if index % 2 == 0:
                    changes[(row, "Bukti Dukung")] = f"SK-{number}-{index}.pdf"
            elif index % 3 == 1:
                changes[(row, "Status")] = "Proses"
        edit(workbook_path(folder, number), "Prioritas", changes)


def revise_plan(sources: Path) -> None:
    """The Pokja SDM drop their third matrix line and add one at the top (JAN and APR)."""
    path = workbook_path(sources, 3)
    workbook = openpyxl.load_workbook(path)
    ws = workbook["Indikator"]
    rows = list(data_rows(ws))
    first_kegiatan = ws.cell(rows[0], 2).value
    ws.delete_rows(rows[2])
    ws.insert_rows(rows[0])
    columns = header(ws)
    for column, value in {
        "KEGIATAN": "PEMBINAAN DISIPLIN",
        "URAIAN KEGIATAN": "1. Apel pagi bersama",
        "JAN": "√",
        "APR": "√",
    }.items():
        ws.cell(rows[0], columns[column], value)
    ws.cell(rows[0] + 1, columns["KEGIATAN"], first_kegiatan)
    workbook.save(path)


def build_year(sources: Path) -> Path:
    """TW I filled, the plan revised and the realisation renewed, TW II filled."""
    from generator.monev.workbooks import write_realisation

    write_realisation(sources)
    folder = sources / "realisasi"
    fill_quarter(sources, folder, Q1_MONTHS, every=3)
    set_statuses(folder, 1)
    monev = folder / "00_monev.xlsx"
    append_rows(
        monev,
        "Rapat Monev",
        [
            {
                "Triwulan": 1,
                "Tanggal": day("2024-03-28"),
                "Dihadiri Pimpinan": "Ya",
                "Bukti Dukung": "Notulen TW I",
            }
        ],
    )
    append_rows(
        monev,
        "Tindak Lanjut",
        [
            {
                "Triwulan": 1,
                "Rekomendasi": "Lengkapi SOP pelayanan",
                "Penanggung Jawab": "Pokja Tatalaksana",
                "Batas Waktu": day("2024-05-31"),
                "Status": "Proses",
            },
            {
                "Triwulan": 1,
                "Rekomendasi": "Unggah bukti dukung setiap bulan",
                "Penanggung Jawab": "Semua Pokja",
                "Status": "Selesai",
                "Bukti Dukung": "Drive",
            },
        ],
    )
    revise_plan(sources)
    write_realisation(sources)
    fill_quarter(sources, folder, Q2_MONTHS, every=2)
    set_statuses(folder, 2)
    edit(monev, "Tindak Lanjut", {(4, "Status"): "Selesai"})
    append_rows(
        monev,
        "Rapat Monev",
        [{"Triwulan": 2, "Tanggal": day("2024-06-27"), "Dihadiri Pimpinan": "Tidak"}],
    )
    append_rows(
        monev,
        "Tindak Lanjut",
        [
            {
                "Triwulan": 2,
                "Rekomendasi": "Perbaiki jadwal apel pagi",
                "Penanggung Jawab": "Pokja SDM",
                "Status": "Belum",
            }
        ],
    )
    return folder


# -- the figures, counted from the workbooks themselves ------------------------------------

MONTH_NAMES = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip
TICKED = ("√", "v")


def expected_line_months(
    sources: Path, folder: Path, number: int, quarter: int
) -> tuple[int, int, int]:
    due = done = unplanned = 0
    ws = openpyxl.load_workbook(workbook_path(folder, number))["Realisasi"]
    columns = header(ws)
    for (_, _, months), r in zip(plan_matrix(sources, number), data_rows(ws), strict=True):
        for i, month in enumerate(MONTHS[: 3 * quarter]):
            ticked = ws.cell(r, columns[month]).value in TICKED
            due += months[i]
            done += months[i] and ticked
            unplanned += ticked and not months[i]
    return due, done, unplanned


def expected_steps(sources: Path, folder: Path, number: int, quarter: int) -> tuple[int, int]:
    due = done = 0
    ws = openpyxl.load_workbook(workbook_path(folder, number))["Prioritas"]
    columns = header(ws)
    for (_, _, waktu), r in zip(plan_steps(sources, number), data_rows(ws), strict=True):
        named = [MONTH_NAMES.index(w) + 1 for w in waktu.split() if w in MONTH_NAMES]
        if named and named[-1] <= 3 * quarter:
            due += 1
            done += ws.cell(r, columns["Status"]).value == "Selesai"
    return due, done
