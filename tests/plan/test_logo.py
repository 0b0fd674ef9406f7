"""The cover's logo: recognised by content, any of four names; a bad file is a warning."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from docx.oxml.ns import qn

from generator.plan.validate import load_plan
from generator.render.document import write
from tests.conftest import SAMPLE_SOURCES
from tests.docx_reading import open_docx
from tests.images import WEBP, gif, jpeg_header, png


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "sources"
    shutil.copytree(SAMPLE_SOURCES, target)
    for stray in target.glob("logo.*"):
        stray.unlink()
    return target


def codes(problems: list[object]) -> list[str]:
    return [p.code for p in problems]  # type: ignore[attr-defined]


def pictures(docx: Path) -> list[str]:
    """The content types of the pictures the document's body shows."""
    document = open_docx(docx)
    ids = [blip.get(qn("r:embed")) for blip in document.element.body.iter(qn("a:blip"))]
    return [document.part.related_parts[i].content_type for i in ids]


@pytest.mark.parametrize(
    ("name", "write_picture", "content_type"),
    [
        ("logo.png", png, "image/png"),
        ("logo.jpg", jpeg_header, "image/jpeg"),
        ("Logo.JPEG", jpeg_header, "image/jpeg"),
        ("logo.gif", gif, "image/gif"),
    ],
)
def test_each_name_and_format_goes_on_the_cover(
    folder: Path, tmp_path: Path, name: str, write_picture: object, content_type: str
) -> None:
    write_picture(folder / name)  # type: ignore[operator]
    plan, problems = load_plan(folder)
    assert plan.logo is not None and Path(plan.logo).name == name
    assert not {"logo-tidak-ada", "logo-bukan-gambar"} & set(codes(problems))
    assert pictures(write(plan, tmp_path / "plan.docx")) == [content_type]


def test_a_webp_named_logo_png_is_a_warning_and_the_build_goes_on(
    folder: Path, tmp_path: Path
) -> None:
    (folder / "logo.png").write_bytes(WEBP)
    plan, problems = load_plan(folder)
    (warning,) = [p for p in problems if p.code == "logo-bukan-gambar"]
    assert warning.where.file == "logo.png"
    assert "WebP" in warning.message and "tanpa logo" in warning.message
    assert plan.logo is None
    assert pictures(write(plan, tmp_path / "plan.docx")) == []


def test_a_png_cut_short_is_a_warning(folder: Path) -> None:
    whole = png(folder / "logo.png").read_bytes()
    (folder / "logo.png").write_bytes(whole[:20])
    plan, problems = load_plan(folder)
    assert "logo-bukan-gambar" in codes(problems) and plan.logo is None


def test_no_logo_is_a_warning(folder: Path) -> None:
    plan, problems = load_plan(folder)
    assert plan.logo is None
    (warning,) = [p for p in problems if p.code == "logo-tidak-ada"]
    assert "logo.png" in warning.message


def test_two_logos_name_the_one_used(folder: Path) -> None:
    png(folder / "logo.png")
    gif(folder / "logo.gif")
    plan, problems = load_plan(folder)
    assert plan.logo is not None and Path(plan.logo).name == "logo.png"
    (warning,) = [p for p in problems if p.code == "logo-ganda"]
    assert "logo.gif" in warning.message
