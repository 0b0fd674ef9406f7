"""Plans built in code for the LKE tests: seven workbooks from a few rows (test helper)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from generator.contract import WORKBOOK_HINTS
from generator.lke.lines import PlanLine, plan_lines
from generator.plan.validate import Loader
from tests.conftest import write_workbook
from tests.lke.make_aceh_sources import IDENTITY, INDIKATOR_HEADER, PRIORITAS_HEADER

Row = Sequence[object]


def step(target: str | None, aksi: str | None, code: str | None, **more: object) -> list[object]:
    """A Prioritas row: No, Target Prioritas, Rencana Aksi, Waktu, Output, PJ, Data Dukung,
    Kode LKE."""
    return [
        None,
        target,
        aksi,
        more.get("waktu"),
        more.get("output", "Laporan"),
        None,
        more.get("data_dukung"),
        code,
    ]


def matrix_line(
    kegiatan: str | None, uraian: str, code: str | None, months: str = ""
) -> list[object]:
    """An Indikator row; ``months`` holds the ticked month numbers, e.g. ``"1 4"``."""
    ticked = {int(m) for m in months.split()}
    ticks = ["√" if m in ticked else None for m in range(1, 13)]
    return [None, kegiatan, "Hasil", uraian, "Target", *ticks, None, None, None, code]


def write_plan(
    folder: Path,
    prioritas: Mapping[int, list[Row]] | None = None,
    indikator: Mapping[int, list[Row]] | None = None,
) -> Path:
    """A sources folder whose components hold the given rows (others empty)."""
    folder.mkdir(parents=True, exist_ok=True)
    write_workbook(
        folder / WORKBOOK_HINTS[0],
        {"Identitas": [("Kolom", "Isi"), *IDENTITY], "Narasi": [("Bagian", "Tingkat", "Teks")]},
    )
    indikator_header = (*INDIKATOR_HEADER, "Penanggung Jawab", "Data Dukung", "Kode LKE")
    for number in range(1, 7):
        write_workbook(
            folder / WORKBOOK_HINTS[number],
            {
                "Uraian": [("Bagian", "Teks")],
                "Indikator": [indikator_header, *(indikator or {}).get(number, [])],
                "Prioritas": [PRIORITAS_HEADER, *(prioritas or {}).get(number, [])],
            },
        )
    return folder


def load_lines(folder: Path) -> tuple[Loader, list[PlanLine]]:
    loader = Loader(folder)
    plan = loader.load()
    return loader, plan_lines(plan)
