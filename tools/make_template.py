"""Writes word_templates/rencana_kerja_zi.docx, the docxtpl template of the plan.

The template is an ordinary Word document: after it is written, people restyle it in Word
(fonts, cover, spacing) and never run this again. Run it (``make template``) only to start
over; it overwrites edits made in Word. The tests render whatever template is committed.

Rules this follows (../shared/docxtpl-notes.md): Jinja tags sit in paragraphs of their own
(``{%p %}``) or rows of their own (``{%tr %}``); section breaks sit in ordinary paragraphs;
lists are paragraphs in list styles whose numbers the generator writes; every table is
one header row (or two) plus one looped row, shaped later by generator/layout.py.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table
from docx.text.paragraph import Paragraph

from generator.indonesian import MONTH_HEADINGS
from generator.render.engine import save_deterministic
from generator.render.layout import TCPR_ORDER

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "word_templates" / "rencana_kerja_zi.docx"

FONT = "Arial"
A4 = (Cm(21.0), Cm(29.7))
MARGINS = {"left": Cm(3), "right": Cm(2), "top": Cm(2), "bottom": Cm(2.5)}
LANDSCAPE_MARGINS = {"left": Cm(2), "right": Cm(2), "top": Cm(3), "bottom": Cm(2.5)}
INDENT = Cm(0.75)  # one list level
TEXT_WIDTH_CM = 16.0  # A4 portrait less the margins

MATRIX_COLUMNS = [  # (header, width cm)
    ("NO", 0.8),
    ("KEGIATAN", 3.1),
    ("HASIL YANG INGIN DICAPAI", 3.6),
    ("URAIAN KEGIATAN", 3.8),
    ("TARGET", 2.9),
]
MONTH_WIDTH = 0.82
OPTIONAL_COLUMNS = [("PENANGGUNG JAWAB", 3.4), ("DATA DUKUNG", 3.4), ("KODE LKE", 1.9)]
PRIORITY_COLUMNS = [
    ("No", 0.9),
    ("Target Prioritas", 2.9),
    ("Rencana Aksi", 4.6),
    ("Waktu", 2.2),
    ("Output", 4.0),
]


# -- styles ---------------------------------------------------------------------------------


def _plain_fonts(style_element: object) -> None:
    """Drops theme fonts, which Word prefers over the named font."""
    rpr = style_element.find(qn("w:rPr"))  # type: ignore[attr-defined]
    fonts = rpr.find(qn("w:rFonts")) if rpr is not None else None
    if fonts is None:
        return
    for attribute in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{attribute}"), None)
    fonts.set(qn("w:cs"), FONT)


def paragraph_style(
    doc: Document,
    name: str,
    *,
    base: str = "Normal",
    size: float | None = None,
    bold: bool | None = None,
    caps: bool | None = None,
    align: WD_ALIGN_PARAGRAPH | None = None,
    left: float = 0,
    hanging: float = 0,
    before: float | None = None,
    after: float | None = None,
    keep_next: bool | None = None,
    line: float | None = None,
):  # type: ignore[no-untyped-def]
    styles = doc.styles
    style = styles[name] if name in [s.name for s in styles] else None
    if style is None:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    if name != "Normal":
        style.base_style = styles[base]
    style.quick_style = True
    font = style.font
    font.name = FONT
    font.color.rgb = RGBColor(0, 0, 0)
    if size:
        font.size = Pt(size)
    if bold is not None:
        font.bold = bold
    if caps is not None:
        font.all_caps = caps
    font.italic = False
    fmt = style.paragraph_format
    if align is not None:
        fmt.alignment = align
    fmt.left_indent = Cm(left)
    fmt.first_line_indent = Cm(-hanging) if hanging else Cm(0)
    if hanging:
        fmt.tab_stops.add_tab_stop(Cm(left))
    if before is not None:
        fmt.space_before = Pt(before)
    if after is not None:
        fmt.space_after = Pt(after)
    if keep_next is not None:
        fmt.keep_with_next = keep_next
    if line is not None:
        fmt.line_spacing = line
    _plain_fonts(style.element)
    borders = style.element.find(f"{qn('w:pPr')}/{qn('w:pBdr')}")
    if borders is not None:
        borders.getparent().remove(borders)
    return style


def define_styles(doc: Document) -> None:
    j, c, r = WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT
    paragraph_style(doc, "Normal", size=12, align=j, after=6, line=1.15)
    paragraph_style(doc, "Title", size=16, bold=True, caps=True, align=c, after=12)
    paragraph_style(doc, "Subtitle", size=13, bold=True, caps=True, align=c, after=6)
    paragraph_style(
        doc, "Heading 1", size=12, bold=True, caps=True, align=c, before=0, after=18, keep_next=True
    )
    paragraph_style(
        doc,
        "Heading 2",
        size=12,
        bold=True,
        align=r,
        before=12,
        after=6,
        keep_next=True,
        left=1.0,
        hanging=1.0,
    )
    paragraph_style(
        doc, "Heading 3", size=12, bold=True, caps=True, align=r, before=12, after=6, keep_next=True
    )
    paragraph_style(  # file names in it stay as typed: no capitals
        doc,
        "ZI Riwayat Kelompok",
        size=12,
        bold=True,
        caps=False,
        before=12,
        after=6,
        keep_next=True,
    )
    # the unit's slogan on the cover, as typed (no capitals forced)
    paragraph_style(doc, "ZI Slogan", size=12, bold=True, caps=False, align=c, before=24, after=6)
    doc.styles["ZI Slogan"].font.italic = True
    paragraph_style(doc, "TOC Heading", size=12, bold=True, caps=True, align=c, after=18)
    paragraph_style(doc, "Caption", size=11, bold=True, align=c, before=6, after=6, keep_next=True)
    for depth in (1, 2, 3):
        paragraph_style(doc, f"ZI Daftar {depth}", left=depth * INDENT.cm, hanging=INDENT.cm)
        paragraph_style(doc, f"ZI Lanjutan {depth}", left=depth * INDENT.cm)
    # left-aligned: a change's detail holds line breaks that justification would stretch
    paragraph_style(doc, "ZI Riwayat", align=r, left=INDENT.cm, hanging=INDENT.cm)
    paragraph_style(doc, "ZI Tanda Tangan", align=r, left=9.0, after=0, line=1.0)
    paragraph_style(doc, "ZI Pengesahan", align=r, after=0, line=1.0)
    doc.styles["ZI Pengesahan"].paragraph_format.tab_stops.add_tab_stop(Cm(9.0))
    paragraph_style(doc, "ZI Sel", size=9, align=r, after=0, line=1.0)
    paragraph_style(
        doc,
        "ZI Sel Daftar",
        base="ZI Sel",
        size=9,
        align=r,
        after=0,
        line=1.0,
        left=0.5,
        hanging=0.5,
    )
    paragraph_style(doc, "ZI Sel Tengah", base="ZI Sel", size=9, align=c, after=0, line=1.0)
    paragraph_style(
        doc, "ZI Kepala Tabel", base="ZI Sel", size=8, bold=True, align=c, after=0, line=1.0
    )
    paragraph_style(
        doc,
        "ZI Kepala Bulan",
        base="ZI Kepala Tabel",
        size=6.5,
        bold=True,
        align=c,
        after=0,
        line=1.0,
    )
    for level in (1, 2):
        toc = paragraph_style(
            doc, f"toc {level}", left=(level - 1) * 1.0, after=3, line=1.0, align=r
        )
        stops = toc.paragraph_format.tab_stops
        stops.add_tab_stop(Cm(TEXT_WIDTH_CM), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
    doc.styles["toc 1"].font.bold = True
    figures = paragraph_style(doc, "table of figures", after=3, line=1.0, align=r)
    stops = figures.paragraph_format.tab_stops
    stops.add_tab_stop(Cm(TEXT_WIDTH_CM), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
    paragraph_style(doc, "Header", size=8, align=WD_ALIGN_PARAGRAPH.RIGHT, after=0)
    paragraph_style(doc, "Footer", size=10, align=c, after=0)


# -- XML helpers ------------------------------------------------------------------------------

SECTPR_ORDER = (
    "headerReference",
    "footerReference",
    "footnotePr",
    "endnotePr",
    "type",
    "pgSz",
    "pgMar",
    "paperSrc",
    "pgBorders",
    "lnNumType",
    "pgNumType",
    "cols",
    "formProt",
    "vAlign",
    "noEndnote",
    "titlePg",
    "textDirection",
    "bidi",
    "rtlGutter",
    "docGrid",
)


def insert_in_order(parent: object, child: object, order: Iterable[str]) -> None:
    """Inserts child where the schema's sequence puts it among parent's children."""
    order = list(order)
    tag = child.tag.split("}")[1]  # type: ignore[attr-defined]
    later = set(order[order.index(tag) + 1 :])
    for existing in parent:  # type: ignore[attr-defined]
        if existing.tag.split("}")[1] in later:
            existing.addprevious(child)
            return
    parent.append(child)  # type: ignore[attr-defined]


def set_page_numbers(section: object, fmt: str | None, start: int | None) -> None:
    sect_pr = section._sectPr  # type: ignore[attr-defined]
    old = sect_pr.find(qn("w:pgNumType"))
    if old is not None:
        sect_pr.remove(old)
    element = OxmlElement("w:pgNumType")
    if fmt:
        element.set(qn("w:fmt"), fmt)
    if start is not None:
        element.set(qn("w:start"), str(start))
    insert_in_order(sect_pr, element, SECTPR_ORDER)


def add_field(paragraph: Paragraph, instruction: str, placeholder: str) -> None:
    """A complex field (begin, instruction, separate, current result, end)."""

    def run_with(child: object) -> None:
        run = OxmlElement("w:r")
        run.append(child)
        paragraph._p.append(run)

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    begin.set(qn("w:dirty"), "true")
    run_with(begin)
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run_with(instr)
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    run_with(separate)
    text = OxmlElement("w:t")
    text.text = placeholder
    run_with(text)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


KEPT_TABLE_STYLES = {"Normal Table", "Table Grid"}
DROPPED_PARTS = ("stylesWithEffects", "customXml", "thumbnail")


def trim_package(doc: Document) -> None:
    """Drops what python-docx's default template carries and the plan never uses: 98 table
    styles (400 kB of XML parsed and written again on every build), the Word 2010
    stylesWithEffects copy, a customXml item, and a thumbnail of someone else's page."""
    for style in list(doc.styles):
        if style.type == WD_STYLE_TYPE.TABLE and style.name not in KEPT_TABLE_STYLES:
            style.element.getparent().remove(style.element)
    for rels in (doc.part.rels, doc.part.package.rels):
        for r_id, rel in list(rels.items()):
            if rel.reltype.rsplit("/", 1)[-1] in DROPPED_PARTS:
                del rels[r_id]


