"""The package's parts read into a Workbook: relationships, sheet parts, shared strings, styles."""

from __future__ import annotations

import posixpath
import threading
import zipfile
from dataclasses import dataclass
from functools import lru_cache

from lxml import etree

from generator.xlsx.number_format import shows_number
from generator.xlsx.rich import font_style, rich_string
from generator.xlsx.sheet import (
    MAX_CELLS,
    CellFont,
    SharedParts,
    Sheet,
    main_namespace,
    read_sheet,
    text_content,
)
from generator.xlsx.symbols import symbol_table
from generator.xlsx.values import (
    BUILTIN_FORMATS,
    MAC_EPOCH,
    WINDOWS_EPOCH,
    is_date_format,
    is_duration,
)

DOCTYPE_SCAN_BYTES = 1024 * 1024  # a DOCTYPE can only stand in the prolog, before the root
DOCTYPE_MARKS = (b"<!DOCTYPE", "<!DOCTYPE".encode("utf-16-le"), "<!DOCTYPE".encode("utf-16-be"))
_SAFE_XML = {"resolve_entities": False, "no_network": True, "load_dtd": False}
_CONTENT_TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}Override"
_SHARED_STRINGS = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"


def fold(name: object) -> str:
    """The form names are compared in: case-insensitive, spaces folded."""
    if isinstance(name, str):  # the same few hundred headers and labels in every unit
        return _fold_text(str(name))  # a bold header (RichText) folds as its plain text
    return " ".join(str(name).split()).casefold() if name is not None else ""


@lru_cache(maxsize=4096)
def _fold_text(name: str) -> str:
    return " ".join(name.split()).casefold()


@dataclass(frozen=True)
class Workbook:
    """A workbook as read: every sheet's name, and the worksheets' cells."""

    sheetnames: list[str]  # in the workbook's order, chart sheets too (Excel lists them)
    worksheets: list[Sheet]


def find_sheet(workbook: Workbook, name: str) -> Sheet | None:
    for sheet in workbook.worksheets:
        if fold(sheet.title) == fold(name):
            return sheet
    return None


class EntityDeclared(ValueError):
    """A part holds a DOCTYPE beyond where the quick look at each part's start reached."""


_PARSERS = threading.local()


def _xml(data: bytes) -> etree._Element:
    """The part parsed by one parser per thread: making a parser costs three times what
    parsing a small part does, and a parser must not serve two threads at once."""
    parser = getattr(_PARSERS, "parser", None)
    if parser is None:
        parser = _PARSERS.parser = etree.XMLParser(**_SAFE_XML)
    return etree.fromstring(data, parser)


def _relationships(rels: etree._Element) -> dict[str, tuple[str, str]]:
    """A .rels part: each relationship's id -> the part it points to, and its type."""
    found: dict[str, tuple[str, str]] = {}
    for rel in rels.iter("{*}Relationship"):
        target = rel.get("Target") or ""
        part = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        found[rel.get("Id") or ""] = (posixpath.normpath(part), rel.get("Type") or "")
    return found


def _relationship_id(sheet: etree._Element) -> str | None:
    """A ``<sheet>``'s r:id, whatever prefix the package gave its namespace."""
    ids = [v for k, v in sheet.attrib.items() if etree.QName(k).localname == "id"]
    return ids[0] if ids else None


def sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Each worksheet's part in the package (``xl/worksheets/sheet1.xml``) -> its name."""
    try:
        book = _xml(archive.read("xl/workbook.xml"))
        rels = _xml(archive.read("xl/_rels/workbook.xml.rels"))
    except (KeyError, etree.XMLSyntaxError):
        return {}
    targets = _relationships(rels)
    parts: dict[str, str] = {}
    for sheet in book.iter("{*}sheet"):
        rid = _relationship_id(sheet)
        if rid and rid in targets:
            parts[targets[rid][0]] = sheet.get("name") or ""
    return parts


