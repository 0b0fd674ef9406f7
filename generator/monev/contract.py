"""The realisation workbooks' sheets, columns, statuses and identity rows (docs/realisasi.md)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from generator import contract as cols
from generator.contract import Column
from generator.plan.models import Component, Marker
from generator.render.context import cell_lines

REALISATION_FOLDER = "realisasi"  # inside the sources folder, unless -o / --realisasi
MONEV_NUMBER = 0
MONEV_WORKBOOK = "00_monev.xlsx"

SHEET_PETUNJUK = "Petunjuk"
SHEET_REALISASI = "Realisasi"
SHEET_PRIORITAS = "Prioritas"
SHEET_RAPAT = "Rapat Monev"
SHEET_TINDAK_LANJUT = "Tindak Lanjut"
SHEET_NARASI = "Narasi"  # optional in 00_monev.xlsx: the report's own texts
SHEET_UNPLACED = "Tidak Tertempatkan"  # what a re-run could not put back; never read

STATUS_BELUM, STATUS_PROSES, STATUS_SELESAI = "Belum", "Proses", "Selesai"
STATUSES = (STATUS_BELUM, STATUS_PROSES, STATUS_SELESAI)
YES, NO = "Ya", "Tidak"

# The rows of the Petunjuk sheet that say which plan a workbook belongs to: label in
# column A, value in column B. The reader compares them with the plan.
ID_SATKER = "Nama Satuan Kerja"
ID_SINGKAT = "Nama Singkat"
ID_TAHUN = "Tahun"
ID_KOMPONEN = "Komponen"
ID_KODE = "Kode Rencana"

BUKTI = Column("bukti", ("Bukti Dukung", "Data Dukung"), required=False)
KENDALA = Column("kendala", ("Kendala",), required=False)
SOLUSI = Column("solusi", ("Solusi",), required=False)

REALISASI = (
    Column("no", ("NO",), required=False),
    Column("kegiatan", ("KEGIATAN",)),
    Column("uraian", ("URAIAN KEGIATAN",)),
    *cols.MONTH_COLUMNS,
    BUKTI,
    KENDALA,
    SOLUSI,
)
PRIORITAS = (
    Column("no", ("No",), required=False),
    Column("target", ("Target Prioritas",)),
    Column("rencana_aksi", ("Rencana Aksi",)),
    Column("waktu", ("Waktu",)),
    Column("status", ("Status",)),
    Column("tanggal", ("Tanggal Selesai",), required=False),
    BUKTI,
    KENDALA,
    SOLUSI,
)
RAPAT = (
    Column("triwulan", ("Triwulan", "TW")),
    Column("tanggal", ("Tanggal",)),
    Column("pimpinan", ("Dihadiri Pimpinan",)),
    BUKTI,
)
TINDAK_LANJUT = (
    Column("triwulan", ("Triwulan", "TW")),
    Column("rekomendasi", ("Rekomendasi",)),
    Column("penanggung_jawab", ("Penanggung Jawab", "PJ"), required=False),
    Column("batas_waktu", ("Batas Waktu",), required=False),
    Column("status", ("Status",)),
    BUKTI,
)
NARASI = (Column("bagian", ("Bagian",)), Column("teks", ("Teks",)))
# the report's sections whose standard text a Narasi row replaces
NARASI_BAGIAN = ("Latar Belakang", "Maksud dan Tujuan", "Ruang Lingkup", "Penutup")


def default_folder(sources: Path) -> Path:
    """Where the realisation workbooks live unless told: ``SUMBER/realisasi``."""
    return sources / REALISATION_FOLDER


def line_label(kegiatan: str, uraian: str) -> str:
    """How a matrix line is named in a workbook row and in the report."""
    return f"{kegiatan} — {uraian}" if uraian else kegiatan


def plan_code(component: Component) -> str:
    """A short fingerprint of what a component's realisation workbook was built from: its
    lines (texts and planned months) and its steps. A revised plan has another code."""
    content = {
        "lines": [
            [a.kegiatan, [x.text for x in line.uraian], [x.text for x in line.target], line.months]
            for a in component.activities
            for line in a.lines
        ],
        "steps": [
            [t.target, s.rencana_aksi, s.waktu] for t in component.priorities for s in t.steps
        ],
    }
    digest = hashlib.sha256(json.dumps(content, ensure_ascii=False).encode("utf-8"))
    return digest.hexdigest()[:12].upper()


@dataclass(frozen=True)
class PlanLine:
    """A planned matrix line as its realisation row shows it."""

    no: int | None  # the activity's number, on its first line only
    kegiatan: str
    uraian: str  # the URAIAN KEGIATAN cell (its TARGET or HASIL when it has none)
    months: tuple[bool, ...]
    penanggung_jawab: str

    @property
    def label(self) -> str:
        return line_label(self.kegiatan, self.uraian)


@dataclass(frozen=True)
class PlanStep:
    """A Rencana Aksi step as its realisation row shows it."""

    no: int | None  # the target's number, on its first step only
    target: str
    rencana_aksi: str
    waktu: str
    penanggung_jawab: str


def plan_lines(component: Component) -> list[PlanLine]:
    """The rows of the Realisasi sheet, in the plan's order; list items labelled as the
    plan document labels them (items count on across the lines of one KEGIATAN)."""
    rows = []
    for number, activity in enumerate(component.activities, start=1):
        counters: dict[str, dict[Marker, int]] = {"uraian": {}, "target": {}, "hasil": {}}
        for index, line in enumerate(activity.lines):
            texts = {
                name: "\n".join(
                    f"{item['label']} {item['text']}".strip()
                    for item in cell_lines(getattr(line, name), counters[name])
                )
                for name in counters
            }
            shown = texts["uraian"] or texts["target"] or texts["hasil"]
            rows.append(
                PlanLine(
                    number if index == 0 else None,
                    activity.kegiatan,
                    shown,
                    line.months,
                    line.penanggung_jawab,
                )
            )
    return rows


def plan_steps(component: Component) -> list[PlanStep]:
    """The rows of the Prioritas sheet, in the plan's order."""
    return [
        PlanStep(
            number if index == 0 else None,
            target.target,
            step.rencana_aksi,
            step.waktu,
            step.penanggung_jawab,
        )
        for number, target in enumerate(component.priorities, start=1)
        for index, step in enumerate(target.steps)
    ]
