"""docxtpl, Jinja and python-docx as this package uses them, and every reach into their
internals: templates compiled once, XML patched once, packages saved byte-stable.

Each reach is checked by tests/render/test_engine.py, which fails when a pinned library
changes underneath it.
"""

from __future__ import annotations

import copy
import io
import marshal
import re
import zipfile
from collections.abc import Callable
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, ClassVar, NamedTuple

import docx
import docxtpl
import jinja2
from docx.document import Document
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.pkgwriter import PackageWriter
from docx.oxml.ns import nsmap, qn
from docx.oxml.parser import element_class_lookup
from docxtpl import DocxTemplate
from jinja2 import Environment, StrictUndefined
from lxml import etree
from markupsafe import Markup, escape

from generator.cache import disk_cached
from generator.files import write_atomically
from generator.richtext import RichText, Style

_LISTING_CHARS = "\t\n\a\f"
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
# zlib's fastest level: the sample's document saves in 4.0 ms instead of 5.6 (a thirtieth
# of a warm build-all plan), for 7 KB more (38 KB instead of 31) per document.
ZIP_LEVEL = 1
# What docxtpl's resolve_listing writes for a line break and a tab inside a value's w:t
# (the tab closes the run and repeats its properties around w:tab).
_BREAK = '</w:t><w:br/><w:t xml:space="preserve">'
_TAB = '</w:t></w:r><w:r>{0}<w:tab/></w:r><w:r>{0}<w:t xml:space="preserve">'

# markupsafe.escape's references, "&" first
_REFERENCES = (("&", "&amp;"), (">", "&gt;"), ("<", "&lt;"), ("'", "&#39;"), ('"', "&#34;"))
# What _text rewrites: those, "_" and the line breaks and tabs
_REWRITTEN = re.compile("[" + re.escape("".join(c for c, _ in _REFERENCES) + "_\t\n") + "]")


def _literal(value: object) -> object:
    """Escapes text so it appears as typed, with its formatting (see _runs).

    Beyond autoescape (``&``, ``<``), docxtpl turns ``{_{`` into ``{{`` after rendering;
    writing ``_`` as a character reference keeps such text literal.
    """
    if isinstance(value, RichText):
        return _runs(value)
    if isinstance(value, str) and not isinstance(value, Markup):
        return _text(value)
    return value


def _text(value: str, run_properties: str = "") -> Markup:
    """Plain text escaped for a w:t (as markupsafe.escape escapes it), its line breaks and
    tabs written as docxtpl's resolve_listing would write them in a run with
    ``run_properties``: done here, once per value, PatchingOnce.resolve_listing need not
    run its regexes over every paragraph of the body (two thirds of a render). Most values
    hold none of the characters rewritten here: they are only marked safe."""
    if _REWRITTEN.search(value) is None:
        return _markup(value)
    escaped = value
    for char, reference in _REFERENCES:
        if char in escaped:
            escaped = escaped.replace(char, reference)
    if "_" in escaped:
        escaped = escaped.replace("_", "&#95;")
    if "\t" in escaped:
        escaped = escaped.replace("\t", _TAB.format(run_properties))
    if "\n" in escaped:
        escaped = escaped.replace("\n", _BREAK)
    return _markup(escaped)


def _markup(text: str) -> Markup:
    """Markup of text escaped already, without Markup.__new__'s Python-level checks."""
    return str.__new__(Markup, text)


def _escape(value: object) -> Markup:
    """Jinja's autoescape of each value the template writes (its compiled code calls it
    on what _literal returns): Markup as it is, which markupsafe.escape would copy."""
    return value if value.__class__ is Markup else escape(value)


def _runs(text: RichText) -> Markup:
    """Formatted text as runs of its own: the template's run (``<w:r><w:t>{{ x }}</w:t>``,
    space-preserving after docxtpl's patch) is closed before them and reopened after.

    The template's runs carry no run properties (formatting comes from paragraph styles;
    tests/render/test_runs.py holds the template to that), so none are lost. Tabs and
    line breaks in a run keep the run's properties, as docxtpl's resolve_listing keeps them.
    """
    parts = ["</w:t></w:r>"]
    for chunk, style in text.runs:
        properties = _run_properties(style)
        parts.append(
            f'<w:r>{properties}<w:t xml:space="preserve">{_text(chunk, properties)}</w:t></w:r>'
        )
    parts.append('<w:r><w:t xml:space="preserve">')
    return _markup("".join(parts))


