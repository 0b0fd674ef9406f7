"""``zi-plan monev-all``: the Laporan Monev of every unit that keeps a realisation folder,
through build-all's unit discovery, workers, failure isolation and publishing
(generator/batch.py), and the Kanwil's monev recap."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from generator.batch.build import UnitResult, build_all, recap_name, staged_name
from generator.lke.coverage import coverage
from generator.lke.estimate import estimate
from generator.lke.lines import plan_lines
from generator.lke.realisation import summary
from generator.monev import figures as fig
from generator.monev.contract import REALISATION_FOLDER
from generator.monev.read import read_realisation
from generator.monev.report import default_filename, write_report
from generator.plan.validate import Loader
from generator.problems import InputInvalid, OutputError


@dataclass
class MonevResult(UnitResult):
    """A unit's build-all outcome, with its monev figures."""

    quarter: int = 0
    unit_figures: fig.QuarterFigures | None = None
    components: dict[str, fig.QuarterFigures] = field(default_factory=dict)
    without_evidence: int = 0
    estimate_points: float | None = None  # the LKE self-assessment estimate (lke/estimate.py)
    ceiling_points: float | None = None


def build_monev_unit(folder: Path, staging: Path, quarter: int) -> MonevResult:
    """One unit's report into ``staging``; every outcome comes back as data."""
    result = MonevResult(folder=folder.name, quarter=quarter)
    loader = Loader(folder)
    try:
        plan = loader.load()
        realisation, warnings = read_realisation(
            plan, folder / REALISATION_FOLDER, str(folder.name)
        )
    except InputInvalid as exc:
        result.invalid(exc.problems)
        return result
    identity = plan.identity
    result.warnings = len(loader.report.problems) + len(warnings)
    result.filename = default_filename(plan, quarter)
    result.name_cell = loader.identity_cells.get("nama_singkat")
    result.name, result.kanwil, result.tahun = (
        identity.nama_singkat,
        identity.kantor_wilayah,
        identity.tahun,
    )
    result.unit_figures = fig.figures(plan, realisation, quarter)
    result.components = {
        key.value: value for key, value in fig.component_figures(plan, realisation, quarter).items()
    }
    result.without_evidence = fig.without_evidence(plan, realisation, quarter)
    lines = plan_lines(plan)
    readiness = estimate(
        plan, coverage(lines, suggest=False), summary(plan, realisation, quarter, lines)
    )
    result.estimate_points, result.ceiling_points = readiness.points, readiness.ceiling_points
    try:
        result.document = str(
            write_report(plan, realisation, quarter, staging / staged_name(folder))
        )
    except OutputError as exc:
        result.fail(exc.problem)
    return result


def split_units(units: list[Path]) -> tuple[list[Path], list[Path]]:
    """The units with a realisation folder, and those without."""
    with_folder: list[Path] = []
    without: list[Path] = []
    for unit in units:
        (with_folder if (unit / REALISATION_FOLDER).is_dir() else without).append(unit)
    return with_folder, without


def monev_all(
    folder: Path,
    out: Path,
    quarter: int,
    jobs: int | None = None,
    progress: Callable[[UnitResult], None] = lambda result: None,
    *,
    units: list[Path],
) -> list[UnitResult]:
    """Builds and publishes the report of each of ``units``: those of ``folder`` that
    have a realisation folder (split_units of what build-all's discovery finds)."""
    return build_all(
        folder, out, jobs, progress, build=partial(build_monev_unit, quarter=quarter), units=units
    )


def monev_recap_name(results: list[UnitResult], quarter: int) -> str:
    """``Rekap_Monev_<Kanwil>_<Tahun>_TW<N>.xlsx``, named as build-all's recap is."""
    return (
        recap_name(results)
        .replace("Rekap_", "Rekap_Monev_", 1)
        .replace(".xlsx", f"_TW{quarter}.xlsx")
    )
