"""Writes the BPS Provinsi Aceh 2025 plan (../shared/reference/other-units/
bps-prov-aceh-2025.txt) as the seven workbooks of the contract, codes as typed.

Run once: ``.venv/bin/python -m tests.lke.make_aceh_sources``; the workbooks are committed
in tests/lke/aceh_sources/ (README.md there says how the plan was mapped).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from generator.contract import INDIKATOR, PRIORITAS, WORKBOOK_HINTS
from tests.conftest import write_workbook
from tests.shared_folder import shared

REFERENCE = shared() / "reference" / "other-units" / "bps-prov-aceh-2025.txt"
TARGET = Path(__file__).with_name("aceh_sources")
PRIORITAS_HEADER = tuple(column.title for column in PRIORITAS)  # with the optional three
INDIKATOR_HEADER = tuple(
    column.title for column in INDIKATOR if column.required or column.key == "no"
)
IDENTITY = (
    ("Kementerian", "Badan Pusat Statistik"),
    ("Kantor Wilayah", "Badan Pusat Statistik"),
    ("Nama Satuan Kerja", "Badan Pusat Statistik Provinsi Aceh"),
    ("Nama Singkat", "BPS Provinsi Aceh"),
    ("Jenis Satuan Kerja", "Kantor BPS Provinsi"),
    ("Tahun", 2025),
    ("Tempat Penetapan", "Banda Aceh"),
    ("Tanggal Penetapan", datetime(2025, 1, 2)),  # not in the source: a placeholder
    ("Jabatan Penandatangan", "Kepala"),
    ("Nama Penandatangan", "Kepala BPS Provinsi Aceh"),  # not in the source
    ("NIP Penandatangan", "19700101 199501 1 001"),  # not in the source
)
_ENTRY = re.compile(r"^\[(\d+)\] (\S+)  Rencana kinerja: ?(.*)$")
_AREA = re.compile(r"^A\. PENGUNGKIT / (Pemenuhan|Reform) / ([IVX]+)\. ")
_ROMAN = ("I", "II", "III", "IV", "V", "VI")


@dataclass
class Entry:
    number: int
    component: int
    code: str
    kinerja: list[str]
    aksi: list[str] = field(default_factory=list)
    output: list[str] = field(default_factory=list)
    pj: str = ""


def _clean(lines: list[str]) -> str:
    """Lines of one field: blank lines and the CSV export's quotes dropped."""
    kept = [line.strip().strip('"').strip() for line in lines]
    return "\n".join(line for line in kept if line)


def entries(text: str) -> list[Entry]:
    found: list[Entry] = []
    component = 0
    part = ""
    for line in text.splitlines():
        if match := _AREA.match(line):
            component = _ROMAN.index(match.group(2)) + 1
            continue
        if match := _ENTRY.match(line):
            found.append(Entry(int(match.group(1)), component, match.group(2), [match.group(3)]))
            part = "kinerja"
            continue
        if not found or line.startswith("====="):
            continue
        entry = found[-1]
        stripped = line.strip()
        if stripped == "Rencana aksi:":
            part = "aksi"
        elif stripped == "Rencana output:":
            part = "output"
        elif line.startswith("  PJ: "):
            entry.pj, part = stripped[4:], ""
        elif line.startswith(("  Catatan monitoring:", "  Tahun:")):
            part = ""
        elif part == "kinerja":
            entry.kinerja.append(line)
        elif part in ("aksi", "output"):
            getattr(entry, part).append(line)
    return found


def prioritas_rows(items: list[Entry]) -> list[list[object]]:
    """One row per entry; an entry repeating the code above adds a sub-criterion to its
    target, a step of its own (blank target) or its output to the row above."""
    rows: list[list[object]] = []
    previous = ""
    for entry in items:
        kinerja, aksi, output = _clean(entry.kinerja), _clean(entry.aksi), _clean(entry.output)
        if entry.code == previous and rows:
            if kinerja:
                target_row = next(r for r in reversed(rows) if r[1])
                target_row[1] = f"{target_row[1]}\n{kinerja}"
            if not aksi:
                if output:
                    rows[-1][4] = "\n".join(x for x in (str(rows[-1][4] or ""), output) if x)
                continue
            kinerja = ""
        assert kinerja or entry.code == previous, entry.number
        rows.append(
            [
                None,
                kinerja or None,
                aksi or None,
                None,
                output or None,
                entry.pj or None,
                None,
                entry.code,
            ]
        )
        previous = entry.code
    return rows


def main(target: Path = TARGET) -> None:
    found = entries(REFERENCE.read_text(encoding="utf-8"))
    target.mkdir(exist_ok=True)
    write_workbook(
        target / WORKBOOK_HINTS[0],
        {"Identitas": [("Kolom", "Isi"), *IDENTITY], "Narasi": [("Bagian", "Tingkat", "Teks")]},
    )
    for number in range(1, 7):
        rows = prioritas_rows([e for e in found if e.component == number])
        write_workbook(
            target / WORKBOOK_HINTS[number],
            {
                "Uraian": [("Bagian", "Teks")],
                "Indikator": [INDIKATOR_HEADER],
                "Prioritas": [PRIORITAS_HEADER, *rows],
            },
        )
    print(f"{len(found)} entries written to {target}")


if __name__ == "__main__":
    main()
