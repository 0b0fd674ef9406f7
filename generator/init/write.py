"""Writing the workbooks: the folder checked first, then each sheet styled, validated, printable."""

from __future__ import annotations

import functools
import shutil
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment, Border, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from generator import contract as cols
from generator.contract import IDENTITY_FIELDS
from generator.files import write_atomically
from generator.init.petunjuk import PETUNJUK_WIDTHS, Guide, petunjuk_component, petunjuk_umum
from generator.init.specs import (
    FIRST_ROW,
    HEADER_ROW,
    IDENTITY_HELP,
    IDENTITY_LABELS,
    TEXT_FORMAT_FIELDS,
    ColumnSpec,
    Context,
    Rule,
    SheetSpec,
    checked_hints,
    component_sheets,
    context_of,
    umum_sheets,
)
from generator.init.suggestions import suggested_uraian
from generator.plan.models import ComponentKey
from generator.problems import CellRef, OutputError, Problem, ProblemError, Report, Severity
from generator.sheet_style import fit_rows, font, print_setup, text_width
from generator.tables import discover

LAST_ROW = 500  # validations and column styles reach this far, for rows the Pokja adds
PROMPT_TITLE_MAX = 32  # Excel's limit for the title of an input or error message
MAX_WIDTH = 40  # a column widens for a long word (an e-mail address) up to this
DATE_FORMAT = "[$-421]d mmmm yyyy"  # 12 Februari 2025, whatever the computer's language
FIRST_DAY, LAST_DAY = date(2000, 1, 1), date(2100, 12, 31)

_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="D9E2F3")
_REQUIRED_FILL = PatternFill("solid", fgColor="FFF2CC")
_WRAP = Alignment(horizontal="left", vertical="top", wrap_text=True)
_CENTER = Alignment(horizontal="center", vertical="top", wrap_text=True)
_HEADER_ALIGN = Alignment(horizontal="center", vertical="center", wrap_text=True)

Book = Sequence[SheetSpec | Guide]  # one workbook: its Petunjuk, then its table sheets


class FolderProblem(ProblemError):
    """The folder cannot take the workbooks: it is a file, holds them already, or a file in
    it cannot be written. The text names the folder or file, so it reads as the message."""

    def __init__(self, code: str, path: Path, **params: object) -> None:
        where = CellRef(str(path))
        super().__init__(Problem(code, where, Severity.ERROR, {"path": str(path), **params}))

    def __str__(self) -> str:
        return self.problem.message


# -- the workbooks of a plan ------------------------------------------------------------------


def umum_book(
    context: Context, identity: Mapping[str, object], narasi: list[list[object]]
) -> list[SheetSpec | Guide]:
    """00_umum.xlsx: Petunjuk, Identitas and Narasi."""
    return [petunjuk_umum(context), *umum_sheets(context, identity, narasi)]


def component_book(
    key: ComponentKey,
    context: Context,
    uraian: list[list[object]],
    indikator: list[list[object]],
    prioritas: list[list[object]],
) -> list[SheetSpec | Guide]:
    """One component's workbook: Petunjuk, Uraian, Indikator and Prioritas."""
    sheets = component_sheets(key, context, uraian, indikator, prioritas)
    return [petunjuk_component(key, context), *sheets]


def init_workbooks(
    folder: Path, identity_hints: Mapping[str, object] | None = None, force: bool = False
) -> list[Path]:
    """Writes the seven workbooks of a new plan into ``folder``, ready for the Pokja.

    ``identity_hints`` pre-fills Identitas (keys as in validate.IDENTITY_FIELDS:
    ``nama_satker``, ``nama_singkat``, ``jenis_satker``, ``tahun``, ...); the signatory,
    NIP and dates stay blank for the unit to fill. Existing workbooks are only replaced
    with ``force``; nothing is written when any check fails.
    """
    hints = checked_hints(identity_hints)
    context = context_of(hints)
    identity: dict[str, object] = {"ukuran_kertas": "A4", **hints}
    books = {cols.WORKBOOK_HINTS[cols.UMUM_NUMBER]: umum_book(context, identity, [])}
    for key in ComponentKey:
        books[cols.WORKBOOK_HINTS[key.number]] = component_book(
            key, context, suggested_uraian(key, context), [], []
        )
    written = write_all(folder, books, force)
    start_word_list(folder)
    return written


