"""Plan -> .docx through the docxtpl template; all list and table numbers are made here."""

from __future__ import annotations

import hashlib
import io
import marshal
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime, time
from functools import cache
from pathlib import Path
from typing import Any, ClassVar

import docxtpl
import jinja2
from docx.shared import Cm
from docxtpl import DocxTemplate, InlineImage
from jinja2 import Environment, StrictUndefined
from lxml import etree
from markupsafe import Markup, escape

from generator.contract import TICK
from generator.indonesian import format_date, letter, roman
from generator.plan.models import Line, Marker, Paragraph, Plan, SectionKey, numbered
from generator.plan.standard_text import PENGANTAR_TABEL
from generator.render import layout

TEMPLATE = Path(__file__).resolve().parents[2] / "word_templates" / "rencana_kerja_zi.docx"
_LISTING_CHARS = re.compile("[\t\n\a\f]")

BAB1 = (
    (SectionKey.LATAR_BELAKANG, "Latar Belakang"),
    (SectionKey.MAKSUD_TUJUAN, "Maksud dan Tujuan"),
    (SectionKey.RUANG_LINGKUP, "Ruang Lingkup"),
    (SectionKey.DASAR_HUKUM, "Dasar Hukum"),
    (SectionKey.PENGERTIAN_UMUM, "Pengertian Umum"),
    (SectionKey.PERKEMBANGAN, "Perkembangan Masalah dan Kondisi"),
    (SectionKey.ANALISA, "Analisa"),
    (SectionKey.PERKIRAAN, "Perkiraan"),
    (SectionKey.REKOMENDASI, "Rekomendasi"),
)
BAB3 = ((SectionKey.EVALUASI, "Evaluasi"), (SectionKey.PELAPORAN, "Pelaporan"))


def narrative(paragraphs: Iterable[Paragraph]) -> list[dict[str, Any]]:
    """Numbers a section's items: 1. / a. / 1) by depth; deeper counters restart under a
    new parent; plain paragraphs after an item are indented to that item's text."""
    counters = [0, 0, 0, 0]
    depth = 0
    out: list[dict[str, Any]] = []
    for p in paragraphs:
        if p.level == 0:
            out.append({"kind": "text", "depth": depth, "label": "", "text": p.text})
            continue
        depth = p.level
        counters[depth] += 1
        for deeper in range(depth + 1, 4):
            counters[deeper] = 0
        n = counters[depth]
        mark = {1: f"{n}.", 2: f"{letter(n)}.", 3: f"{n})"}[depth]
        out.append({"kind": "item", "depth": depth, "label": mark, "text": p.text})
    return out


def cell_lines(lines: Iterable[Line], counters: dict[Marker, int]) -> list[dict[str, str]]:
    """A cell's lines; list items keep counting across the lines of one KEGIATAN."""
    out = [{"label": label, "text": text} for label, text in numbered(lines, counters)]
    return out or [{"label": "", "text": ""}]  # Word needs a paragraph in every cell


def _components(plan: Plan) -> Iterator[dict[str, Any]]:
    table = 0
    for component in plan.components:
        number = component.key.number
        activities = []
        for index, activity in enumerate(component.activities, start=1):
            counters: dict[str, dict[Marker, int]] = {"hasil": {}, "uraian": {}, "target": {}}
            lines = [
                {
                    "hasil": cell_lines(line.hasil, counters["hasil"]),
                    "uraian": cell_lines(line.uraian, counters["uraian"]),
                    "target": cell_lines(line.target, counters["target"]),
                    "ticks": [TICK if ticked else "" for ticked in line.months],
                    "ket": line.ket,
                    "penanggung_jawab": line.penanggung_jawab,
                    "data_dukung": line.data_dukung,
                    "kode_lke": line.kode_lke,
                }
                for line in activity.lines
            ]
            activities.append(
                {"number": f"{index}.", "kegiatan": activity.kegiatan, "lines": lines}
            )
        matrix_table = table + 1 if activities else 0
        table = matrix_table or table
        priorities = [
            {
                "number": f"{index}.",
                "target": target.target,
                "steps": [
                    {
                        "label": f"{n}." if step.rencana_aksi else "",
                        **step.model_dump(),
                    }
                    for n, step in enumerate(target.steps, start=1)
                ],
            }
            for index, target in enumerate(component.priorities, start=1)
        ]
        priority_table = table + 1 if priorities else 0
        table = priority_table or table
        yield {
            "number": f"2.{number}",
            "roman": roman(number),
            "title": component.key.value,
            "tujuan": component.tujuan,
            "targets": [
                {"label": f"{letter(n)}.", "text": text}
                for n, text in enumerate(component.targets, start=1)
            ],
            "pengantar_tabel": component.pengantar_tabel or [PENGANTAR_TABEL],
            "activities": activities,
            "matrix_table": matrix_table,
            "priorities": priorities,
            "priority_table": priority_table,
        }


