"""``zi-plan init``: the Pokja's workbooks for a new unit, or next year's from this year's."""

from __future__ import annotations

from pathlib import Path

import click

from generator.cli.app import PATH, Run, cli, debug_option, help_option, readable_folder
from generator.cli.click_texts import Range
from generator.contract import WORKBOOK_HINTS


@cli.command("init")
@click.argument("folder", metavar="DIREKTORI", type=PATH)
@click.option(
    "--satker",
    metavar="TEKS",
    help="Nama Satuan Kerja, lengkap (Rumah Tahanan Negara Kelas I ...).",
)
@click.option("--singkat", metavar="TEKS", help="Nama Singkat (Rutan Pekanbaru).")
@click.option(
    "--jenis", metavar="TEKS", help="Jenis Satuan Kerja (Rutan, Lapas, LPKA, Bapas, ...)."
)
@click.option(
    "--tahun",
    type=Range(2000, 2100),
    metavar="TAHUN",
    help="Tahun rencana kerja. Dengan --dari, bawaannya tahun sumber + 1.",
)
@click.option(
    "--dari",
    type=PATH,
    help="Folder sumber tahun ini: isinya disalin menjadi rencana tahun berikutnya.",
)
@click.option(
    "--pertahankan-centang",
    is_flag=True,
    help="Dengan --dari: pertahankan centang bulan di sheet Indikator (bawaan: dikosongkan).",
)
@click.option("--force", is_flag=True, help="Timpa workbook yang sudah ada di DIREKTORI.")
@debug_option
@help_option
def init(
    folder: Path,
    satker: str | None,
    singkat: str | None,
    jenis: str | None,
    tahun: int | None,
    dari: Path | None,
    pertahankan_centang: bool,
    force: bool,
    debug: bool,
) -> None:
    """Membuat workbook Pokja yang siap diisi di DIREKTORI.

    Tanpa --dari: tujuh workbook kosong (00_umum.xlsx s.d. 06_pelayanan_publik.xlsx),
    masing-masing dengan sheet Petunjuk, contoh pengisian, daftar pilihan dan saran target.

    Contoh: zi-plan init sumber_2025 --satker "Rumah Tahanan Negara Kelas I Pekanbaru"
    --singkat "Rutan Pekanbaru" --jenis Rutan --tahun 2025

    Dengan --dari: rencana tahun berikutnya dari rencana tahun ini; tahun pada Waktu
    dimajukan, centang bulan dikosongkan, dan setiap perubahan disebutkan.

    Contoh: zi-plan init sumber_2026 --dari sumber_2025

    Workbook yang sudah ada tidak ditimpa kecuali dengan --force.
    """
    from generator.init import init_workbooks, roll_forward

    if pertahankan_centang and dari is None:
        raise click.UsageError("--pertahankan-centang hanya berlaku bersama --dari.")
    hints: dict[str, object] = {
        key: value
        for key, value in (
            ("nama_satker", satker),
            ("nama_singkat", singkat),
            ("jenis_satker", jenis),
            ("tahun", tahun if dari is None else None),
        )
        if value is not None
    }
    run = Run(debug=debug)
    closing = f"Workbook tidak dibuat. Perbaiki kesalahan di {dari} di atas, lalu jalankan lagi."
    with run.reported(closing=closing):
        if dari is None:
            written = init_workbooks(folder, hints, force=force)
            run.say(f"Workbook dibuat di {folder}:")
            for path in written:
                run.data(str(path))
            run.say(
                "Kirimkan 01 s.d. 06 kepada Pokja masing-masing; 00_umum.xlsx diisi "
                f"sekretariat. Setelah terisi, periksa dengan: zi-plan validate {folder}"
            )
        else:
            readable_folder(dari)
            for line in roll_forward(dari, folder, tahun, pertahankan_centang, force, hints):
                run.say(line)
            for name in WORKBOOK_HINTS.values():
                if (folder / name).is_file():
                    run.data(str(folder / name))
