"""Excel's rich text (``<r><rPr>`` runs in a shared or inline string) read into a RichText.

Only what the document can print is kept: bold, italic, underline, superscript and
subscript. Runs that differ only in font, size or colour read as plain text.
"""

from __future__ import annotations

from lxml import etree

from generator.richtext import PLAIN, Run, Style, rich
from generator.xlsx.values import decode_escapes

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_TEXT, _RUN, _PROPERTIES = (f"{_MAIN}{tag}" for tag in ("t", "r", "rPr"))
_BOLD, _ITALIC, _UNDERLINE, _VERTICAL = (f"{_MAIN}{tag}" for tag in ("b", "i", "u", "vertAlign"))
_OFF = ("0", "false", "off")


def rich_string(element: etree._Element) -> str | None:
    """A ``<si>`` or ``<is>`` with a formatted run as RichText (its escapes decoded run by
    run), or None when it holds plain text only (read by ``text_content``)."""
    if len(element) == 1 and element[0].tag == _TEXT:
        return None  # the common case, decided without looking further
    plain, runs, formatted = "", list[Run](), False
    for child in element:
        if child.tag == _TEXT:
            plain = child.text or ""  # as text_content reads it: before the runs
        elif child.tag == _RUN:
            texts = child.findall(_TEXT)
            if not texts or texts[-1].text is None:
                continue
            properties = child.find(_PROPERTIES)
            style = PLAIN if properties is None else _style(properties)
            formatted |= not style.plain
            runs.append((texts[-1].text, style))
    if not formatted:
        return None
    return rich((decode_escapes(text), style) for text, style in [(plain, PLAIN), *runs])


def _style(properties: etree._Element) -> Style:
    bold = italic = False
    underline, vertical = "", ""
    for prop in properties:
        value = prop.get("val")
        if prop.tag == _BOLD:
            bold = value not in _OFF
        elif prop.tag == _ITALIC:
            italic = value not in _OFF
        elif prop.tag == _UNDERLINE and value != "none":
            underline = "double" if value and value.startswith("double") else "single"
        elif prop.tag == _VERTICAL and value in ("superscript", "subscript"):
            vertical = value
    return Style(bold, italic, underline, vertical)  # type: ignore[arg-type]