def default_filename(plan: Plan) -> str:
    """``Rencana_Kerja_ZI_Rutan_Pekanbaru_2024.docx``: letters, digits, ``-`` and ``_`` only,
    so that no Nama Singkat can point outside the output folder."""
    name = re.sub(r"[^\w-]+", "_", plan.identity.nama_singkat).strip("_") or "Satker"
    return f"Rencana_Kerja_ZI_{name}_{plan.identity.tahun}.docx"


def build_context(
    plan: Plan, template: DocxTemplate | None = None, history: dict[str, Any] | str = ""
) -> dict[str, Any]:
    """Everything the template needs, already numbered and formatted; ``history`` is the
    Riwayat Perubahan page's context (generator.diff.history_context), "" for none."""
    identity = plan.identity
    signer = identity.penandatangan
    ketua = identity.ketua_tim
    logo: object = ""
    if plan.logo and template is not None:
        logo = InlineImage(template, plan.logo, height=Cm(4))
    components = list(_components(plan))
    return {
        "nama_satker": identity.nama_satker,
        "nama_singkat": identity.nama_singkat,
        "kantor_wilayah": identity.kantor_wilayah,
        "tahun": identity.tahun,
        "tempat": identity.tempat,
        "tanggal": format_date(identity.tanggal),
        "alamat": identity.alamat,
        "revisi": identity.revisi,
        "tanggal_revisi": (
            f", {format_date(identity.tanggal_revisi)}" if identity.tanggal_revisi else ""
        ),
        "jabatan": signer.jabatan,
        "nama": signer.nama,
        "nip": signer.nip_display,
        "ketua": (
            {"jabatan": ketua.jabatan, "nama": ketua.nama, "nip": ketua.nip_display}
            if ketua
            else ""
        ),
        "logo": logo,
        "kata_pengantar": narrative(plan.section(SectionKey.KATA_PENGANTAR).paragraphs),
        "bab1": _numbered_sections(plan, 1, BAB1),
        "pengantar_bab2": narrative(plan.section(SectionKey.PENGANTAR_BAB2).paragraphs),
        "components": components,
        "indikator_hasil": {
            "number": f"2.{len(components) + 1}",
            "title": "Indikator Hasil",
            "paragraphs": narrative(plan.section(SectionKey.INDIKATOR_HASIL).paragraphs),
        },
        "bab3": _numbered_sections(plan, 3, BAB3),
        "penutup": narrative(plan.section(SectionKey.PENUTUP).paragraphs),
        "riwayat": history,
    }


def _numbered_sections(
    plan: Plan, bab: int, sections: tuple[tuple[SectionKey, str], ...]
) -> list[dict[str, Any]]:
    """``1.1 Latar Belakang`` … : a chapter's sections, numbered."""
    return [
        {
            "number": f"{bab}.{n}",
            "title": title,
            "paragraphs": narrative(plan.section(key).paragraphs),
        }
        for n, (key, title) in enumerate(sections, start=1)
    ]


def _literal(value: object) -> object:
    """Escapes text so it appears as typed.

    Beyond autoescape (``&``, ``<``), docxtpl turns ``{_{`` into ``{{`` after rendering;
    writing ``_`` as a character reference keeps such text literal.
    """
    if isinstance(value, str) and not isinstance(value, Markup):
        escaped = escape(value)
        return Markup(str(escaped).replace("_", "&#95;")) if "_" in value else escaped
    return value


CACHE_DIR = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "zi-plan"
_CACHE_SALT = f"{sys.version}|jinja2 {jinja2.__version__}|docxtpl {docxtpl.__version__}|1"