STARTER_WORD_LIST = """\
# Kamus satuan kerja untuk zi-plan check: kata yang benar tetapi tidak dikenal kamus
# bahasa Indonesia, satu kata per baris. Tanda # memulai catatan; baris ini diabaikan.
# Isi dengan nama orang dan tempat, singkatan setempat, dan istilah asing yang sengaja
# dipakai, misalnya:
#   Dikbagpers
#   SIMPEG
# Istilah asing yang harus dicetak miring di dokumen diawali tanda *, misalnya
#   *smart prison
# (istilah yang lazim, seperti reward, review dan quick wins, sudah dicetak miring).
# Nama, tempat dan orang yang tertulis di sheet Identitas sudah dikenal; tidak perlu
# ditulis lagi di sini. Berkas ini ikut disalin oleh zi-plan init --dari ke tahun berikutnya.
"""


def start_word_list(folder: Path) -> Path | None:
    """Writes a commented starter kamus.txt, unless the unit has one already."""
    target = folder / cols.WORD_LIST
    if target.exists():
        return None

    def write(path: Path) -> None:
        path.write_text(STARTER_WORD_LIST, encoding="utf-8")

    try:
        return write_atomically(target, write)
    except OutputError as exc:
        detail = str(exc.problem.params["detail"])
        raise FolderProblem("workbook-tidak-dapat-ditulis", target, detail=detail) from None


# -- writing ------------------------------------------------------------------------------------


def write_all(
    folder: Path,
    books: Mapping[str, Book],
    force: bool,
    copies: Mapping[str, Path] | None = None,
) -> list[Path]:
    """Checks the whole folder first, then writes each workbook atomically.

    ``copies`` are other files to copy in (name -> source), such as the logo.
    """
    copies = {
        name: path
        for name, path in (copies or {}).items()
        if not ((folder / name).exists() and (folder / name).samefile(path))
    }
    if folder.exists() and not folder.is_dir():
        raise FolderProblem("folder-berupa-file", folder)
    if folder.is_dir():
        _check_free(folder, list(books), list(copies), force)
    written = []
    for name, sheets in books.items():
        target = folder / name
        try:
            written.append(write_atomically(target, styled_workbook(sheets).save))
        except OutputError as exc:
            detail = str(exc.problem.params["detail"])
            raise FolderProblem("workbook-tidak-dapat-ditulis", target, detail=detail) from None
    for name, path in copies.items():
        try:  # logo.png, kamus.txt: as whole as the workbooks
            write_atomically(folder / name, functools.partial(shutil.copyfile, path))
        except OutputError as exc:
            detail = str(exc.problem.params["detail"])
            raise FolderProblem(
                "workbook-tidak-dapat-ditulis", folder / name, detail=detail
            ) from None
    return written


def _check_free(folder: Path, books: Sequence[str], others: Sequence[str], force: bool) -> None:
    """Refuses a folder whose workbooks would be overwritten (without ``force``) or would
    share a number with the new ones (always: two workbooks 03 cannot be built)."""
    report = Report()
    present = [path.name for path in discover(folder, report).values()]
    present += [p.where.file for p in report.problems if p.code == "workbook-ganda"]
    planned = {name[:2]: name for name in books}
    clashes = [
        (name, planned[name[:2]])
        for name in sorted(present)
        if name[:2] in planned and name != planned[name[:2]]
    ]
    if clashes:
        listed = "; ".join(f"{old} (akan ada {new})" for old, new in clashes)
        raise FolderProblem("nomor-workbook-terpakai", folder, clashes=listed)
    existing = [name for name in (*books, *others) if (folder / name).exists()]
    if existing and not force:
        raise FolderProblem("workbook-sudah-ada", folder, names=", ".join(existing))


def styled_workbook(sheets: Book) -> openpyxl.Workbook:
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for sheet in sheets:
        ws = workbook.create_sheet(sheet.name)
        if isinstance(sheet, Guide):
            _write_guide(ws, sheet)
            ws.sheet_properties.tabColor = "70AD47"
        else:
            _write_table(ws, sheet)
        print_setup(ws, HEADER_ROW if isinstance(sheet, SheetSpec) else None)
    workbook.active = 0
    workbook.properties.creator = "zi-plan"
    workbook.properties.title = sheets[0].title
    return workbook


def _write_heading(ws: Worksheet, title: str, note: str) -> None:
    ws["A1"] = title
    ws["A1"].font = font(bold=True, size=13)
    if note:
        ws["A2"] = note
        ws["A2"].font = font(italic=True, color="595959")


