"""Click in Indonesian: its own words (usage, option errors) and its usage placeholders.

The one place that reaches into click: its modules look ``_`` and ``ngettext`` up at call
time, so they get ours (tests/cli/test_click_texts.py fails if a pinned click changes that).
"""

from __future__ import annotations

from typing import Any

import click
import click.core
import click.decorators
import click.exceptions
import click.formatting
import click.parser
import click.types

# Click's own words (usage lines, option errors), as the command line shows them.
CLICK_TEXTS = {
    "Usage:": "Cara pakai:",
    "Options": "Pilihan",
    "Commands": "Perintah",
    "Show this message and exit.": "Tampilkan bantuan ini lalu keluar.",
    "Show the version and exit.": "Tampilkan versi lalu keluar.",
    "Error: {message}": "Galat: {message}",
    "Try '{command} {option}' for help.": "Lihat '{command} {option}' untuk bantuan.",
    "No such option: {name}": "Pilihan tidak dikenal: {name}",
    "No such option {name!r}.": "Pilihan {name!r} tidak dikenal.",
    "No such command {name!r}.": "Perintah {name!r} tidak dikenal.",
    "Missing command.": "Perintah belum disebutkan.",
    "Missing argument": "Argumen belum diisi",
    "Missing argument '{param_hint}'.": "Argumen '{param_hint}' belum diisi.",
    "Missing option": "Pilihan belum diisi",
    "Missing option '{param_hint}'.": "Pilihan '{param_hint}' belum diisi.",
    "Missing parameter": "Parameter belum diisi",
    "Invalid value for {param_hint}: {message}": "Nilai {param_hint} tidak sah: {message}",
    "Invalid value: {message}": "Nilai tidak sah: {message}",
    "Option {name!r} does not take a value.": "Pilihan {name!r} tidak memerlukan nilai.",
    "Option {name!r} requires an argument.": "Pilihan {name!r} memerlukan nilai.",
    "Got unexpected extra argument ({args})": "Ada argumen lebih yang tidak dikenal ({args})",
    "Got unexpected extra arguments ({args})": "Ada argumen lebih yang tidak dikenal ({args})",
    "Did you mean {possibility}?": "Maksud Anda {possibility}?",
    "(Did you mean one of: {possibilities}?)": "(Maksud Anda salah satu dari: {possibilities}?)",
    "{name} {filename!r} does not exist.": "{name} {filename!r} tidak ada.",
    "{name} {filename!r} is a file.": "{name} {filename!r} adalah file, bukan folder.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} adalah folder, bukan file.",
    "{value!r} is not one of {choices}.": "{value!r} bukan salah satu dari {choices}.",
    "{value!r} is not {choice}.": "{value!r} bukan {choice}.",
    "{value!r} is not a valid {number_type}.": "{value!r} bukan {number_type} yang sah.",
    "{value} is not in the range {range}.": "{value} di luar rentang {range}.",
    "Choose from:\n\t{choices}": "Pilih salah satu:\n\t{choices}",
    "default: {default}": "bawaan: {default}",
    "Aborted!": "Dibatalkan.",
    "file": "berkas",
    "directory": "direktori",
    "path": "jalur",
}

CLICK_MODULES = (
    click.core,
    click.decorators,
    click.exceptions,
    click.formatting,
    click.parser,
    click.types,
)


def speak_indonesian() -> None:
    """Click writes its own words (Usage, Options, "No such option") through gettext."""

    def translate(text: str) -> str:
        return CLICK_TEXTS.get(text, text)

    def translate_plural(singular: str, plural: str, n: int) -> str:
        return translate(singular if n == 1 else plural)

    for module in CLICK_MODULES:
        if hasattr(module, "_"):
            module._ = translate  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = translate_plural  # type: ignore[attr-defined]


HELP_OPTIONS = {"help_option_names": ["-h", "--help"]}  # click's own: it prints "Lihat ..."


class Range(click.IntRange):
    """A whole-number range that describes itself in Indonesian (click says ``x>=1``)."""

    def _describe_range(self) -> str:
        if self.min is not None and self.max is not None:
            return f"{self.min} s.d. {self.max}"
        if self.min is not None:
            return f"paling kecil {self.min}"
        return f"paling besar {self.max}"


class Command(click.Command):
    """A command whose usage line says ``[PILIHAN]`` where click says ``[OPTIONS]``."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[PILIHAN]")
        kwargs.setdefault("context_settings", HELP_OPTIONS)
        super().__init__(*args, **kwargs)


class Group(click.Group):
    """The zi-plan group: its usage line and its commands' in Indonesian."""

    command_class = Command

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[PILIHAN]")
        kwargs.setdefault("subcommand_metavar", "PERINTAH [ARGUMEN]...")
        kwargs.setdefault("context_settings", HELP_OPTIONS)
        super().__init__(*args, **kwargs)
