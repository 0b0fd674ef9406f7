"""The LKE sheet in the layout units publish (Penilaian, Bobot, Penjelasan, Pilihan Jawaban,
Jawaban, Nilai, %, Catatan, Eviden), with the suggested answers and formulas that recompute
Nilai and % when a person changes an answer."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from generator.lke.estimate import DISCLAIMER, Answer, Estimate
from generator.lke.table import AREAS, HASIL, PEMENUHAN, REFORM, ROMAN, Item
from generator.plan.models import Plan
from generator.sheet_style import fit_rows, font, print_setup

SHEET = "LKE"
HEADERS = (
    "Penilaian",
    "Bobot",
    "Penjelasan",
    "Pilihan Jawaban",
    "Jawaban",
    "Nilai",
    "%",
    "Catatan",
    "Eviden",
)
WIDTHS = (60, 9, 70, 16, 10, 9, 8, 40, 40)
B, E, F, G = "B", "E", "F", "G"  # Bobot, Jawaban, Nilai, %
HEADER_ROW = 4
# one instance each, shared by every cell (openpyxl interns a style on each assignment)
HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
LEVEL_FILLS = {
    0: PatternFill("solid", fgColor="BDD7EE"),  # PENGUNGKIT, HASIL, TOTAL
    1: PatternFill("solid", fgColor="DDEBF7"),  # Pemenuhan, Reform
    2: PatternFill("solid", fgColor="F2F2F2"),  # an area
}
ANSWER_FILL = PatternFill("solid", fgColor="FFF2CC")  # where a person answers
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")  # numbers and formulas: never wrapped (nor measured as text)
NUMBER = "0.00"
PERCENT = "0.0%"


def default_sheet_name(plan: Plan) -> str:
    """``LKE_BPS_Provinsi_Aceh_2025.xlsx``: named as the plan's document is."""
    from generator.render.document import default_filename

    return default_filename(plan).replace("Rencana_Kerja_ZI_", "LKE_", 1)[: -len(".docx")] + ".xlsx"


def value_formula(item: Item, answer_cell: str) -> str:
    """Nilai from the answer typed in ``answer_cell``: the option's value, or for a counted
    item the ratio typed, capped at 1; empty while unanswered."""
    if item.counted:
        return f'=IF({answer_cell}="","",MIN(1,MAX(0,{answer_cell})))'
    keys = ",".join(f'"{o.answer}"' for o in item.options)
    values = ",".join(f"{o.value:g}" for o in item.options)
    return (
        f'=IF({answer_cell}="","",IFERROR(INDEX({{{values}}},'
        f'MATCH(""&{answer_cell},{{{keys}}},0)),""))'
    )


class _Writer:
    """Writes the rows top to bottom, remembering which cells sum into which."""

    def __init__(self, ws: Worksheet) -> None:
        self.ws = ws
        self.row = HEADER_ROW
        self.choices: dict[str, DataValidation] = {}  # one rule per list of answers

    def put(self, values: list[object], level: int | None = None) -> int:
        self.row += 1
        for column, value in enumerate(values, start=1):
            cell = self.ws.cell(self.row, column, value)
            cell.alignment = TOP if cell.column_letter in (B, E, F, G) else WRAP
            cell.font = font(bold=level is not None)
            if level is not None:
                cell.fill = LEVEL_FILLS[min(level, 2)]
        for letter, style in ((B, NUMBER), (F, NUMBER), (G, PERCENT)):
            self.ws[f"{letter}{self.row}"].number_format = style
        return self.row

    def item(self, item: Item, answer: Answer | None) -> int:
        choices = "angka 0–1 (rasio)" if item.counted else "/".join(o.answer for o in item.options)
        explanation = "\n".join(f"- {o.text}" if item.counted else o.text for o in item.options)
        note = answer.basis if answer is not None else ""
        if answer is not None and answer.value is not None:
            note = f"Jawaban yang disarankan: {note}."
        if item.note:
            note = "\n".join(x for x in (note, f"Catatan tabel LKE: {item.note}") if x)
        evidence = "\n".join(answer.evidence) if answer is not None else ""
        typed: object = answer.answer if answer is not None and answer.answer else None
        label = (
            f"{item.bps_code} ({item.code}) {item.question}"
            if item.pengungkit
            else (f"{item.code} {item.question}")
        )
        row = self.put(
            [label, item.weight, explanation, choices, typed, None, None, note, evidence]
        )
        answer_cell = f"{E}{row}"
        self.ws[f"{F}{row}"] = value_formula(item, answer_cell)
        self.ws[answer_cell].fill = ANSWER_FILL
        if not item.counted:
            options = ",".join(o.answer for o in item.options)
            if options not in self.choices:
                self.choices[options] = DataValidation(
                    type="list", formula1=f'"{options}"', allow_blank=True
                )
                self.ws.add_data_validation(self.choices[options])
            self.choices[options].add(answer_cell)
        return row

    def sub_pilar(self, items: list[Item], answers: dict[str, Answer], level: int) -> int:
        first = items[0]
        title = f"{ROMAN[first.sub_pilar - 1]}. {first.sub_pilar_name}"
        if not first.pengungkit:
            title = first.sub_pilar_name
        row = self.put([title, first.sub_pilar_weight], level)
        rows = [self.item(item, answers.get(item.code)) for item in items]
        cells = ",".join(f"{F}{r}" for r in rows)
        # the mean of the items' values (unanswered = 0) times the sub-pilar's weight
        self.ws[f"{F}{row}"] = f"=SUM({cells})/{len(rows)}*{B}{row}"
        self.ws[f"{G}{row}"] = f'=IF({B}{row}=0,"",{F}{row}/{B}{row})'
        return row


