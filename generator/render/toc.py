"""Fills the Daftar Isi and the Daftar Tabel with page numbers read from a LibreOffice
rendering.

Only a layout engine knows on which page a heading lands. Each list is first written with
its final entries and a placeholder number, so that the measured layout is the final one;
each listed heading and caption gets a bookmark, the documents are rendered to PDF in one
LibreOffice run that turns every bookmark into a named destination, and the page of each
destination is written in. Where a PDF lacks some destination (a LibreOffice older than
7.4), that document's headings and captions are searched in the text of its pages instead.
The bookmarks stay: each entry is an internal hyperlink to its heading, as Word's own
``TOC \\h`` makes them. A filled document no longer asks Word to update its fields on
opening (``w:updateFields`` is removed).
"""

from __future__ import annotations

import re
import shutil
import tempfile
import unicodedata
from collections.abc import Collection
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from pypdf import PdfReader

from generator.files import move_into_place, staging_folder
from generator.indonesian import roman
from generator.render import office_batch
from generator.render.engine import save_deterministic
from generator.render.office import convert_many

HEADING_LEVELS = {"Heading 1": 1, "Heading 2": 2}
CAPTION_STYLE = "Caption"
CAPTION_LEVEL = 0  # an entry of the Daftar Tabel, styled "table of figures"
PLACEHOLDER = "00"
NO_TABLES = "Dokumen ini tidak memuat tabel."
# Bookmark names of letters and digits only: LibreOffice writes "_" into a PDF name as
# "5F", which no longer reads back as the bookmark's name.
BOOKMARK_PREFIXES = {"h": "ziIsi", "c": "ziTabel"}
OWN_BOOKMARK = re.compile(r"zi(Isi|Tabel)\d+")


@dataclass(frozen=True)
class Entry:
    level: int
    text: str
    page: str
    anchor: str = ""  # the bookmark of the heading or caption listed


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
        hits = _measured(copies, lists, Path(scratch))
    filled = zip(documents, lists, hits, strict=True)
    return [_fill(path, found, hit) for path, found, hit in filled]


def _measured(
    documents: list[Path], lists: list[_Lists], outdir: Path
) -> list[dict[tuple[str, int], int]]:
    """The page of each prepared document's headings and captions, read off the PDFs
    (with destinations, in ``outdir``) of one LibreOffice run."""
    pdfs = convert_many(documents, outdir, destinations=True)
    return [_pages_of(pdf, found) for pdf, found in zip(pdfs, lists, strict=True)]


def pdfs_with_lists(
    documents: list[Path], session: office_batch.Session | None, *, fill_documents: bool
) -> list[Path]:
    """PDFs beside ``documents`` whose lists carry page numbers (see ListedPdfs); with
    ``fill_documents``, the documents get the same numbers."""
    if not documents:
        return []
    with ListedPdfs(documents[0].parent, session) as listed:
        for document in documents:
            listed.add(document, document)
        return listed.finish(fill_documents=fill_documents)


@dataclass
class _Job:
    copy: Path  # the copy filled and exported, in the scratch folder
    lists: _Lists
    target: Path  # the document's own place
    pdf_target: Path  # where its PDF goes
    filled: bool = False

    @property
    def pdf(self) -> Path:
        return self.copy.with_suffix(".pdf")


