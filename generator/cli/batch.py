"""``zi-plan build-all``: every unit of a Kantor Wilayah at once, and the recap."""

from __future__ import annotations

import gc
import json
import sys
import time
from contextlib import nullcontext
from pathlib import Path

import click

from generator.cli.app import (
    DEFAULT_THRESHOLDS,
    OUTPUT_DIR,
    cli,
    debug_option,
    format_option_for,
    help_option,
    print_problems,
    reported,
)
from generator.cli.click_texts import Range


@cli.command("build-all")
@click.argument(
    "folder", metavar="DIREKTORI", type=click.Path(path_type=Path, file_okay=False, exists=True)
)
@click.option(
    "-o",
    "--output",
    "out",
    type=click.Path(path_type=Path, file_okay=False),
    default=OUTPUT_DIR,
    show_default=True,
    help="Folder tujuan dokumen dan rekap.",
)
@click.option("--pdf", is_flag=True, help="Buat juga PDF setiap dokumen (perlu LibreOffice).")
@click.option(
    "--jobs",
    type=Range(min=1),
    metavar="JUMLAH",
    default=None,
    help="Jumlah proses kerja. Bawaan: satu per inti prosesor.",
)
@format_option_for("tabel status satuan kerja")
@debug_option
@help_option
def build_all_command(
    folder: Path, out: Path, pdf: bool, jobs: int | None, output_format: str, debug: bool
) -> None:
    """Menyusun rencana kerja semua satuan kerja sekaligus, beserta workbook rekap.

    Setiap subfolder DIREKTORI yang berisi 00_umum.xlsx adalah sumber satu satuan kerja.
    Satuan kerja yang gagal tidak menghentikan yang lain; di akhir ditampilkan tabel
    status, dan rekap Rekap_<Kanwil>_<Tahun>.xlsx ditulis ke folder tujuan.

    Contoh: zi-plan build-all kanwil_riau/ -o output/riau --jobs 2

    Keluar dengan kode 1 jika ada satuan kerja yang gagal.
    """
    from generator.batch.build import build_all, format_units, recap_name, units_json
    from generator.batch.discover import discover
    from generator.batch.recap import write_recap
    from generator.render.toc import pdfs_with_lists

    units, skipped = discover(folder)
    print_problems(skipped, output_format)  # every folder of workbooks not taken, and why
    if not units:
        click.echo(
            f"{folder}: tidak ada subfolder yang berisi 00_umum.xlsx. Perbaiki: simpan "
            "sumber setiap satuan kerja dalam subfoldernya sendiri.",
            err=True,
        )
        sys.exit(1)
    gc.set_threshold(*DEFAULT_THRESHOLDS)  # before the workers fork: see ONE_PLAN_THRESHOLDS
    terminal = sys.stderr.isatty()  # a progress line only for a person watching
    with (
        (
            click.progressbar(
                length=len(units),
                label="Menyusun",
                file=sys.stderr,
                item_show_func=lambda name: name,
                show_pos=True,
            )
            if terminal
            else nullcontext()
        ) as bar,
        reported(debug=debug, before="\n"),
    ):
        results = build_all(
            folder, out, jobs, lambda unit: bar.update(1, unit.folder) if bar else None
        )
    if output_format == "teks":
        click.echo(format_units(results), err=True)
    with reported(debug=debug):
        recap = write_recap(results, out / recap_name(results))
        if pdf:
            documents = [Path(r.document) for r in results if r.ok]
            started = time.monotonic()
            if terminal:
                click.echo(
                    f"Membuat PDF {len(documents)} dokumen melalui LibreOffice: mengukur "
                    "halaman Daftar Isi, lalu mengonversi (ratusan dokumen: beberapa menit)…",
                    err=True,
                )
            # one LibreOffice run measures every document, one more converts them all
            pdfs_with_lists(documents, out, fill_documents=True)
            if terminal:
                seconds = round(time.monotonic() - started)
                click.echo(f"PDF selesai: {len(documents)} dokumen, {seconds} detik.", err=True)
    if output_format == "json":
        table = {"satuan_kerja": units_json(results), "rekap": str(recap)}
        click.echo(json.dumps(table, ensure_ascii=False, indent=2))
    else:
        click.echo(str(recap))
    sys.exit(0 if all(r.ok for r in results) else 1)
