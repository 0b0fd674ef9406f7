"""The command line: Click only. Options in, the core called, its errors made messages."""

from generator.cli import batch, init, lke, monev, plan
from generator.cli.app import cli, main

__all__ = ["batch", "cli", "init", "lke", "main", "monev", "plan"]
