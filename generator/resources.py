"""The files the program reads at run time, found through importlib.resources, so that a
wheel installed anywhere works as the checkout does."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

TEMPLATE_NAME = "rencana_kerja_zi.docx"


def package_file(*parts: str) -> Path:
    """A file shipped inside the package (``generator/data/…``): a real file in every
    regular install, so callers may read it as a path."""
    return Path(str(resources.files("generator").joinpath(*parts)))


def template_path() -> Path:
    """The Word template. The checkout keeps it in word_templates/ (tools/make_template.py
    writes it there); the wheel maps that folder into the package (pyproject.toml)."""
    packaged = package_file("word_templates", TEMPLATE_NAME)
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parents[1] / "word_templates" / TEMPLATE_NAME
