"""The zi-plan command as a Pokja member or a script runs it: exit codes and exact messages."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from docx import Document

from generator.cli import cli
from tests.conftest import SAMPLE_SOURCES, assert_no_traceback, set_cell

TATALAKSANA = "02_penataan_tatalaksana.xlsx"
UNKNOWN_TICK_LINE = (
    '  KESALAHAN: Indikator › G5: "ok" bukan tanda centang. Perbaiki: Isi √ (atau v, x, 1, '
    "ya) untuk bulan yang direncanakan, atau kosongkan. [tanda-tidak-dikenal]"
)
NOT_BUILT = "Dokumen tidak dibuat. Perbaiki kesalahan di atas, lalu jalankan lagi."
JSON_KEYS = {"kode", "tingkat", "file", "sheet", "sel", "pesan"}
ZI_PLAN = Path(sys.executable).with_name("zi-plan")  # the console script the project installs


def run(*args: object) -> Result:
    return CliRunner().invoke(cli, [str(arg) for arg in args])


def break_a_tick(sources: Path) -> None:
    """G5 of the sample's Indikator is a √ in a line that has other ticks too."""
    set_cell(sources / TATALAKSANA, "Indikator", "G5", "ok")


@pytest.mark.parametrize(
    ("args", "phrase"),
    [
        ([], "Menyusun Rencana Kerja Pembangunan Zona Integritas dari workbook Pokja."),
        (["build"], "Memeriksa workbook di SUMBER lalu membuat dokumen Word rencana kerja."),
        (["validate"], "Memeriksa workbook di SUMBER tanpa membuat dokumen."),
    ],
    ids=["zi-plan", "build", "validate"],
)
@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_help_is_in_indonesian(args, phrase, flag) -> None:
    result = run(*args, flag)

    assert result.exit_code == 0
    assert phrase in result.stdout
    assert "Tampilkan bantuan ini lalu keluar." in result.stdout


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_has_help_with_an_example(command) -> None:
    result = run(command, "--help")

    assert result.exit_code == 0
    assert f"Contoh: zi-plan {command}" in result.stdout
    assert "Tampilkan bantuan ini lalu keluar." in result.stdout


@pytest.mark.parametrize("command", ["", *sorted(cli.commands)])
def test_usage_lines_name_their_parts_in_indonesian(command) -> None:
    args = [command, "--help"] if command else ["--help"]
    result = CliRunner().invoke(cli, args, prog_name="zi-plan")

    usage = result.stdout.splitlines()[0]
    assert usage.startswith(f"Cara pakai: zi-plan {command}".rstrip() + " [PILIHAN]")
    words = set(re.findall(r"\b[A-Z]{3,}\b", result.stdout))
    assert not words & {"OPTIONS", "COMMAND", "ARGS", "TEXT", "INTEGER", "RANGE", "SOURCES"}
    assert not words & {"OLD", "NEW", "PATH", "DIRECTORY"}


def test_validate_accepts_the_sample(sources: Path) -> None:
    result = run("validate", sources)

    assert result.exit_code == 0
    assert result.stdout == ""  # a sentence, not data: standard error
    assert result.stderr.splitlines()[-2].startswith("0 kesalahan, ")
    assert result.stderr.splitlines()[-1] == "Workbook dapat disusun menjadi dokumen."


def test_the_installed_command_ends_cleanly(sources: Path, tmp_path: Path) -> None:
    """As a shell runs it: main() leaves its objects to the OS at exit (gc.freeze); the
    document, the report and the printed path are still complete."""
    output = tmp_path / "x.docx"
    command = [ZI_PLAN, "build", sources, "-o", output, "--tanpa-daftar-isi", "--tanpa-periksa"]

    built = subprocess.run(command, capture_output=True, text=True, check=False)
    break_a_tick(sources)
    refused = subprocess.run(command, capture_output=True, text=True, check=False)

    assert built.returncode == 0, built.stderr
    assert built.stdout.splitlines()[-1] == str(output)
    assert built.stderr.splitlines()[-2] == "0 kesalahan, 5 peringatan."
    assert built.stderr.splitlines()[-1].startswith("Daftar Isi: nomor halaman tidak diisi")
    assert Document(str(output)).paragraphs
    assert refused.returncode == 1
    assert UNKNOWN_TICK_LINE in refused.stderr.splitlines()
    assert refused.stderr.splitlines()[-1] == NOT_BUILT
    assert "Traceback" not in refused.stderr


def test_build_writes_the_document_and_prints_its_path_last(sources: Path, tmp_path: Path) -> None:
    output = tmp_path / "x.docx"

    result = run("build", sources, "-o", output)

    assert result.exit_code == 0, result.output
    assert output.is_file()
    assert output.read_bytes()[:2] == b"PK"
    assert result.stdout.splitlines()[-1] == str(output)


@pytest.mark.parametrize("command", ["build", "validate"])
def test_a_broken_source_is_reported_by_file_sheet_cell_and_code(
    sources: Path, tmp_path: Path, command
) -> None:
    break_a_tick(sources)
    output = tmp_path / "rencana.docx"
    output.write_bytes(b"dokumen lama")
    args = ["-o", output] if command == "build" else []

    result = run(command, sources, *args)

    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert TATALAKSANA in lines
    assert UNKNOWN_TICK_LINE in lines
    assert lines[lines.index(TATALAKSANA) + 1] == UNKNOWN_TICK_LINE
    assert lines[-2].startswith("1 kesalahan, ")
    assert lines[-1] == NOT_BUILT
    assert result.stdout == ""
    assert_no_traceback(result)
    assert output.read_bytes() == b"dokumen lama"


