"""Excel's rich text (``<r><rPr>`` runs in a shared or inline string) read into a RichText.

Only what the document can print is kept: bold, italic, underline, superscript and
subscript. Runs that differ only in font, size or colour read as plain text. The runs'
text is read as ``text_content`` reads it (escapes decoded, symbol fonts shown).
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


def rich_string(element: etree._Element, main: str, font: str | None = None) -> str | None:
    """A ``<si>`` or ``<is>`` with a formatted run as RichText, or None when it holds plain
    text only or more than a cell can (MAX_CELL_CHARS); ``main`` is the part's namespace,
    ``font`` the cell's."""
    text_tag = f"{main}t"
    if len(element) == 1 and element[0].tag == text_tag:
        return None  # the common case, decided without looking further
    run_tag, properties_tag, font_tag = f"{main}r", f"{main}rPr", f"{main}rFont"
    plain, runs, formatted, length = "", list[Run](), False, 0
    for child in element:
        if length > MAX_CELL_CHARS:
            return None
        if child.tag == text_tag:
            plain = shown(decode_escapes(child.text or ""), font)  # before the runs
            length += len(plain)
        elif child.tag == run_tag:
            text, style, run_font = None, PLAIN, font
            for part in child:
                if part.tag == text_tag:
                    text = part.text
                elif part.tag == properties_tag:
                    style = _style(part, main)
                    for prop in part:
                        if prop.tag == font_tag and prop.get("val"):
                            run_font = prop.get("val")
            if text is not None:
                formatted |= not style.plain
                runs.append((shown(decode_escapes(text), run_font), style))
                length += len(runs[-1][0])
    if not formatted:
        return None
    return rich([(plain, PLAIN), *runs])


def _style(properties: etree._Element, main: str) -> Style:
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