def _sub_pilars(items: list[Item]) -> list[list[Item]]:
    groups: dict[tuple[int, str], list[Item]] = {}
    for item in items:
        groups.setdefault((item.sub_pilar, item.sub_pilar_name), []).append(item)
    return list(groups.values())


def build_sheet(plan: Plan, result: Estimate) -> Workbook:
    """The workbook: every item under its bagian, area and sub-pilar, then the totals."""
    workbook = Workbook()
    ws = workbook.active
    ws.title = SHEET
    identity = plan.identity
    ws["A1"] = f"Lembar Kerja Evaluasi Zona Integritas — {identity.nama_satker} {identity.tahun}"
    ws["A1"].font = font(bold=True, size=13)
    ws["A2"] = (
        f"{DISCLAIMER} Jawaban yang terisi adalah saran dari rencana kerja dan realisasinya; "
        "isi atau ubah kolom Jawaban (sel kuning): Nilai dan % dihitung ulang."
    )
    ws["A2"].font = font(italic=True)
    ws["A2"].alignment = WRAP
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=len(HEADERS))
    ws.row_dimensions[2].height = 48
    for column, (title, width) in enumerate(zip(HEADERS, WIDTHS, strict=True), start=1):
        cell = ws.cell(HEADER_ROW, column, title)
        cell.font = font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        ws.column_dimensions[cell.column_letter].width = width
    answers = {a.item.code: a for a in result.answers}
    lke = result.lke
    writer = _Writer(ws)
    top_rows = []
    pengungkit = writer.put(["A. PENGUNGKIT", 60], 0)
    part_rows = []
    for number, bagian in enumerate((PEMENUHAN, REFORM), start=1):
        part = writer.put([f"{number}. {bagian}", 30], 1)
        area_rows = []
        for index, area in enumerate(AREAS):
            items = [i for i in lke.pengungkit if i.bagian == bagian and i.area == area]
            area_row = writer.put([f"{ROMAN[index].upper()}. {items[0].area_name}"], 2)
            subs = [writer.sub_pilar(group, answers, 3) for group in _sub_pilars(items)]
            _sum_into(ws, area_row, subs, items[0].area_weight)
            area_rows.append(area_row)
        _sum_into(ws, part, area_rows, 30)
        part_rows.append(part)
    _sum_into(ws, pengungkit, part_rows, 60)
    top_rows.append(pengungkit)
    hasil_items = [i for i in lke.items if i.bagian == HASIL]
    hasil = writer.put(["B. HASIL", sum(i.weight for i in hasil_items)], 0)
    groups: dict[str, list[Item]] = {}
    for item in hasil_items:
        groups.setdefault(item.area_name, []).append(item)
    hasil_rows = []
    for name, items in groups.items():
        group_row = writer.put([name, sum(i.weight for i in items)], 2)
        subs = [writer.sub_pilar([item], answers, 3) for item in items]
        _sum_into(ws, group_row, subs, None)
        hasil_rows.append(group_row)
    _sum_into(ws, hasil, hasil_rows, None)
    top_rows.append(hasil)
    total = writer.put(["TOTAL (A + B)", 100], 0)
    _sum_into(ws, total, top_rows, None)
    writer.row += 1
    for threshold in lke.thresholds:
        writer.put(
            [
                f"Ambang {threshold.name} (dari aplikasi LKE publik, bukan teks peraturan): "
                f"total ≥ {threshold.total:g}, pengungkit ≥ {threshold.pengungkit:g}, setiap "
                f"area pengungkit ≥ {threshold.area_percent:g} % dari bobotnya."
            ]
        )
        ws.merge_cells(start_row=writer.row, start_column=1, end_row=writer.row, end_column=4)
    ws.freeze_panes = f"B{HEADER_ROW + 1}"
    print_setup(ws, HEADER_ROW)
    fit_rows(ws, HEADER_ROW + 1)
    return workbook


def _sum_into(ws: Worksheet, row: int, parts: list[int], weight: float | None) -> None:
    """A heading row: Bobot (when given), Nilai as the sum of its parts, % of its Bobot."""
    if weight is not None:
        ws[f"{B}{row}"] = weight
    ws[f"{F}{row}"] = "=" + ("+".join(f"{F}{part}" for part in parts) or "0")
    ws[f"{G}{row}"] = f'=IF({B}{row}=0,"",{F}{row}/{B}{row})'


def write_sheet(plan: Plan, result: Estimate, target: Path) -> Path:
    """Writes the sheet atomically (OutputError in Indonesian when it cannot be written)."""
    from generator.files import write_atomically

    return write_atomically(target, build_sheet(plan, result).save)
