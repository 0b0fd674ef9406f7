"""Plan -> the template's context: every list, section and table number is made here."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from docx.shared import Cm
from docxtpl import DocxTemplate, InlineImage

from generator.contract import TICK
from generator.foreign_terms import italiciser
from generator.indonesian import format_date, letter, roman
from generator.plan.models import Line, Marker, Paragraph, Plan, SectionKey, numbered
from generator.plan.standard_text import PENGANTAR_TABEL

BAB1 = (
    (SectionKey.LATAR_BELAKANG, "Latar Belakang"),
    (SectionKey.MAKSUD_TUJUAN, "Maksud dan Tujuan"),
    (SectionKey.RUANG_LINGKUP, "Ruang Lingkup"),
    (SectionKey.DASAR_HUKUM, "Dasar Hukum"),
    (SectionKey.PENGERTIAN_UMUM, "Pengertian Umum"),
    (SectionKey.PERKEMBANGAN, "Perkembangan Masalah dan Kondisi"),
    (SectionKey.ANALISA, "Analisa"),
    (SectionKey.PERKIRAAN, "Perkiraan/ Prediksi"),
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
            # an introduction only to a table that follows it
            "pengantar_tabel": (component.pengantar_tabel or [PENGANTAR_TABEL])
            if activities or priorities
            else [],
            "activities": activities,
            "matrix_table": matrix_table,
            "priorities": priorities,
            "priority_table": priority_table,
        }


def build_context(
    plan: Plan,
    template: DocxTemplate | None = None,
    history: dict[str, Any] | str = "",
    lke_appendix: dict[str, Any] | str = "",
) -> dict[str, Any]:
    """Everything the template needs, already numbered and formatted; ``history`` is the
    Riwayat Perubahan page's context (generator.diff.history_context), ``lke_appendix``
    the LKE appendix's (generator.lke.appendix.appendix_context), "" for none."""
    identity = plan.identity
    signer = identity.penandatangan
    ketua = identity.ketua_tim
    logo: object = ""
    if plan.logo and template is not None:
        logo = InlineImage(template, plan.logo, height=Cm(4))
    components = list(_components(plan))
    context = {
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
        "jabatan_lengkap": signing_title(signer.jabatan, identity.nama_satker),
        "judul_dokumen": identity.judul_dokumen,
        "slogan": identity.slogan,
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
            "number": "➤",  # set apart from the components, as the standard text does
            "title": "Indikator Hasil",
            "paragraphs": narrative(plan.section(SectionKey.INDIKATOR_HASIL).paragraphs),
        },
        "bab3": _numbered_sections(plan, 3, BAB3),
        "penutup": narrative(plan.section(SectionKey.PENUTUP).paragraphs),
        "riwayat": history,
        "lampiran_lke": lke_appendix,
    }
    italicise = italiciser(tuple(plan.foreign_terms))
    return {key: _with_foreign_terms(value, italicise) for key, value in context.items()}


def _with_foreign_terms(value: Any, italicise: Callable[[str], str]) -> Any:
    """Every text of the context with its foreign terms in italics (generator.foreign_terms);
    text with formatting of its own is kept as formatted."""
    if isinstance(value, str):
        return italicise(value)
    if isinstance(value, dict):
        return {key: _with_foreign_terms(item, italicise) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_with_foreign_terms(item, italicise) for item in value]
    return value


def signing_title(jabatan: str, nama_satker: str) -> str:
    """``Kepala Rumah Tahanan Negara Kelas I Pekanbaru``: Tata Naskah Dinas names the office
    after the position, unless the position as typed already names it."""
    if nama_satker.casefold() in jabatan.casefold():
        return jabatan
    return f"{jabatan} {nama_satker}"


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
