"""The ``zi-plan`` group, the options its commands share, the stream rule (``Run``) and
the one place where the core's errors become a message and an exit code."""

from __future__ import annotations

import codecs
import gc
import importlib
import io
import json
import os
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

from generator.cli.click_texts import Group, Range, speak_indonesian
from generator.messages import os_reason
from generator.problems import (
    CellRef,
    InputInvalid,
    Problem,
    ProblemError,
    Severity,
    format_report,
    report_json,
)

if TYPE_CHECKING:
    from generator.render.office_batch import Session

speak_indonesian()

DEFAULT_SOURCES = Path("sources")
OUTPUT_DIR = Path("output")

# Every path the commands take: whether it exists, is a folder, can be read or written is
# the command's to report (exit 1, Indonesian), not click's (exit 2, "is not readable")
PATH = click.Path(path_type=Path, readable=False)

sources_argument = click.argument(
    "sources",
    metavar="[SUMBER]",
    required=False,
    default=DEFAULT_SOURCES,
    type=PATH,
)

F = TypeVar("F", bound=Callable[..., Any])


def format_option_for(what: str) -> Callable[[F], F]:
    return click.option(
        "--format",
        "output_format",
        type=click.Choice(["teks", "json"]),
        default="teks",
        show_default=True,
        help=f"Bentuk {what}: teks untuk dibaca, json untuk program lain (satu dokumen "
        "JSON di keluaran standar, juga bila gagal).",
    )


format_option = format_option_for("laporan masalah")

quiet_option = click.option(
    "-q",
    "--quiet",
    "--senyap",
    "quiet",
    is_flag=True,
    help="Tanpa peringatan dan keterangan: hanya kesalahan dan lokasi file yang ditulis.",
)


def document_options(what: str, default_name: str) -> Callable[[F], F]:
    """-o, --daftar-isi and --pdf of the commands that write one Word document (build,
    monev): ``what`` it is, and its ``default_name`` in the output folder."""

    def decorate(command: F) -> F:
        for option in reversed(
            [
                click.option(
                    "-o",
                    "--output",
                    type=PATH,
                    help=f"File .docx yang ditulis. Bawaan: {default_name} di folder output.",
                ),
                click.option(
                    "--daftar-isi/--tanpa-daftar-isi",
                    "toc",
                    default=True,
                    show_default=True,
                    help="Isi nomor halaman Daftar Isi melalui LibreOffice (jika terpasang).",
                ),
                click.option(
                    "--pdf",
                    is_flag=True,
                    help=f"Buat juga PDF di samping {what} (perlu LibreOffice).",
                ),
            ]
        ):
            command = option(command)
        return command

    return decorate


def batch_options(what: str) -> Callable[[F], F]:
    """-o (the output folder) and --jobs of the commands that build every unit at once
    (build-all, monev-all); ``what`` they write there."""

    def decorate(command: F) -> F:
        command = click.option(
            "--jobs",
            type=Range(min=1),
            metavar="JUMLAH",
            default=None,
            help="Jumlah proses kerja. Bawaan: satu per inti prosesor.",
        )(command)
        return click.option(
            "-o",
            "--output",
            "out",
            type=PATH,
            default=OUTPUT_DIR,
            show_default=True,
            help=f"Folder tujuan {what} dan rekap.",
        )(command)

    return decorate


def help_option(command: F) -> F:
    """-h and --help are click's own (click_texts.HELP_OPTIONS), so that a usage error ends
    with click's hint "Lihat 'zi-plan ... --help' untuk bantuan."; kept as a marker."""
    return command


debug_option = click.option(
    "--debug", is_flag=True, help="Tampilkan jejak galat Python (untuk pengembang)."
)


# The module of each command, imported when the command runs or its help is shown: a plain
# build then loads neither build-all's, init's, lke's nor monev's modules (the cold start,
# tests/test_imports.py). tests/cli/test_cli.py checks this table against the modules.
COMMAND_MODULES = {
    "build": "plan",
    "check": "plan",
    "diff": "plan",
    "schema": "plan",
    "validate": "plan",
    "build-all": "batch",
    "init": "init",
    "lke": "lke",
    "monev": "monev",
    "monev-all": "monev",
    "realisasi": "monev",
}


class NotLoaded(click.Command):
    """A command whose module is not imported yet: it holds the command's place in the
    group (click names the closest one after a typo), ``ZiPlan.get_command`` the rest."""