def _run_properties(style: Style) -> str:
    """``w:rPr`` in the schema's order (b, i, u, vertAlign); empty for plain text."""
    props = []
    if style.bold:
        props.append("<w:b/>")
    if style.italic:
        props.append("<w:i/>")
    if style.underline:
        props.append(f'<w:u w:val="{style.underline}"/>')
    if style.vertical:
        props.append(f'<w:vertAlign w:val="{style.vertical}"/>')
    return f"<w:rPr>{''.join(props)}</w:rPr>" if props else ""


_VERSIONS = f"jinja2 {jinja2.__version__}|docxtpl {docxtpl.__version__}|1"


def _disk_cached(kind: str, source: str, make: Callable[[], bytes]) -> bytes:
    return disk_cached(kind, source, _VERSIONS, make)


_DICT_ATTRIBUTES = frozenset(dir(dict))


class CompilingOnce(Environment):
    """Compiles each template source once, not once per render (nor per run).

    docxtpl compiles the body, every header and footer and every core property anew for
    each render: half of a render's time. Compiled templates are kept in memory, and their
    code on disk, so that a cold build skips compiling too.
    """

    def from_string(self, source: Any, globals: Any = None, template_class: Any = None) -> Any:
        if globals is not None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        compiled = self._compiled.get(source)
        if compiled is None:
            code = marshal.loads(
                _disk_cached("jinja", source, lambda: marshal.dumps(self.compile(source)))
            )
            compiled = self.template_class.from_code(self, code, self.make_globals(None), None)
            compiled.root_render_func.__globals__["escape"] = _escape  # the module's global
            self._compiled[source] = compiled
        return compiled

    def getattr(self, obj: Any, attribute: str) -> Any:
        """``x.name`` on a dict of the context: Jinja tries the attribute first, and
        raising and catching its AttributeError costs more than the lookup (a thousand
        per render). A dict has no attribute but its class's, so its item is what Jinja
        would find."""
        if type(obj) is dict and attribute not in _DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except KeyError:
                pass
        return super().getattr(obj, attribute)

    @property
    def _compiled(self) -> dict[str, Any]:
        cache: dict[str, Any] = self.__dict__.setdefault("_zi_compiled", {})
        return cache


