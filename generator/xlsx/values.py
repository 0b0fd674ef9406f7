"""Cell values: number formats, Excel's serial dates and escapes, a value as Excel shows it."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from functools import cache

from generator.indonesian import MONTHS, format_date
from generator.xlsx.number_format import format_number

# Excel's built-in number formats that read differently (thousands, percentages, dates and
# times); the others show a number as a number.
BUILTIN_FORMATS = {
    0: "General",
    3: "#,##0",
    4: "#,##0.00",
    9: "0%",
    10: "0.00%",
    14: "mm-dd-yy",
    15: "d-mmm-yy",
    16: "d-mmm",
    17: "mmm-yy",
    18: "h:mm AM/PM",
    19: "h:mm:ss AM/PM",
    20: "h:mm",
    21: "h:mm:ss",
    22: "m/d/yy h:mm",
    37: "#,##0 ;(#,##0)",
    38: "#,##0 ;[Red](#,##0)",
    39: "#,##0.00;(#,##0.00)",
    40: "#,##0.00;[Red](#,##0.00)",
    45: "mm:ss",
    46: "[h]:mm:ss",
    47: "mmss.0",
}
# "text", [$-421], [Red]; a bracket ends at the next bracket, so that a crafted "[[[[..."
# is read in one pass
_FORMAT_NOISE = re.compile(r'"[^"]*"|\[(?!hh?\]|mm?\]|ss?\])[^\[\]]*\]')
_DATE_CODE = re.compile(r"(?<![_\\])[dmhysDMHYS]")
_DURATION_CODE = re.compile(
    r"\[hh?\](:mm(:ss(\.0*)?)?)?|\[mm?\](:ss(\.0*)?)?|\[ss?\](\.0*)?", re.IGNORECASE
)
WINDOWS_EPOCH = datetime(1899, 12, 30)
MAC_EPOCH = datetime(1904, 1, 1)
# OOXML ST_Xstring: Excel writes a character XML cannot hold as _xHHHH_, and a literal
# "_xHHHH_" typed by the user as _x005F_xHHHH_.
_ESCAPE = re.compile(
    r"_x005[Ff](_x[0-9A-Fa-f]{4}_)"  # an escaped literal
    r"|_x([Dd][89ABab][0-9A-Fa-f]{2})__x([Dd][C-Fc-f][0-9A-Fa-f]{2})_"  # a surrogate pair
    r"|_x([0-9A-Fa-f]{4})_"
)


def display_text(value: object, number_format: str = "General") -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, date):
        day = value.date() if isinstance(value, datetime) else value
        shown = _date_parts(number_format)
        if shown == "month":  # "Feb-24" in Excel: the Pokja typed a month, not a day
            return f"{MONTHS[day.month - 1]} {day.year}"
        return str(day.year) if shown == "year" else format_date(day)
    if isinstance(value, int | float):
        if "%" in number_format:
            return f"{_number(value * 100)}%"
        if number_format != "General":
            formatted = format_number(value, number_format)
            if formatted is not None:
                return formatted
        return _number(value)
    return str(value).strip()


@cache
def _date_parts(number_format: str) -> str:
    """What an Excel date format shows: ``day``, ``month`` (and year) or ``year`` only."""
    codes = re.sub(r'\[[^\[\]]*\]|"[^"]*"', "", number_format).lower()  # [$-421], "text"
    if "d" in codes or codes in ("general", ""):
        return "day"
    return "month" if "m" in codes else "year" if "y" in codes else "day"


EXCEL_DIGITS = 15  # Excel keeps a number to 15 significant digits
_LARGEST_SHOWN_WHOLE = 10**21  # beyond, Excel writes even a whole number as 1E+21


def loses_digits(value: object) -> bool:
    """A number with more than 15 digits before the decimal point: Excel keeps only 15 of
    them, so an 18-digit NIP typed as a number has lost its last three."""
    return (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and abs(value) >= 10**EXCEL_DIGITS
    )


def _number(value: float) -> str:
    """A number as Excel's General format shows it: at most 15 significant digits
    (197604132000121002 -> 197604132000121000)."""
    if isinstance(value, float) and not value.is_integer():
        return f"{value:.15g}".upper()  # 1E-07, as Excel writes it
    if abs(value) < 10**EXCEL_DIGITS:
        return str(int(value))
    if abs(value) >= _LARGEST_SHOWN_WHOLE:
        mantissa, exponent = f"{value:.14E}".split("E")
        return f"{mantissa.rstrip('0').rstrip('.')}E{exponent}"
    exact = Decimal(value)
    places = exact.adjusted() - (EXCEL_DIGITS - 1)
    return str(int(exact.scaleb(-places).quantize(Decimal(1), ROUND_HALF_UP).scaleb(places)))


# The characters XML 1.0 cannot hold (tab and line breaks it can)
NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# What encode_escapes writes as _xHHHH_: those, and the "_" of a typed "_xHHHH_", which a
# reader would otherwise take for an escape
_UNWRITABLE = re.compile(NOT_XML.pattern + r"|_(?=x[0-9A-Fa-f]{4}_)")


def encode_escapes(text: str) -> str:
    """``text`` as Excel writes it into a cell's XML (OOXML's ST_Xstring): a character XML
    cannot hold as ``_xHHHH_``, a typed ``_xHHHH_`` as ``_x005F_xHHHH_``; decode_escapes
    and Excel and LibreOffice read it back as given."""
    if "_x" not in text and text.isprintable():  # nearly every text: no regex
        return text
    return _UNWRITABLE.sub(lambda found: f"_x{ord(found.group()):04X}_", text)


def decode_escapes(text: str) -> str:
    """Excel's ``_xHHHH_`` escapes back to the characters Excel wrote them for.

    Excel escapes the characters XML cannot hold (control characters, U+FFFE, U+FFFF) and
    carriage returns; only those are decoded, so that the validator can name a control
    character's cell. Any other ``_xHHHH_`` was typed literally and is kept as typed.
    """
    if "_x" not in text:
        return text

    def replace(match: re.Match[str]) -> str:
        literal, high, low, code = match.groups()
        if literal:
            return str(literal)
        if high:
            pair = (int(high, 16) - 0xD800) * 0x400 + (int(low, 16) - 0xDC00) + 0x10000
            return chr(pair)
        char = chr(int(code, 16))
        if char in "\t\n\r" or (ord(char) < 0x20 or ord(char) in (0xFFFE, 0xFFFF)):
            return char
        return str(match.group(0))

    return _ESCAPE.sub(replace, text)


@cache
def is_date_format(code: str) -> bool:
    """Excel shows a number in this format as a date or a time (openpyxl's test)."""
    return _DATE_CODE.search(_FORMAT_NOISE.sub("", code.split(";")[0])) is not None


@cache
def is_duration(code: str) -> bool:
    return _DURATION_CODE.search(code.split(";")[0]) is not None


def from_excel(serial: float, epoch: datetime, duration: bool) -> datetime | time | timedelta:
    """An Excel serial number as openpyxl reads it: a datetime, a time of day before day 1,
    a timedelta in a duration format; to the millisecond."""
    if duration:
        length = timedelta(days=serial)
        if length.microseconds:
            seconds = length.total_seconds() // 1
            return timedelta(seconds=seconds, microseconds=round(length.microseconds, -3))
        return length
    day, fraction = divmod(serial, 1)
    clock = timedelta(milliseconds=round(fraction * 86_400_000))
    if 0 <= serial < 1 and clock.days == 0:
        minutes, seconds = divmod(clock.seconds, 60)
        return time(minutes // 60, minutes % 60, seconds, clock.microseconds)
    if 0 < serial < 60 and epoch == WINDOWS_EPOCH:
        day += 1  # Excel counts 29 February 1900, which never was
    return epoch + timedelta(days=day) + clock


def from_iso(text: str) -> object:
    """A ``t="d"`` cell (ISO 8601): a few programs write dates so, Excel never does."""
    from openpyxl.utils.datetime import from_ISO8601  # rare: only then pay for openpyxl

    return from_ISO8601(text)
