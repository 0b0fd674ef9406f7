"""Rows with cell addresses -> the validated Plan, collecting every problem on the way."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path
from typing import TypeVar

from pydantic import ValidationError

from generator import contract as cols
from generator.contract import (
    DEFAULT_DOCUMENT_TITLE,
    IDENTITY_FIELDS,
    OPTIONAL_IDENTITY_FIELDS,
    UNIT_KIND_WORDS,
    URAIAN_PARTS,
    Column,
)
from generator.foreign_terms import foreign_terms
from generator.indonesian import YEAR
from generator.plan.identity import check_short_name, read_nip
from generator.plan.logo import find_logo
from generator.plan.models import (
    Activity,
    Component,
    ComponentKey,
    Identity,
    Line,
    Marker,
    MatrixLine,
    Official,
    Paragraph,
    Plan,
    PriorityTarget,
    Section,
    SectionKey,
    Step,
)
from generator.plan.parse import (
    parse_date,
    parse_level,
    parse_year,
    split_lines,
    split_marker,
)
from generator.plan.standard_text import standard_section
from generator.problems import CellRef, InputInvalid, Problem, Report
from generator.richtext import join
from generator.tables import (
    Cell,
    Table,
    discover,
    fold,
    read_sheet_table,
    report_missing_folder,
    unread_workbooks,
)
from generator.textfile import read_text_file
from generator.xlsx import Workbook, open_workbook
from generator.xlsx.values import NOT_XML

T = TypeVar("T")
SECTION_ALIASES = {
    "perkiraan/prediksi": SectionKey.PERKIRAAN,
    "perkiraan/ prediksi": SectionKey.PERKIRAAN,
    "prediksi": SectionKey.PERKIRAAN,
    "analisis": SectionKey.ANALISA,
    "maksud dan tujuan": SectionKey.MAKSUD_TUJUAN,
    "pengantar bab 2": SectionKey.PENGANTAR_BAB2,
}


def load_plan(folder: Path) -> tuple[Plan, list[Problem]]:
    """Reads and checks a sources folder: the plan and the warnings, or InputInvalid."""
    loader = Loader(folder)
    plan = loader.load()
    return plan, loader.report.problems


__all__ = ["Loader", "load_plan", "parse_tick", "split_marker"]


def _with_lines(step: Step, values: dict[str, str]) -> Step:
    """The step with each value that is new to its field added as a line of that field."""
    update = {}
    for key, value in values.items():
        held = str(getattr(step, key))
        if value and value not in held.split("\n"):
            update[key] = join("\n", [held, value]) if held else value  # keeps rich text
    return step.model_copy(update=update) if update else step


def _row_number(ref: CellRef) -> str:
    return ref.cell.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _rows(numbers: list[str]) -> str:
    """``baris 5, 6, 7``: the rows a warning is about."""
    return f"baris {', '.join(numbers)}"


def unit_foreign_terms(folder: Path) -> list[str]:
    """The foreign terms marked in the unit's kamus.txt, decoded as Notepad saved it (the
    review reports what was odd about the file)."""
    return foreign_terms(read_text_file(folder / cols.WORD_LIST).lines)


def parse_tick(cell: Cell) -> bool | None:
    """True for a tick, False for none, None for a value that is neither (contract.py)."""
    return cols.tick_value(cell.value)


@dataclass
class Loader:
    """One run over a sources folder: keeps the report and the texts read, with their cells."""

    folder: Path
    report: Report = field(default_factory=Report)
    texts: list[tuple[str, CellRef]] = field(default_factory=list)
    rejected: set[CellRef] = field(default_factory=set)  # cells already reported as unreadable
    identity_cells: dict[str, CellRef] = field(default_factory=dict)  # Identitas field -> cell
    lke_cells: list[tuple[CellRef, str]] = field(default_factory=list)  # Kode LKE cells as typed
    # read from Identitas even when another of its fields is wrong, so that the checks
    # that need them still run and one report holds everything
    _year: int | None = None
    _unit_kind: str = ""
    _workbooks: dict[int, Workbook] = field(default_factory=dict)
    _paths: dict[int, Path] = field(default_factory=dict)

    # -- cells ------------------------------------------------------------------------------

    def text(self, cell: Cell) -> str:
        """The cell as text, after the checks every text cell needs."""
        raw = cell.value if isinstance(cell.value, str) else cell.text
        if "\r" in raw:  # Windows and old Mac line ends
            raw = raw.replace("\r\n", "\n").replace("\r", "\n")
        bad = NOT_XML.search(raw)
        if bad:
            self.report.error("karakter-kontrol", cell.ref, char=f"U+{ord(bad.group()):04X}")
            self.rejected.add(cell.ref)
            return ""
        if "\n" in raw:
            text = join("\n", (line.strip() for line in raw.split("\n"))).strip()  # keeps runs
        else:
            text = raw.strip()  # the same for a single line, without the split and join
        if text and not cell.merged:
            self.texts.append((text, cell.ref))
        return text

    def lines(self, cell: Cell) -> list[Line]:
        """A multi-line cell as lines; ``1.``, ``a.`` and ``-`` lines are list items."""
        return split_lines(self.text(cell))

    def build(self, make: Callable[[], T], where: CellRef) -> T | None:
        """Builds a model; a constraint the checks missed is still reported at a place."""
        try:
            return make()
        except ValidationError as exc:
            detail = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
            self.report.error("nilai-tidak-sah", where, detail=detail)
            return None

    # -- workbooks --------------------------------------------------------------------------

    def table(self, number: int, sheet: str, columns: tuple[Column, ...]) -> Table | None:
        workbook = self._workbooks.get(number)
        if workbook is None:
            return None
        name = self._paths[number].name
        table = read_sheet_table(workbook, name, sheet, columns, self.report)
        if table is not None:
            self.rejected |= table.rejected
        return table

    read_identity: Identity | None = None

    def load(self) -> Plan:
        if not self.folder.is_dir():
            report_missing_folder(self.folder, self.report)
            raise InputInvalid(self.report.problems)
        self._paths = discover(self.folder, self.report)
        unread = (
            unread_workbooks(self.folder) if len(self._paths) < len(cols.WORKBOOK_HINTS) else {}
        )
        if not self._paths and not unread:  # one error naming the folder, not seven missing
            untaken = [p.where.file for p in self.report.problems]  # workbook-tidak-dipakai
            self.report.error(
                "folder-tanpa-workbook",
                CellRef(str(self.folder)),
                path=str(self.folder.resolve()),
                folder=str(self.folder),
                others=f"; file .xlsx yang ada: {', '.join(untaken)}" if untaken else "",
            )
            raise InputInvalid(self.report.problems)
        for number, hint in cols.WORKBOOK_HINTS.items():
            if number in unread and number not in self._paths:
                code, name, kind = unread[number]
                self.report.error(code, CellRef(name), number=f"{number:02d}", kind=kind)
                continue
            if number not in self._paths:
                self.report.error(
                    "workbook-tidak-ada", CellRef(hint), name=hint, number=f"{number:02d}"
                )
                continue
            workbook = open_workbook(self._paths[number], self.report)
            if workbook is not None:
                self._workbooks[number] = workbook
        identity = self.identity(self.table(0, cols.SHEET_IDENTITAS, cols.IDENTITAS))
        self.read_identity = identity  # kept when other sheets fail: build-all names the unit
        sections = self.sections(self.table(0, cols.SHEET_NARASI, cols.NARASI), identity)
        components = [self.component(key, identity) for key in ComponentKey]
        self.check_unit_kind(self._unit_kind)
        logo = find_logo(self.folder, self.report)
        plan = None
        if not self.report.errors and identity is not None:
            plan = self.build(
                lambda: Plan(
                    identity=identity,
                    sections=sections,
                    components=[c for c in components if c is not None],
                    logo=logo,
                    foreign_terms=unit_foreign_terms(self.folder),
                ),
                CellRef(self.folder.name),
            )
        self.report.raise_if_errors()
        assert plan is not None
        return plan

    # -- 00_umum.xlsx ----------------------------------------------------------------------

    def identity(self, table: Table | None) -> Identity | None:
        if table is None:
            return None
        labels = {**IDENTITY_FIELDS, **OPTIONAL_IDENTITY_FIELDS}
        lookup = {fold(label): key for key, label in labels.items()}
        cells: dict[str, Cell] = {}
        for row in table.rows:
            label, value = row["kolom"], row["isi"]
            key = lookup.get(fold(label.text))
            if not label.text:
                continue
            if key is None:
                self.report.warn(
                    "identitas-tidak-dikenal",
                    label.ref,
                    field=label.text,
                    known=", ".join(labels.values()),
                )
            elif key in cells:
                self.report.warn("identitas-ganda", label.ref, field=label.text)
            else:
                cells[key] = value
        self.identity_cells = {key: cell.ref for key, cell in cells.items()}
        errors_before = len(self.report.errors)
        for key, title in IDENTITY_FIELDS.items():
            if key in cells and cells[key].ref in self.rejected:
                continue  # an Excel error value, reported by the reader
            if key not in cells or cells[key].blank:
                place = cells[key].ref if key in cells else table.ref
                self.report.error("identitas-kosong", place, field=title)
        text = {key: self.text(cell) for key, cell in cells.items() if key not in ("tahun",)}

        tahun = None
        if "tahun" in cells and not cells["tahun"].blank:
            # a date formatted yyyy (=TODAY() shown as 2025) is the year Excel shows
            year = cells["tahun"]
            tahun = parse_year(year.text if isinstance(year.value, date) else year.value)
            if tahun is None:
                self.report.error("tahun-tidak-sah", cells["tahun"].ref, value=cells["tahun"].text)
        self._year, self._unit_kind = tahun, text.get("jenis_satker", "")
        tanggal = self.date_cell(cells.get("tanggal"))
        tanggal_revisi = self.date_cell(cells.get("tanggal_revisi"))
        nip = self.nip_cell(cells.get("nip"))
        if text.get("nama_singkat"):
            check_short_name(text["nama_singkat"], cells["nama_singkat"], self.report)
        paper = text.get("ukuran_kertas", "").upper() or "A4"
        if paper not in ("A4", "F4"):
            self.report.error("kertas-tidak-sah", cells["ukuran_kertas"].ref, value=paper)
        ketua = None
        if text.get("ketua_nama") or text.get("ketua_nip"):
            if not (text.get("ketua_nama") and text.get("ketua_nip")):
                given = cells.get("ketua_nama") or cells.get("ketua_nip")
                self.report.error("ketua-tim-tidak-lengkap", given.ref if given else table.ref)
            else:
                ketua_nip = self.nip_cell(cells["ketua_nip"])
                if ketua_nip:
                    ketua = Official(
                        jabatan=text.get("ketua_jabatan") or "Ketua Tim Zona Integritas",
                        nama=text["ketua_nama"],
                        nip=ketua_nip,
                    )
        if len(self.report.errors) > errors_before or not (tahun and tanggal and nip):
            return None
        return self.build(
            lambda: Identity(
                kementerian=text["kementerian"],
                kantor_wilayah=text["kantor_wilayah"],
                nama_satker=text["nama_satker"],
                nama_singkat=text["nama_singkat"],
                jenis_satker=text["jenis_satker"],
                tahun=tahun,
                tempat=text["tempat"],
                tanggal=tanggal,
                penandatangan=Official(jabatan=text["jabatan"], nama=text["nama"], nip=nip),
                ketua_tim=ketua,
                slogan=text.get("slogan", ""),
                alamat=text.get("alamat", ""),
                ukuran_kertas=paper,
                revisi=text.get("revisi", ""),
                tanggal_revisi=tanggal_revisi,
                judul_dokumen=text.get("judul_dokumen") or DEFAULT_DOCUMENT_TITLE,
            ),
            table.ref,
        )

    def date_cell(self, cell: Cell | None) -> date | None:
        if cell is None or cell.blank:
            return None
        day = parse_date(cell.value)
        if day is None:
            self.report.error("tanggal-tidak-sah", cell.ref, value=cell.text)
        return day

    def nip_cell(self, cell: Cell | None) -> str | None:
        return None if cell is None or cell.blank else read_nip(cell, self.report)

    def sections(self, table: Table | None, identity: Identity | None) -> list[Section]:
        found: dict[SectionKey, list[Paragraph]] = {key: [] for key in SectionKey}
        lookup = {fold(key.value): key for key in SectionKey}
        lookup.update(SECTION_ALIASES)
        current: SectionKey | None = None
        started = False
        for row in table.rows if table else []:
            bagian, teks, tingkat = row["bagian"], row["teks"], row.get("tingkat")
            name = self.text(bagian)
            if name and not bagian.merged:
                started = True
                current = lookup.get(fold(name))
                if current is None:
                    self.report.error(
                        "bagian-tidak-dikenal",
                        bagian.ref,
                        value=name,
                        known=", ".join(k.value for k in SectionKey),
                    )
                    continue
            elif current is None:  # rows under an unknown Bagian were reported with it
                if not started and bagian.ref not in self.rejected:
                    self.report.error("bagian-kosong", bagian.ref)
                started = True  # one error for the rows above the first Bagian
                continue
            level = None
            if tingkat is not None and not tingkat.blank:
                level = parse_level(tingkat.value)
                if level is None:
                    self.report.error("tingkat-tidak-sah", tingkat.ref, value=tingkat.text)
                    continue
            typed = self.text(teks)
            # a declared plain paragraph keeps what was typed ("H. Ahmad Syafii, S.H.")
            plain = [Line(text=t) for t in typed.split("\n") if t]
            lines = plain if level == 0 else split_lines(typed)
            if not lines:
                self.report.warn("teks-kosong", teks.ref)
                continue
            default = 0 if current.prose else 1
            for line in lines:
                line_level = level
                if line_level is None:
                    line_level = {Marker.NUMBER: 1, Marker.LETTER: 2}.get(line.marker, default)
                found[current].append(Paragraph(text=line.text, level=line_level))
        if identity is None:
            return []
        return [
            Section(key=key, paragraphs=paragraphs)
            if paragraphs
            else Section(key=key, paragraphs=standard_section(key, identity), standard=True)
            for key, paragraphs in found.items()
        ]

    # -- 01..06 -----------------------------------------------------------------------------

    def component(self, key: ComponentKey, identity: Identity | None) -> Component | None:
        number = key.number
        uraian = self.table(number, cols.SHEET_URAIAN, cols.URAIAN)
        indikator = self.table(number, cols.SHEET_INDIKATOR, cols.INDIKATOR)
        prioritas = self.table(number, cols.SHEET_PRIORITAS, cols.PRIORITAS)
        parts: dict[str, list[str]] = {name: [] for name in URAIAN_PARTS}
        current: str | None = None
        started = False
        for row in uraian.rows if uraian else []:
            bagian, teks = row["bagian"], row["teks"]
            name = fold(self.text(bagian))
            if name and not bagian.merged:
                started = True
                current = name if name in URAIAN_PARTS else None
                if current is None:
                    self.report.error(
                        "bagian-tidak-dikenal",
                        bagian.ref,
                        value=bagian.text,
                        known=", ".join(URAIAN_PARTS.values()),
                    )
                    continue
            elif current is None:  # rows under an unknown Bagian were reported with it
                if not started and bagian.ref not in self.rejected:
                    self.report.error("bagian-kosong", bagian.ref)
                started = True  # one error for the rows above the first Bagian
                continue
            lines = self.lines(teks)
            if not lines:
                self.report.warn("teks-kosong", teks.ref)
            parts[current].extend(line.text for line in lines)
        activities = self.activities(indikator) if indikator else []
        if indikator is not None and not activities:
            self.report.warn("tanpa-matriks", indikator.ref)
        priorities = self.priorities(prioritas, identity) if prioritas else []
        if prioritas is not None and not prioritas.rows:
            self.report.warn("tanpa-prioritas", prioritas.ref)
        if uraian is None or indikator is None or prioritas is None:
            return None
        return self.build(
            lambda: Component(
                key=key,
                tujuan=parts["tujuan"],
                targets=parts["target"],
                pengantar_tabel=parts["pengantar tabel"],
                activities=activities,
                priorities=priorities,
            ),
            uraian.ref,
        )

    def activities(self, table: Table) -> list[Activity]:
        """The KEGIATAN groups of the matrix. A KEGIATAN typed again on the next row (Excel's
        fill down) continues its group, as a blank or merged cell does. A row with ticks but
        no text of its own is kept as a schedule line of the row above (the reference plan
        schedules the items of a multi-line Uraian so); a row with neither text nor tick
        (only ``-``) holds nothing and is left out. Both are warnings naming the rows."""
        groups: list[tuple[str, list[MatrixLine]]] = []
        orphaned = False
        tick_only: dict[int, list[str]] = {}  # group index -> its rows of ticks alone
        empty: list[str] = []
        for row in table.rows:
            kegiatan = row["kegiatan"]
            name = self.text(kegiatan)
            filled_down = bool(groups) and fold(name) == fold(groups[-1][0])
            starts = bool(name) and not kegiatan.merged and not filled_down
            if starts:
                groups.append((name, []))
            elif not groups:
                # one error for the rows above the first KEGIATAN, none if its cell was bad
                if not orphaned and kegiatan.ref not in self.rejected:
                    self.report.error("kelompok-tanpa-induk", kegiatan.ref, column="KEGIATAN")
                orphaned = True
                continue
            months = []
            for key in cols.MONTH_KEYS:
                tick = parse_tick(row[key])
                if tick is None:
                    self.report.error("tanda-tidak-dikenal", row[key].ref, value=row[key].text)
                months.append(bool(tick))
            texts = {key: self.lines(row[key]) for key in ("hasil", "uraian", "target")}
            ket, extra = self.text(row["ket"]), self.optional(row)
            if not starts and not any([*texts.values(), ket, *extra.values()]):
                if not any(months):
                    empty.append(_row_number(kegiatan.ref))
                    continue
                tick_only.setdefault(len(groups) - 1, []).append(_row_number(kegiatan.ref))
            elif not any(months):
                first, last = row[cols.MONTH_KEYS[0]].ref, row[cols.MONTH_KEYS[-1]].ref
                where = CellRef(first.file, first.sheet, f"{first.cell}:{last.cell}")
                self.report.warn("tanpa-bulan", where)
            make = partial(MatrixLine, months=tuple(months), ket=ket, **texts, **extra)
            line = self.build(make, kegiatan.ref)
            if line is not None:
                groups[-1][1].append(line)
        for index, rows in tick_only.items():
            where = CellRef(table.ref.file, table.ref.sheet, _rows(rows))
            self.report.warn("baris-hanya-centang", where, kegiatan=groups[index][0])
        if empty:
            self.report.warn(
                "baris-tanpa-isi", CellRef(table.ref.file, table.ref.sheet, _rows(empty))
            )
        made = [
            self.build(partial(Activity, kegiatan=name, lines=lines), table.ref)
            for name, lines in groups
            if lines
        ]
        return [activity for activity in made if activity is not None]

    def optional(self, row: dict[str, Cell]) -> dict[str, str]:
        values = {c.key: self.text(row[c.key]) for c in cols.OPTIONAL if c.key in row}
        if values.get("kode_lke") and not row["kode_lke"].merged:
            self.lke_cells.append((row["kode_lke"].ref, values["kode_lke"]))
        return values

    def workbook_number(self, file: str) -> int | None:
        """The number (0..6) of a workbook read in this run, by its file name."""
        return next((n for n, path in self._paths.items() if path.name == file), None)

    def priorities(self, table: Table, identity: Identity | None) -> list[PriorityTarget]:
        """The targets and their steps. A Target Prioritas typed again on the next row (fill
        down) continues its target. A row with no Rencana Aksi of its own (blank, or under a
        merged cell) continues the step above: its Waktu, Output and other cells are added
        to that step as lines of their own (a second output), never dropped."""
        groups: list[tuple[str, CellRef, list[Step]]] = []
        orphaned = False
        for row in table.rows:
            target = row["target"]
            name = self.text(target)
            filled_down = bool(groups) and fold(name) == fold(groups[-1][0])
            if name and not target.merged and not filled_down:
                groups.append((name, target.ref, []))
            elif not groups:
                if not orphaned and target.ref not in self.rejected:
                    self.report.error("kelompok-tanpa-induk", target.ref, column="Target Prioritas")
                orphaned = True
                continue
            steps = groups[-1][2]
            own_waktu, own_output = self.text(row["waktu"]), self.text(row["output"])
            if self._year and row["waktu"].text and not row["waktu"].merged:
                for year in sorted(set(YEAR.findall(row["waktu"].text))):
                    if int(year) != self._year:
                        self.report.warn(
                            "tahun-waktu-berbeda",
                            row["waktu"].ref,
                            value=row["waktu"].text,
                            year=year,
                            tahun=self._year,
                        )
            aksi = [] if row["rencana_aksi"].merged else self.step_texts(row["rencana_aksi"])
            extra = self.optional(row)
            if not aksi and steps:
                own = {"waktu": own_waktu, "output": own_output, **extra}
                if row["waktu"].merged:
                    own["waktu"] = ""
                if row["output"].merged:
                    own["output"] = ""
                steps[-1] = _with_lines(steps[-1], own)
                continue
            waktu = own_waktu or (steps[-1].waktu if steps else "")
            output = own_output or (steps[-1].output if steps else "")
            for text in aksi or [""]:
                steps.append(Step(rencana_aksi=text, waktu=waktu, output=output, **extra))
        result: list[PriorityTarget] = []
        for name, ref, steps in groups:
            if not any(step.rencana_aksi for step in steps):
                self.report.warn("tanpa-rencana-aksi", ref)
            made = self.build(partial(PriorityTarget, target=name, steps=steps), ref)
            if made is not None:
                result.append(made)
        return result

    def step_texts(self, cell: Cell) -> list[str]:
        """Each line of a Rencana Aksi cell is one step, whether or not it carries a number."""
        return [line.text for line in self.lines(cell)]

    # -- across the plan ----------------------------------------------------------------------

    def check_unit_kind(self, jenis: str) -> None:
        """Warns where the text names another kind of unit ("Lapas" in a Rutan's plan)."""
        own = fold(jenis)
        if own not in UNIT_KIND_WORDS:
            return
        words = [w for kind, ws in UNIT_KIND_WORDS.items() if kind != own for w in ws]
        # the lookahead on the words' first letters, which the regex engine tests in C,
        # changes no match but skips most places where no word can start (half the time)
        firsts = re.escape("".join(sorted({word[0] for word in words})))
        alternatives = "|".join(map(re.escape, words))
        pattern = re.compile(rf"(?=[{firsts}])\b({alternatives})\b", re.IGNORECASE)
        if not pattern.search("\n".join(text for text, _ in self.texts)):
            return  # the common case, in one pass instead of one per cell
        for text, ref in self.texts:
            for word in sorted({m.group(1) for m in pattern.finditer(text)}):
                self.report.warn("nama-satker-lain", ref, word=word, jenis=jenis)
