"""The one-plan commands: build, schema, validate, check and diff."""

from __future__ import annotations

import json
import sys
from contextlib import nullcontext
from pathlib import Path
from typing import TYPE_CHECKING

import click

from generator.cli.app import (
    OUTPUT_DIR,
    PATH,
    UNREADABLE,
    Run,
    cli,
    debug_option,
    document_options,
    format_option,
    format_option_for,
    help_option,
    office_session,
    quiet_option,
    readable_folder,
    sources_argument,
    writable_file,
)
from generator.files import write_atomically
from generator.plan.validate import Loader
from generator.problems import ProblemError, format_report

if TYPE_CHECKING:
    from generator.plan.models import Plan

NOT_BUILT = "Dokumen tidak dibuat. Perbaiki kesalahan di atas, lalu jalankan lagi."


def load_plan(sources: Path, run: Run) -> tuple[Loader, Plan]:
    """The loaded plan, or the problem report and exit 1."""
    loader = Loader(sources)
    with run.reported(closing=NOT_BUILT):
        readable_folder(sources, missing="")  # a missing one: the loader says how to start
        return loader, loader.load()


def load_any_plan(path: Path, run: Run, exit_code: int = 1) -> Plan:
    """A plan from a sources folder or a JSON of build --json, or the report and exit 1
    (``exit_code``)."""
    from generator.diff import load_any

    closing = f"{path}: perbandingan tidak dibuat. Perbaiki kesalahan di atas, lalu jalankan lagi."
    with run.reported(closing=closing, exit_code=exit_code):
        if path.is_dir():
            readable_folder(path)
        return load_any(path)


def write_json(target: Path, text: str) -> Path:
    """A JSON beside the document, written as the document is (files.write_atomically)."""

    def write(path: Path) -> None:
        path.write_text(text, encoding="utf-8")

    return write_atomically(target, write)


def pdf_beside(document: Path) -> Path:
    """The document's PDF beside it: LibreOffice writes into a private folder, the
    finished PDF replaces the old one in one step."""
    from generator.files import move_into_place, staging_folder
    from generator.render.office import convert_to_pdf

    with staging_folder(document.parent) as scratch:
        return move_into_place(convert_to_pdf(document, scratch), document.with_suffix(".pdf"))


@cli.command()
@sources_argument
@document_options("dokumen", "Rencana_Kerja_ZI_<Singkat>_<Tahun>.docx")
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Tulis juga isi rencana sebagai JSON di samping dokumen (skema: zi-plan schema).",
)
@click.option(
    "--riwayat",
    "history",
    type=PATH,
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
@quiet_option
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
    quiet: bool,
    debug: bool,
) -> None:
    """Memeriksa workbook di SUMBER lalu membuat dokumen Word rencana kerja.

    Contoh: zi-plan build sources/ -o output/rencana.docx --pdf

    Jika ada kesalahan, dokumen tidak dibuat dan dokumen lama tidak berubah.
    Keluaran standar hanya memuat lokasi file yang ditulis (dokumen paling akhir);
    peringatan dan keterangan ke keluaran galat (tanpa keduanya: --quiet).
    """
    from generator.render.document import default_filename, write

    run = Run(output_format, quiet, debug)
    # LibreOffice starts first: its start-up (a second or two) overlaps the reading
    with office_session() if pdf else nullcontext() as session:
        loader, plan = load_plan(sources, run)
        run.report(loader.report.problems)

        def count_findings() -> None:
            from generator.review import review

            findings = review(loader, plan)
            run.say(
                f"Pemeriksaan sebelum tanda tangan: {len(findings)} temuan"
                + (f" (rinciannya: zi-plan check {sources})." if findings else ".")
            )

        reviewing = count_findings if run_review and not run.json and not quiet else None
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
            run.say(
                "Peringatan: LibreOffice tidak terpasang, sehingga Daftar Isi belum bernomor "
                "halaman. Word mengisinya saat dokumen dibuka (pilih Ya saat ditanya)."
            )
        written_files: dict[str, str] = {}
        with run.reported():
            json_path = output.with_suffix(".json") if as_json else None
            writable_file(output, json_path, output.with_suffix(".pdf") if pdf else None)
            riwayat: dict[str, object] | str = ""
            if history is not None:
                from generator.diff import diff_plans, history_context

                old = load_any_plan(history, run)
                riwayat = history_context(diff_plans(old, plan, (str(history), str(sources))))
            lampiran: dict[str, object] | str = ""
            if lke_appendix:
                from generator.lke.appendix import appendix_context

                lampiran = appendix_context(plan)
            written = write(
                plan,
                output,
                toc=toc,
                pdf=pdf,
                session=session,
                history=riwayat,
                lke_appendix=lampiran,
                meanwhile=reviewing,
            )
            written_files["dokumen"] = str(written)
            if pdf and toc:  # made from the rendering that numbered the lists
                written_files["pdf"] = str(written.with_suffix(".pdf"))
            if toc_case:
                run.say(toc_case)
            if json_path is not None:
                json_path = write_json(
                    written.with_suffix(".json"), plan.model_dump_json(indent=2) + "\n"
                )
                written_files["json"] = str(json_path)
            try:
                if pdf and not toc:  # the document keeps its empty lists; its PDF gets them
                    from generator.render.toc import pdfs_with_lists

                    pdfs = pdfs_with_lists([written], session, fill_documents=False)
                    written_files["pdf"] = str(pdfs[0])
            except ProblemError:
                run.error(f"Dokumen Word tetap ditulis: {written}")
                raise
        if run.json:
            run.document({**written_files, "masalah": run.problems_json()})
            return
        for kind in ("json", "pdf", "dokumen"):  # the document's path last, as ever
            if kind in written_files:
                run.data(written_files[kind])


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
    run = Run(output_format, debug=debug)
    loader, _ = load_plan(sources, run)
    run.report(loader.report.problems)
    if run.json:
        run.document(run.problems_json())
    else:
        run.say("Workbook dapat disusun menjadi dokumen.")


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

    run = Run(output_format, debug=debug)
    loader, plan = load_plan(sources, run)
    findings = review(loader, plan)
    if run.json:
        run.report(findings)
        run.document(run.problems_json())
    elif findings:
        run.error(format_report(findings).rsplit("\n", 1)[0])
        run.error(f"{len(findings)} temuan. Periksa dan putuskan sebelum dokumen ditandatangani.")
    else:
        run.say("Tidak ada temuan.")
    sys.exit(1 if findings else 0)


@cli.command()
@click.argument("old", metavar="LAMA", type=PATH)
@click.argument("new", metavar="BARU", type=PATH)
@click.option(
    "-o",
    "--output",
    type=PATH,
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

    run = Run(output_format, debug=debug)
    old_plan, new_plan = (load_any_plan(path, run, UNREADABLE) for path in (old, new))
    result = diff_plans(old_plan, new_plan, (str(old), str(new)))
    if not run.json:
        run.data(format_diff(result))
    report = diff_to_json(result)
    if output is not None:
        with run.reported():
            writable_file(output)
            written = write_diff_docx(result, output)
        run.say(f"Daftar perubahan ditulis: {written}")
        report["dokumen"] = str(written)
    if run.json:
        run.document(report)
    sys.exit(0 if result.equal else 1)