class ListedPdfs:
    """PDFs whose lists carry page numbers, made while documents keep coming.

    Each document handed to ``add`` is copied, bookmarked and given its lists
    (``_prepare``), and queued at once for one LibreOffice process (office_batch.Session),
    which updates the lists by its own layout and exports the PDF; the copy's lists are
    then filled from its PDF, so that the two agree. What that process could not do takes
    the two-run way at ``finish``: one LibreOffice run measures, one converts (also for
    every document, where ``session`` is None: LibreOffice did not start). The scratch
    folder lies in ``folder``, where the PDFs land, so that they are moved, not copied.
    """

    def __init__(self, folder: Path, session: office_batch.Session | None) -> None:
        self._open = ExitStack()
        self._scratch = self._open.enter_context(staging_folder(folder))
        self._session = session  # the caller's, started as early as it could be
        self._jobs: list[_Job] = []

    def __enter__(self) -> ListedPdfs:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._open.close()

    def add(self, document: Path, target: Path, pdf: Path | None = None) -> None:
        """Queues ``document``, whose filled copy may later replace ``target``; its PDF
        goes to ``pdf`` (default: beside ``target``)."""
        copy = self._scratch / f"{len(self._jobs)}.docx"
        shutil.copyfile(document, copy)
        job = _Job(copy, _prepare(copy), target, pdf or target.with_suffix(".pdf"))
        self._jobs.append(job)
        if self._session is not None:
            self._session.submit(copy, job.pdf, bool(job.lists.captions))
            self._fill_exported(self._session.exported())

    def finish(
        self, targets: Collection[Path] | None = None, *, fill_documents: bool
    ) -> list[Path]:
        """Waits for the PDFs of ``targets`` (default: every document added) and moves
        each to its place; with ``fill_documents``, the filled copy replaces its target."""
        wanted = [job for job in self._jobs if targets is None or job.target in targets]
        if self._session is not None:
            self._session.close(self._fill_exported)
        rest = [job for job in wanted if not job.filled]
        if rest:  # no macro, or a document it failed on: the two-run way
            copies = [job.copy for job in rest]  # prepared when added: measured as they are
            measured = _measured(copies, [job.lists for job in rest], self._scratch)
            for job, hits in zip(rest, measured, strict=True):
                _fill(job.copy, job.lists, hits)
            convert_many(copies, self._scratch)  # the measuring PDFs are replaced
        pdfs = []
        for job in wanted:
            pdfs.append(move_into_place(job.pdf, job.pdf_target))
            if fill_documents:
                move_into_place(job.copy, job.target)
        return pdfs

    def _fill_exported(self, exported: dict[Path, bool]) -> None:
        for job in self._jobs:
            if not job.filled and exported.get(job.pdf):
                _fill(job.copy, job.lists, _pages_of(job.pdf, job.lists))
                job.filled = True


def _prepare(path: Path) -> _Lists:
    """Reads the headings and captions, bookmarks them, and writes the lists with
    placeholder numbers."""
    document = Document(str(path))
    headings: list[tuple[int, str]] = []
    captions: list[str] = []
    before = -1
    names = _style_names(document)
    body = document.element.body
    next_id = _drop_own_bookmarks(body)
    for paragraph in list(body.iter(qn("w:p"))):
        if _is_list_field(paragraph) and before < 0:
            before = len(headings)
        style_id = paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        style = "" if style_id is None else names.get(style_id.get(qn("w:val")), "")
        text = _paragraph_text(paragraph)
        if not text:
            continue
        if style in HEADING_LEVELS:
            _bookmark(paragraph, _anchor(("h", len(headings))), next_id)
            headings.append((HEADING_LEVELS[style], text))
        elif style == CAPTION_STYLE:
            _bookmark(paragraph, _anchor(("c", len(captions))), next_id)
            captions.append(text)
        else:
            continue
        next_id += 1
    found = _Lists(headings, captions, max(before, 0))
    placeholder = _entries_of(found, {})
    _write_lists(document, placeholder)
    save_deterministic(document, path)
    return found


def _anchor(key: tuple[str, int]) -> str:
    return f"{BOOKMARK_PREFIXES[key[0]]}{key[1]}"


def _bookmark(paragraph: Any, name: str, number: int) -> None:
    """Marks the whole paragraph: a start after its properties, an end after its runs."""
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(number))
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(number))
    properties = paragraph.find(qn("w:pPr"))
    paragraph.insert(0 if properties is None else 1, start)
    paragraph.append(end)


