"""``zi-plan build-all``: every unit of a Kantor Wilayah at once, and the recap."""

from __future__ import annotations

import gc
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
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
    office_session,
    quiet_option,
    readable_folder,
    visible,
    writable_folder,
)

if TYPE_CHECKING:
    from generator.batch.build import UnitResult
    from generator.problems import Problem
    from generator.render.office_batch import Session
    from generator.render.toc import ListedPdfs


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
    with ExitStack() as stack:
        # LibreOffice starts first, its start-up (a second or two) overlapping all the rest,
        # and exports each document as soon as it is built
        session = stack.enter_context(office_session()) if pdf else None
        from generator.batch.build import build_all, recap_name, units_json
        from generator.batch.recap import write_recap

        run = Run(output_format, quiet, debug)
        with run.reported():
            readable_folder(folder)
            writable_folder(out)
            units, skipped = discovered_units(run, folder)
        gc.set_threshold(*DEFAULT_THRESHOLDS)  # before the workers fork: ONE_PLAN_THRESHOLDS
        listed = stack.enter_context(listed_pdfs(out, session)) if pdf else None
        with progress(run, len(units)) as done, run.reported(before="\n"):

            def built(result: UnitResult) -> None:
                done(result)
                if listed is not None and result.ok:
                    listed.add(Path(result.document), out / result.filename)

            results = build_all(folder, out, jobs, built, units=units)  # found once
        status_table(run, results)
        with run.reported():
            recap = write_recap(results, out / recap_name(results))
            if listed is not None:
                published = {out / r.filename for r in results if r.ok}
                started = time.monotonic()
                if on_terminal(run):  # the phase takes minutes for hundreds of documents
                    run.say(
                        f"Menunggu LibreOffice menyelesaikan PDF {len(published)} dokumen "
                        "(ratusan dokumen: beberapa menit)…"
                    )
                listed.finish(published, fill_documents=True)
                if on_terminal(run):
                    seconds = round(time.monotonic() - started)
                    run.say(f"PDF selesai: {len(published)} dokumen, {seconds} detik.")
    if run.json:
        table = {"satuan_kerja": units_json(results), "rekap": str(recap)}
        if skipped:
            table["folder_tidak_disusun"] = run.problems_json()
        run.document(table)
    else:
        run.data(str(recap))
    sys.exit(0 if all(r.ok for r in results) else 1)


def listed_pdfs(out: Path, session: Session | None) -> ListedPdfs:
    """LibreOffice's PDF pass, imported only with --pdf (pypdf: 0.1-0.2 s to import, in
    the main process before any worker starts)."""
    from generator.render.toc import ListedPdfs

    return ListedPdfs(out, session)


def discovered_units(run: Run, folder: Path) -> tuple[list[Path], list[Problem]]:
    """The units under ``folder`` (batch.discover), and the warnings, reported, of every
    folder of workbooks not taken; none at all ends the command (inside run.reported)."""
    from generator.batch.discover import discover

    units, skipped = discover(folder)
    run.report(skipped)
    if not units:
        fail("folder-tanpa-satuan-kerja", folder)
    return units, skipped


def on_terminal(run: Run) -> bool:
    """Progress is for a person watching: not when quiet, piped or redirected."""
    return not run.quiet and sys.stderr.isatty()


@contextmanager
def progress(run: Run, length: int) -> Iterator[Callable[[Any], None]]:
    """A progress bar on standard error, only on a terminal (click would print its label
    to a file or pipe); yields what a finished unit calls."""
    if not on_terminal(run):
        yield lambda unit: None
        return
    with click.progressbar(
        length=length,
        label="Menyusun",
        file=sys.stderr,
        item_show_func=lambda name: name and visible(name),
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
