"""The one-plan commands: build, schema, validate, check and diff."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from generator.cli.app import (
    OUTPUT_DIR,
    cli,
    debug_option,
    format_option,
    format_option_for,
    help_option,
    print_problems,
    reported,
    sources_argument,
)
from generator.plan.validate import Loader
from generator.problems import ProblemError, format_report

if TYPE_CHECKING:
    from generator.plan.models import Plan

NOT_BUILT = "Dokumen tidak dibuat. Perbaiki kesalahan di atas, lalu jalankan lagi."


def load_plan(sources: Path, output_format: str, debug: bool) -> tuple[Loader, Plan]:
    """The loaded plan, or the problem report and exit 1."""
    loader = Loader(sources)
    with reported(output_format, debug, closing=NOT_BUILT):
        return loader, loader.load()


UNREADABLE = 3  # diff: an input that cannot be read (1 means "different")


def load_any_plan(path: Path, output_format: str, debug: bool, exit_code: int = 1) -> Plan:
    """A plan from a sources folder or a JSON of build --json, or the report and exit 1
    (``exit_code``)."""
    from generator.diff import load_any

    closing = f"{path}: perbandingan tidak dibuat. Perbaiki kesalahan di atas, lalu jalankan lagi."
    with reported(output_format, debug, closing=closing, exit_code=exit_code):
        return load_any(path)


@cli.command()
@sources_argument
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    help="File .docx yang ditulis. Bawaan: Rencana_Kerja_ZI_<Singkat>_<Tahun>.docx di "
    "folder output.",
)
@click.option(
    "--daftar-isi/--tanpa-daftar-isi",
    "toc",
    default=True,
    show_default=True,
    help="Isi nomor halaman Daftar Isi melalui LibreOffice (jika terpasang).",
)
@click.option("--pdf", is_flag=True, help="Buat juga PDF di samping dokumen (perlu LibreOffice).")
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Tulis juga isi rencana sebagai JSON di samping dokumen (skema: zi-plan schema).",
)
@click.option(
    "--riwayat",
    "history",
    type=click.Path(path_type=Path),
    help="Tambahkan halaman Riwayat Perubahan dibandingkan versi ini "
    "(folder sumber atau JSON dari build --json).",
)
@click.option(
    "--periksa/--tanpa-periksa",
    "run_review",
    default=True,
    show_default=True,
    help="Hitung temuan pemeriksaan sebelum tanda tangan (rinciannya: zi-plan check).",
)
@click.option(
    "--lampiran-lke",
    "lke_appendix",
    is_flag=True,
    help="Tambahkan Lampiran: Pemetaan Rencana Aksi terhadap LKE (menurut Kode LKE).",
)
@format_option
@debug_option
@help_option
def build(
    sources: Path,
    output: Path | None,
    toc: bool,
    pdf: bool,
    as_json: bool,
    history: Path | None,
    run_review: bool,
    lke_appendix: bool,
    output_format: str,
    debug: bool,
) -> None:
    """Memeriksa workbook di SUMBER lalu membuat dokumen Word rencana kerja.

    Contoh: zi-plan build sources/ -o output/rencana.docx --pdf

    Jika ada kesalahan, dokumen tidak dibuat dan dokumen lama tidak berubah.
    Baris terakhir keluaran adalah lokasi dokumen yang ditulis.
    """
    from generator.render.document import default_filename, write

    loader, plan = load_plan(sources, output_format, debug)
    print_problems(loader.report.problems, output_format)

    def count_findings() -> None:
        from generator.review import review

        findings = review(loader, plan)
        click.echo(
            f"Pemeriksaan sebelum tanda tangan: {len(findings)} temuan"
            + (f" (rinciannya: zi-plan check {sources})." if findings else "."),
            err=True,
        )

    reviewing = count_findings if run_review and output_format == "teks" else None
    if output is None:
        output = OUTPUT_DIR / default_filename(plan)
    toc_case = (
        "Daftar Isi: nomor halaman tidak diisi (--tanpa-daftar-isi); Word mengisinya saat "
        "dokumen dibuka (pilih Ya saat ditanya)."
    )
    wanted_toc = toc
    if toc:
        from generator.render.office import soffice

        toc = soffice() is not None
        toc_case = "Daftar Isi: nomor halaman diisi melalui LibreOffice." if toc else ""
    if reviewing is not None and not toc:
        reviewing()  # nothing to overlap it with: LibreOffice does not run
        reviewing = None
    if wanted_toc and not toc:  # the warning is the line that says it
        click.echo(
            "Peringatan: LibreOffice tidak terpasang, sehingga Daftar Isi belum bernomor "
            "halaman. Word mengisinya saat dokumen dibuka (pilih Ya saat ditanya).",
            err=True,
        )
    with reported(output_format, debug):
        riwayat: dict[str, object] | str = ""
        if history is not None:
            from generator.diff import diff_plans, history_context

            old = load_any_plan(history, output_format, debug)
            riwayat = history_context(diff_plans(old, plan, (str(history), str(sources))))
        lampiran: dict[str, object] | str = ""
        if lke_appendix:
            from generator.lke.appendix import appendix_context

            lampiran = appendix_context(plan)
        written = write(
            plan, output, toc=toc, history=riwayat, lke_appendix=lampiran, meanwhile=reviewing
        )
        if toc_case and output_format == "teks":
            click.echo(toc_case, err=True)
        if as_json:
            json_path = written.with_suffix(".json")
            json_path.write_text(plan.model_dump_json(indent=2) + "\n", encoding="utf-8")
            click.echo(str(json_path))
        try:
            if pdf and toc:
                from generator.render.office import convert_to_pdf

                click.echo(str(convert_to_pdf(written, written.parent)))
            elif pdf:  # the document keeps its empty lists; its PDF gets them filled
                from generator.render.toc import pdfs_with_lists

                pdfs = pdfs_with_lists([written], written.parent, fill_documents=False)
                click.echo(str(pdfs[0]))
        except ProblemError:
            click.echo(f"Dokumen Word tetap ditulis: {written}", err=True)
            raise
    click.echo(str(written))


@cli.command()
@help_option
def schema() -> None:
    """Mencetak skema JSON isi rencana (keluaran zi-plan build --json).

    Contoh: zi-plan schema > skema-rencana.json
    """
    from generator.plan.models import Plan

    click.echo(json.dumps(Plan.model_json_schema(), ensure_ascii=False, indent=2))


@cli.command()
@sources_argument
@format_option
@debug_option
@help_option
def validate(sources: Path, output_format: str, debug: bool) -> None:
    """Memeriksa workbook di SUMBER tanpa membuat dokumen.

    Contoh: zi-plan validate sources/

    Semua kesalahan dan peringatan dilaporkan sekaligus, lengkap dengan nama file,
    sheet dan sel. Keluar dengan kode 1 jika ada kesalahan.
    """
    loader, _ = load_plan(sources, output_format, debug)
    print_problems(loader.report.problems, output_format)
    click.echo("Workbook dapat disusun menjadi dokumen.")


@cli.command()
@sources_argument
@format_option
@debug_option
@help_option
def check(sources: Path, output_format: str, debug: bool) -> None:
    """Pemeriksaan sebelum tanda tangan: ejaan, sisa rencana satuan kerja lain,
    kalimat ganda, nama satuan kerja yang berbeda-beda, nomor ketikan, tahun.

    Contoh: zi-plan check sources/

    Kata yang benar tetapi tidak ada di kamus (nama orang, singkatan setempat)
    ditambahkan ke kamus.txt di folder sumber. Keluar dengan kode 1 jika ada temuan.
    """
    from generator.review import review

    loader, plan = load_plan(sources, output_format, debug)
    findings = review(loader, plan)
    if output_format == "json":
        print_problems(findings, output_format)
    elif findings:
        click.echo(format_report(findings).rsplit("\n", 1)[0], err=True)
        click.echo(
            f"{len(findings)} temuan. Periksa dan putuskan sebelum dokumen ditandatangani.",
            err=True,
        )
    else:
        click.echo("Tidak ada temuan.")
    sys.exit(1 if findings else 0)


@cli.command()
@click.argument("old", metavar="LAMA", type=click.Path(path_type=Path))
@click.argument("new", metavar="BARU", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Tulis juga daftar perubahan sebagai dokumen Word (.docx) untuk dicetak.",
)
@format_option_for("daftar perubahan")
@debug_option
@help_option
def diff(old: Path, new: Path, output: Path | None, output_format: str, debug: bool) -> None:
    """Membandingkan dua versi rencana kerja dan menampilkan perubahannya.

    LAMA dan BARU masing-masing berupa folder sumber atau file JSON hasil
    zi-plan build --json. Butir dicocokkan menurut isinya: baris yang disisipkan
    atau dipindahkan tidak membuat baris lain tampak berubah.

    Contoh: zi-plan diff output/arsip/rencana_2024-02-12.json sources -o output/perubahan.docx

    Keluar dengan kode 0 jika kedua rencana sama, 1 jika berbeda, 3 jika salah satu
    masukan tidak dapat dibaca.
    """
    from generator.diff import diff_plans, diff_to_json, format_diff, write_diff_docx

    old_plan, new_plan = (
        load_any_plan(path, output_format, debug, UNREADABLE) for path in (old, new)
    )
    result = diff_plans(old_plan, new_plan, (str(old), str(new)))
    if output_format == "json":
        click.echo(json.dumps(diff_to_json(result), ensure_ascii=False, indent=2))
    else:
        click.echo(format_diff(result))
    if output is not None:
        with reported(output_format, debug):
            written = write_diff_docx(result, output)
        click.echo(f"Daftar perubahan ditulis: {written}", err=True)
    sys.exit(0 if result.equal else 1)