class PatchingOnce(DocxTemplate):  # type: ignore[misc]
    """docxtpl with its XML clean-up (a few dozen regexes over the body) done once per
    source, and a strict parse of the rendered body."""

    _patched: ClassVar[dict[str, str]] = {}
    docx: Any  # docxtpl sets it, untyped
    is_rendered: bool
    _template: bytes | None = None  # the template's bytes, once init_docx opened them
    rendered_body: bytes | None = None  # the body's XML as fix_tables parsed it

    def init_docx(self, reload: bool = True) -> None:
        """docxtpl opens the template anew for each render, parsing every part; a copy of
        the package opened once takes a fifth of that."""
        if not isinstance(self.template_file, io.BytesIO):
            super().init_docx(reload)
        elif not self.docx or (self.is_rendered and reload):
            self._template = self.template_file.getvalue()
            self.docx = copy.deepcopy(_opened(self._template))
            self.is_rendered = False

    def patch_xml(self, src_xml: str) -> str:
        patched = self._patched.get(src_xml)
        if patched is None:
            data = _disk_cached(
                "xml", src_xml, lambda: super(PatchingOnce, self).patch_xml(src_xml).encode()
            )
            patched = self._patched[src_xml] = data.decode()
        return patched

    def build_xml(self, context: Any, jinja_env: Any = None) -> str:
        """The rendered body. docxtpl serialises the copied template's body anew for each
        render; it is the template's own body, serialised once per template."""
        if not isinstance(self._template, bytes):
            return str(super().build_xml(context, jinja_env))
        body = self.patch_xml(_body_xml(self._template))
        return self.render_xml_part(body, self.docx._part, context, jinja_env)

    def render_xml_part(self, src_xml: str, part: Any, context: Any, jinja_env: Any = None) -> str:
        """A part rendered as docxtpl renders it, without its two regex passes: it puts a
        line break before each ``<w:p`` of the source (for the line numbers of Jinja's
        errors), and takes every ``\\n<w:p`` out of the result. Jinja leaves such a line
        break where it stands, so that leaving it out and taking out those the result
        holds anyway (str.replace) gives the same text."""
        if jinja_env is None:
            return str(super().render_xml_part(src_xml, part, context, jinja_env))
        self.current_rendering_part = part  # images add their relationships to it
        xml = jinja_env.from_string(src_xml).render(context)
        xml = xml.replace("\n<w:p ", "<w:p ").replace("\n<w:p>", "<w:p>")
        for escaped, tag in (("{_{", "{{"), ("}_}", "}}"), ("{_%", "{%"), ("%_}", "%}")):
            xml = xml.replace(escaped, tag)
        return self.resolve_listing(xml)

    def render_footnotes(self, context: Any, jinja_env: Any = None) -> None:
        """docxtpl looks for a footnotes part among all the package's parts once per
        section (a walk of the package each): looked for once here, and rendered by
        docxtpl only if there is one."""
        if any(part.content_type == CT.WML_FOOTNOTES for part in self.docx.part.package.parts):
            super().render_footnotes(context, jinja_env)

    def resolve_listing(self, xml: str) -> str:
        """docxtpl turns ``\t \n \a \f`` in a w:t's text into tabs, breaks and
        paragraphs, with regexes over every paragraph. _literal writes the tabs and breaks
        of values already, and validation refuses ``\a`` and ``\f``: the regexes run only
        when such a character is left in some w:t (an image's XML has line ends between
        its tags, which docxtpl leaves alone too)."""
        if not _in_text(xml, _LISTING_CHARS):
            return xml
        return str(super().resolve_listing(xml))

    def fix_tables(self, xml: str) -> Any:
        """docxtpl re-parses the body in lxml's *recover* mode to fix tables after
        ``{%tc %}`` column loops, which this template does not use; recover mode also
        drops broken XML silently. A strict parse fails loudly on a template bug.

        The body is parsed inside the template's root element (see _Frame), so that
        map_tree need not move it into the document: moving re-resolves the namespace of
        every element and attribute (3 ms). lxml parses UTF-8 twice as fast as a str.
        """
        data = self.rendered_body = xml.encode()
        frame = _frame(self._template) if isinstance(self._template, bytes) else None
        if frame is None or not frame.holds(data):
            return etree.fromstring(data)
        parser = etree.XMLParser()  # lxml's defaults, as above; python-docx's classes
        parser.set_element_class_lookup(element_class_lookup)
        document = etree.fromstring(frame.around(data), parser)
        for drawing in document.iter(DRAWING):  # as moving would: see _Frame
            for child in list(drawing):
                drawing.append(child)
        return document[0]

    def fix_docpr_ids(self, tree: Any) -> None:
        """docxtpl's renumbering of the images' ids, through lxml's own xpath: the
        elements fix_tables parses are python-docx's, whose xpath takes no namespaces."""
        for element in etree._Element.xpath(tree, "//wp:docPr", namespaces=nsmap):
            self.docx_ids_index += 1
            element.attrib["id"] = str(self.docx_ids_index)

    def map_tree(self, tree: Any) -> None:
        """Makes the root fix_tables parsed the body in the document's root (its part's
        element); a body parsed alone replaces the template's body, as docxtpl does."""
        document = tree.getparent()
        if document is None:
            super().map_tree(tree)
            return
        part = self.docx.part
        part._element = document  # python-docx's XmlPart keeps its root there
        self.docx = Document(document, part)


DRAWING = qn("w:drawing")


