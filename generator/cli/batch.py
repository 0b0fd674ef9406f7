"""``zi-plan build-all``: every unit of a Kantor Wilayah at once, and the recap."""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from generator.cli.app import (
    DEFAULT_THRESHOLDS,
    PATH,
    Run,
    batch_options,
    cli,
    debug_option,
    fail,
    format_option_for,
    help_option,
    quiet_option,
    readable_folder,
    writable_folder,
)

if TYPE_CHECKING:
    from generator.batch.build import UnitResult


@cli.command("build-all")
@click.argument("folder", metavar="DIREKTORI", type=PATH)
@batch_options("dokumen")
@click.option("--pdf", is_flag=True, help="Buat juga PDF setiap dokumen (perlu LibreOffice).")
@format_option_for("tabel status satuan kerja")
@quiet_option
@debug_option
@help_option
def build_all_command(
    folder: Path,
    out: Path,
    jobs: int | None,
    pdf: bool,
    output_format: str,
    quiet: bool,
    debug: bool,
) -> None:
    """Menyusun rencana kerja semua satuan kerja sekaligus, beserta workbook rekap.

    Setiap subfolder DIREKTORI yang berisi 00_umum.xlsx adalah sumber satu satuan kerja.
    Satuan kerja yang gagal tidak menghentikan yang lain; di akhir ditampilkan tabel
    status, dan rekap Rekap_<Kanwil>_<Tahun>.xlsx ditulis ke folder tujuan.

    Contoh: zi-plan build-all kanwil_riau/ -o output/riau --jobs 2

    Keluar dengan kode 1 jika ada satuan kerja yang gagal.
    """
    from generator.batch.build import build_all, recap_name, unit_folders, units_json
    from generator.batch.recap import write_recap
    from generator.render.toc import pdfs_with_lists

    run = Run(output_format, quiet, debug)
    with run.reported():
        readable_folder(folder)
        writable_folder(out)
        units = unit_folders(folder)
        if not units:
            fail("folder-tanpa-satuan-kerja", folder)
    gc.set_threshold(*DEFAULT_THRESHOLDS)  # before the workers fork: see ONE_PLAN_THRESHOLDS
    with progress(run, len(units)) as done, run.reported(before="\n"):
        results = build_all(folder, out, jobs, done)
    status_table(run, results)
    with run.reported():
        recap = write_recap(results, out / recap_name(results))
        if pdf:
            # one LibreOffice run measures every document, one more converts them all
            pdfs_with_lists([Path(r.document) for r in results if r.ok], out, fill_documents=True)
    if run.json:
        run.document({"satuan_kerja": units_json(results), "rekap": str(recap)})
    else:
        run.data(str(recap))
    sys.exit(0 if all(r.ok for r in results) else 1)


@contextmanager
def progress(run: Run, length: int) -> Iterator[Callable[[Any], None]]:
    """A progress bar on standard error (none when quiet); yields what a finished unit
    calls."""
    if run.quiet:
        yield lambda unit: None
        return
    with click.progressbar(
        length=length,
        label="Menyusun",
        file=sys.stderr,
        item_show_func=lambda name: name,
        show_pos=True,
    ) as bar:
        yield lambda unit: bar.update(1, unit.folder)


def status_table(run: Run, results: list[UnitResult]) -> None:
    """The table of every unit (text mode; standard error). Quiet: the failed units'
    errors only."""
    from generator.batch.build import format_units, unit_labels

    if run.json:
        return
    if not run.quiet:
        run.say(format_units(results))
        return
    for result, label in zip(results, unit_labels(results), strict=True):
        if not result.ok:
            run.error(f"{label}: GAGAL")
            for line in result.error_lines or [result.first_error]:
                run.error(f"    {line}")
