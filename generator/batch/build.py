"""The Kanwil's view: every unit's plan built at once, and one recap workbook.

Each worker process imports the libraries and compiles the template once (see
render._CompilingOnce), then builds unit after unit; a failing unit is reported and the
others go on. Documents are built into a staging folder and published under their names
once every unit is built, so that two units claiming one name are caught before either
document replaces anything.
"""

from __future__ import annotations

import gc
import hashlib
import os
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from generator.batch.discover import unit_folders, unit_label
from generator.files import move_into_place, staging_folder
from generator.indonesian import MONTHS_SHORT
from generator.lke.coverage import coverage
from generator.lke.lines import plan_lines
from generator.lke.table import PENGUNGKIT_POINTS
from generator.plan.models import Plan
from generator.plan.validate import Loader
from generator.problems import (
    CellRef,
    InputInvalid,
    OutputError,
    Problem,
    ProblemError,
    Severity,
)
from generator.render.document import default_filename, filename_for, safe_name, write


@dataclass(frozen=True)
class PlannedLine:
    """One row of the recap's Kegiatan sheet."""

    component: str
    kegiatan: str
    uraian: str
    target: str
    months: tuple[bool, ...]
    penanggung_jawab: str


@dataclass(frozen=True)
class LkeCoverage:
    """What the recap shows of a unit's LKE coverage (generator/lke/coverage.py): by the
    codes as typed, pengungkit items without any rencana aksi and their weight."""

    coded: bool  # the plan names LKE items at all; otherwise nothing can be counted
    missing: int
    missing_points: float
    sentence: str

    @property
    def covered_points(self) -> float:
        return PENGUNGKIT_POINTS - self.missing_points

    @property
    def covered_share(self) -> float:
        return self.covered_points / PENGUNGKIT_POINTS


def lke_coverage(plan: Plan) -> LkeCoverage:
    """The coverage without the per-line code suggestions (90 ms a unit, and the recap
    shows none)."""
    found = coverage(plan_lines(plan), suggest=False)
    return LkeCoverage(found.coded, len(found.missing), found.missing_weight, found.sentence)


@dataclass
class UnitResult:
    """What the Kanwil needs to know of one unit's build."""

    folder: str
    name: str = ""
    kanwil: str = ""
    tahun: int | None = None
    errors: int = 0
    warnings: int = 0
    first_error: str = ""
    error_lines: list[str] = field(default_factory=list)  # every error, as validate prints it
    path: str = ""  # the unit's sources folder, for the zi-plan validate hint
    old_document: str = ""  # a failed unit's earlier document, left in place unchanged
    document: str = ""  # where it was written: the staging folder, then its published name
    filename: str = ""  # the name it is published under (Rencana_Kerja_ZI_<Nama>_<Tahun>.docx)
    name_cell: CellRef | None = None  # where Nama Singkat was read
    targets: dict[str, int] = field(default_factory=dict)
    lines: list[PlannedLine] = field(default_factory=list)
    lke: LkeCoverage | None = None

    @property
    def ok(self) -> bool:
        return self.errors == 0 and bool(self.document)

    def fail(self, problem: Problem) -> None:
        """Built, then refused (a name taken twice, a document locked): not published."""
        self.errors += 1
        self.first_error = self.first_error or str(problem)
        self.error_lines.append(str(problem))
        self.document = ""

    def invalid(self, problems: list[Problem]) -> None:
        """The sources held errors: counted, the first one kept, nothing built."""
        errors = [p for p in problems if p.severity is Severity.ERROR]
        self.errors = len(errors)
        self.warnings = len(problems) - len(errors)
        self.first_error = str(errors[0]) if errors else ""
        self.error_lines = [str(p) for p in errors]

    @property
    def month_counts(self) -> list[int]:
        per_month = zip(*(line.months for line in self.lines), strict=True)
        return [sum(months) for months in per_month] or [0] * 12

    @property
    def idle_months(self) -> list[str]:
        return [MONTHS_SHORT[m] for m, n in enumerate(self.month_counts) if n == 0]


