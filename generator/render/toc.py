"""Fills the Daftar Isi and the Daftar Tabel with page numbers read from a LibreOffice
rendering.

Only a layout engine knows on which page a heading lands. Each list is first written with
its final entries and a placeholder number, so that the measured layout is the final one;
the documents are rendered to PDF in one LibreOffice run, each heading and caption is
looked up on the pages after the lists, and the numbers are written in. A filled document
no longer asks Word to update its fields on opening (``w:updateFields`` is removed).
"""

from __future__ import annotations

import shutil
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from pypdf import PdfReader

from generator.files import move_into_place
from generator.indonesian import roman
from generator.render.engine import save_deterministic
from generator.render.office import convert_many
from generator.render.office_batch import convert_with_indexes

HEADING_LEVELS = {"Heading 1": 1, "Heading 2": 2}
CAPTION_STYLE = "Caption"
CAPTION_LEVEL = 0  # an entry of the Daftar Tabel, styled "table of figures"
PLACEHOLDER = "00"
NO_TABLES = "Dokumen ini tidak memuat tabel."


@dataclass(frozen=True)
class Entry:
    level: int
    text: str
    page: str


@dataclass
class _Lists:
    """One document's lists: its headings and captions, in body order, and which of them
    stand before the lists (the Kata Pengantar)."""

    headings: list[tuple[int, str]]
    captions: list[str]
    before: int  # how many headings precede the Daftar Isi


def fill_toc(document_path: Path) -> list[Entry]:
    """Renders the document with LibreOffice and writes its lists' entries into it."""
    return fill_tocs([document_path])[0]


def fill_tocs(documents: list[Path]) -> list[list[Entry]]:
    """Fills the lists of every document, measured through one LibreOffice run."""
    lists = [_prepare(path) for path in documents]
    with tempfile.TemporaryDirectory(prefix="zi-plan-toc-") as scratch:
        copies = []
        for number, path in enumerate(documents):  # unique names: one PDF per document
            copies.append(Path(scratch) / f"{number}.docx")
            shutil.copyfile(path, copies[-1])
        pdfs = convert_many(copies, Path(scratch))
        pages = [
            [_fold(page.extract_text() or "") for page in PdfReader(pdf).pages] for pdf in pdfs
        ]
    return [
        _fill(path, found, read) for path, found, read in zip(documents, lists, pages, strict=True)
    ]


def pdfs_with_lists(documents: list[Path], outdir: Path, *, fill_documents: bool) -> list[Path]:
    """PDFs of ``documents`` in ``outdir`` whose lists carry page numbers: copies are
    filled and converted by one LibreOffice run for all, or, where that fails, filled (one
    run for all) and converted (a second run for all). With
    ``fill_documents``, the filled copies also replace the documents."""
    with tempfile.TemporaryDirectory(prefix=".zi-plan-pdf-", dir=outdir) as scratch:
        copies = []
        for path in documents:
            copies.append(Path(scratch) / path.name)
            shutil.copyfile(path, copies[-1])
        if not _filled_in_one_run(copies, Path(scratch)):
            fill_tocs(copies)
            convert_many(copies, Path(scratch))
        pdfs = [outdir / f"{copy.stem}.pdf" for copy in copies]
        for copy, pdf, original in zip(copies, pdfs, documents, strict=True):
            move_into_place(copy.with_suffix(".pdf"), pdf)
            if fill_documents:
                move_into_place(copy, original)
    return pdfs


def _filled_in_one_run(documents: list[Path], scratch: Path) -> bool:
    """One LibreOffice run updates each document's lists with its own layout's page
    numbers and exports the PDF (office_batch); each document's own lists are then filled
    from its PDF, so that the two agree. False when that run failed: the two-run way."""
    lists = [_prepare(path) for path in documents]
    pdfs = convert_with_indexes(documents, scratch, [bool(found.captions) for found in lists])
    if pdfs is None:
        return False
    for path, found, pdf in zip(documents, lists, pdfs, strict=True):
        _fill(path, found, [_fold(page.extract_text() or "") for page in PdfReader(pdf).pages])
    return True


def _prepare(path: Path) -> _Lists:
    """Reads the headings and captions, and writes the lists with placeholder numbers."""
    document = Document(str(path))
    headings: list[tuple[int, str]] = []
    captions: list[str] = []
    before = -1
    names = _style_names(document)
    for paragraph in document.element.body.iter(qn("w:p")):
        if _is_list_field(paragraph) and before < 0:
            before = len(headings)
        style_id = paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        style = "" if style_id is None else names.get(style_id.get(qn("w:val")), "")
        text = _paragraph_text(paragraph)
        if not text:
            continue
        if style in HEADING_LEVELS:
            headings.append((HEADING_LEVELS[style], text))
        elif style == CAPTION_STYLE:
            captions.append(text)
    found = _Lists(headings, captions, max(before, 0))
    placeholder = _entries_of(found, {})
    _write_lists(document, placeholder)
    save_deterministic(document, path)
    return found


def _fill(path: Path, lists: _Lists, pages: list[str]) -> list[Entry]:
    hits = _hits(lists, pages)
    document = Document(str(path))
    entries = _entries_of(lists, hits)
    _write_lists(document, entries)
    update = document.settings.element.find(qn("w:updateFields"))
    if update is not None:
        update.getparent().remove(update)
    save_deterministic(document, path)
    return entries[0] + entries[1]


