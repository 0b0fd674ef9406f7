"""The monev commands: realisasi (the workbooks), monev (one unit's report), monev-all."""

from __future__ import annotations

import gc
import json
import sys
from dataclasses import asdict
from pathlib import Path

import click

from generator.cli.app import (
    OUTPUT_DIR,
    cli,
    debug_option,
    format_option,
    help_option,
    print_problems,
    reported,
    sources_argument,
)
from generator.cli.plan import load_plan
from generator.problems import InputInvalid

triwulan_option = click.option(
    "--triwulan",
    type=click.IntRange(1, 4),
    required=True,
    metavar="1-4",
    help="Triwulan yang dilaporkan.",
)


@cli.command()
@sources_argument
@click.option(
    "-o",
    "--output",
    "folder",
    type=click.Path(path_type=Path, file_okay=False),
    help="Folder workbook realisasi. Bawaan: SUMBER/realisasi",
)
@debug_option
@help_option
def realisasi(sources: Path, folder: Path | None, debug: bool) -> None:
    """Membuat workbook realisasi dari rencana kerja di SUMBER.

    Satu workbook per komponen (01_... s.d. 06_..., nama sama dengan workbook
    rencana) untuk dicentang Pokja setiap bulan, dan 00_monev.xlsx untuk rapat
    monev dan tindak lanjutnya.

    Contoh: zi-plan realisasi sources/

    Setelah rencana direvisi, jalankan lagi: isian yang sudah ada dipindahkan ke
    baris yang sama isinya; isian yang barisnya tidak ada lagi disimpan di sheet
    Tidak Tertempatkan dan disebutkan. 00_monev.xlsx yang sudah ada tidak diubah.
    """
    from generator.monev.contract import default_folder
    from generator.monev.workbooks import write_realisation

    target = folder or default_folder(sources)
    closing = "Workbook realisasi tidak dibuat. Perbaiki kesalahan di atas, lalu jalankan lagi."
    with reported(debug=debug, closing=closing):
        outcome = write_realisation(sources, target)
    click.echo(f"Workbook realisasi ditulis ke {target}:")
    for path in outcome.written:
        click.echo(f"  {path.name}")
    for path in outcome.kept:
        click.echo(f"  {path.name} sudah ada dan tidak diubah.")
    if outcome.moved:
        click.echo(
            f"{outcome.moved} isian dipindahkan ke baris yang teksnya berubah pada revisi "
            "rencana; periksa apakah masih sesuai."
        )
    if outcome.unplaced:
        print_problems(outcome.unplaced, "teks")
    click.echo(
        "Kirimkan 01 s.d. 06 kepada Pokja masing-masing; 00_monev.xlsx diisi sekretariat. "
        f"Laporan triwulan: zi-plan monev {sources} --triwulan 1"
    )


@cli.command()
@sources_argument
@triwulan_option
@click.option(
    "--realisasi",
    "folder",
    type=click.Path(path_type=Path, file_okay=False),
    help="Folder workbook realisasi. Bawaan: SUMBER/realisasi",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    help="File .docx yang ditulis. Bawaan: output/Laporan_Monev_<Nama_Singkat>_<Tahun>_TW<N>.docx",
)
@click.option(
    "--daftar-isi/--tanpa-daftar-isi",
    "toc",
    default=True,
    show_default=True,
    help="Isi nomor halaman Daftar Isi melalui LibreOffice (jika terpasang).",
)
@click.option("--pdf", is_flag=True, help="Buat juga PDF di samping laporan (perlu LibreOffice).")
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Tulis juga angka laporan (per satuan kerja dan per komponen) sebagai JSON.",
)
@format_option
@debug_option
@help_option
def monev(
    sources: Path,
    triwulan: int,
    folder: Path | None,
    output: Path | None,
    toc: bool,
    pdf: bool,
    as_json: bool,
    output_format: str,
    debug: bool,
) -> None:
    """Menyusun Laporan Monitoring dan Evaluasi satu triwulan.

    Workbook realisasi (bawaan: SUMBER/realisasi) diperiksa seperti workbook
    rencana: semua kesalahan dilaporkan sekaligus dengan nama file, sheet dan sel,
    dan laporan tidak dibuat bila ada kesalahan.

    Contoh: zi-plan monev sources/ --triwulan 2 --pdf

    Baris terakhir keluaran adalah lokasi laporan yang ditulis.
    """
    from generator.monev.contract import default_folder
    from generator.monev.figures import component_figures, figures
    from generator.monev.read import read_realisation
    from generator.monev.report import default_filename, write_report

    loader, plan = load_plan(sources, output_format, debug)
    closing = "Laporan tidak dibuat. Perbaiki kesalahan di atas, lalu jalankan lagi."
    with reported(output_format, debug, closing=closing):
        try:
            realisation, warnings = read_realisation(
                plan, folder or default_folder(sources), str(sources)
            )
        except InputInvalid as exc:  # reported with the plan's warnings, as build reports them
            raise InputInvalid(loader.report.problems + exc.problems) from None
    print_problems(loader.report.problems + warnings, output_format)
    output = output or OUTPUT_DIR / default_filename(plan, triwulan)
    if toc:
        from generator.render.office import soffice

        toc = soffice() is not None
    with reported(output_format, debug):
        written = write_report(plan, realisation, triwulan, output, toc=toc)
        if as_json:
            data = {
                "satuan_kerja": asdict(figures(plan, realisation, triwulan)),
                "komponen": {
                    key.value: asdict(value)
                    for key, value in component_figures(plan, realisation, triwulan).items()
                },
            }
            json_path = written.with_suffix(".json")
            json_path.write_text(
                json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
            )
            click.echo(str(json_path))
        if pdf:
            from generator.render.office import convert_to_pdf

            click.echo(str(convert_to_pdf(written, written.parent)))
    click.echo(str(written))


