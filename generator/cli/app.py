"""The ``zi-plan`` group, the options its commands share, and the one place where the
core's errors become a message on stderr and an exit code."""

from __future__ import annotations

import codecs
import gc
import io
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click

from generator.cli.click_texts import Group, speak_indonesian
from generator.problems import InputInvalid, Problem, ProblemError, format_report, report_json

speak_indonesian()

DEFAULT_SOURCES = Path("sources")
OUTPUT_DIR = Path("output")

sources_argument = click.argument(
    "sources",
    metavar="[SUMBER]",
    required=False,
    default=DEFAULT_SOURCES,
    type=click.Path(path_type=Path, file_okay=False),
)

F = TypeVar("F", bound=Callable[..., Any])


def format_option_for(what: str) -> Callable[[F], F]:
    return click.option(
        "--format",
        "output_format",
        type=click.Choice(["teks", "json"]),
        default="teks",
        show_default=True,
        help=f"Bentuk {what}: teks untuk dibaca, json untuk program lain.",
    )


format_option = format_option_for("laporan masalah")


def help_option(command: F) -> F:
    """-h and --help are click's own (click_texts.HELP_OPTIONS), so that a usage error ends
    with click's hint "Lihat 'zi-plan ... --help' untuk bantuan."; kept as a marker."""
    return command


debug_option = click.option(
    "--debug", is_flag=True, help="Tampilkan jejak galat Python (untuk pengembang)."
)


class ZiPlan(Group):
    """Ctrl+C while a command runs ends as it does while the modules load
    (generator/console.py): "Dibatalkan." and 130; click itself would exit 1, the code
    of a bad input."""

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


def print_problems(problems: list[Problem], output_format: str) -> None:
    if output_format == "json":
        click.echo(json.dumps(report_json(problems), ensure_ascii=False, indent=2), err=True)
    elif problems:
        click.echo(format_report(problems), err=True)


@contextmanager
def reported(
    output_format: str = "teks",
    debug: bool = False,
    closing: str = "",
    before: str = "",
    exit_code: int = 1,
) -> Iterator[None]:
    """Turns the core's errors into their report on stderr and ``exit_code`` (1; diff
    uses 3 for an input it cannot read, as its 1 means "different").

    ``InputInvalid`` prints every problem of the run and then ``closing`` (what was not
    made); a ``ProblemError`` prints its one problem, after ``before`` (a line break where
    a progress bar holds the line). With ``--debug`` the traceback follows the report.
    """
    try:
        yield
    except InputInvalid as exc:
        print_problems(exc.problems, output_format)
        if debug:
            raise
        if closing and output_format == "teks":
            click.echo(closing, err=True)
        sys.exit(exit_code)
    except ProblemError as exc:
        if debug:
            raise
        if output_format == "json":
            print_problems([exc.problem], output_format)
        else:
            click.echo(f"{before}{exc.problem}", err=True)
        sys.exit(exit_code)


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
