"""Each reach into a library's internals, checked against the pinned library: these tests
fail when docxtpl, Jinja or python-docx change what render/engine.py relies on."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from jinja2 import Environment, StrictUndefined

from generator.plan.validate import load_plan
from generator.render import engine
from generator.render.context import build_context
from generator.render.document import TEMPLATE, render
from tests.conftest import SAMPLE_SOURCES


@pytest.fixture(scope="module")
def plan() -> Any:
    return load_plan(SAMPLE_SOURCES)[0]


def test_docxtpl_still_calls_the_three_methods_we_override(
    plan: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    called: dict[str, int] = {"patch_xml": 0, "resolve_listing": 0, "fix_tables": 0}
    for name in called:
        original = getattr(engine.PatchingOnce, name)

        def spy(self: Any, xml: str, _name: str = name, _original: Any = original) -> Any:
            called[_name] += 1
            return _original(self, xml)

        monkeypatch.setattr(engine.PatchingOnce, name, spy)

    render(plan)

    assert all(count > 0 for count in called.values()), called


def test_docxtpl_compiles_through_the_environment_we_pass(
    plan: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    sources: list[str] = []
    original = engine.CompilingOnce.from_string

    def spy(self: Any, source: Any, *args: Any) -> Any:
        sources.append(source)
        return original(self, source, *args)

    monkeypatch.setattr(engine.CompilingOnce, "from_string", spy)
    render(plan)

    assert any("{{" in source or "{%" in source for source in sources)


def test_compiling_once_renders_what_jinja_itself_renders(plan: Any) -> None:
    """Template.from_code with our cached code gives the text a fresh compile gives."""
    plain = Environment(autoescape=True, undefined=StrictUndefined, finalize=engine._literal)
    template = engine.PatchingOnce(io.BytesIO(TEMPLATE.read_bytes()))
    template.init_docx()
    body = template.patch_xml(template.get_xml())
    context = build_context(plan)

    ours = engine.jinja_env().from_string(body).render(context)

    assert ours == plain.from_string(body).render(context)


def test_the_byte_stable_save_writes_the_parts_python_docx_writes(
    plan: Any, tmp_path: Path
) -> None:
    document = render(plan).docx
    ours, theirs = tmp_path / "ours.docx", tmp_path / "theirs.docx"

    engine.save_deterministic(document, ours)
    document.save(str(theirs))

    with zipfile.ZipFile(ours) as a, zipfile.ZipFile(theirs) as b:
        assert a.namelist() == b.namelist()
        assert all(a.read(name) == b.read(name) for name in a.namelist())
        assert {info.date_time for info in a.infolist()} == {engine.ZIP_TIME}