def fix_settings(doc: Document) -> None:
    settings = doc.settings.element
    zoom = settings.find(qn("w:zoom"))
    if zoom is not None:
        zoom.set(qn("w:percent"), "100")
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    successors = ("hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids")
    for existing in settings:
        if existing.tag.split("}")[1] in successors:
            existing.addprevious(update)
            break
    else:
        settings.append(update)


def shade(cell: object, fill: str = "D9D9D9") -> None:
    tc_pr = cell._tc.get_or_add_tcPr()  # type: ignore[attr-defined]
    element = OxmlElement("w:shd")
    element.set(qn("w:val"), "clear")
    element.set(qn("w:color"), "auto")
    element.set(qn("w:fill"), fill)
    insert_in_order(tc_pr, element, TCPR_ORDER)


def row_flags(row: object, header: bool = False) -> None:
    """Rows never split across pages; header rows repeat on every page."""
    tr_pr = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    tr_pr.append(OxmlElement("w:cantSplit"))
    if header:
        tr_pr.append(OxmlElement("w:tblHeader"))


# -- content helpers --------------------------------------------------------------------------


def para(doc_or_cell: object, text: str = "", style: str | None = None) -> Paragraph:
    paragraph = doc_or_cell.add_paragraph(style=style)  # type: ignore[attr-defined]
    if text:
        paragraph.add_run(text)
    return paragraph