def _hits(lists: _Lists, pages: list[str]) -> dict[tuple[str, int], int]:
    """The page (from 0) of each heading (``("h", i)``) and caption (``("c", i)``).

    The headings before the lists are looked up from the first page; then the lists' own
    entries are passed over (they hold the same texts), and the rest looked up after them.
    """
    hits: dict[tuple[str, int], int] = {}
    page = 0
    for index, (_, text) in enumerate(lists.headings[: lists.before]):
        page = _find(text, pages, page, hits, ("h", index))
    listed = [text for _, text in lists.headings[lists.before :]] + lists.captions
    last_list_page = page
    for text in listed:  # consecutive: each on the page of the one before, or the next
        hit = _search(text, pages[: last_list_page + 2], last_list_page)
        if hit is not None:
            last_list_page = hit
    page = start = last_list_page + 1
    for index in range(lists.before, len(lists.headings)):
        page = _find(lists.headings[index][1], pages, page, hits, ("h", index))
    page = start
    for index, text in enumerate(lists.captions):
        page = _find(text, pages, page, hits, ("c", index))
    return hits


def _search(text: str, pages: list[str], start: int) -> int | None:
    needle = _fold(text)
    return next((i for i in range(start, len(pages)) if needle in pages[i]), None)


def _find(
    text: str, pages: list[str], start: int, hits: dict[tuple[str, int], int], key: tuple[str, int]
) -> int:
    hit = _search(text, pages, start)
    if hit is None:
        return start
    hits[key] = hit
    return hit


def _entries_of(lists: _Lists, hits: dict[tuple[str, int], int]) -> tuple[list[Entry], list[Entry]]:
    """The Daftar Isi's and the Daftar Tabel's entries; numbers from ``hits`` (a
    placeholder where a text was not found)."""
    first_arabic = next(
        (
            hits[("h", i)]
            for i, (_, text) in enumerate(lists.headings)
            if _fold(text).startswith("bab i ") and ("h", i) in hits
        ),
        0,
    )

    def label(key: tuple[str, int]) -> str:
        return _page_label(hits[key], first_arabic) if key in hits else PLACEHOLDER

    headings = [
        Entry(level, text, label(("h", i))) for i, (level, text) in enumerate(lists.headings)
    ]
    captions = [
        Entry(CAPTION_LEVEL, text, label(("c", i))) for i, text in enumerate(lists.captions)
    ]
    return headings, captions


def _fold(text: str) -> str:
    """Spaces collapsed, case folded, symbols (``➤``, which PDF text may move) dropped."""
    kept = "".join(c for c in text if unicodedata.category(c) != "So")
    return " ".join(kept.split()).casefold()


def _paragraph_text(paragraph: Any) -> str:
    parts = []
    for node in paragraph.iter(qn("w:t"), qn("w:br"), qn("w:tab"), qn("w:instrText")):
        if node.tag == qn("w:t"):
            parts.append(node.text or "")
        elif node.tag != qn("w:instrText"):
            parts.append(" ")
    return " ".join("".join(parts).split())


def _style_names(document: Any) -> dict[str, str]:
    return {str(style.style_id): str(style.name) for style in document.styles}


def _is_list_field(paragraph: Any) -> bool:
    return any((i.text or "").strip().startswith("TOC") for i in paragraph.iter(qn("w:instrText")))


def _write_lists(document: Any, entries: tuple[list[Entry], list[Entry]]) -> None:
    """Writes each list field's result: the headings into the first, captions into the
    second (``\\t "Caption,1"``)."""
    fields = [p for p in document.element.body.iter(qn("w:p")) if _is_list_field(p)]
    style_ids = {level: document.styles[f"toc {level}"].style_id for level in (1, 2)}
    if "table of figures" in [s.name for s in document.styles]:
        style_ids[CAPTION_LEVEL] = document.styles["table of figures"].style_id
    else:
        style_ids[CAPTION_LEVEL] = style_ids[1]
    for field, listed in zip(fields, entries, strict=False):
        _clear_entries(field)
        if listed:
            _write_entries(field, [_entry_paragraph(e, style_ids[e.level]) for e in listed])
        elif _caption_field(field):
            _write_entries(field, [_note_paragraph(NO_TABLES)])


def _caption_field(field: Any) -> bool:
    return any("Caption" in (i.text or "") for i in field.iter(qn("w:instrText")))


def _note_paragraph(text: str) -> Any:
    paragraph = OxmlElement("w:p")
    paragraph.append(OxmlElement("w:pPr"))
    paragraph.append(_text_run(text))
    return paragraph


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
    first_style = first.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    if field_style is None:
        field.insert(0, first.find(qn("w:pPr")))
    elif first_style is not None:  # the note of an empty Daftar Tabel has none
        field_style.set(qn("w:val"), first_style.get(qn("w:val")))
    for run in first.findall(qn("w:r")):
        field.append(run)
    anchor = field
    for paragraph in rest:
        anchor.addnext(paragraph)
        anchor = paragraph
    anchor.append(end)
