"""Excel's rich text (``<r><rPr>`` runs in a shared or inline string) read into a RichText.

Only what the document can print is kept: bold, italic, underline, superscript and
subscript. Runs that differ only in font, size or colour read as plain text. The runs'
text is read as ``text_content`` reads it (escapes decoded, symbol fonts shown). As in
Excel, a run with properties of its own is printed as they say; the rest of the text (the
plain text before the runs, runs without properties) takes the cell's font, whose
formatting (a whole cell made bold with the toolbar) is read by ``font_style`` too.
"""

from __future__ import annotations

from lxml import etree

from generator.richtext import PLAIN, Run, Style, rich
from generator.xlsx.symbols import shown
from generator.xlsx.values import decode_escapes

_OFF = ("0", "false", "off")
# Excel's limit for one cell: a longer text was not typed in Excel, and is refused for its
# length (generator.tables), so its formatting is not worth reading run by run (a crafted
# string of 150,000 runs took 2.5 s of CPU to read as rich text).
MAX_CELL_CHARS = 32_767


def rich_string(
    element: etree._Element, main: str, font: str | None = None, style: Style = PLAIN
) -> str | None:
    """A ``<si>`` or ``<is>`` with formatted text as RichText, or None when it holds plain
    text only or more than a cell can (MAX_CELL_CHARS); ``main`` is the part's namespace,
    ``font`` the cell's font name and ``style`` its formatting."""
    text_tag = f"{main}t"
    if style.plain and len(element) == 1 and element[0].tag == text_tag:
        return None  # the common case, decided without looking further
    run_tag, properties_tag, font_tag = f"{main}r", f"{main}rPr", f"{main}rFont"
    plain, runs, formatted, length = "", list[Run](), not style.plain, 0
    for child in element:
        if length > MAX_CELL_CHARS:
            return None
        if child.tag == text_tag:
            plain = shown(decode_escapes(child.text or ""), font)  # before the runs
            length += len(plain)
        elif child.tag == run_tag:
            text, run_style, run_font = None, style, font
            for part in child:
                if part.tag == text_tag:
                    text = part.text
                elif part.tag == properties_tag:
                    run_style = font_style(part, main)  # replaces the cell's, as in Excel
                    for prop in part:
                        if prop.tag == font_tag and prop.get("val"):
                            run_font = prop.get("val")
            if text is not None:
                formatted |= not run_style.plain
                runs.append((shown(decode_escapes(text), run_font), run_style))
                length += len(runs[-1][0])
    if not formatted:
        return None
    return rich([(plain, style), *runs])


def font_style(properties: etree._Element, main: str) -> Style:
    """The printable formatting of a run's ``<rPr>`` or of a ``<font>`` of styles.xml
    (both hold ``<b/>``, ``<i/>``, ``<u/>``, ``<vertAlign/>`` alike)."""
    bold = italic = False
    underline, vertical = "", ""
    for prop in properties:
        tag, value = prop.tag, prop.get("val")
        if tag == f"{main}b":
            bold = value not in _OFF
        elif tag == f"{main}i":
            italic = value not in _OFF
        elif tag == f"{main}u" and value != "none":
            underline = "double" if value and value.startswith("double") else "single"
        elif tag == f"{main}vertAlign" and value in ("superscript", "subscript"):
            vertical = value
    return Style(bold, italic, underline, vertical)  # type: ignore[arg-type]