def cell_text(cell: object, text: str, style: str) -> Paragraph:
    """Writes text into a cell's (single) first paragraph, in one run."""
    paragraph = cell.paragraphs[0]  # type: ignore[attr-defined]
    paragraph.style = style
    if text:
        paragraph.add_run(text)
    return paragraph


def cell_lines(cell: object, items: str, default_style: str = "ZI Sel") -> None:
    """A cell that lists ``items`` (context rows with ``label`` and ``text``)."""
    first = cell.paragraphs[0]  # type: ignore[attr-defined]
    first.style = default_style
    first.add_run(f"{{%p for it in {items} %}}")
    para(cell, "{%p if it.label %}", default_style)
    para(cell, "{{ it.label }}\t{{ it.text }}", "ZI Sel Daftar")
    para(cell, "{%p else %}", default_style)
    para(cell, "{{ it.text }}", default_style)
    para(cell, "{%p endif %}", default_style)
    para(cell, "{%p endfor %}", default_style)


def paragraphs_block(doc: Document, variable: str) -> None:
    """The paragraphs of a narrative section: plain, continued, or list items by depth."""
    para(doc, f"{{%p for p in {variable} %}}")
    para(doc, "{%p if p.kind == 'item' %}")
    for depth in (1, 2, 3):
        keyword = "if" if depth == 1 else "elif"
        para(doc, f"{{%p {keyword} p.depth == {depth} %}}")
        para(doc, "{{ p.label }}\t{{ p.text }}", f"ZI Daftar {depth}")
    para(doc, "{%p endif %}")
    para(doc, "{%p elif p.depth %}")
    for depth in (1, 2, 3):
        keyword = "if" if depth == 1 else "elif"
        para(doc, f"{{%p {keyword} p.depth == {depth} %}}")
        para(doc, "{{ p.text }}", f"ZI Lanjutan {depth}")
    para(doc, "{%p endif %}")
    para(doc, "{%p else %}")
    para(doc, "{{ p.text }}")
    para(doc, "{%p endif %}")
    para(doc, "{%p endfor %}")


