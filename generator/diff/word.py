"""The printable Daftar Perubahan: the changes as a Word document, one table per heading."""

from __future__ import annotations

from datetime import datetime, time
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from generator.diff.changes import Kind, PlanDiff
from generator.diff.report import describe_words
from generator.render.engine import save_atomically

FONT = "Arial"
_THEME_FONTS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
# Widths in cm of: No, Bagian, Perubahan, Semula, Menjadi (A4 minus 2 cm margins = 17 cm)
COLUMNS = (("No", 0.9), ("Bagian", 4.1), ("Perubahan", 2.8), ("Semula", 4.6), ("Menjadi", 4.6))


def build_diff_docx(diff: PlanDiff) -> Any:
    """The Daftar Perubahan as a python-docx Document: title, the two plans, one table
    of changes per heading."""
    document = Document()
    _plain_styles(document)
    _clean_package(document)
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2))

    title = document.add_paragraph()  # not Word's "Title": blue, with an accent rule
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    heading = title.add_run("DAFTAR PERUBAHAN")
    heading.bold = True
    heading.font.size = Pt(16)
    subtitle = document.add_paragraph()
    subtitle.alignment = WD_ALIGN_PARAGRAPH.CENTER
    subtitle.add_run(
        f"Rencana Kerja Pembangunan Zona Integritas {diff.new.nama_satker} Tahun {diff.new.tahun}"
    ).bold = True

    table = document.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for label, value in (
        ("Rencana lama", diff.old.describe()),
        ("Rencana baru", diff.new.describe()),
        ("Jumlah perubahan", diff.summary()),
    ):
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, value
        cells[0].paragraphs[0].runs[0].bold = True
    _widths(table, (4.4, 12.6))

    for group, changes in diff.groups():
        document.add_heading(group, level=1)
        table = document.add_table(rows=1, cols=len(COLUMNS))
        table.style = "Table Grid"
        for cell, (name, _) in zip(table.rows[0].cells, COLUMNS, strict=True):
            cell.text = name
            cell.paragraphs[0].runs[0].bold = True
        _repeat_header(table.rows[0])
        for n, change in enumerate(changes, start=1):
            cells = table.add_row().cells
            cells[0].text = f"{n}."
            cells[1].text = change.label
            cells[2].text = change.kind.word
            _cell_text(cells[3], change.old or "–")
            _cell_text(cells[4], change.new or "–")
            words = describe_words(change.old, change.new)
            if words and change.kind is Kind.CHANGED:
                note = cells[4].add_paragraph().add_run(f"(yang berubah: {words})")
                note.italic = True
        _widths(table, tuple(width for _, width in COLUMNS))
        for row in table.rows:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    for run in paragraph.runs:
                        run.font.size = Pt(10)
    return document


def _cell_text(cell: Any, text: str) -> None:
    """One paragraph a line; a line's leading spaces become an indent Word keeps."""
    for n, row in enumerate(text.split("\n")):
        paragraph = cell.paragraphs[0] if n == 0 else cell.add_paragraph()
        depth = (len(row) - len(row.lstrip(" "))) // 2
        paragraph.add_run(row.strip())
        if depth:
            paragraph.paragraph_format.left_indent = Cm(0.4 * depth)


def _widths(table: Any, widths: tuple[float, ...]) -> None:
    table.autofit = False
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Cm(width)
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Cm(width)


def _repeat_header(row: Any) -> None:
    header = OxmlElement("w:tblHeader")
    row._tr.get_or_add_trPr().append(header)


def _plain_styles(document: Any) -> None:
    """Arial everywhere, black headings, Indonesian proofing; the default template's
    ``<w:zoom>`` lacks the ``w:percent`` the schema requires."""
    styles = document.styles.element
    for fonts in styles.iter(qn("w:rFonts")):
        for name in _THEME_FONTS:
            fonts.attrib.pop(qn(name), None)
        for name in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(name), FONT)
    for lang in styles.iter(qn("w:lang")):
        lang.set(qn("w:val"), "id-ID")
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(11)
    heading = document.styles["Heading 1"]
    heading.font.name = FONT
    heading.font.color.rgb = RGBColor(0, 0, 0)
    heading.font.size = Pt(12)
    settings = document.settings.element
    zoom = settings.find(qn("w:zoom"))
    if zoom is None:
        zoom = OxmlElement("w:zoom")
        settings.insert(0, zoom)
    zoom.set(qn("w:percent"), "100")


def _clean_package(document: Any) -> None:
    """No trace of python-docx's default template: its preview picture of another document,
    its author and comment."""
    package = document.part.package
    for r_id, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package.rels[r_id]
    core = document.core_properties
    core.author = core.last_modified_by = core.comments = ""
    core.title = "Daftar Perubahan Rencana Kerja Pembangunan Zona Integritas"
    core.language = "id-ID"


def write_diff_docx(diff: PlanDiff, target: Path) -> Path:
    """Writes the Daftar Perubahan atomically; same diff, same bytes."""
    document = build_diff_docx(diff)
    moment = datetime.combine(diff.new.tanggal_revisi or diff.new.tanggal, time(0))
    core = document.core_properties
    core.created = core.modified = core.last_printed = moment
    core.revision = 1
    return save_atomically(document, target)