def test_json_format_gives_parseable_problems(sources: Path) -> None:
    result = run("validate", sources, "--format", "json")

    assert result.exit_code == 0
    problems = json.loads(result.stdout)
    assert problems
    assert all(set(problem) == JSON_KEYS for problem in problems)
    assert {problem["tingkat"] for problem in problems} == {"peringatan"}


def test_json_format_gives_parseable_errors(sources: Path) -> None:
    break_a_tick(sources)

    result = run("validate", sources, "--format", "json")

    assert result.exit_code == 1
    problems = json.loads(result.stdout)
    assert {
        "kode": "tanda-tidak-dikenal",
        "tingkat": "kesalahan",
        "file": TATALAKSANA,
        "sheet": "Indikator",
        "sel": "G5",
        "pesan": UNKNOWN_TICK_LINE.split("G5: ")[1].removesuffix(" [tanda-tidak-dikenal]"),
    } in problems


@pytest.mark.parametrize("command", ["build", "validate"])
def test_an_unknown_option_is_a_usage_error(sources: Path, command: str) -> None:
    result = run(command, sources, "--tidak-ada")

    assert result.exit_code == 2
    assert "--tidak-ada" in result.stderr


@pytest.mark.parametrize("command", ["build", "validate"])
def test_a_missing_sources_folder_is_reported(tmp_path: Path, command) -> None:
    missing = tmp_path / "tidak-ada"

    result = run(command, missing)

    assert result.exit_code == 1
    assert "[folder-tidak-ada]" in result.stderr
    assert str(missing) in result.stderr
    assert_no_traceback(result)


def test_usage_errors_and_help_headings_are_in_indonesian() -> None:
    runner = CliRunner()
    wrong = runner.invoke(cli, ["build", "--bogus"])
    assert wrong.exit_code == 2
    assert "Galat: Pilihan '--bogus' tidak dikenal." in wrong.stderr
    assert wrong.stderr.startswith("Cara pakai: ")
    helped = runner.invoke(cli, ["--help"])
    assert "Pilihan:" in helped.stdout and "Perintah:" in helped.stdout
    assert "Show this message" not in helped.stdout


def test_without_libreoffice_the_build_says_so_and_pdf_fails_plainly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where soffice is absent: the Daftar Isi is left for Word, and --pdf explains why not."""
    from generator.render import office

    monkeypatch.setattr(office, "soffice", lambda: None)
    target = tmp_path / "p.docx"
    built = CliRunner().invoke(
        cli, ["build", str(SAMPLE_SOURCES), "-o", str(target), "--tanpa-periksa"]
    )
    assert built.exit_code == 0
    assert "LibreOffice tidak terpasang, sehingga Daftar Isi belum bernomor halaman" in (
        built.stderr
    )
    assert not any(p.style.name.startswith("toc") for p in Document(str(target)).paragraphs)
    pdf = CliRunner().invoke(
        cli, ["build", str(SAMPLE_SOURCES), "-o", str(target), "--pdf", "--tanpa-periksa"]
    )
    assert pdf.exit_code == 1
    assert pdf.stderr.splitlines()[-1].endswith("[libreoffice-tidak-ada]")
    assert "Traceback" not in pdf.output


@pytest.mark.parametrize(
    ("options", "libreoffice", "line"),
    [
        ([], True, "Daftar Isi: nomor halaman diisi melalui LibreOffice."),
        (["--tanpa-daftar-isi"], True, "Daftar Isi: nomor halaman tidak diisi"),
        ([], False, "Peringatan: LibreOffice tidak terpasang, sehingga Daftar Isi"),
    ],
)
def test_the_build_says_which_daftar_isi_case_happened_in_one_line(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    options: list[str],
    libreoffice: bool,
    line: str,
) -> None:
    from generator.render import document, office

    if libreoffice:  # the LibreOffice pass itself is tested in tests/render/test_toc.py
        monkeypatch.setattr(office, "soffice", lambda: "soffice")
        monkeypatch.setattr(document, "save_atomically", _save_without_finish(document))
    else:
        monkeypatch.setattr(office, "soffice", lambda: None)
    target = tmp_path / "p.docx"
    built = run("build", SAMPLE_SOURCES, "-o", target, "--tanpa-periksa", *options)
    assert built.exit_code == 0, built.output
    said = [text for text in built.stderr.splitlines() if "Daftar Isi" in text]
    assert len(said) == 1 and said[0].startswith(line)


def _save_without_finish(document):  # type: ignore[no-untyped-def]
    real = document.save_atomically
    return lambda docx, target, finish=None: real(docx, target, None)


def test_each_command_is_loaded_from_the_module_the_group_names() -> None:
    """The group imports a command's module only when it is asked for (COMMAND_MODULES):
    every command that module defines is in the table, and no other."""
    import importlib

    from generator.cli.app import COMMAND_MODULES

    for module in set(COMMAND_MODULES.values()):
        importlib.import_module(f"generator.cli.{module}")
    defined = {
        name: command.callback.__module__.rsplit(".", 1)[-1]
        for name, command in cli.commands.items()
        if command.callback is not None
    }
    assert defined == COMMAND_MODULES