def build_unit(folder: Path, staging: Path) -> UnitResult:
    """Builds one unit into ``staging`` (as ``<folder>.<hash of its path>.docx``: two
    groups may each hold a ``rutan`` folder); every outcome, failure included, comes back
    as data."""
    result = UnitResult(folder=folder.name, path=str(folder))
    loader = Loader(folder)
    try:
        plan = loader.load()
    except InputInvalid as exc:
        result.invalid(exc.problems)
        if loader.read_identity is not None:  # Identitas was fine: the unit has a name
            identity = loader.read_identity
            result.filename = filename_for(identity)
            result.name, result.kanwil, result.tahun = (
                identity.nama_singkat,
                identity.kantor_wilayah,
                identity.tahun,
            )
        return result
    result.warnings = len(loader.report.problems)
    result.filename = default_filename(plan)
    result.name_cell = loader.identity_cells.get("nama_singkat")
    result.name = plan.identity.nama_singkat
    result.kanwil = plan.identity.kantor_wilayah
    result.tahun = plan.identity.tahun
    result.lke = lke_coverage(plan)
    for component in plan.components:
        title = component.key.value
        result.targets[title] = len(component.priorities)
        for activity in component.activities:
            for line in activity.lines:
                result.lines.append(
                    PlannedLine(
                        title,
                        activity.kegiatan,
                        " ".join(x.text for x in line.uraian),
                        " ".join(x.text for x in line.target),
                        line.months,
                        line.penanggung_jawab,
                    )
                )
    try:
        result.document = str(write(plan, staging / staged_name(folder)))
    except OutputError as exc:
        result.fail(exc.problem)
    return result


def staged_name(folder: Path) -> str:
    """A unit's file name in the staging folder, unique per folder path."""
    digest = hashlib.sha256(str(folder.resolve()).encode()).hexdigest()[:12]
    return f"{folder.name}.{digest}.docx"


def _build_in_worker(
    job: tuple[Path, Path], build: Callable[[Path, Path], UnitResult] | None = None
) -> UnitResult:
    unit, staging = job
    collecting = gc.isenabled()
    gc.disable()  # see _collected
    try:
        return (build or build_unit)(unit, staging)
    except Exception as exc:  # a bug met in one unit must not cost the others their plans
        result = UnitResult(folder=unit.name)
        detail = f"{type(exc).__name__}: {exc}"
        result.fail(
            Problem("galat-internal", CellRef(unit.name), Severity.ERROR, {"detail": detail})
        )
        return result
    finally:
        _collected(collecting)


_warmed_up = False  # this process has built a unit: its template and caches are made


def _collected(collecting: bool) -> None:
    """One collection after each unit rather than the collector's own, some eight during
    a unit (each walking what the unit holds at that moment): 2.5 % fewer instructions a
    unit (callgrind). What the first unit leaves alive lives as long as the process (the
    compiled template, the caches) and is frozen out of later collections."""
    global _warmed_up
    gc.collect()
    if not _warmed_up:
        gc.freeze()
        _warmed_up = True
    if collecting:
        gc.enable()


def build_all(
    folder: Path,
    out: Path,
    jobs: int | None = None,
    progress: Callable[[UnitResult], None] = lambda result: None,
    build: Callable[[Path, Path], UnitResult] | None = None,
    units: list[Path] | None = None,
) -> list[UnitResult]:
    """Builds every unit under ``folder`` and publishes the documents in ``out``; the
    results come in folder order, and ``progress`` hears of each unit once it is built.
    ProblemError when ``out`` cannot be written at all or a worker process was killed.
    ``build`` (picklable; default build_unit) makes one unit's document, ``units`` are
    the folders to build (default: every unit); zi-plan monev-all passes its own."""
    units = unit_folders(folder) if units is None else units
    workers = max(1, min(jobs or os.cpu_count() or 1, len(units)))
    results = []
    with staging_folder(out) as staging:
        try:
            work = [(unit, staging) for unit in units]
            built = _built(work, workers, partial(_build_in_worker, build=build))
            for unit, result in zip(units, built, strict=True):
                result.folder = unit_label(unit, folder)  # Pekanbaru/rutan_dumai
                progress(result)
                results.append(result)
        except BrokenProcessPool:  # a worker killed (out of memory, ended by the system)
            where = CellRef(str(folder))
            raise ProblemError(Problem("proses-kerja-berhenti", where, Severity.ERROR)) from None
        _publish(results, out)
    return results


# Units a worker takes at a time: few, since the last task keeps one core busy while the
# other has nothing left (tasks of len/16 units, 42 at 681, left one core idle for up to
# 4 s), yet enough that the pool's cost per task (a future, a pickle, a queue hop in the
# main process) stays well under a millisecond a unit.
UNITS_PER_TASK = 4