def _write_table(ws: Worksheet, sheet: SheetSpec) -> None:
    _write_heading(ws, sheet.title, sheet.note)
    for c, spec in enumerate(sheet.columns, start=1):
        letter = get_column_letter(c)
        cell = ws.cell(HEADER_ROW, c, spec.title)
        cell.font = font(bold=True)
        cell.fill = _HEADER_FILL
        cell.border = _BORDER
        cell.alignment = _HEADER_ALIGN
        _prompt(ws, f"{letter}{HEADER_ROW}", spec.title, spec.prompt)
        dimension = ws.column_dimensions[letter]
        dimension.width = _fit(spec, [row[c - 1] for row in sheet.rows])
        dimension.alignment = _CENTER if spec.centered else _WRAP
        if spec.rule is not None:
            _validate(ws, f"{letter}{FIRST_ROW}:{letter}{LAST_ROW}", spec.title, spec.rule)
    for r, row in enumerate(sheet.rows, start=FIRST_ROW):
        for c, (spec, value) in enumerate(zip(sheet.columns, row, strict=True), start=1):
            cell = ws.cell(r, c, None if value == "" else value)
            cell.alignment = _CENTER if spec.centered else _WRAP
            cell.border = _BORDER
    if sheet.name == cols.SHEET_IDENTITAS:
        _identitas_cells(ws)
    fit_rows(ws, HEADER_ROW)
    ws.freeze_panes = sheet.freeze


def _identitas_cells(ws: Worksheet) -> None:
    """Per row of Identitas: the Isi cell's prompt, rule, format and required mark."""
    for r, (key, label) in enumerate(IDENTITY_LABELS.items(), start=FIRST_ROW):
        prompt, rule = IDENTITY_HELP.get(key, ("", None))
        where = f"B{r}"
        if rule is not None:
            _validate(ws, where, label, replace(rule, prompt=prompt))
        elif prompt:
            _prompt(ws, where, label, prompt)
        if key in IDENTITY_FIELDS:
            ws[where].fill = _REQUIRED_FILL
            ws[f"A{r}"].font = font(bold=True)
        if key in TEXT_FORMAT_FIELDS:
            ws[where].number_format = "@"
        elif rule is not None and rule.kind == "date":
            ws[where].number_format = DATE_FORMAT


def _write_guide(ws: Worksheet, guide: Guide) -> None:
    _write_heading(ws, guide.title, "")
    for c, width in enumerate(PETUNJUK_WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(c)].width = width
    r = HEADER_ROW
    for style, label, text in guide.rows:
        if style in ("heading", "example-head"):
            r += 1  # a blank row before each heading and each example
        label_cell, text_cell = ws.cell(r, 1, label), ws.cell(r, 2, text or None)
        label_cell.alignment = text_cell.alignment = _WRAP
        label_cell.font = font(bold=True, size=12 if style == "heading" else 11)
        if style.startswith("example"):
            label_cell.border = text_cell.border = _BORDER
        if style == "example-head":
            label_cell.fill = text_cell.fill = _HEADER_FILL
            text_cell.font = font(bold=True)
        r += 1
    fit_rows(ws, HEADER_ROW)


def _fit(spec: ColumnSpec, values: Sequence[object]) -> float:
    """The column width: the spec's, widened only so that no word written has to break."""
    longest = max(
        (text_width(word) for value in values if value for word in str(value).split()),
        default=0.0,
    )
    return max(spec.width, min(longest + 2, MAX_WIDTH))


def _prompt(ws: Worksheet, where: str, title: str, prompt: str) -> None:
    """An input message: shown when the cell is selected, accepts anything."""
    validation = DataValidation(allow_blank=True, showInputMessage=True)
    validation.promptTitle = _prompt_title(title)
    validation.prompt = prompt
    ws.add_data_validation(validation)
    validation.add(where)


def _validate(ws: Worksheet, where: str, title: str, rule: Rule) -> None:
    formula2 = None
    if rule.kind == "list":
        formula1 = '"' + ",".join(rule.values) + '"'
    elif rule.kind == "date":
        formula1, formula2 = str(int(to_excel(FIRST_DAY))), str(int(to_excel(LAST_DAY)))
    else:
        formula1, formula2 = rule.values
    validation = DataValidation(
        type=rule.kind,
        operator=None if rule.kind == "list" else "between",
        formula1=formula1,
        formula2=formula2,
        allow_blank=True,
        showErrorMessage=rule.strict,
        showInputMessage=bool(rule.prompt),
    )
    if rule.error:
        validation.errorTitle = _prompt_title(title)
        validation.error = rule.error
    if rule.prompt:
        validation.promptTitle = _prompt_title(title)
        validation.prompt = rule.prompt
    ws.add_data_validation(validation)
    validation.add(where)


def _prompt_title(text: str) -> str:
    return text if len(text) <= PROMPT_TITLE_MAX else text[: PROMPT_TITLE_MAX - 1] + "…"