def signature(doc: Document, lines: list[str], style: str = "ZI Tanda Tangan") -> None:
    for text in lines:
        para(doc, text, style)


def page_break(doc: Document) -> None:
    para(doc).add_run().add_break(WD_BREAK.PAGE)


def new_section(doc: Document, landscape: bool):  # type: ignore[no-untyped-def]
    """Ends the current section with a break in an ordinary paragraph; returns the new one.

    The ending section keeps the settings made so far; the new one continues the page
    numbers (a loop repeats its breaks, so no break inside a loop may restart them).
    """
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    width, height = A4
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (height, width) if landscape else (width, height)
    set_page_numbers(section, None, None)
    # only the cover goes without a number: every later first page carries header and footer
    section.different_first_page_header_footer = False
    # a landscape page bound into a portrait document is bound at its top edge
    margins = LANDSCAPE_MARGINS if landscape else MARGINS
    for side, value in margins.items():
        setattr(section, f"{side}_margin", value)
    return section


# -- tables -----------------------------------------------------------------------------------


def narrow_margins(table: Table) -> None:
    """Cell margins of 0.1 cm, so that JAN..DES fit their narrow columns."""
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:w"), "57")
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    order = (
        "tblStyle",
        "tblpPr",
        "tblOverlap",
        "bidiVisual",
        "tblStyleRowBandSize",
        "tblStyleColBandSize",
        "tblW",
        "jc",
        "tblCellSpacing",
        "tblInd",
        "tblBorders",
        "shd",
        "tblLayout",
        "tblCellMar",
        "tblLook",
    )
    insert_in_order(table._tbl.tblPr, margins, order)


