"""The ``zi-plan lke`` command: what the plan covers of the LKE ZI, a readiness estimate,
and the LKE sheet with the suggested answers (registered by generator/cli/__init__.py)."""

from __future__ import annotations

from pathlib import Path

import click

from generator.cli.app import (
    PATH,
    Run,
    cli,
    debug_option,
    format_option_for,
    help_option,
    readable_folder,
    sources_argument,
    writable_file,
)
from generator.cli.plan import load_plan


def _check_output(ctx: click.Context, param: click.Parameter, value: Path | None) -> Path | None:
    if value is not None and value.suffix.lower() != ".xlsx" and not value.is_dir():
        raise click.BadParameter(
            f"{value} bukan nama file .xlsx (contoh: LKE_BPS_Provinsi_Aceh_2025.xlsx).",
            ctx,
            param,
        )
    return value


@cli.command("lke")
@sources_argument
@click.option(
    "-o",
    "--output",
    type=PATH,
    callback=_check_output,
    help="Tulis juga Lembar Kerja Evaluasi (.xlsx) berisi jawaban yang disarankan. Jika "
    "berupa folder: <folder>/LKE_<Nama_Singkat>_<Tahun>.xlsx.",
)
@click.option(
    "--realisasi",
    "folder",
    type=PATH,
    help="Folder workbook realisasi (bawaan: SUMBER/realisasi), untuk perkiraan PPA3A-C "
    "dan PRA2A; perlu --triwulan.",
)
@click.option(
    "--triwulan",
    type=click.IntRange(1, 4),
    metavar="1-4",
    help="Perkiraan sampai akhir triwulan ini, dari workbook realisasi.",
)
@format_option_for("hasil")
@debug_option
@help_option
def lke(
    sources: Path,
    output: Path | None,
    folder: Path | None,
    triwulan: int | None,
    output_format: str,
    debug: bool,
) -> None:
    """Cakupan rencana kerja di SUMBER terhadap LKE Zona Integritas (PermenPAN-RB 90/2021).

    Untuk setiap butir pengungkit: baris rencana (matriks dan langkah target prioritas)
    yang diberi Kode LKE butir itu, berapa yang memiliki rencana aksi, bulan atau Waktu,
    dan data dukung; butir tanpa rencana aksi beserta bobotnya; lalu perkiraan kesiapan
    penilaian mandiri (bukan hasil penilaian). Kode LKE ditulis PPA3A, A.1.I.iii.a atau
    1.iii.a; kode yang tidak cocok dengan butir mana pun diperingatkan beserta selnya.

    Contoh: zi-plan lke sources/ -o output/

    Dengan --triwulan (dan --realisasi), perkiraan memakai realisasi sampai akhir
    triwulan itu: zi-plan lke sources/ --triwulan 2

    Keluar dengan kode 1 jika sumber memuat kesalahan atau lembar kerja tidak dapat ditulis.
    """
    from generator.lke.coverage import coverage, coverage_json, format_coverage
    from generator.lke.estimate import estimate, estimate_json, format_estimate
    from generator.lke.lines import code_problems, plan_lines

    if folder is not None and triwulan is None:
        raise click.UsageError("--realisasi hanya berlaku bersama --triwulan.")
    run = Run(output_format, debug=debug)
    loader, plan = load_plan(sources, run)
    lines = plan_lines(plan)
    problems = code_problems(loader, lines)
    result = coverage(lines)
    realised = None
    if triwulan is not None:
        from generator.lke.realisation import summary
        from generator.monev.contract import default_folder
        from generator.monev.read import read_realisation

        closing = "Perkiraan tidak dibuat. Perbaiki kesalahan di atas, lalu jalankan lagi."
        with run.reported(closing=closing):
            if folder is not None:
                readable_folder(folder, missing="")
            realisation, warnings = read_realisation(
                plan, folder or default_folder(sources), str(sources)
            )
        problems += warnings
        realised = summary(plan, realisation, triwulan, lines)
    readiness = estimate(plan, result, realised)
    run.report(problems)
    if not run.json:
        run.data(format_coverage(result))
        run.data("")
        run.data(format_estimate(readiness))
    written = None
    if output is not None:
        from generator.lke.sheet import default_sheet_name, write_sheet

        target = output / default_sheet_name(plan) if output.is_dir() else output
        with run.reported():
            writable_file(target)
            written = write_sheet(plan, readiness, target)
        run.say(f"Lembar Kerja Evaluasi ditulis: {written}")
    if run.json:
        run.document(
            {
                "cakupan": coverage_json(result),
                "perkiraan": estimate_json(readiness),
                **({"lembar_kerja": str(written)} if written else {}),
                "masalah": run.problems_json(),
            }
        )
