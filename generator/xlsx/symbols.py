"""Symbol fonts: a tick typed in Wingdings is stored as "ü"; read it as the ✓ Excel shows.

Wingdings, Wingdings 2 and Webdings draw their own pictures on the code points of
Windows-1252 letters, so the cell holds a letter and Excel shows a symbol. Only the marks a
Pokja uses in a plan (ticks, crosses, check boxes, bullets) are translated; any other
character of these fonts is read as stored.

Each entry cites the font's code chart, the Unicode 7.0 mapping of these fonts (the
"Wingdings and Webdings" source tables behind Unicode 7.0's pictographs, as listed for
example on alanwood.net/demos): code in the font -> the exact Unicode character of the
chart. Where that character is one of Unicode 7.0's rare pictographs (U+1F5xx), which few
fonts of a Word document hold, the table gives the older Dingbats or Miscellaneous
Symbols character that looks the same; the comment names the exact one.
Programs that write these fonts through the Symbol encoding store the code plus U+F000
(U+F0FC for 0xFC); both spellings are read.
"""

from __future__ import annotations

from functools import cache

_CHARTS: dict[str, dict[int, str]] = {
    "wingdings": {
        0x6C: "●",  # l: U+26AB MEDIUM BLACK CIRCLE
        0x6E: "■",  # n: U+25FC BLACK MEDIUM SQUARE
        0x6F: "☐",  # o: U+1F78F MEDIUM WHITE SQUARE
        0x71: "❑",  # q: U+2751 LOWER RIGHT SHADOWED WHITE SQUARE
        0x76: "❖",  # v: U+2756 BLACK DIAMOND MINUS WHITE X
        0x9F: "•",  # U+2022 BULLET
        0xA7: "▪",  # §: U+25AA BLACK SMALL SQUARE
        0xA8: "☐",  # ¨: U+1F78E LIGHT WHITE SQUARE
        0xD8: "➢",  # Ø: U+2B9A THREE-D TOP-LIGHTED RIGHTWARDS EQUILATERAL ARROWHEAD
        0xFB: "✗",  # û: U+1F5F6 BALLOT BOLD SCRIPT X
        0xFC: "✓",  # ü: U+2713 CHECK MARK
        0xFD: "☒",  # ý: U+1F5F7 BALLOT BOX WITH BOLD SCRIPT X
        0xFE: "☑",  # þ: U+1F5F9 BALLOT BOX WITH BOLD CHECK
    },
    "wingdings 2": {
        0x4F: "✗",  # O: U+1F5F4 BALLOT SCRIPT X
        0x50: "✓",  # P: U+1F5F8 LIGHT CHECK MARK
        0x51: "☒",  # Q: U+1F5F5 BALLOT BOX WITH SCRIPT X
        0x52: "☑",  # R: U+2611 BALLOT BOX WITH CHECK
        0x53: "☒",  # S: U+2BBD BALLOT BOX WITH LIGHT X
        0x54: "☒",  # T: U+2612 BALLOT BOX WITH X
        0xA3: "☐",  # £: U+25A1 WHITE SQUARE
        0xA2: "■",  # ¢: U+25A0 BLACK SQUARE
    },
    "webdings": {
        0x61: "✔",  # a: U+2714 HEAVY CHECK MARK
        0x63: "☐",  # c: U+2B1C WHITE LARGE SQUARE
        0x72: "✗",  # r: U+1F5D9 CANCELLATION X
    },
}


@cache
def symbol_table(font: str | None) -> dict[int, str] | None:
    """The translation (for ``str.translate``) of a font's stored characters to the ones
    Excel shows, or None for a font that draws letters as letters."""
    if not font:
        return None
    chart = _CHARTS.get(" ".join(font.split()).casefold())
    if chart is None:
        return None
    table = dict(chart)
    table.update({0xF000 + code: shown for code, shown in chart.items()})
    return table


def shown(text: str, font: str | None) -> str:
    """The text as a cell in ``font`` shows it."""
    table = symbol_table(font)
    return text.translate(table) if table else text