def set_widths(table: Table, widths_cm: list[float]) -> None:
    """Both w:tcW and w:gridCol: LibreOffice lays out from the grid."""
    narrow_margins(table)
    grid = table._tbl.tblGrid
    for col, width in zip(grid.findall(qn("w:gridCol")), widths_cm, strict=True):
        col.set(qn("w:w"), str(int(Cm(width).twips)))
    for row in table.rows:
        for cell, width in zip(row.cells, widths_cm, strict=True):
            cell.width = Cm(width)


def matrix_table(doc: Document) -> None:
    headers = MATRIX_COLUMNS + [(m, MONTH_WIDTH) for m in MONTH_HEADINGS] + [("KET", 1.2)]
    headers += OPTIONAL_COLUMNS
    widths = [w for _, w in headers]
    table = doc.add_table(rows=5, cols=len(headers))
    table.style = "Table Grid"
    set_widths(table, widths)
    first, second, banner, loop_open, data = table.rows
    months_at = len(MATRIX_COLUMNS)
    for index, (name, _) in enumerate(headers):
        if months_at <= index < months_at + 12:
            cell_text(second.cells[index], name, "ZI Kepala Bulan")
        else:
            cell_text(first.cells[index], name, "ZI Kepala Tabel")
            first.cells[index].merge(second.cells[index])
    waktu = first.cells[months_at].merge(first.cells[months_at + 11])
    cell_text(waktu, "WAKTU/BULAN", "ZI Kepala Tabel")
    for row in (first, second):
        row_flags(row, header=True)
        for cell in row.cells:
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    for cell in {c._tc: c for row in (first, second) for c in row.cells}.values():
        shade(cell)
    banner_cell = banner.cells[0].merge(banner.cells[-1])
    cell_text(banner_cell, "{{ c.roman }}. {{ c.title|upper }}", "ZI Kepala Tabel")
    banner_cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.LEFT
    row_flags(banner)
    loop_open.cells[0].merge(loop_open.cells[-1])
    cell_text(loop_open.cells[0], "{%tr for a in c.activities %}", "ZI Sel")
    cell_text(data.cells[0], "{{ a.number }}", "ZI Sel Tengah")
    cell_text(data.cells[1], "{{ a.kegiatan }}", "ZI Sel")
    cell_lines(data.cells[2], "line.hasil")
    cell_lines(data.cells[3], "line.uraian")
    cell_lines(data.cells[4], "line.target")
    for month in range(12):
        cell = data.cells[months_at + month]
        cell_text(cell, f"{{{{ line.ticks[{month}] }}}}", "ZI Sel Tengah")
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    rest = months_at + 12
    cell_text(data.cells[rest], "{{ line.ket }}", "ZI Sel")
    for offset, key in enumerate(("penanggung_jawab", "data_dukung", "kode_lke"), start=1):
        cell_text(data.cells[rest + offset], f"{{{{ line.{key} }}}}", "ZI Sel")
    row_flags(data)
    # the line loop sits inside the activity loop: its rows are added after the data row
    _wrap_rows(table, data, "{%tr for line in a.lines %}", "{%tr endfor %}")
    _append_row(table, "{%tr endfor %}")


def _loop_row(table: Table, text: str):  # type: ignore[no-untyped-def]
    row = table.add_row()
    row.cells[0].merge(row.cells[-1])
    cell_text(row.cells[0], text, "ZI Sel")
    return row


def _append_row(table: Table, text: str) -> None:
    _loop_row(table, text)


def _wrap_rows(table: Table, row: object, opening: str, closing: str) -> None:
    """Puts a loop-opening row before ``row`` and a closing row after it."""
    before = _loop_row(table, opening)
    row._tr.addprevious(before._tr)  # type: ignore[attr-defined]
    after = _loop_row(table, closing)
    row._tr.addnext(after._tr)  # type: ignore[attr-defined]


