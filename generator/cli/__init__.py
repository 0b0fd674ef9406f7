"""The command line: Click only. Options in, the core called, its errors made messages.

Each command's module is imported when the command is asked for (app.COMMAND_MODULES)."""

from generator.cli.app import cli, main

__all__ = ["cli", "main"]