class _Frame(NamedTuple):
    """The template's document.xml around its body, to parse a rendered body in place.

    The rendered body's start tag declares the namespaces in scope again (docxtpl
    serialises the body alone); all are the root's, so the body goes in bare. Moving a
    body parsed alone into the document also dropped every nested declaration the
    ancestors already make: only an image's XML (a value, inside w:drawing) holds such
    declarations, and fix_tables moves the children of each w:drawing for that. Any
    other declaration in the body takes the path of a body parsed alone.
    """

    head: bytes  # up to the body: the root's start tag
    start: bytes  # the body's start tag as docxtpl serialises the body alone
    tail: bytes  # after the body

    def holds(self, body: bytes) -> bool:
        if not body.startswith(self.start):
            return False
        at = body.find(b" xmlns", len(self.start))
        while at != -1:
            if body.rfind(b"<w:drawing>", 0, at) <= body.rfind(b"</w:drawing>", 0, at):
                return False  # a declaration outside an image
            at = body.find(b" xmlns", at + 1)
        return True

    def around(self, body: bytes) -> bytes:
        return self.head + b"<w:body>" + body[len(self.start) :] + self.tail


@lru_cache(maxsize=4)
def _frame(template: bytes) -> _Frame | None:
    """The template's _Frame; None if the root holds more than the body, or the body
    declares a namespace the root does not."""
    root = _opened(template).element
    whole, body = etree.tostring(root), etree.tostring(root[0])
    start = body[: body.index(b">") + 1]
    declared = dict(re.findall(rb' xmlns:(\w+)="([^"]*)"', start))
    bare = b"<w:body" + b"".join(b' xmlns:%s="%s"' % item for item in declared.items()) + b">"
    at, end = whole.find(b"<w:body>"), whole.rfind(b"</w:body>")
    if len(root) != 1 or start != bare or at == -1 or end == -1:
        return None
    if any(root.nsmap.get(prefix.decode()) != uri.decode() for prefix, uri in declared.items()):
        return None
    return _Frame(whole[:at], start, whole[end + len(b"</w:body>") :])


def _in_text(xml: str, chars: str) -> bool:
    """Whether one of ``chars`` is in the text of a w:t: the text right after its start
    tag, as w:t holds no elements (str.find, not a regex: a tenth of the time)."""
    for char in chars:
        at = xml.find(char)
        while at != -1:
            if xml.startswith(("<w:t>", "<w:t "), xml.rfind("<", 0, at)):
                return True
            at = xml.find(char, at + 1)
    return False


@lru_cache(maxsize=4)
def _body_xml(template: bytes) -> str:
    """The template's body as docxtpl serialises it for rendering (xml_to_string)."""
    return str(etree.tostring(_opened(template).element.body, encoding="unicode"))


@lru_cache(maxsize=4)
def _opened(template: bytes) -> Document:
    """The template as python-docx opens it; never handed out, only copied (a copy's
    package, parts and XML are its own)."""
    return docx.Document(io.BytesIO(template))


@cache
def jinja_env() -> Environment:
    return CompilingOnce(autoescape=True, undefined=StrictUndefined, finalize=_literal)


@cache
def template_bytes(template_path: Path) -> bytes:
    return template_path.read_bytes()


def save_atomically(
    document: Document, target: Path, finish: Callable[[Path], None] | None = None
) -> Path:
    """Writes the document to ``target`` (see write_atomically); ``finish`` may complete
    the written file before it takes the name."""

    def write(temporary: Path) -> None:
        save_deterministic(document, temporary)
        if finish is not None:
            finish(temporary)

    return write_atomically(target, write)


def save_deterministic(document: Document, target: Path) -> None:
    """Same plan, same bytes: fixed zip timestamps, python-docx's entry order.

    Writes the package through python-docx's PackageWriter steps with a zip writer of
    our own, instead of saving and re-zipping: one compression pass, not two.
    """
    package = document.part.package
    parts = package.parts  # a walk of the package's relationships: once, not three times
    for part in parts:
        part.before_marshal()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        writer = _FixedTimeWriter(archive)
        steps: Any = PackageWriter  # its steps are private, untyped, stable since 0.8
        steps._write_content_types_stream(writer, parts)
        steps._write_pkg_rels(writer, package.rels)
        steps._write_parts(writer, parts)


class _FixedTimeWriter:
    """python-docx's physical-package writer interface, with 1980-01-01 on every entry."""

    def __init__(self, archive: zipfile.ZipFile) -> None:
        self._archive = archive

    def write(self, pack_uri: Any, blob: bytes) -> None:
        info = zipfile.ZipInfo(pack_uri.membername, ZIP_TIME)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        self._archive.writestr(info, blob, compresslevel=ZIP_LEVEL)