def _built(
    work: list[tuple[Path, Path]],
    workers: int,
    worker: Callable[[tuple[Path, Path]], UnitResult],
) -> Iterator[UnitResult]:
    if workers == 1:
        yield from map(worker, work)
        return
    chunk = max(1, min(UNITS_PER_TASK, len(work) // (workers * 8)))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(worker, work, chunksize=chunk)


def _publish(results: list[UnitResult], out: Path) -> None:
    """Moves each built document to its name in ``out``.

    Units whose documents would bear one name (the same Nama Singkat and Tahun: usually a
    00_umum.xlsx copied from another unit) all fail and leave ``out`` as it was, since
    publishing either would hide the other. Names are compared without case, as Windows
    compares them.
    """
    claims: dict[str, list[UnitResult]] = defaultdict(list)
    for result in results:
        if result.ok:
            claims[result.filename.casefold()].append(result)
    for group in claims.values():
        if len(group) > 1:
            for result in group:
                where = result.name_cell or CellRef("00_umum.xlsx", "Identitas")
                params: dict[str, object] = {
                    "name": result.name,
                    "tahun": result.tahun,
                    "others": ", ".join(other.folder for other in group if other is not result),
                }
                result.fail(Problem("nama-singkat-kembar", where, Severity.ERROR, params))
            continue
        try:
            published = move_into_place(Path(group[0].document), out / group[0].filename)
            group[0].document = str(published)
        except OutputError as exc:
            group[0].fail(exc.problem)
    for result in results:
        if not result.ok and result.filename and (out / result.filename).is_file():
            result.old_document = str(out / result.filename)


def recap_name(results: list[UnitResult]) -> str:
    """``Rekap_<Kanwil>_<Tahun>.xlsx``, from the most common office and year, cleaned as
    Nama Singkat is (no ``/`` or ``:``, which Windows cannot hold)."""
    kanwil, tahun = _most_common(results)
    office = safe_name(kanwil, "Kanwil")
    return f"Rekap_{office}_{tahun or ''}.xlsx".replace("_.xlsx", ".xlsx")


def format_units(results: list[UnitResult]) -> str:
    """The end-of-run table: unit, status, errors, warnings; under a failed unit every
    error, the validate command for it and its old document; units of another year or
    another Kantor Wilayah than most."""
    labels = unit_labels(results)
    width = max([len("Satuan kerja"), *map(len, labels)])
    lines = [f"{'Satuan kerja':<{width}}  Status    Kesalahan  Peringatan"]
    kanwil, tahun = _most_common(results)
    for r, label in zip(results, labels, strict=True):
        status = "berhasil" if r.ok else "GAGAL"
        lines.append(f"{label:<{width}}  {status:<8}  {r.errors:>9}  {r.warnings:>10}")
        if not r.ok:
            lines += [f"    {line}" for line in r.error_lines or [r.first_error]]
            lines.append(f"    Periksa semua kesalahannya dengan: zi-plan validate {r.path}")
            if r.old_document:
                lines.append(f"    Dokumen lama tidak diperbarui: {r.old_document}")
        lines += [f"    {note}" for note in odd_one_out(r, kanwil, tahun)]
    failed = sum(not r.ok for r in results)
    lines.append(
        f"{len(results) - failed} berhasil, {failed} gagal, dari {len(results)} satuan kerja."
    )
    return "\n".join(lines)


def unit_labels(results: list[UnitResult]) -> list[str]:
    """Each unit by its Nama Singkat; a name two units share gets their folders."""
    names = Counter(r.name.casefold() for r in results if r.name)
    return [
        f"{r.name} ({r.folder})" if r.name and names[r.name.casefold()] > 1 else r.name or r.folder
        for r in results
    ]


def _most_common(results: list[UnitResult]) -> tuple[str, int | None]:
    kanwil = Counter(r.kanwil for r in results if r.kanwil).most_common(1)
    tahun = Counter(r.tahun for r in results if r.tahun).most_common(1)
    return (kanwil[0][0] if kanwil else "", tahun[0][0] if tahun else None)


def odd_one_out(result: UnitResult, kanwil: str, tahun: int | None) -> list[str]:
    """A unit of another year or Kantor Wilayah than most units of the batch."""
    notes = []
    if result.tahun and tahun and result.tahun != tahun:
        notes.append(f"Perhatian: Tahun {result.tahun}, satuan kerja lain Tahun {tahun}.")
    if result.kanwil and kanwil and result.kanwil != kanwil:
        notes.append(f'Perhatian: Kantor Wilayah "{result.kanwil}", satuan kerja lain "{kanwil}".')
    return notes


def units_json(results: list[UnitResult]) -> list[dict[str, object]]:
    """The status table for Kanwil scripts (build-all --format json)."""
    kanwil, tahun = _most_common(results)
    return [
        {
            "folder": r.path,
            "satuan_kerja": r.name,
            "kantor_wilayah": r.kanwil,
            "tahun": r.tahun,
            "status": "berhasil" if r.ok else "gagal",
            "kesalahan": r.errors,
            "peringatan": r.warnings,
            "daftar_kesalahan": r.error_lines,
            "dokumen": r.document,
            "dokumen_lama": r.old_document,
            "catatan": odd_one_out(r, kanwil, tahun),
        }
        for r in results
    ]
