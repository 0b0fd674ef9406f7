"""Values as the workbook contract reads them: dates typed or stored by Excel, years, levels,
list markers and NIPs."""

from __future__ import annotations

import re
from datetime import date, datetime

from generator.indonesian import MONTHS
from generator.plan.models import Line, Marker

_ITEM = re.compile(r"^(?:(?P<number>\d{1,3})[.)]|(?P<letter>[a-zA-Z])[.)]|(?P<bullet>[-–•]))\s+")


def parse_date(value: object) -> date | None:
    """An Excel date, or text such as ``12 Februari 2024``, ``12/02/2024``, ``2024-02-12``."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    text = " ".join(value.replace(",", " ").split()).casefold()
    months = {m.casefold(): i + 1 for i, m in enumerate(MONTHS)}
    months.update({m.casefold()[:3]: i + 1 for i, m in enumerate(MONTHS)})
    months.update({"agt": 8, "ags": 8, "agu": 8, "okt": 10, "des": 12, "mei": 5})
    try:
        if m := re.fullmatch(r"(\d{1,2}) ([a-z]+)\.? (\d{4})", text):
            month = months.get(m.group(2))
            return date(int(m.group(3)), month, int(m.group(1))) if month else None
        if m := re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", text):
            return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        if m := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text):
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None
    return None


def parse_year(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if (isinstance(value, int | float) and float(value).is_integer()) or (
        isinstance(value, str) and re.fullmatch(r"\s*\d{4}\s*", value)
    ):
        year = int(value)
    else:
        return None
    return year if 2000 <= year <= 2100 else None


def parse_level(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float) and float(value).is_integer() and 0 <= value <= 3:
        return int(value)
    if isinstance(value, str) and value.strip() in ("0", "1", "2", "3"):
        return int(value.strip())
    return None


def split_marker(line: str) -> Line:
    """``1. text`` -> a numbered item ``text``: the number itself is generated later.

    A capital letter alone (``H. Ahmad Syafii``) is an initial, not a list letter; capital
    letters are list letters only in a run A., B., ... (see ``split_lines``)."""
    return _split(line, capitals=False)


def split_lines(text: str) -> list[Line]:
    """The lines of a cell; ``1.``, ``a.`` and ``-`` lines are list items, and so are
    ``A.``, ``B.`` lines when the cell holds at least two of them in order from A."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    capitals = [m.group("letter") for line in lines if (m := _ITEM.match(line))]
    capitals = [c for c in capitals if c and c.isupper()]
    run = len(capitals) >= 2 and capitals == [chr(ord("A") + i) for i in range(len(capitals))]
    return [_split(line, capitals=run) for line in lines]


def _split(line: str, capitals: bool) -> Line:
    text = line.strip()
    match = _ITEM.match(text)
    if not match or not text[match.end() :].strip():
        return Line(text=text)
    kind = next(k for k in ("number", "letter", "bullet") if match.group(k))
    if kind == "letter" and match.group("letter").isupper() and not capitals:
        return Line(text=text)
    return Line(text=text[match.end() :].strip(), marker=Marker(kind))


# -- NIP -----------------------------------------------------------------------------------

EXCEL_DIGITS = 15  # Excel keeps a number to 15 significant digits
_NIP_LABEL = re.compile(r"^\s*NIP\s*[.:]?\s*", re.IGNORECASE)
_NIP_SEPARATORS = re.compile(r"[\s.\-–—]")
_SCIENTIFIC = re.compile(r"\s*\d(?:[.,]\d+)?\s*E\s*\+?\s*\d{1,2}\s*", re.IGNORECASE)


def excel_general(value: float) -> str:
    """A large number as Excel's General format shows it: ``1.97604132000121E+17``."""
    return f"{value:.{EXCEL_DIGITS}G}"


def nip_cut_by_excel(value: object) -> bool:
    """A NIP Excel stored as a number (>= 1e15) or that was copied in scientific form:
    its last digits are gone."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return bool(abs(value) >= 10**EXCEL_DIGITS)
    return isinstance(value, str) and _SCIENTIFIC.fullmatch(value) is not None


def nip_digits(text: str) -> tuple[str, str]:
    """The NIP typed with a ``NIP.`` label, spaces, dots or dashes: its digits, and the
    other characters that are neither (empty when there are none)."""
    rest = _NIP_SEPARATORS.sub("", _NIP_LABEL.sub("", text))
    others = "".join(dict.fromkeys(ch for ch in rest if not ch.isdigit() or not ch.isascii()))
    return "".join(ch for ch in rest if ch.isascii() and ch.isdigit()), others
