"""The monev commands: realisasi (the workbooks), monev (one unit's report), monev-all."""

from __future__ import annotations

import gc
import json
import sys
from dataclasses import asdict
from pathlib import Path

import click

from generator.cli.app import (
    DEFAULT_THRESHOLDS,
    OUTPUT_DIR,
    PATH,
    Run,
    batch_options,
    cli,
    debug_option,
    document_options,
    fail,
    format_option,
    help_option,
    quiet_option,
    readable_folder,
    sources_argument,
    writable_file,
    writable_folder,
)
from generator.cli.batch import discovered_units, progress, status_table
from generator.cli.plan import load_plan, pdf_beside, write_json
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
    type=PATH,
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
    Keluaran standar memuat lokasi setiap workbook yang ditulis.
    """
    from generator.monev.contract import default_folder
    from generator.monev.workbooks import write_realisation

    run = Run(debug=debug)
    target = folder or default_folder(sources)
    closing = "Workbook realisasi tidak dibuat. Perbaiki kesalahan di atas, lalu jalankan lagi."
    with run.reported(closing=closing):
        readable_folder(sources, missing="")
        writable_folder(target)
        outcome = write_realisation(sources, target)
    run.say(f"Workbook realisasi ditulis ke {target}:")
    for path in outcome.written:
        run.data(str(path))
    for path in outcome.kept:
        run.say(f"  {path.name} sudah ada dan tidak diubah.")
    if outcome.moved:
        run.say(
            f"{outcome.moved} isian dipindahkan ke baris yang teksnya berubah pada revisi "
            "rencana; periksa apakah masih sesuai."
        )
    run.report(outcome.unplaced)
    run.say(
        "Kirimkan 01 s.d. 06 kepada Pokja masing-masing; 00_monev.xlsx diisi sekretariat. "
        f"Laporan triwulan: zi-plan monev {sources} --triwulan 1"
    )


@cli.command()
@sources_argument
@triwulan_option
@click.option(
    "--realisasi",
    "folder",
    type=PATH,
    help="Folder workbook realisasi. Bawaan: SUMBER/realisasi",
)
@document_options("laporan", "Laporan_Monev_<Nama_Singkat>_<Tahun>_TW<N>.docx")
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Tulis juga angka laporan (per satuan kerja dan per komponen) sebagai JSON.",
)
@format_option
@quiet_option
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
    quiet: bool,
    debug: bool,
) -> None:
    """Menyusun Laporan Monitoring dan Evaluasi satu triwulan.

    Workbook realisasi (bawaan: SUMBER/realisasi) diperiksa seperti workbook
    rencana: semua kesalahan dilaporkan sekaligus dengan nama file, sheet dan sel,
    dan laporan tidak dibuat bila ada kesalahan.

    Contoh: zi-plan monev sources/ --triwulan 2 --pdf

    Keluaran standar hanya memuat lokasi file yang ditulis (laporan paling akhir).
    """
    from generator.monev.contract import default_folder
    from generator.monev.figures import component_figures, figures
    from generator.monev.read import read_realisation
    from generator.monev.report import default_filename, write_report

    run = Run(output_format, quiet, debug)
    loader, plan = load_plan(sources, run)
    closing = "Laporan tidak dibuat. Perbaiki kesalahan di atas, lalu jalankan lagi."
    with run.reported(closing=closing):
        if folder is not None:
            readable_folder(folder, missing="")  # read_realisation says how to make it
        try:
            realisation, warnings = read_realisation(
                plan, folder or default_folder(sources), str(sources)
            )
        except InputInvalid as exc:  # reported with the plan's warnings, as build reports them
            raise InputInvalid(loader.report.problems + exc.problems) from None
    run.report(loader.report.problems + warnings)
    output = output or OUTPUT_DIR / default_filename(plan, triwulan)
    if toc:
        from generator.render.office import soffice

        toc = soffice() is not None
    written_files: dict[str, str] = {}
    with run.reported():
        json_path = output.with_suffix(".json") if as_json else None
        writable_file(output, json_path, output.with_suffix(".pdf") if pdf else None)
        written = write_report(plan, realisation, triwulan, output, toc=toc)
        written_files["dokumen"] = str(written)
        if json_path is not None:
            data = {
                "satuan_kerja": asdict(figures(plan, realisation, triwulan)),
                "komponen": {
                    key.value: asdict(value)
                    for key, value in component_figures(plan, realisation, triwulan).items()
                },
            }
            text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
            written_files["json"] = str(write_json(written.with_suffix(".json"), text))
        if pdf:
            written_files["pdf"] = str(pdf_beside(written))
    if run.json:
        run.document({**written_files, "masalah": run.problems_json()})
        return
    for kind in ("json", "pdf", "dokumen"):  # the report's path last
        if kind in written_files:
            run.data(written_files[kind])


@cli.command("monev-all")
@click.argument("folder", metavar="KANWIL", type=PATH)
@triwulan_option
@batch_options("laporan")
@quiet_option
@debug_option
@help_option
def monev_all_command(
    folder: Path, triwulan: int, out: Path, jobs: int | None, quiet: bool, debug: bool
) -> None:
    """Menyusun Laporan Monev satu triwulan untuk semua satuan kerja, beserta rekapnya.

    Satuan kerja ditemukan seperti pada build-all; yang disusun adalah yang memiliki
    folder realisasi (SUMBER/realisasi). Satuan kerja yang gagal tidak menghentikan
    yang lain; di akhir ditampilkan tabel status, dan rekap
    Rekap_Monev_<Kanwil>_<Tahun>_TW<N>.xlsx ditulis ke folder tujuan.

    Contoh: zi-plan monev-all kanwil_riau/ --triwulan 2 -o output/riau

    Keluar dengan kode 1 jika ada satuan kerja yang gagal.
    """
    from generator.batch.discover import unit_label
    from generator.monev.batch import monev_all, monev_recap_name, split_units
    from generator.monev.recap import write_monev_recap

    run = Run(quiet=quiet, debug=debug)
    with run.reported():
        readable_folder(folder)
        writable_folder(out)
        found, _ = discovered_units(run, folder)  # as build-all finds them
        units, without = split_units(found)
        if not units:
            fail("folder-tanpa-realisasi", folder)
    missing = [unit_label(unit, folder) for unit in without]  # Pekanbaru/rutan_dumai
    gc.set_threshold(*DEFAULT_THRESHOLDS)  # before the workers fork, as build-all does
    with progress(run, len(units)) as done, run.reported(before="\n"):
        results = monev_all(folder, out, triwulan, jobs, done, units=units)
    status_table(run, results)
    if missing:
        run.say("Satuan kerja tanpa folder realisasi (tidak disusun): " + ", ".join(missing))
    with run.reported():
        recap = write_monev_recap(
            results, missing, triwulan, out / monev_recap_name(results, triwulan)
        )
    run.data(str(recap))
    sys.exit(0 if all(r.ok for r in results) else 1)
