"""Values as the workbook contract reads them: dates typed or stored by Excel, years, levels."""

from __future__ import annotations

import re
from datetime import date, datetime

from generator.indonesian import MONTHS


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