def priority_table(doc: Document) -> None:
    headers = PRIORITY_COLUMNS + [
        (name.title().replace("Lke", "LKE"), w) for name, w in OPTIONAL_COLUMNS
    ]
    table = doc.add_table(rows=3, cols=len(headers))
    table.style = "Table Grid"
    set_widths(table, [w for _, w in headers])
    header, loop_open, data = table.rows
    for cell, (name, _) in zip(header.cells, headers, strict=True):
        cell_text(cell, name, "ZI Kepala Tabel")
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        shade(cell)
    row_flags(header, header=True)
    loop_open.cells[0].merge(loop_open.cells[-1])
    cell_text(loop_open.cells[0], "{%tr for t in c.priorities %}", "ZI Sel")
    cell_text(data.cells[0], "{{ t.number }}", "ZI Sel Tengah")
    cell_text(data.cells[1], "{{ t.target }}", "ZI Sel")
    cell_text(data.cells[2], "{{ s.label }}\t{{ s.rencana_aksi }}", "ZI Sel Daftar")
    for index, key in enumerate(
        ("waktu", "output", "penanggung_jawab", "data_dukung", "kode_lke"), start=3
    ):
        cell_text(data.cells[index], f"{{{{ s.{key} }}}}", "ZI Sel")
    row_flags(data)
    _wrap_rows(table, data, "{%tr for s in t.steps %}", "{%tr endfor %}")
    _append_row(table, "{%tr endfor %}")


def lke_table(doc: Document) -> None:
    """The LKE appendix: every pengungkit item and the plan's lines that serve it."""
    headers = [("AREA", 3.4), ("SUB-PILAR", 3.6), ("BUTIR LKE", 5.2), ("RENCANA AKSI", 4.8)]
    table = doc.add_table(rows=3, cols=len(headers))
    table.style = "Table Grid"
    set_widths(table, [w for _, w in headers])
    header, loop_open, data = table.rows
    for cell, (name, _) in zip(header.cells, headers, strict=True):
        cell_text(cell, name, "ZI Kepala Tabel")
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        shade(cell)
    row_flags(header, header=True)
    loop_open.cells[0].merge(loop_open.cells[-1])
    cell_text(loop_open.cells[0], "{%tr for r in lampiran_lke.rows %}", "ZI Sel")
    for cell, key in zip(data.cells, ("area", "sub_pilar", "item"), strict=False):
        cell_text(cell, f"{{{{ r.{key} }}}}", "ZI Sel")
    cell_lines(data.cells[3], "r.lines")
    row_flags(data)
    _append_row(table, "{%tr endfor %}")


# -- the document -----------------------------------------------------------------------------


