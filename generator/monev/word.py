"""The Word pieces of the Laporan Monev: a document with the plan template's look, and its
headings, paragraphs, tables and signature in the template's own styles.

Paragraphs and tables are written as WordprocessingML text and parsed once each:
python-docx's object layer looks every style name up by reading all styles and inserts
each child by schema position, which made a report of 1,000 cells cost 0.8 s.
"""

from __future__ import annotations

import copy
import io
from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape

from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from generator.monev.charts import Chart, add_chart, inline_xml
from generator.render.document import TEMPLATE

TWIPS_PER_CM = 567
HEADER_FILL = "D9D9D9"  # as the plan's table headers
PLANNED_FILL = "D9D9D9"  # a planned month in a matrix: grey, readable in any print
STYLES = (
    "Normal", "Title", "Subtitle", "Heading 1", "Heading 2", "TOC Heading", "ZI Daftar 1",
    "ZI Tanda Tangan", "ZI Kepala Tabel", "ZI Sel", "ZI Sel Tengah", "Caption",
)  # fmt: skip
_NS = nsdecls("w")
KEEP = "<w:keepNext/>"  # a chart stays on the page of its caption


def _run(text: str, italic: bool = False, bold: bool = False) -> str:
    props = ("<w:i/>" if italic else "") + ("<w:b/>" if bold else "")
    return (
        f"<w:r>{f'<w:rPr>{props}</w:rPr>' if props else ''}"
        f'<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'
    )