def _disk_cached(kind: str, source: str, make: Callable[[], bytes]) -> bytes:
    """``make()``'s bytes for ``source``, kept in the user's cache folder across runs.

    A cache that cannot be read or written only makes the run slower, never wrong: the
    key covers the source and the versions of Python, Jinja and docxtpl.
    """
    key = hashlib.sha256(f"{_CACHE_SALT}|{kind}|{source}".encode()).hexdigest()
    path = CACHE_DIR / f"{key}.{kind}"
    try:
        return path.read_bytes()
    except OSError:
        pass
    data = make()
    try:
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        partial.write_bytes(data)
        os.replace(partial, path)
    except OSError:
        pass
    return data


class _CompilingOnce(Environment):
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
            self._compiled[source] = compiled
        return compiled

    @property
    def _compiled(self) -> dict[str, Any]:
        cache: dict[str, Any] = self.__dict__.setdefault("_zi_compiled", {})
        return cache


class _PatchingOnce(DocxTemplate):  # type: ignore[misc]
    """docxtpl with its XML clean-up (a few dozen regexes over the body) done once per
    source, and a strict parse of the rendered body."""

    _patched: ClassVar[dict[str, str]] = {}

    def patch_xml(self, src_xml: str) -> str:
        patched = self._patched.get(src_xml)
        if patched is None:
            data = _disk_cached(
                "xml", src_xml, lambda: super(_PatchingOnce, self).patch_xml(src_xml).encode()
            )
            patched = self._patched[src_xml] = data.decode()
        return patched

    def resolve_listing(self, xml: str) -> str:
        """docxtpl turns ``\t \n \a \f`` in values into tabs, breaks and paragraphs with
        regexes over every paragraph; most plans hold none of them."""
        if _LISTING_CHARS.search(xml) is None:
            return xml
        return str(super().resolve_listing(xml))

    def fix_tables(self, xml: str) -> Any:
        """docxtpl re-parses the body in lxml's *recover* mode to fix tables after
        ``{%tc %}`` column loops, which this template does not use; recover mode also
        drops broken XML silently. A strict parse fails loudly on a template bug."""
        return etree.fromstring(xml)


@cache
def jinja_env() -> Environment:
    return _CompilingOnce(autoescape=True, undefined=StrictUndefined, finalize=_literal)


@cache
def _template_bytes(template_path: Path) -> bytes:
    return template_path.read_bytes()


def render(
    plan: Plan, template_path: Path = TEMPLATE, history: dict[str, Any] | str = ""
) -> DocxTemplate:
    template = _PatchingOnce(io.BytesIO(_template_bytes(template_path)))
    template.render(build_context(plan, template, history), jinja_env(), autoescape=True)
    document = template.docx
    layout.shape(document, paper=plan.identity.ukuran_kertas)
    _set_properties(document.core_properties, plan)
    return template


MAX_PROPERTY_CHARS = 255  # python-docx (and Word's File › Properties) refuse longer values


def _set_properties(core: Any, plan: Plan) -> None:
    """File › Properties from the plan, as typed (not through the escaping template), and
    dates from the plan so that rebuilding gives the same bytes."""
    identity = plan.identity
    title = f"Rencana Kerja Pembangunan Zona Integritas {identity.nama_singkat} {identity.tahun}"
    core.title = title[:MAX_PROPERTY_CHARS]
    core.subject = f"Rencana Kerja Pembangunan Zona Integritas Tahun {identity.tahun}"
    core.author = identity.nama_satker[:MAX_PROPERTY_CHARS]
    moment = datetime.combine(identity.tanggal, time(0))
    core.created = core.modified = core.last_printed = moment


def write(
    plan: Plan,
    target: Path,
    template_path: Path = TEMPLATE,
    *,
    toc: bool = False,
    history: dict[str, Any] | str = "",
) -> Path:
    """Renders and writes atomically: a failed build never touches an existing document.

    With ``toc``, the Daftar Isi gets its page numbers from a LibreOffice rendering
    (generator/toc.py) before the file is moved into place. With ``history`` (the context
    of the changes since an earlier version), a Riwayat Perubahan page closes the document.
    """
    template = render(plan, template_path, history)
    finish = None
    if toc:
        from generator.render.office import OfficeFailed
        from generator.render.toc import fill_toc  # LibreOffice and pypdf: only when asked

        def finish(temporary: Path) -> None:
            try:
                fill_toc(temporary)
            except OfficeFailed as exc:  # name the document, not its temporary file
                raise OfficeFailed(target, str(exc.problem.params["detail"])) from None

    return layout.save_atomically(template.docx, target, finish)
