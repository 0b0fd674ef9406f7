"""Fills the Daftar Isi with page numbers read from a LibreOffice rendering.

Only a layout engine knows on which page a heading lands. The document is rendered to PDF
once; each heading is looked up on the pages in order, and the entries are written as the
TOC field's current result, so the Kanwil sees page numbers without pressing F9 (Word
still refreshes the field on open, since ``w:updateFields`` is set).
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from pypdf import PdfReader

from generator.indonesian import roman
from generator.render.engine import save_deterministic
from generator.render.office import convert_to_pdf

HEADING_LEVELS = {"Heading 1": 1, "Heading 2": 2}


@dataclass(frozen=True)
class Entry:
    level: int
    text: str
    page: str


def fill_toc(document_path: Path) -> list[Entry]:
    """Renders the document with LibreOffice and writes the TOC entries into it."""
    document = Document(str(document_path))
    field = _toc_paragraph(document)
    if field is not None and _clear_entries(field):
        save_deterministic(document, document_path)  # measure without the old entries
    with tempfile.TemporaryDirectory(prefix="zi-plan-toc-") as scratch:
        pdf = convert_to_pdf(document_path, Path(scratch))
        pages = [_fold(page.extract_text() or "") for page in PdfReader(pdf).pages]
    document = Document(str(document_path))
    headings = [
        (HEADING_LEVELS[p.style.name], " ".join(p.text.split()))
        for p in document.paragraphs
        if p.style is not None and p.style.name in HEADING_LEVELS and p.text.strip()
    ]
    entries = _entries(headings, pages)
    field = _toc_paragraph(document)
    if field is None or not entries:
        return []
    style_ids = {level: document.styles[f"toc {level}"].style_id for level in (1, 2)}
    _write_entries(field, [_entry_paragraph(entry, style_ids[entry.level]) for entry in entries])
    save_deterministic(document, document_path)
    return entries


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def _entries(headings: list[tuple[int, str]], pages: list[str]) -> list[Entry]:
    found: list[tuple[int, str, int]] = []
    page = 0
    for level, text in headings:
        needle = _fold(text)
        hit = next((i for i in range(page, len(pages)) if needle in pages[i]), None)
        if hit is None:
            continue
        found.append((level, text, hit))
        page = hit
    first_arabic = next((hit for _, text, hit in found if _fold(text).startswith("bab i ")), 0)
    return [Entry(level, text, _page_label(hit, first_arabic)) for level, text, hit in found]


def _page_label(page: int, first_arabic: int) -> str:
    """``ii`` in the front matter, ``1`` from BAB I on (page counts from 0)."""
    return roman(page + 1).lower() if page < first_arabic else str(page - first_arabic + 1)


def _field_char(run: Any) -> str | None:
    char = run.find(qn("w:fldChar"))
    return None if char is None else str(char.get(qn("w:fldCharType")))


def _clear_entries(field: Any) -> bool:
    """Puts a filled TOC field back to one paragraph with an empty result."""
    if any(_field_char(run) == "end" for run in field.findall(qn("w:r"))):
        return False
    following = []
    for paragraph in field.itersiblings(qn("w:p")):
        following.append(paragraph)
        if any(_field_char(run) == "end" for run in paragraph.findall(qn("w:r"))):
            break
    runs = field.findall(qn("w:r"))
    separate = next(i for i, run in enumerate(runs) if _field_char(run) == "separate")
    for run in runs[separate + 1 :]:
        field.remove(run)
    end = next(run for run in following[-1].findall(qn("w:r")) if _field_char(run) == "end")
    field.append(end)
    for paragraph in following:
        paragraph.getparent().remove(paragraph)
    return True


def _toc_paragraph(document: Any) -> Any:
    for paragraph in document.element.body.iter(qn("w:p")):
        for instr in paragraph.iter(qn("w:instrText")):
            if (instr.text or "").strip().startswith("TOC"):
                return paragraph
    return None


def _run(child: Any) -> Any:
    run = OxmlElement("w:r")
    run.append(child)
    return run


def _text_run(text: str) -> Any:
    t = OxmlElement("w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = text
    return _run(t)


def _entry_paragraph(entry: Entry, style_id: str) -> Any:
    paragraph = OxmlElement("w:p")
    properties = OxmlElement("w:pPr")
    style = OxmlElement("w:pStyle")
    style.set(qn("w:val"), style_id)
    properties.append(style)
    paragraph.append(properties)
    paragraph.append(_text_run(entry.text))
    paragraph.append(_run(OxmlElement("w:tab")))
    paragraph.append(_text_run(entry.page))
    return paragraph


def _write_entries(field: Any, paragraphs: list[Any]) -> None:
    """The field keeps its begin/instruction/separate runs; the old result and the end
    run move behind the new entries."""
    runs = field.findall(qn("w:r"))
    separate = next(i for i, run in enumerate(runs) if _field_char(run) == "separate")
    end = runs[-1]
    for run in runs[separate + 1 :]:
        field.remove(run)
    first, *rest = paragraphs
    field_style = field.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    if field_style is None:
        field.insert(0, first.find(qn("w:pPr")))
    else:
        field_style.set(qn("w:val"), first.find(f"{qn('w:pPr')}/{qn('w:pStyle')}").get(qn("w:val")))
    for run in first.findall(qn("w:r")):
        field.append(run)
    anchor = field
    for paragraph in rest:
        anchor.addnext(paragraph)
        anchor = paragraph
    anchor.append(end)