@cli.command("monev-all")
@click.argument(
    "folder", metavar="KANWIL", type=click.Path(path_type=Path, file_okay=False, exists=True)
)
@triwulan_option
@click.option(
    "-o",
    "--output",
    "out",
    type=click.Path(path_type=Path, file_okay=False),
    default=OUTPUT_DIR,
    show_default=True,
    help="Folder tujuan laporan dan rekap.",
)
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    metavar="JUMLAH",
    default=None,
    help="Jumlah proses kerja. Bawaan: satu per inti prosesor.",
)
@debug_option
@help_option
def monev_all_command(
    folder: Path, triwulan: int, out: Path, jobs: int | None, debug: bool
) -> None:
    """Menyusun Laporan Monev satu triwulan untuk semua satuan kerja, beserta rekapnya.

    Satuan kerja ditemukan seperti pada build-all; yang disusun adalah yang memiliki
    folder realisasi (SUMBER/realisasi). Satuan kerja yang gagal tidak menghentikan
    yang lain; di akhir ditampilkan tabel status, dan rekap
    Rekap_Monev_<Kanwil>_<Tahun>_TW<N>.xlsx ditulis ke folder tujuan.

    Contoh: zi-plan monev-all kanwil_riau/ --triwulan 2 -o output/riau

    Keluar dengan kode 1 jika ada satuan kerja yang gagal.
    """
    from generator.batch.build import format_units
    from generator.cli.app import DEFAULT_THRESHOLDS
    from generator.monev.batch import monev_all, monev_recap_name, split_units
    from generator.monev.recap import write_monev_recap

    units, missing = split_units(folder)
    if not units:
        click.echo(
            f"{folder}: tidak ada satuan kerja yang memiliki folder realisasi. Perbaiki: buat "
            "workbook realisasi setiap satuan kerja dengan zi-plan realisasi SUMBER.",
            err=True,
        )
        sys.exit(1)
    gc.set_threshold(*DEFAULT_THRESHOLDS)  # before the workers fork, as build-all does
    with (
        click.progressbar(
            length=len(units),
            label="Menyusun",
            file=sys.stderr,
            item_show_func=lambda name: name,
            show_pos=True,
        ) as bar,
        reported(debug=debug, before="\n"),
    ):
        results = monev_all(folder, out, triwulan, jobs, lambda unit: bar.update(1, unit.folder))
    click.echo(format_units(results), err=True)
    if missing:
        click.echo(
            "Satuan kerja tanpa folder realisasi (tidak disusun): "
            + ", ".join(path.name for path in missing),
            err=True,
        )
    with reported(debug=debug):
        recap = write_monev_recap(
            results, missing, triwulan, out / monev_recap_name(results, triwulan)
        )
    click.echo(str(recap))
    sys.exit(0 if all(r.ok for r in results) else 1)
