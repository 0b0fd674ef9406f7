"""The command line: Click only. Options in, the core called, its errors made messages."""

from generator.cli import batch, init, monev, plan
from generator.cli.app import cli, main

__all__ = ["batch", "cli", "init", "main", "monev", "plan"]