def build() -> Document:
    doc = Document()
    trim_package(doc)
    define_styles(doc)
    fix_settings(doc)
    core = doc.core_properties
    # title, subject and author are set from the plan by generator/render.py
    core.title = "Rencana Kerja Pembangunan Zona Integritas"
    core.subject = "Rencana Kerja Pembangunan Zona Integritas"
    core.author = ""
    core.comments = ""
    core.keywords = "Zona Integritas; WBK; WBBM"
    core.last_modified_by = "zi-plan"
    core.revision = 1

    section = doc.sections[0]
    section.page_width, section.page_height = A4
    for side, value in MARGINS.items():
        setattr(section, f"{side}_margin", value)
    section.header_distance = Cm(1.0)
    section.footer_distance = Cm(1.2)
    set_page_numbers(section, "lowerRoman", 1)
    section.different_first_page_header_footer = True
    header = section.header.paragraphs[0]
    header.style = "Header"
    header.add_run("Rencana Kerja Pembangunan Zona Integritas {{ nama_singkat }} {{ tahun }}")
    footer = section.footer.paragraphs[0]
    footer.style = "Footer"
    add_field(footer, "PAGE", "1")

    # cover
    title = para(doc, "{{ judul_dokumen }}", "Title")
    title.paragraph_format.space_before = Pt(48)
    for line in (
        "Pembangunan Zona Integritas",
        "Menuju Wilayah Bebas dari Korupsi (WBK)",
        "dan Wilayah Birokrasi Bersih dan Melayani (WBBM)",
    ):
        para(doc, line, "Subtitle")
    para(doc, "Tahun {{ tahun }}", "Subtitle")
    # with a logo, it stands between the title and the office; without, the office moves
    # up to where the logo would start, so that the cover keeps no hole in its middle
    para(doc, "{%p if logo %}", "Subtitle")
    logo = para(doc, "{{ logo }}", "Subtitle")
    logo.paragraph_format.space_before = Pt(36)
    logo.paragraph_format.space_after = Pt(12)
    para(doc, "{%p endif %}", "Subtitle")
    para(doc, "{%p if slogan %}", "Subtitle")
    para(doc, "{{ slogan }}", "ZI Slogan")
    para(doc, "{%p endif %}", "Subtitle")
    para(doc, "{%p if logo %}", "Subtitle")
    office = para(doc, "{{ kantor_wilayah }}", "Subtitle")
    office.paragraph_format.space_before = Pt(72)
    para(doc, "{%p else %}", "Subtitle")
    office = para(doc, "{{ kantor_wilayah }}", "Subtitle")
    office.paragraph_format.space_before = Pt(36)
    para(doc, "{%p endif %}", "Subtitle")
    para(doc, "{{ nama_satker }}", "Subtitle")
    para(doc, "{%p if alamat %}", "Normal")
    address = para(doc, "{{ alamat }}", "ZI Sel Tengah")
    address.paragraph_format.space_before = Pt(6)
    para(doc, "{%p endif %}", "Normal")
    para(doc, "{%p if revisi %}", "Normal")
    para(doc, "Revisi {{ revisi }}{{ tanggal_revisi }}", "ZI Sel Tengah")
    para(doc, "{%p endif %}", "Normal")
    page_break(doc)

    # approval page, only with a team leader
    para(doc, "{%p if ketua %}")
    para(doc, "Lembar Pengesahan", "TOC Heading")
    para(
        doc,
        "Rencana Kerja Pembangunan Zona Integritas {{ nama_satker }} Tahun {{ tahun }}",
        "Subtitle",
    )
    spacer = para(doc, "")
    spacer.paragraph_format.space_after = Pt(36)
    signature(
        doc,
        [
            "Mengetahui,\t{{ tempat }}, {{ tanggal }}",
            "{{ jabatan_lengkap }},\t{{ ketua.jabatan }},",
            "",
            "",
            "",
            "{{ nama }}\t{{ ketua.nama }}",
            "NIP. {{ nip }}\tNIP. {{ ketua.nip }}",
        ],
        "ZI Pengesahan",
    )
    page_break(doc)
    para(doc, "{%p endif %}")

    # Kata Pengantar
    para(doc, "Kata Pengantar", "Heading 1")
    paragraphs_block(doc, "kata_pengantar")
    spacer = para(doc, "")
    spacer.paragraph_format.space_after = Pt(12)
    signature(
        doc,
        [
            "{{ tempat }}, {{ tanggal }}",
            "{{ jabatan_lengkap }},",
            "",
            "",
            "",
            "{{ nama }}",
            "NIP. {{ nip }}",
        ],
    )
    page_break(doc)

    # Daftar Isi
    para(doc, "Daftar Isi", "TOC Heading")
    add_field(
        para(doc),
        'TOC \\o "1-2" \\h \\z \\u',
        "Daftar isi diperbarui saat dokumen dibuka (Word: klik kanan › Perbarui Bidang).",
    )
    page_break(doc)

    # Daftar Tabel: the captions of Caption style (Tabel 1. ...), page numbers as above
    para(doc, "Daftar Tabel", "TOC Heading")
    add_field(
        para(doc),
        'TOC \\h \\z \\t "Caption,1"',
        "Daftar tabel diperbarui saat dokumen dibuka (Word: klik kanan › Perbarui Bidang).",
    )
    new_section(doc, landscape=False)
    set_page_numbers(doc.sections[-1], "decimal", 1)

    # BAB I
    para(doc, "BAB I\nPendahuluan", "Heading 1")
    para(doc, "{%p for s in bab1 %}")
    para(doc, "{{ s.number }}\t{{ s.title }}", "Heading 2")
    paragraphs_block(doc, "s.paragraphs")
    para(doc, "{%p endfor %}")
    new_section(doc, landscape=False)  # BAB I's section holds the restart at page 1

    # BAB II
    para(
        doc,
        "BAB II\nRencana Kerja Pembangunan Zona Integritas Menuju Wilayah Bebas dari Korupsi "
        "(WBK) dan Wilayah Birokrasi Bersih dan Melayani (WBBM)",
        "Heading 1",
    )
    paragraphs_block(doc, "pengantar_bab2")
    para(doc, "{%p for c in components %}")
    para(doc, "{{ c.number }}\t{{ c.title }}", "Heading 2")
    for line in ("{%p for text in c.tujuan %}", "{{ text }}", "{%p endfor %}"):
        para(doc, line)
    para(doc, "{%p for it in c.targets %}")
    para(doc, "{{ it.label }}\t{{ it.text }}", "ZI Daftar 1")
    para(doc, "{%p endfor %}")
    for line in ("{%p for text in c.pengantar_tabel %}", "{{ text }}", "{%p endfor %}"):
        para(doc, line)
    para(doc, "{%p if c.activities %}")
    new_section(doc, landscape=True)  # ends the portrait part in an ordinary paragraph
    para(doc, "Tabel {{ c.matrix_table }}. Indikator {{ c.title }}", "Caption")
    matrix_table(doc)
    new_section(doc, landscape=False)  # ends the landscape part
    para(doc, "{%p endif %}")
    para(doc, "{%p if c.priorities %}")
    para(doc, "Target Prioritas dan Output", "Heading 3")
    para(doc, "Tabel {{ c.priority_table }}. Target Prioritas dan Output {{ c.title }}", "Caption")
    priority_table(doc)
    para(doc, "{%p endif %}")
    para(doc, "{%p endfor %}")
    para(doc, "{{ indikator_hasil.number }}\t{{ indikator_hasil.title }}", "Heading 2")
    paragraphs_block(doc, "indikator_hasil.paragraphs")
    page_break(doc)

    # BAB III
    para(doc, "BAB III\nEvaluasi dan Pelaporan", "Heading 1")
    para(doc, "{%p for s in bab3 %}")
    para(doc, "{{ s.number }}\t{{ s.title }}", "Heading 2")
    paragraphs_block(doc, "s.paragraphs")
    para(doc, "{%p endfor %}")
    page_break(doc)

    # BAB IV
    para(doc, "BAB IV\nPenutup", "Heading 1")
    paragraphs_block(doc, "penutup")
    spacer = para(doc, "")
    spacer.paragraph_format.space_after = Pt(12)
    signature(
        doc,
        [
            "Ditetapkan di {{ tempat }}",
            "Pada tanggal {{ tanggal }}",
            "{{ jabatan_lengkap }},",
            "",
            "",
            "",
            "{{ nama }}",
            "NIP. {{ nip }}",
        ],
    )

    # Lampiran: Pemetaan Rencana Aksi terhadap LKE, only with build --lampiran-lke
    para(doc, "{%p if lampiran_lke %}")
    page_break(doc)
    para(doc, "{{ lampiran_lke.title }}", "Heading 1")
    lke_table(doc)
    para(doc, "{%p endif %}")

    # Riwayat Perubahan, only with build --riwayat
    para(doc, "{%p if riwayat %}")
    page_break(doc)
    para(doc, "Riwayat Perubahan", "Heading 1")
    para(doc, "Dibandingkan dengan versi: {{ riwayat.against }}.")
    para(doc, "{{ riwayat.summary }}")
    para(doc, "{%p for g in riwayat.groups %}")
    para(doc, "{{ g.title }}", "ZI Riwayat Kelompok")
    para(doc, "{%p for it in g.changes %}")
    para(doc, "–\t{{ it.label }}{{ it.detail }}", "ZI Riwayat")
    para(doc, "{%p endfor %}")
    para(doc, "{%p endfor %}")
    para(doc, "{%p endif %}")
    return doc


def main() -> int:
    doc = build()
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    save_deterministic(doc, TARGET)  # fixed zip timestamps: no change, no diff
    print(TARGET.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