def _drop_own_bookmarks(body: Any) -> int:
    """Removes the bookmarks an earlier filling set (the document is filled again); the
    first bookmark id free after the others."""
    starts = list(body.iter(qn("w:bookmarkStart")))
    own = {s.get(qn("w:id")) for s in starts if OWN_BOOKMARK.fullmatch(s.get(qn("w:name")) or "")}
    for mark in [*starts, *body.iter(qn("w:bookmarkEnd"))]:
        if mark.get(qn("w:id")) in own:
            mark.getparent().remove(mark)
    kept = [int(s.get(qn("w:id"))) for s in starts if s.get(qn("w:id")) not in own]
    return max(kept, default=-1) + 1


def _pages_of(pdf: Path, lists: _Lists) -> dict[tuple[str, int], int]:
    """The page (from 0) of each heading and caption: its destination's, or where the PDF
    lacks one of them, the text search's."""
    reader = PdfReader(pdf)
    found = _destination_pages(reader, lists)
    if found is not None:
        return found
    return _hits(lists, [_fold(page.extract_text() or "") for page in reader.pages])


def _destination_pages(reader: PdfReader, lists: _Lists) -> dict[tuple[str, int], int] | None:
    named = reader.named_destinations  # "/ziIsi0" from a /Dests dictionary
    keys = [("h", i) for i in range(len(lists.headings))]
    keys += [("c", i) for i in range(len(lists.captions))]
    pages: dict[tuple[str, int], int] = {}
    for key in keys:
        destination = named.get(f"/{_anchor(key)}") or named.get(_anchor(key))
        page = None if destination is None else reader.get_destination_page_number(destination)
        if page is None:
            return None
        pages[key] = page
    return pages


def _fill(path: Path, lists: _Lists, hits: dict[tuple[str, int], int]) -> list[Entry]:
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
        Entry(level, text, label(("h", i)), _anchor(("h", i)))
        for i, (level, text) in enumerate(lists.headings)
    ]
    captions = [
        Entry(CAPTION_LEVEL, text, label(("c", i)), _anchor(("c", i)))
        for i, text in enumerate(lists.captions)
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


def _after_separate(field: Any) -> list[Any]:
    """What follows the field's separate run in its first paragraph: the result's runs and
    hyperlinks (and the end run, where the field ends there)."""
    runs = field.findall(qn("w:r"))
    separate = next(run for run in runs if _field_char(run) == "separate")
    return list(separate.itersiblings())


def _clear_entries(field: Any) -> bool:
    """Puts a filled TOC field back to one paragraph with an empty result."""
    if any(_field_char(run) == "end" for run in field.findall(qn("w:r"))):
        return False
    following = []
    for paragraph in field.itersiblings(qn("w:p")):
        following.append(paragraph)
        if any(_field_char(run) == "end" for run in paragraph.findall(qn("w:r"))):
            break
    for child in _after_separate(field):
        field.remove(child)
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
    link = OxmlElement("w:hyperlink")  # a click on the entry goes to its heading
    link.set(qn("w:anchor"), entry.anchor)
    link.append(_text_run(entry.text))
    link.append(_run(OxmlElement("w:tab")))
    link.append(_text_run(entry.page))
    paragraph.append(link)
    return paragraph


def _write_entries(field: Any, paragraphs: list[Any]) -> None:
    """The field keeps its begin/instruction/separate runs; the old result goes, and the
    end run moves behind the new entries."""
    after = _after_separate(field)
    end = next(child for child in after if _field_char(child) == "end")
    for child in after:
        field.remove(child)
    first, *rest = paragraphs
    field_style = field.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    first_style = first.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    if field_style is None:
        field.insert(0, first.find(qn("w:pPr")))
    elif first_style is not None:  # the note of an empty Daftar Tabel has none
        field_style.set(qn("w:val"), first_style.get(qn("w:val")))
    for child in list(first):  # runs, and the hyperlinks holding the entries' runs
        if child.tag != qn("w:pPr"):
            field.append(child)
    anchor = field
    for paragraph in rest:
        anchor.addnext(paragraph)
        anchor = paragraph
    anchor.append(end)
