"""Each reach into a library's internals, checked against the pinned library: these tests
fail when docxtpl, Jinja or python-docx change what render/engine.py relies on."""

from __future__ import annotations

import inspect
import io
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from docxtpl import DocxTemplate
from jinja2 import Environment, StrictUndefined

from generator.plan.validate import load_plan
from generator.render import engine
from generator.render.context import build_context
from generator.render.document import TEMPLATE, render
from generator.richtext import ITALIC, PLAIN, RichText, Style
from tests.conftest import SAMPLE_SOURCES


@pytest.fixture(scope="module")
def plan() -> Any:
    return load_plan(SAMPLE_SOURCES)[0]


def test_docxtpl_still_calls_the_methods_we_override(
    plan: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    overridden = ("patch_xml", "resolve_listing", "fix_tables", "fix_docpr_ids", "map_tree")
    called = dict.fromkeys((*overridden, "build_xml", "render_xml_part", "render_footnotes"), 0)
    for name in called:
        original = getattr(engine.PatchingOnce, name)

        def spy(self: Any, *args: Any, _name: str = name, _original: Any = original) -> Any:
            called[_name] += 1
            return _original(self, *args)

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

    compiled = engine.jinja_env().from_string(body)
    ours = compiled.render(context)

    assert ours == plain.from_string(body).render(context)
    # each value goes through the module global escape(), which ours replaces
    assert "yield escape(environment.finalize(" in plain.compile(body, raw=True)
    assert compiled.root_render_func.__globals__["escape"] is engine._escape


def test_a_part_renders_as_docxtpl_renders_it(plan: Any) -> None:
    """build_xml and render_xml_part leave out docxtpl's regex passes (see their
    docstrings): the body and the header come out as docxtpl's own methods give them."""
    template = engine.PatchingOnce(io.BytesIO(TEMPLATE.read_bytes()))
    template.render_init()
    context = build_context(plan, template)
    env = engine.jinja_env()

    body = template.build_xml(context, env)
    source = template.patch_xml(template.get_xml())
    assert body == DocxTemplate.render_xml_part(template, source, template.docx._part, context, env)
    assert body.count("<w:p>") + body.count("<w:p ") > 100 and "\n<w:p" not in body
    for _, header in template.get_headers_footers(template.HEADER_URI):
        source = template.patch_xml(template.get_part_xml(header))
        ours = template.render_xml_part(source, header, context, env)
        assert ours == DocxTemplate.render_xml_part(template, source, header, context, env)


LISTING_BODY = (
    '<w:body xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:p><w:pPr><w:pStyle w:val="ZIIsi"/></w:pPr><w:r><w:t xml:space="preserve">'
    "{{ plain }} / {{ rich }}</w:t></w:r></w:p></w:body>"
)
LISTING_CONTEXT = {
    "plain": "baris satu\nbaris dua\tsetelah tab\n\n_ & <b>",
    "rich": RichText(
        [("awal\t", PLAIN), ("miring\tdan\nbaris", ITALIC), ("\ttebal", Style(bold=True))]
    ),
}


def test_breaks_and_tabs_come_out_as_docxtpl_writes_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """_literal writes a value's line breaks and tabs as docxtpl's resolve_listing writes
    them (which then need not run), in plain text and in formatted runs alike."""
    ours = engine.jinja_env().from_string(LISTING_BODY).render(LISTING_CONTEXT)
    monkeypatch.setattr(engine, "_BREAK", "\n")
    monkeypatch.setattr(engine, "_TAB", "\t")
    raw = Environment(autoescape=True, finalize=engine._literal).from_string(LISTING_BODY)
    theirs = DocxTemplate.resolve_listing(None, raw.render(LISTING_CONTEXT))

    assert "<w:br/>" in ours and "<w:tab/>" in ours and "<w:rPr><w:i/></w:rPr><w:tab/>" in ours
    assert ours == theirs
    assert not engine._in_text(ours, engine._LISTING_CHARS)  # nothing left for docxtpl


def test_resolve_listing_still_runs_for_what_is_left_in_a_text() -> None:
    """A paragraph mark (\\a) no value can hold today still becomes a paragraph; line ends
    between tags (an image's XML) are no text and are left alone."""
    text = '<w:p><w:r><w:t xml:space="preserve">satu\adua</w:t></w:r></w:p>'
    between = "<w:p>\n  <w:r><w:t>satu</w:t></w:r>\n</w:p>"

    resolve = engine.PatchingOnce.__new__(engine.PatchingOnce).resolve_listing

    assert resolve(text).count("<w:p>") == 2
    assert resolve(between) == between


def test_the_body_parsed_in_place_is_the_body_parsed_alone_and_moved_in(
    plan: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """fix_tables parses the rendered body inside the template's root; the package is
    the one docxtpl's way gives (parse the body alone, move it into the document), the
    logo's namespace declarations included."""
    in_place = render(plan)
    assert in_place.docx.element.body.getparent() is in_place.docx.part.element
    assert engine._frame(TEMPLATE.read_bytes()) is not None
    monkeypatch.setattr(engine, "_frame", lambda template: None)
    alone = render(plan)
    ours, theirs = tmp_path / "in_place.docx", tmp_path / "alone.docx"
    engine.save_deterministic(in_place.docx, ours)
    engine.save_deterministic(alone.docx, theirs)

    with zipfile.ZipFile(ours) as a, zipfile.ZipFile(theirs) as b:
        assert a.namelist() == b.namelist()
        assert all(a.read(name) == b.read(name) for name in a.namelist())
        assert b"<w:drawing>" in a.read("word/document.xml")  # the sample has a logo


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


@pytest.mark.parametrize("text", ["Rutan Pekanbaru", "", "a & b", "<x>", "'\"", "a_b", "x\ty\nz"])
def test_text_is_escaped_in_full_even_when_marked_safe_as_it_is(text: str) -> None:
    """_text's shortcut (nothing to rewrite) gives what escaping everything gives."""
    tab = engine._TAB.format("")
    escaped = str(engine.escape(text)).replace("_", "&#95;").replace("\t", tab)

    assert engine._text(text) == escaped.replace("\n", engine._BREAK)
    assert isinstance(engine._text(text), engine.Markup)


def test_jinja_looks_attributes_up_through_the_environment() -> None:
    """CompilingOnce.getattr is Jinja's way to ``x.name``; a dict's own attributes
    (``items``) still win over its keys, as in Jinja."""
    env = engine.CompilingOnce(undefined=StrictUndefined)
    source = "{{ d.a }} {{ d.items is callable }} {{ d.get('a') }}"
    context = {"d": {"a": 1, "items": 2, "get": 3}}

    assert env.from_string(source).render(context) == "1 True 1"
    assert Environment().from_string(source).render(context) == "1 True 1"
    with pytest.raises(Exception, match="has no attribute 'b'"):
        env.from_string("{{ d.b }}").render(context)


def test_docxtpl_renders_footnotes_only_from_a_part_of_their_content_type() -> None:
    """PatchingOnce.render_footnotes leaves docxtpl's alone unless the package holds
    a footnotes part: docxtpl renders no other."""
    literals = re.findall(r'"([^"]*)"', inspect.getsource(DocxTemplate.render_footnotes))

    assert engine.CT.WML_FOOTNOTES in "".join(literals)  # written as adjacent literals
