"""Realisation workbooks -> what was done, checked as the plan's workbooks are checked.

Every problem of a run is collected (file, sheet, cell, Indonesian text; codes in
generator/messages.py) and raised at once as InputInvalid. The workbooks must belong to
the plan they are read with: the unit, the year and each component's plan code (written
by ``zi-plan realisasi``) are compared, and each row with the plan's row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from generator import contract as cols
from generator.contract import Column
from generator.monev import contract as rc
from generator.plan.models import ComponentKey, Plan
from generator.plan.parse import parse_date
from generator.plan.validate import Loader, parse_tick
from generator.problems import CellRef, InputInvalid, Problem, Report
from generator.tables import Cell, Table, discover, fold, read_sheet_table
from generator.xlsx import Workbook, find_sheet, open_workbook
from generator.xlsx.values import display_text

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_QUARTER = re.compile(r"^(?:tw|triwulan|trw|q)?\s*[-.]?\s*([1-4]|i{1,3}|iv)$")
_YES = {"ya", "y", "yes", "hadir", "√", "✓", "v", "1", "true"}
_NO = {"tidak", "t", "tdk", "no", "tidak hadir", "-", "0", "false"}


@dataclass(frozen=True)
class LineDone:
    """A planned matrix line and the months it was carried out."""

    component: ComponentKey
    line: rc.PlanLine
    done: tuple[bool, ...]
    bukti: str
    kendala: str
    solusi: str
    where: CellRef  # its KEGIATAN cell


@dataclass(frozen=True)
class StepDone:
    """A Rencana Aksi step and its status."""

    component: ComponentKey
    step: rc.PlanStep
    status: str  # one of contract.STATUSES
    tanggal: date | None
    bukti: str
    kendala: str
    solusi: str
    where: CellRef


@dataclass(frozen=True)
class Meeting:
    triwulan: int
    tanggal: date
    pimpinan: bool
    bukti: str


@dataclass(frozen=True)
class FollowUp:
    triwulan: int
    rekomendasi: str
    penanggung_jawab: str
    batas_waktu: date | None
    status: str
    bukti: str


@dataclass(frozen=True)
class Realisation:
    """Everything the realisation workbooks say, in the plan's order."""

    lines: tuple[LineDone, ...]
    steps: tuple[StepDone, ...]
    meetings: tuple[Meeting, ...]
    follow_ups: tuple[FollowUp, ...]
    narasi: tuple[tuple[str, str], ...] = ()  # (Bagian, paragraph) replacing standard text

    def texts(self, bagian: str) -> list[str]:
        return [text for name, text in self.narasi if name == bagian]


