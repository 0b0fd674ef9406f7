"""Reads a produced .docx back the way a reader sees it: blocks, captions, tables, sections."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

CAPTION = re.compile(r"^Tabel (\d+)\. (.+)$")
LABEL = re.compile(r"^(?:\d+\.|[a-z]+\.|\d+\)|–)\t")


@dataclass
class Captioned:
    number: int
    title: str
    table: Table
    landscape: bool


def open_docx(path: Path) -> DocumentObject:
    return Document(str(path))


def blocks(document: DocumentObject) -> list[Paragraph | Table]:
    out: list[Paragraph | Table] = []
    for element in document.element.body.iterchildren():
        if element.tag == qn("w:p"):
            out.append(Paragraph(element, document))
        elif element.tag == qn("w:tbl"):
            out.append(Table(element, document))
    return out


def _landscape_after(element: object) -> bool:
    for following in element.itersiblings():  # type: ignore[attr-defined]
        sect_pr = following.find(f"{qn('w:pPr')}/{qn('w:sectPr')}")
        if following.tag == qn("w:sectPr"):
            sect_pr = following
        if sect_pr is not None:
            size = sect_pr.find(qn("w:pgSz"))
            return bool(
                size.get(qn("w:orient")) == "landscape"
                and int(size.get(qn("w:w"))) > int(size.get(qn("w:h")))
            )
    raise AssertionError("no section after the table")


def captioned_tables(document: DocumentObject) -> list[Captioned]:
    """Every table with the caption paragraph right above it (AssertionError if none)."""
    found = []
    previous: Paragraph | Table | None = None
    for block in blocks(document):
        if isinstance(block, Table):
            assert isinstance(previous, Paragraph), "a table without a caption above it"
            match = CAPTION.match(previous.text)
            assert match, f"not a caption: {previous.text!r}"
            found.append(
                Captioned(int(match.group(1)), match.group(2), block, _landscape_after(block._tbl))
            )
        previous = block
    return found


def header_rows(table: Table) -> int:
    return sum(
        1
        for tr in table._tbl.findall(qn("w:tr"))
        if tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
    )


def data_rows(table: Table) -> list[list[object]]:
    """Raw w:tc elements of the rows with one cell per grid column (no headers, banners)."""
    width = len(table._tbl.find(qn("w:tblGrid")).findall(qn("w:gridCol")))
    rows = []
    for tr in table._tbl.findall(qn("w:tr")):
        cells = tr.findall(qn("w:tc"))
        if tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is None and len(cells) == width:
            rows.append(cells)
    return rows


def cell_lines(tc: object) -> list[str]:
    """A cell's paragraphs as text, without generated list labels."""
    out = []
    for p in tc.findall(qn("w:p")):  # type: ignore[attr-defined]
        text = "".join(
            "\t" if node.tag == qn("w:tab") else (node.text or "")
            for node in p.iter(qn("w:t"), qn("w:tab"))
        )
        text = LABEL.sub("", text).strip()
        if text:
            out.append(text)
    return out


def v_merge(tc: object) -> str | None:
    """``restart``, ``continue`` or None."""
    merge = tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")  # type: ignore[attr-defined]
    if merge is None:
        return None
    return merge.get(qn("w:val")) or "continue"


def header_names(table: Table) -> list[str]:
    names = [""] * len(table._tbl.find(qn("w:tblGrid")).findall(qn("w:gridCol")))
    for tr in table._tbl.findall(qn("w:tr")):
        if tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is None:
            break
        column = 0
        for tc in tr.findall(qn("w:tc")):
            span = tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
            width = int(span.get(qn("w:val"))) if span is not None else 1
            text = "".join(t.text or "" for t in tc.iter(qn("w:t"))).strip()
            if text and width == 1:
                names[column] = text
            column += width
    return names


def _typed_lines(tc: object) -> list[str]:
    """A cell's paragraphs as shown, list labels included (a tab shown as a space, a line
    break as ⏎)."""
    shown = {qn("w:tab"): " ", qn("w:br"): "⏎"}
    out = []
    for p in tc.findall(qn("w:p")):  # type: ignore[attr-defined]
        text = "".join(
            shown.get(node.tag, node.text or "")
            for node in p.iter(qn("w:t"), qn("w:tab"), qn("w:br"))
        ).strip()
        if text:
            out.append(text)
    return out


def dump(path: Path) -> str:
    """The document as a reader sees it, one line per paragraph or table row: styles,
    text, cells (``^`` continues a cell merged from above), and each section's page."""
    document = open_docx(path)
    lines: list[str] = []
    for element in document.element.body.iterchildren():
        if element.tag == qn("w:p"):
            paragraph = Paragraph(element, document)
            style = paragraph.style.name if paragraph.style is not None else ""
            if paragraph.text.strip():
                lines.append(f"[{style}] {paragraph.text}".replace("\n", "⏎"))
            sect_pr = element.find(f"{qn('w:pPr')}/{qn('w:sectPr')}")
        elif element.tag == qn("w:tbl"):
            for tr in element.findall(qn("w:tr")):
                cells = [
                    "^" if v_merge(tc) == "continue" else " / ".join(_typed_lines(tc))
                    for tc in tr.findall(qn("w:tc"))
                ]
                lines.append("| " + " | ".join(cells) + " |")
            sect_pr = None
        else:
            sect_pr = element if element.tag == qn("w:sectPr") else None
        if sect_pr is not None:
            size = sect_pr.find(qn("w:pgSz"))
            orient = size.get(qn("w:orient")) or "portrait"
            lines.append(f"--- {orient} {size.get(qn('w:w'))}x{size.get(qn('w:h'))} ---")
    return "\n".join(lines) + "\n"