def read_package(archive: zipfile.ZipFile) -> Workbook:
    """The workbook's cells, read in the order openpyxl read them (so a damaged part is
    reported as it was): the manifest, the workbook, its strings, styles, then each sheet."""
    manifest = _read_part(archive, "[Content_Types].xml")
    book = _read_part(archive, "xl/workbook.xml")
    main = main_namespace(book)
    targets = _relationships(_read_part(archive, "xl/_rels/workbook.xml.rels"))
    properties = book.find(f"{main}workbookPr")
    date1904 = properties.get("date1904") if properties is not None else None
    strings, rich = _shared_strings(archive, manifest)
    formats, fonts = _styles(archive)
    shared = SharedParts(
        strings=strings,
        rich_strings=rich,
        number_formats=formats,
        date_styles=frozenset(i for i, code in enumerate(formats) if is_date_format(code)),
        duration_styles=frozenset(i for i, code in enumerate(formats) if is_duration(code)),
        number_styles=frozenset(
            i for i, code in enumerate(formats) if "%" in code or shows_number(code)
        ),
        fonts=fonts,
        epoch=MAC_EPOCH if date1904 and date1904 not in ("false", "f", "0") else WINDOWS_EPOCH,
    )
    names: list[str] = []
    worksheets: list[Sheet] = []
    cells_left = MAX_CELLS
    for element in book.iter("{*}sheet"):
        rid = _relationship_id(element)
        if not rid:
            # openpyxl, too, dropped a sheet that names no part: Excel writes r:id="" for
            # a VBA module sheet, which holds no cells
            continue
        part, kind = targets[rid]
        name = element.get("name") or ""
        names.append(name)
        if "chartsheet" not in kind:
            state = element.get("state") or "visible"
            sheet = read_sheet(name, _read_part(archive, part), shared, state, cells_left)
            cells_left -= len(sheet.values)
            worksheets.append(sheet)
    return Workbook(names, worksheets)


def _read_part(archive: zipfile.ZipFile, name: str) -> etree._Element:
    data = archive.read(name)
    # the package's checks looked at the start of each part; a DOCTYPE can hide behind a
    # long comment, and libxml2 would refuse its entities as mere bad XML
    if len(data) > DOCTYPE_SCAN_BYTES and any(mark in data for mark in DOCTYPE_MARKS):
        raise EntityDeclared(name)
    return _xml(data)


def _shared_strings(
    archive: zipfile.ZipFile, manifest: etree._Element
) -> tuple[list[str], dict[int, etree._Element]]:
    """The shared strings, each read once however many cells refer to it; and those with
    runs, whose fonts a cell in a symbol font reads again."""
    for override in manifest.iter(_CONTENT_TYPES):
        if override.get("ContentType") == _SHARED_STRINGS:
            table = _read_part(archive, (override.get("PartName") or "")[1:])
            main = main_namespace(table)
            # escapes, "_x005F_" guards included, are decoded here once per string
            # (openpyxl instead deleted each "x005F_", turning a typed _x000B_ into a
            # control character and dropping a typed x005F_)
            strings, rich = [], {}
            for index, item in enumerate(table.iter(f"{main}si")):
                text = text_content(item)
                if item.find(f"{main}r") is not None:
                    rich[index] = item
                    text = rich_string(item, main) or text  # bold, italic, ... kept
                strings.append(text)
            return strings, rich
    return [], {}


def _styles(archive: zipfile.ZipFile) -> tuple[list[str], dict[int, CellFont]]:
    """Each cell style's number format (its own code, or Excel's built-in one by id), and
    the styles whose font changes the text: a symbol font, or bold, italic, underline,
    superscript or subscript (the whole cell formatted with the toolbar)."""
    try:
        styles = _read_part(archive, "xl/styles.xml")
    except KeyError:
        return [], {}  # every cell is General, in the default font
    main = main_namespace(styles)
    custom = {
        int(fmt.get("numFmtId", "")): fmt.get("formatCode") or "General"
        for fmt in styles.iterfind(f"{main}numFmts/{main}numFmt")
    }
    fonts: list[CellFont | None] = []
    for font in styles.iterfind(f"{main}fonts/{main}font"):
        name = font.find(f"{main}name")
        symbol = name.get("val") if name is not None else None
        if not (symbol and symbol_table(symbol)):
            symbol = None
        style = font_style(font, main)
        fonts.append(CellFont(symbol, style) if symbol or not style.plain else None)
    codes: list[str] = []
    by_style: dict[int, CellFont] = {}
    for index, xf in enumerate(styles.iterfind(f"{main}cellXfs/{main}xf")):
        number = int(xf.get("numFmtId") or 0)
        codes.append(custom.get(number) or BUILTIN_FORMATS.get(number, "General"))
        font = int(xf.get("fontId") or 0)
        found = fonts[font] if 0 <= font < len(fonts) else None
        if found is not None:
            by_style[index] = found
    return codes, by_style