def parse_quarter(value: object) -> int | None:
    """1..4 from ``2``, ``II``, ``TW 2``, ``Triwulan II``; None for anything else."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float) and float(value).is_integer() and 1 <= value <= 4:
        return int(value)
    match = _QUARTER.match(fold(value))
    if not match:
        return None
    text = match.group(1)
    return int(text) if text.isdigit() else _ROMAN[text]


def parse_status(cell: Cell) -> str | None:
    """A status of the list; blank is Belum; None for anything else."""
    if cell.blank:
        return rc.STATUS_BELUM
    return next((s for s in rc.STATUSES if fold(s) == fold(cell.text)), None)


@dataclass
class _Reader:
    plan: Plan
    folder: Path
    sources: str  # how the user named the sources folder, for the messages
    report: Report

    def __post_init__(self) -> None:
        self.cells = Loader(self.folder, report=self.report)  # text checks of the plan's reader

    def read(self) -> Realisation:
        if not self.folder.is_dir():
            self.report.error(
                "realisasi-folder-tidak-ada", CellRef(str(self.folder)), sources=self.sources
            )
            raise InputInvalid(self.report.problems)
        paths = discover(self.folder, self.report)
        lines: list[LineDone] = []
        steps: list[StepDone] = []
        meetings: list[Meeting] = []
        follow_ups: list[FollowUp] = []
        narasi: list[tuple[str, str]] = []
        for number, hint in cols.WORKBOOK_HINTS.items():
            name = rc.MONEV_WORKBOOK if number == rc.MONEV_NUMBER else hint
            if number not in paths:
                self.report.error(
                    "realisasi-workbook-tidak-ada",
                    CellRef(name),
                    name=name,
                    number=f"{number:02d}",
                    sources=self.sources,
                )
                continue
            workbook = open_workbook(paths[number], self.report)
            if workbook is None:
                continue
            file = paths[number].name
            if number == rc.MONEV_NUMBER:
                self.identity(workbook, file, None)
                meetings += self.meetings(workbook, file)
                follow_ups += self.follow_ups(workbook, file)
                narasi += self.narasi(workbook, file)
                continue
            key = list(ComponentKey)[number - 1]
            same_plan = self.identity(workbook, file, key)
            lines += self.lines(workbook, file, key, same_plan)
            steps += self.steps(workbook, file, key, same_plan)
        self.report.raise_if_errors()
        return Realisation(
            tuple(lines), tuple(steps), tuple(meetings), tuple(follow_ups), tuple(narasi)
        )

    # -- which plan ---------------------------------------------------------------------------

    def identity(self, workbook: Workbook, file: str, key: ComponentKey | None) -> bool:
        """Whether the workbook names this unit, year and (for 01..06) plan version."""
        sheet = find_sheet(workbook, rc.SHEET_PETUNJUK)
        if sheet is None:
            self.report.error(
                "sheet-tidak-ada",
                CellRef(file, rc.SHEET_PETUNJUK),
                sheet=rc.SHEET_PETUNJUK,
                found=", ".join(workbook.sheetnames),
            )
            return False
        labels = {fold(v): r for (r, c), v in sorted(sheet.values.items()) if c == 0}
        wanted = [rc.ID_SATKER, rc.ID_TAHUN] + ([rc.ID_KODE] if key is not None else [])
        found: dict[str, tuple[str, CellRef]] = {}
        for label in wanted:
            row = labels.get(fold(label))
            if row is None:
                self.report.error(
                    "realisasi-identitas-tidak-ada",
                    CellRef(file, sheet.title),
                    field=label,
                    sources=self.sources,
                )
                return False
            value = sheet.values.get((row, 1))
            found[label] = (fold(display_text(value)), CellRef(file, sheet.title, f"B{row + 1}"))
        identity = self.plan.identity
        satker, where = found[rc.ID_SATKER]
        if satker != fold(identity.nama_satker):
            shown = sheet.values.get((labels[fold(rc.ID_SATKER)], 1))
            self.report.error(
                "realisasi-satker-lain", where, found=shown, expected=identity.nama_satker
            )
            return False
        tahun, where = found[rc.ID_TAHUN]
        if tahun != str(identity.tahun):
            self.report.error(
                "realisasi-tahun-lain",
                where,
                found=tahun,
                expected=identity.tahun,
                sources=self.sources,
            )
            return False
        if key is None:
            return True
        code, where = found[rc.ID_KODE]
        expected = rc.plan_code(self.plan.components[key.number - 1])
        if code != fold(expected):
            self.report.error(
                "realisasi-rencana-berubah",
                where,
                detail=f"kode {code.upper()}, rencana sekarang {expected}",
                sources=self.sources,
            )
            return False
        return True

    def table(
        self, workbook: Workbook, file: str, sheet: str, columns: tuple[Column, ...]
    ) -> Table | None:
        table = read_sheet_table(workbook, file, sheet, columns, self.report)
        if table is not None:
            self.cells.rejected |= table.rejected
        return table

    def mismatch(self, where: CellRef, detail: str) -> None:
        self.report.error("realisasi-rencana-berubah", where, detail=detail, sources=self.sources)

    # -- 01..06 -------------------------------------------------------------------------------

    def lines(
        self, workbook: Workbook, file: str, key: ComponentKey, same_plan: bool
    ) -> list[LineDone]:
        table = self.table(workbook, file, rc.SHEET_REALISASI, rc.REALISASI)
        if table is None:
            return []
        planned = rc.plan_lines(self.plan.components[key.number - 1])
        out = []
        kegiatan = ""
        for index, row in enumerate(table.rows):
            kegiatan = self.cells.text(row["kegiatan"]) or kegiatan
            uraian = self.cells.text(row["uraian"])
            done = []
            for month in cols.MONTH_KEYS:
                tick = parse_tick(row[month])
                if tick is None:
                    self.report.error(
                        "realisasi-tanda-tidak-dikenal", row[month].ref, value=row[month].text
                    )
                done.append(bool(tick))
            extra = {
                name: self.cells.text(row[name]) if name in row else ""
                for name in ("bukti", "kendala", "solusi")
            }
            if not same_plan:
                continue
            if index >= len(planned) or (kegiatan, uraian) != (
                planned[index].kegiatan,
                planned[index].uraian,
            ):
                self.mismatch(
                    row["kegiatan"].ref,
                    f"baris ini tidak sama dengan baris ke-{index + 1} matriks rencana"
                    if index < len(planned)
                    else f"rencana hanya memuat {len(planned)} baris kegiatan",
                )
                same_plan = False
                continue
            out.append(
                LineDone(key, planned[index], tuple(done), where=row["kegiatan"].ref, **extra)
            )
        if same_plan and len(out) < len(planned):
            self.mismatch(
                table.ref, f"{len(out)} baris, rencana memuat {len(planned)} baris kegiatan"
            )
        return out

    def steps(
        self, workbook: Workbook, file: str, key: ComponentKey, same_plan: bool
    ) -> list[StepDone]:
        table = self.table(workbook, file, rc.SHEET_PRIORITAS, rc.PRIORITAS)
        if table is None:
            return []
        planned = rc.plan_steps(self.plan.components[key.number - 1])
        out = []
        target = ""
        for index, row in enumerate(table.rows):
            target = self.cells.text(row["target"]) or target
            aksi = self.cells.text(row["rencana_aksi"])
            status = parse_status(row["status"])
            if status is None:
                self.report.error(
                    "status-tidak-dikenal", row["status"].ref, value=row["status"].text
                )
            tanggal = self.date(row.get("tanggal"))
            extra = {
                name: self.cells.text(row[name]) if name in row else ""
                for name in ("bukti", "kendala", "solusi")
            }
            if not same_plan:
                continue
            if index >= len(planned) or (target, aksi) != (
                planned[index].target,
                planned[index].rencana_aksi,
            ):
                self.mismatch(
                    row["target"].ref,
                    f"baris ini tidak sama dengan langkah ke-{index + 1} Rencana Aksi"
                    if index < len(planned)
                    else f"rencana hanya memuat {len(planned)} langkah Rencana Aksi",
                )
                same_plan = False
                continue
            out.append(
                StepDone(
                    key,
                    planned[index],
                    status or rc.STATUS_BELUM,
                    tanggal,
                    where=row["target"].ref,
                    **extra,
                )
            )
        if same_plan and len(out) < len(planned):
            self.mismatch(
                table.ref, f"{len(out)} baris, rencana memuat {len(planned)} langkah Rencana Aksi"
            )
        return out

    # -- 00_monev.xlsx ------------------------------------------------------------------------

    def date(self, cell: Cell | None, required: str = "") -> date | None:
        if cell is None or cell.blank:
            if required and cell is not None:
                self.report.error("realisasi-wajib-diisi", cell.ref, column=required)
            return None
        if cell.ref in self.cells.rejected:
            return None
        day = parse_date(cell.value)
        if day is None:
            self.report.error("tanggal-tidak-sah", cell.ref, value=cell.text)
        elif day.year != self.plan.identity.tahun:
            self.report.warn(
                "realisasi-tanggal-tahun-lain",
                cell.ref,
                value=cell.text,
                tahun=self.plan.identity.tahun,
            )
        return day

    def quarter(self, cell: Cell) -> int | None:
        if cell.blank:
            self.report.error("realisasi-wajib-diisi", cell.ref, column="Triwulan")
            return None
        quarter = parse_quarter(cell.value)
        if quarter is None:
            self.report.error("triwulan-tidak-sah", cell.ref, value=cell.text)
        return quarter

    def meetings(self, workbook: Workbook, file: str) -> list[Meeting]:
        table = self.table(workbook, file, rc.SHEET_RAPAT, rc.RAPAT)
        out = []
        for row in table.rows if table else []:
            quarter = self.quarter(row["triwulan"])
            tanggal = self.date(row["tanggal"], required="Tanggal")
            head = row["pimpinan"]
            present = None
            if head.blank:
                self.report.error("realisasi-wajib-diisi", head.ref, column="Dihadiri Pimpinan")
            elif fold(head.text) in _YES:
                present = True
            elif fold(head.text) in _NO:
                present = False
            else:
                self.report.error("ya-tidak-tidak-sah", head.ref, value=head.text)
            bukti = self.cells.text(row["bukti"]) if "bukti" in row else ""
            if quarter is not None and tanggal is not None and present is not None:
                out.append(Meeting(quarter, tanggal, present, bukti))
        return out

    def follow_ups(self, workbook: Workbook, file: str) -> list[FollowUp]:
        table = self.table(workbook, file, rc.SHEET_TINDAK_LANJUT, rc.TINDAK_LANJUT)
        out = []
        for row in table.rows if table else []:
            quarter = self.quarter(row["triwulan"])
            text = self.cells.text(row["rekomendasi"])
            if not text and row["rekomendasi"].ref not in self.cells.rejected:
                self.report.error(
                    "realisasi-wajib-diisi", row["rekomendasi"].ref, column="Rekomendasi"
                )
            status = parse_status(row["status"])
            if status is None:
                self.report.error(
                    "status-tidak-dikenal", row["status"].ref, value=row["status"].text
                )
            deadline = self.date(row.get("batas_waktu"))
            pj = self.cells.text(row["penanggung_jawab"]) if "penanggung_jawab" in row else ""
            bukti = self.cells.text(row["bukti"]) if "bukti" in row else ""
            if quarter is not None and text and status is not None:
                out.append(FollowUp(quarter, text, pj, deadline, status, bukti))
        return out

    def narasi(self, workbook: Workbook, file: str) -> list[tuple[str, str]]:
        """The optional Narasi sheet: paragraphs that replace the report's standard texts."""
        if find_sheet(workbook, rc.SHEET_NARASI) is None:
            return []
        table = self.table(workbook, file, rc.SHEET_NARASI, rc.NARASI)
        known = {fold(name): name for name in rc.NARASI_BAGIAN}
        out, current = [], None
        for row in table.rows if table else []:
            typed = self.cells.text(row["bagian"])
            if typed:
                current = known.get(fold(typed))
                if current is None:
                    self.report.error(
                        "bagian-tidak-dikenal",
                        row["bagian"].ref,
                        value=typed,
                        known=", ".join(rc.NARASI_BAGIAN),
                    )
            elif current is None and row["bagian"].ref not in self.cells.rejected:
                self.report.error("bagian-kosong", row["bagian"].ref)
            text = self.cells.text(row["teks"])
            if current is not None and text:
                out += [(current, line) for line in text.split("\n") if line.strip()]
        return out


def read_realisation(
    plan: Plan, folder: Path, sources: str = "SUMBER"
) -> tuple[Realisation, list[Problem]]:
    """The realisation of ``plan`` in ``folder`` and the warnings, or InputInvalid.

    ``sources`` is the plan's folder as the user named it, quoted in what to do.
    """
    report = Report()
    realisation = _Reader(plan, folder, sources, report).read()
    return realisation, report.problems