class Builder:
    """One report being written: the document, its style ids, the front matter's section."""

    def __init__(self, header_text: str) -> None:
        self.document = Document(io.BytesIO(TEMPLATE.read_bytes()))
        body = self.document.element.body
        self.front = copy.deepcopy(next(iter(body.iter(qn("w:sectPr")))))  # header, footer
        self.end = body[-1]  # the body's own section: arabic numbers from 1, as the plan's
        numbers = self.end.find(qn("w:pgNumType"))
        numbers.set(qn("w:fmt"), "decimal")
        numbers.set(qn("w:start"), "1")
        for child in list(body)[:-1]:
            body.remove(child)
        self.charts = 0
        self.ids = {name: self.document.styles[name].style_id for name in STYLES}
        for rel in self.document.part.rels.values():  # the template's header: its text
            if rel.reltype == RT.HEADER:
                texts = list(rel.target_part.element.iter(qn("w:t")))
                for extra in texts[1:]:
                    extra.getparent().remove(extra)
                if texts:
                    texts[0].text = header_text

    def _add(self, xml: str) -> Any:
        element = parse_xml(xml)
        self.end.addprevious(element)
        return element

    def _p(self, runs: str, style: str | None = None, extra: str = "") -> str:
        style_xml = f'<w:pStyle w:val="{self.ids[style]}"/>' if style else ""
        props = style_xml + extra
        return f"<w:p {_NS}>{f'<w:pPr>{props}</w:pPr>' if props else ''}{runs}</w:p>"

    def para(
        self, text: str, style: str | None = None, italic: bool = False, before: int = 0
    ) -> Any:
        """A paragraph; ``before`` points of space above it (after a table)."""
        spacing = f'<w:spacing w:before="{before * 20}"/>' if before else ""
        return self._add(self._p(_run(text, italic) if text else "", style, spacing))

    def item(self, label: str, text: str, style: str = "ZI Daftar 1") -> None:
        """A list item: its generated label, a tab, its text (the plan's list styles)."""
        runs = f"<w:r><w:t>{escape(label)}</w:t><w:tab/></w:r>{_run(text)}"
        self._add(self._p(runs, style))

    def chart(
        self, chart: Chart, caption: str, width_cm: float = 15.5, height_cm: float = 8
    ) -> None:
        """A native chart (generator/monev/charts.py), centred, with its caption below."""
        self.charts += 1
        rel_id = add_chart(self.document.part, chart, self.charts)
        self._add(
            self._p(inline_xml(rel_id, self.charts, width_cm, height_cm), "ZI Sel Tengah", KEEP)
        )
        self.para(f"Grafik {self.charts}. {caption}", "Caption")

    def spacer(self, points: int) -> None:
        self._add(self._p("", "Subtitle", f'<w:spacing w:before="{points * 20}"/>'))

    def page_break(self) -> None:
        self._add(self._p('<w:r><w:br w:type="page"/></w:r>'))

    def heading(self, text: str, level: int, new_page: bool = False) -> None:
        """Heading 1 is a chapter (``BAB I`` above its title), Heading 2 a numbered
        section (number, tab, title); both go into the Daftar Isi. ``new_page``: the
        heading opens a page (a chapter after the first)."""
        if level == 1 and "\n" in text:
            chapter, title = text.split("\n", 1)
            runs = f"<w:r><w:t>{escape(chapter)}</w:t><w:br/><w:t>{escape(title)}</w:t></w:r>"
        elif "\t" in text:
            number, title = text.split("\t", 1)
            runs = f"<w:r><w:t>{escape(number)}</w:t><w:tab/><w:t>{escape(title)}</w:t></w:r>"
        else:
            runs = _run(text)
        self._add(self._p(runs, f"Heading {level}", "<w:pageBreakBefore/>" if new_page else ""))

    def start_body(self) -> None:
        """Ends the front matter (cover, Daftar Isi: roman numbers, as the plan's)."""
        paragraph = self._add(self._p(""))
        paragraph.get_or_add_pPr().append(self.front)

    def toc(self) -> None:
        """The Daftar Isi field, as the plan's: generator/toc.py fills its page numbers."""
        self.para("Daftar Isi", "TOC Heading")
        self._add(
            self._p(
                '<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>'
                '<w:r><w:instrText xml:space="preserve"> TOC \\o "1-2" \\h \\z \\u </w:instrText>'
                '</w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
                + _run("Daftar isi diperbarui saat dokumen dibuka (Word: klik kanan › Perbarui "
                       "Bidang).")
                + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
            )
        )  # fmt: skip

    def signature(self, lines: Sequence[str]) -> None:
        """The signature block on one page: each line keeps with the next."""
        for position, line in enumerate(lines, start=1):
            keep = KEEP if position < len(lines) else ""
            self._add(self._p(_run(line) if line else "", "ZI Tanda Tangan", keep))

    def table(
        self,
        headers: Sequence[str],
        widths_cm: Sequence[float],
        rows: Sequence[Sequence[str]],
        centered: Sequence[int] = (),
        shaded: Sequence[tuple[int, int]] = (),
        italic: Sequence[tuple[int, int]] = (),
    ) -> Any:
        """A table as the plan's: a repeated grey header row, rows that never split, the
        template's cell styles. Widths are proportions: generator/render/layout.py fits them to
        the page and merges NO/KEGIATAN (and Target Prioritas) cells over their group."""
        widths = [round(w * TWIPS_PER_CM) for w in widths_cm]
        marked, slanted = set(shaded), set(italic)
        parts = [
            f'<w:tbl {_NS}><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:type="auto" '
            'w:w="0"/><w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" '
            'w:type="dxa"/></w:tblCellMar><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" '
            'w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>',
            *(f'<w:gridCol w:w="{w}"/>' for w in widths),
            "</w:tblGrid><w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>",
        ]
        for name, width in zip(headers, widths, strict=True):
            parts.append(self._cell(name, width, "ZI Kepala Tabel", HEADER_FILL))
        parts.append("</w:tr>")
        for r, values in enumerate(rows):
            parts.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>")
            for c, (value, width) in enumerate(zip(values, widths, strict=True)):
                style = "ZI Sel Tengah" if c in centered else "ZI Sel"
                fill = PLANNED_FILL if (r, c) in marked else ""
                parts.append(self._cell(value, width, style, fill, (r, c) in slanted))
            parts.append("</w:tr>")
        parts.append("</w:tbl>")
        return self._add("".join(parts))

    def _cell(self, text: str, width: int, style: str, fill: str = "", italic: bool = False) -> str:
        shade = f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else ""
        paragraphs = "".join(
            f'<w:p><w:pPr><w:pStyle w:val="{self.ids[style]}"/></w:pPr>'
            f"{_run(line, italic) if line else ''}</w:p>"
            for line in (text.split("\n") if text else [""])
        )
        return (
            f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{width}"/>{shade}</w:tcPr>{paragraphs}</w:tc>'
        )