class ZiPlan(Group):
    """The commands are loaded as they are asked for (COMMAND_MODULES). Ctrl+C while a
    command runs ends as it does while the modules load (generator/console.py):
    "Dibatalkan." and 130; click itself would exit 1, the code of a bad input."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.commands.update({name: NotLoaded(name) for name in COMMAND_MODULES})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        command = self.commands.get(cmd_name)
        if isinstance(command, NotLoaded):  # its module registers it with @cli.command
            importlib.import_module(f"generator.cli.{COMMAND_MODULES[cmd_name]}")
            command = self.commands[cmd_name]
        return command

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            from generator.console import INTERRUPTED

            click.echo("\nDibatalkan.", err=True)
            raise click.exceptions.Exit(INTERRUPTED) from None


@click.group(cls=ZiPlan)
@click.version_option(
    package_name="zi-plan", message="zi-plan %(version)s", help="Tampilkan versi lalu keluar."
)
@help_option
def cli() -> None:
    """Menyusun Rencana Kerja Pembangunan Zona Integritas dari workbook Pokja.

    Setiap Pokja mengisi satu workbook Excel di folder sumber (00_umum.xlsx s.d.
    06_pelayanan_publik.xlsx); perintah ini memeriksa dan menggabungkannya menjadi
    dokumen Word yang siap ditandatangani.
    """


# C0 and C1 control characters but the line break and the tab: in a folder's name (Linux
# allows them) they would move the cursor or recolour the terminal instead of showing
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def visible(text: str) -> str:
    """``text`` for a terminal: each control character written as ``\\x1b``, so that a
    name holding one shows what it holds and the terminal stays as it was."""
    return _CONTROL.sub(lambda found: f"\\x{ord(found.group()):02x}", text)


# Exit codes, the same for every command (README, docs/keluaran.md)
DONE = 0
INPUT = 1  # the sources, a file to write, the environment (LibreOffice, a folder)
USAGE = 2  # the command line itself (click's own code)
UNREADABLE = 3  # diff only: an input that cannot be read (its 1 means "different")


@dataclass
class Run:
    """What one command prints, by the one stream rule (README, docs/keluaran.md).

    Standard output carries only the data the command produces: in text mode the paths
    it wrote or the report asked for; with ``--format json`` exactly one JSON document,
    on success and on failure (then the list of problems). Every sentence (warnings,
    progress, notes, and in text mode the errors) goes to standard error; ``quiet``
    leaves out all but the errors.
    """

    output_format: str = "teks"
    quiet: bool = False
    debug: bool = False
    problems: list[Problem] = field(default_factory=list)  # for the JSON document

    @property
    def json(self) -> bool:
        return self.output_format == "json"

    def say(self, text: str) -> None:
        """A note, a warning or progress: standard error, unless quiet."""
        if not self.quiet:
            click.echo(visible(text), err=True)

    def error(self, text: str) -> None:
        """A sentence about what went wrong: standard error, always."""
        click.echo(visible(text), err=True)

    def data(self, text: str) -> None:
        """A path written or the report asked for (text mode): standard output, as it is
        (scripts read it; the sentences go through ``visible``)."""
        click.echo(text)

    def document(self, value: object) -> None:
        """The one JSON document of a ``--format json`` run: standard output."""
        click.echo(json.dumps(value, ensure_ascii=False, indent=2))

    def report(self, problems: list[Problem]) -> None:
        """The problems of the sources: in text mode grouped on standard error (when
        quiet, the errors only); with --format json kept for the document."""
        if self.json:
            self.problems += problems
            return
        shown = [p for p in problems if p.severity is Severity.ERROR] if self.quiet else problems
        if not shown:
            return
        if self.quiet:
            self.error(format_report(shown).rsplit("\n", 1)[0])
            self.error(f"{len(shown)} kesalahan.")
        else:
            self.error(format_report(shown))

    def problems_json(self) -> list[dict[str, object]]:
        return report_json(self.problems)

    @contextmanager
    def reported(
        self, closing: str = "", before: str = "", exit_code: int = INPUT
    ) -> Iterator[None]:
        """Turns the core's errors into their report and ``exit_code`` (1; diff uses 3
        for an input it cannot read, as its 1 means "different").

        ``InputInvalid`` reports every problem of the run and then ``closing`` (what was
        not made); a ``ProblemError`` its one problem, after ``before`` (a line break where
        a progress bar holds the line). With --format json the document is the list of
        the run's problems. With ``--debug`` the traceback follows the report.
        """
        try:
            yield
        except InputInvalid as exc:
            self._failed(exc.problems, closing)
            if self.debug:
                raise
            sys.exit(exit_code)
        except ProblemError as exc:
            if self.json:
                self._failed([exc.problem], "")
            else:
                self.error(f"{before}{exc.problem}")
            if self.debug:
                raise
            sys.exit(exit_code)

    def _failed(self, problems: list[Problem], closing: str) -> None:
        if self.json:
            self.problems += problems
            self.document(self.problems_json())
            return
        self.report(problems)
        if closing:
            self.error(closing)


def fail(code: str, where: Path | str, **params: object) -> NoReturn:
    """Ends the command with one problem (inside ``Run.reported``: exit 1)."""
    raise ProblemError(Problem(code, CellRef(str(where)), Severity.ERROR, params))


def readable_folder(path: Path, missing: str = "folder-tidak-ditemukan") -> None:
    """A folder the command reads: a missing one is ``missing`` (the sources' own code
    names how to start a unit), a file or an unreadable folder says so; all exit 1."""
    if not path.exists():
        if missing:
            fail(missing, path, path=str(path.resolve()), folder=str(path))
        return
    if not path.is_dir():
        fail("folder-berupa-file", path, path=str(path))
    try:
        with os.scandir(path) as entries:
            next(entries, None)
    except OSError as exc:
        fail("folder-tidak-terbaca", path, path=str(path), detail=os_reason(exc))


def writable_file(*targets: Path | None) -> None:
    """Before anything is written: a folder where a file is to go, or a folder that
    refuses new files, is an error now, not after the document was replaced."""
    for target in targets:
        if target is None:
            continue
        if target.is_dir():
            fail("keluaran-berupa-folder", target)
        folder = next((p for p in target.absolute().parents if p.exists()), None)
        if folder is not None and folder.is_dir() and not os.access(folder, os.W_OK):
            fail("dokumen-tanpa-izin", target)


def office_session() -> AbstractContextManager[Session | None]:
    """One LibreOffice process for the run's PDFs (office_batch.session), started as the
    command starts; imported only when PDFs are asked for."""
    from generator.render import office_batch

    return office_batch.session()


def writable_folder(folder: Path) -> None:
    """An output folder named by -o: a file of that name is an error (exit 1)."""
    if folder.exists() and not folder.is_dir():
        fail("folder-berupa-file", folder, path=str(folder))


# A build allocates some 60,000 containers that live until its document is saved; at
# Python's default threshold (700) the collector walked them 90 times per build and found
# little to free: 11 ms of a 150 ms cold build. At 100,000 one plan never triggers it.
# build-all, which builds hundreds of plans in one process, goes back to the default:
# with the high threshold the garbage of finished plans piled up (779 MiB per worker).
ONE_PLAN_THRESHOLDS = (100_000, 10, 10)
DEFAULT_THRESHOLDS = gc.get_threshold()


# What a console that cannot show a character prints instead (cp1252, cp437 on Windows).
PLAIN = {"›": ">", "√": "v", "✓": "v", "✔": "v", "→": "->", "–": "-", "—": "-", "…": "...",
         "“": '"', "”": '"', "‘": "'", "’": "'", "•": "*", "²": "2", "³": "3"}  # fmt: skip


def _plain(error: UnicodeError) -> tuple[str, int]:
    assert isinstance(error, UnicodeEncodeError)
    text = error.object[error.start : error.end]
    return "".join(PLAIN.get(char, "?") for char in text), error.end


def plain_console() -> None:
    """Any console: a character its encoding lacks prints as its plain form, never as a
    traceback or a ``\\u203a`` escape."""
    codecs.register_error("zi-plan-plain", _plain)
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="zi-plan-plain")


def main() -> None:
    plain_console()
    gc.set_threshold(*ONE_PLAN_THRESHOLDS)
    try:
        cli()
    finally:
        # The process ends here. Python's shutdown would now collect every module, class
        # and parsed tree held in reference cycles, one object at a time: a fifth of a
        # cold build (measured: 38 -> 6 ms). Frozen objects are left to the OS; atexit
        # handlers still run and standard output is flushed, and every file zi-plan
        # writes is closed before this point (with-blocks, write_bytes).
        gc.freeze()
