"""``zi-plan realisasi``: the realisation workbooks, built from the validated plan.

One workbook per component (the plan workbook's name, its planned lines and steps copied
and protected, the months and follow-up columns to fill) and ``00_monev.xlsx`` for the
monev meetings and their recommendations. Written with init's look (generator/sheets.py,
generator/initialise.py). Running it again after the plan was revised keeps what was
filled, matching rows by content as ``zi-plan diff`` matches them; what matches no row
of the new plan goes to a ``Tidak Tertempatkan`` sheet and is listed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl
from openpyxl.styles import PatternFill, Protection
from openpyxl.worksheet.worksheet import Worksheet

from generator import contract as cols
from generator.contract import TICK, Column
from generator.diff import align
from generator.files import write_atomically
from generator.indonesian import MONTHS
from generator.init.petunjuk import Guide
from generator.init.specs import FIRST_ROW, ColumnSpec, Rule, SheetSpec, month_column
from generator.init.write import DATE_FORMAT, styled_workbook
from generator.monev import contract as rc
from generator.plan.models import ComponentKey, Plan
from generator.plan.validate import load_plan
from generator.problems import CellRef, Problem, Report, Severity
from generator.tables import Cell, discover
from generator.tables import read_table as read_rows
from generator.xlsx import Workbook, find_sheet, open_workbook

LINE_KEY = ("kegiatan", "uraian")  # the copied cells that name a row
STEP_KEY = ("target", "rencana_aksi", "waktu")
PLANNED_FILL = PatternFill("solid", fgColor="E2EFDA")  # light green; a light grey in print
UNLOCKED = Protection(locked=False)
STATUS_HELP = "Pilih Belum, Proses atau Selesai. Kosong berarti Belum."
STATUS_RULE = Rule(
    "list",
    rc.STATUSES,
    prompt="Belum: belum dimulai; Proses: sedang dikerjakan; Selesai: tuntas, bukti ada.",
    error="Pilih Belum, Proses atau Selesai dari daftar.",
)
DATE_RULE = Rule("date", error="Isi tanggal, misalnya 2024-03-28 (tahun-bulan-tanggal).")


# -- the columns, as written ----------------------------------------------------------------


def _month(index: int) -> ColumnSpec:
    name = MONTHS[index]
    return month_column(
        index,
        f"Pilih {TICK} bila kegiatan baris ini telah dilaksanakan pada bulan {name}. Sel "
        "berwarna adalah bulan yang direncanakan; kegiatan di bulan lain juga dicentang.",
        f"Pilih {TICK} bila kegiatan ini dilaksanakan pada bulan {name}.",
    )


_BUKTI = ColumnSpec(
    "Bukti Dukung",
    30,
    "Tautan (https://...) atau lokasi file bukti pelaksanaan: notulen, laporan, foto, SK. "
    "Beberapa bukti: tekan Alt+Enter di antaranya.",
)
_KENDALA = ColumnSpec("Kendala", 28, "Boleh kosong. Hambatan yang ditemui dalam pelaksanaan.")
_SOLUSI = ColumnSpec("Solusi", 28, "Boleh kosong. Langkah yang diambil atau diusulkan.")
_COPIED = "Disalin dari rencana kerja; tidak dapat diubah di sini."

REALISASI_SPECS = (
    ColumnSpec("NO", 4, _COPIED, centered=True),
    ColumnSpec("KEGIATAN", 24, _COPIED),
    ColumnSpec("URAIAN KEGIATAN", 40, _COPIED),
    *(_month(i) for i in range(12)),
    _BUKTI,
    _KENDALA,
    _SOLUSI,
)
PRIORITAS_SPECS = (
    ColumnSpec("No", 4, _COPIED, centered=True),
    ColumnSpec("Target Prioritas", 28, _COPIED),
    ColumnSpec("Rencana Aksi", 36, _COPIED),
    ColumnSpec("Waktu", 16, _COPIED),
    ColumnSpec(
        "Status", 10, "Pilih Belum, Proses atau Selesai. Kosong berarti Belum.", STATUS_RULE
    ),
    ColumnSpec(
        "Tanggal Selesai",
        14,
        "Tanggal langkah ini selesai, diketik 2024-03-28 (tahun-bulan-tanggal).",
        DATE_RULE,
    ),
    _BUKTI,
    _KENDALA,
    _SOLUSI,
)
TRIWULAN_SPEC = ColumnSpec(
    "Triwulan",
    9,
    "Triwulan rapat atau rekomendasi: 1, 2, 3 atau 4.",
    Rule("whole", ("1", "4"), error="Isi 1, 2, 3 atau 4."),
    centered=True,
)
RAPAT_SPECS = (
    TRIWULAN_SPEC,
    ColumnSpec(
        "Tanggal", 16, "Tanggal rapat monev, diketik 2024-03-28 (tahun-bulan-tanggal).", DATE_RULE
    ),
    ColumnSpec(
        "Dihadiri Pimpinan",
        12,
        "Ya bila kepala satuan kerja hadir dan memimpin rapat; Tidak bila tidak.",
        Rule("list", (rc.YES, rc.NO), error="Pilih Ya atau Tidak."),
        centered=True,
    ),
    ColumnSpec("Bukti Dukung", 40, "Notulen, daftar hadir, foto: tautan atau lokasi file."),
)
TINDAK_LANJUT_SPECS = (
    TRIWULAN_SPEC,
    ColumnSpec("Rekomendasi", 45, "Satu rekomendasi hasil rapat monev per baris."),
    ColumnSpec("Penanggung Jawab", 20, "Pokja atau orang yang menindaklanjuti."),
    ColumnSpec(
        "Batas Waktu",
        14,
        "Tanggal paling lambat, diketik 2024-04-30 (tahun-bulan-tanggal).",
        DATE_RULE,
    ),
    ColumnSpec(
        "Status", 10, "Pilih Belum, Proses atau Selesai. Kosong berarti Belum.", STATUS_RULE
    ),
    ColumnSpec("Bukti Dukung", 35, "Bukti tindak lanjut: tautan atau lokasi file."),
)
NARASI_SPECS = (
    ColumnSpec(
        "Bagian",
        22,
        "Bagian laporan yang teksnya diganti: " + ", ".join(rc.NARASI_BAGIAN) + ".",
        Rule("list", rc.NARASI_BAGIAN, error="Pilih Bagian dari daftar."),
    ),
    ColumnSpec(
        "Teks",
        100,
        "Satu paragraf per baris. Bagian yang tidak diisi memakai teks baku dengan nama "
        "satuan kerja, tahun dan triwulan.",
    ),
)
UNPLACED_SPECS = (
    ColumnSpec("Sheet", 12, "Sheet asal isian ini."),
    ColumnSpec("Baris", 40, "Baris rencana lama yang isiannya tidak lagi ada di rencana."),
    ColumnSpec("Isian", 60, "Isian yang tersimpan, untuk dipindahkan bila masih berlaku."),
)
_REALISASI_INPUT = range(4, len(REALISASI_SPECS) + 1)  # JAN .. Solusi, 1-based columns
_PRIORITAS_INPUT = range(5, len(PRIORITAS_SPECS) + 1)  # Status .. Solusi


# -- what was filled before -------------------------------------------------------------------


@dataclass(frozen=True)
class Filled:
    """One row of an earlier realisation workbook: what it named, and what was typed."""

    key: str  # its copied cells, to find it in the new plan
    label: str
    values: tuple[object, ...]  # the input cells, as typed
    where: CellRef

    @property
    def any(self) -> bool:
        return any(v not in (None, "") for v in self.values)


@dataclass
class Outcome:
    """What one run wrote, and the earlier entries it could not put back."""

    written: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)  # 00_monev.xlsx, left as it was
    unplaced: list[Problem] = field(default_factory=list)
    moved: int = 0  # entries carried to a row whose text the revision changed


def _text(cell: Cell | None) -> str:
    return cell.text if cell is not None else ""


def _raw(cell: Cell | None) -> object:
    return None if cell is None or cell.blank else cell.value


def _earlier(
    workbook: Workbook,
    file: str,
    sheet: str,
    columns: tuple[Column, ...],
    copied: Sequence[str],
    report: Report,
) -> list[Filled]:
    """The rows of an earlier workbook's sheet; blank copied cells continue the row above."""
    ws = find_sheet(workbook, sheet)
    table = read_rows(ws, file, columns, report) if ws is not None else None
    if table is None:
        return []
    inputs = [c.key for c in columns if c.key not in copied and c.key != "no"]
    rows, above = [], [""] * len(copied)
    for row in table.rows:
        texts = [_text(row.get(key)) or above[i] for i, key in enumerate(copied)]
        above = texts
        values = tuple(_raw(row.get(key)) for key in inputs)
        first = row[copied[0]].ref
        rows.append(Filled("\n".join(texts), rc.line_label(texts[0], texts[1]), values, first))
    return rows


def _earlier_unplaced(workbook: Workbook, file: str, report: Report) -> list[list[object]]:
    ws = find_sheet(workbook, rc.SHEET_UNPLACED)
    columns = tuple(Column(s.title.lower(), (s.title,)) for s in UNPLACED_SPECS)
    table = read_rows(ws, file, columns, report) if ws is not None else None
    return [[_raw(row[c.key]) for c in columns] for row in table.rows] if table else []


def _carry(
    old: list[Filled],
    new: list[tuple[str, str]],
    sheet: str,
    outcome: Outcome,
    unplaced: list[list[object]],
) -> list[tuple[object, ...] | None]:
    """Each new row's earlier values (None: nothing), matched by content; ``new`` holds
    each new row's copied cells and its label."""
    carried: list[tuple[object, ...] | None] = [None] * len(new)
    pairs = align(
        [(item.key, item.label) for item in old], new, key=lambda x: x[0], text=lambda x: x[1]
    )
    titles = _input_titles(sheet)
    for pair in pairs:
        if pair.old_index is None:
            continue
        before = old[pair.old_index]
        if not before.any:
            continue
        if pair.new_index is None:
            typed = zip(titles, before.values, strict=True)
            summary = "; ".join(
                f"{name}: {value}" for name, value in typed if value not in (None, "")
            )
            unplaced.append([sheet, before.label, summary])
            outcome.unplaced.append(
                Problem(
                    "realisasi-tidak-tertempatkan",
                    before.where,
                    Severity.WARNING,
                    {"value": before.label},
                )
            )
            continue
        carried[pair.new_index] = before.values
        if before.key != new[pair.new_index][0]:
            outcome.moved += 1
    return carried


def _input_titles(sheet: str) -> list[str]:
    specs, inputs = (
        (REALISASI_SPECS, _REALISASI_INPUT)
        if sheet == rc.SHEET_REALISASI
        else (PRIORITAS_SPECS, _PRIORITAS_INPUT)
    )
    return [specs[c - 1].title for c in inputs]


# -- the workbooks ------------------------------------------------------------------------------


def _caption(plan: Plan) -> str:
    return f"{plan.identity.nama_singkat} · Tahun {plan.identity.tahun}"


def _identity_rows(guide: Guide, plan: Plan, komponen: str, code: str) -> None:
    guide.heading("IDENTITAS WORKBOOK (jangan diubah)")
    guide.add(rc.ID_SATKER, plan.identity.nama_satker)
    guide.add(rc.ID_SINGKAT, plan.identity.nama_singkat)
    guide.add(rc.ID_TAHUN, str(plan.identity.tahun))
    guide.add(rc.ID_KOMPONEN, komponen)
    if code:
        guide.add(rc.ID_KODE, code)


def _component_guide(plan: Plan, key: ComponentKey, code: str) -> Guide:
    guide = Guide(
        f"PETUNJUK PENGISIAN REALISASI — Komponen {key.number}. {key.value} ({_caption(plan)})"
    )
    guide.add("Diisi oleh", f"Pokja {key.value}, setiap bulan.")
    guide.add(
        "Sheet Realisasi",
        "Satu baris untuk setiap baris matriks kegiatan rencana kerja. NO, KEGIATAN dan URAIAN "
        "KEGIATAN disalin dari rencana dan dikunci. Sel bulan yang berwarna hijau muda adalah "
        f"bulan yang direncanakan. Pilih {TICK} pada bulan kegiatan itu benar-benar "
        "dilaksanakan, juga bila di luar bulan rencana. Isi Bukti Dukung (tautan atau lokasi "
        "file), Kendala dan Solusi.",
    )
    guide.add(
        "Sheet Prioritas",
        "Satu baris untuk setiap langkah Rencana Aksi. Pilih Status: Belum, Proses atau "
        "Selesai (kosong berarti Belum). Bila Selesai, isi Tanggal Selesai (diketik "
        "2024-03-28) dan Bukti Dukung.",
    )
    guide.add(
        "Laporan triwulan",
        "Sekretariat menyusun Laporan Monitoring dan Evaluasi setiap triwulan dengan perintah "
        "zi-plan monev. Kegiatan yang direncanakan sampai akhir triwulan tetapi belum "
        "dicentang tercantum sebagai kegiatan terlambat; baris tanpa Bukti Dukung tercantum "
        "sebagai belum ada bukti dukung.",
    )
    guide.add(
        "Bila rencana direvisi",
        "Sekretariat menjalankan zi-plan realisasi lagi: isian yang sudah ada dipindahkan ke "
        "baris yang sama isinya di rencana baru. Isian yang barisnya tidak ada lagi disimpan "
        f"di sheet {rc.SHEET_UNPLACED}.",
    )
    guide.add(
        "Dikirim kepada", "Sekretariat Tim Kerja Pembangunan Zona Integritas, setiap akhir bulan."
    )
    _identity_rows(guide, plan, f"{key.number}. {key.value}", code)
    return guide


def component_workbook(
    plan: Plan,
    key: ComponentKey,
    line_values: list[tuple[object, ...] | None],
    step_values: list[tuple[object, ...] | None],
    unplaced: list[list[object]],
) -> openpyxl.Workbook:
    component = plan.components[key.number - 1]
    lines, steps = rc.plan_lines(component), rc.plan_steps(component)
    heading = f"Komponen {key.number}. {key.value}"
    blank_line = (None,) * len(_REALISASI_INPUT)
    blank_step = (None,) * len(_PRIORITAS_INPUT)
    sheets: list[SheetSpec | Guide] = [
        _component_guide(plan, key, rc.plan_code(component)),
        SheetSpec(
            rc.SHEET_REALISASI,
            f"{heading} — Realisasi matriks kegiatan ({_caption(plan)})",
            f"Sel berwarna: bulan rencana. Pilih {TICK} pada bulan kegiatan dilaksanakan.",
            REALISASI_SPECS,
            [
                [line.no, line.kegiatan, line.uraian, *(values or blank_line)]
                for line, values in zip(lines, line_values, strict=True)
            ],
            freeze=f"D{FIRST_ROW}",
        ),
        SheetSpec(
            rc.SHEET_PRIORITAS,
            f"{heading} — Realisasi Target Prioritas ({_caption(plan)})",
            "Pilih Status setiap langkah; bila Selesai, isi Tanggal Selesai dan Bukti Dukung.",
            PRIORITAS_SPECS,
            [
                [step.no, step.target, step.rencana_aksi, step.waktu, *(values or blank_step)]
                for step, values in zip(steps, step_values, strict=True)
            ],
            freeze=f"E{FIRST_ROW}",
        ),
    ]
    if unplaced:
        sheets.append(
            SheetSpec(
                rc.SHEET_UNPLACED,
                f"Isian yang tidak dapat ditempatkan ({_caption(plan)})",
                "Baris rencana lama ini tidak ada lagi di rencana. Pindahkan isiannya bila "
                "masih berlaku; sheet ini tidak dibaca.",
                UNPLACED_SPECS,
                unplaced,
            )
        )
    workbook = styled_workbook(sheets)
    _protect(workbook[rc.SHEET_REALISASI], len(lines), _REALISASI_INPUT)
    _protect(workbook[rc.SHEET_PRIORITAS], len(steps), _PRIORITAS_INPUT)
    _protect(workbook[rc.SHEET_PETUNJUK], 0, range(0))
    ws = workbook[rc.SHEET_REALISASI]
    for r, line in enumerate(lines, start=FIRST_ROW):
        for m, planned in enumerate(line.months):
            if planned:
                ws.cell(r, 4 + m).fill = PLANNED_FILL
    _date_cells(workbook[rc.SHEET_PRIORITAS], 6, FIRST_ROW + len(steps))
    return workbook


def monev_workbook(plan: Plan) -> openpyxl.Workbook:
    guide = Guide(
        f"PETUNJUK PENGISIAN — 00 Monev: rapat monev dan tindak lanjut ({_caption(plan)})"
    )
    guide.add("Diisi oleh", "Sekretariat Tim Kerja Pembangunan Zona Integritas.")
    guide.add(
        "Sheet Rapat Monev",
        "Satu baris untuk setiap rapat monitoring dan evaluasi: Triwulan (1 s.d. 4), Tanggal "
        "(diketik 2024-03-28), Dihadiri Pimpinan (Ya atau Tidak) dan Bukti Dukung (notulen, "
        "daftar hadir).",
    )
    guide.add(
        "Sheet Tindak Lanjut",
        "Satu baris untuk setiap rekomendasi rapat monev: Triwulan rapat yang "
        "merekomendasikannya, Rekomendasi, Penanggung Jawab, Batas Waktu, Status (Belum, "
        "Proses, Selesai) dan Bukti Dukung. Perbarui Status rekomendasi lama setiap triwulan; "
        "jangan menghapus barisnya.",
    )
    guide.add(
        "Sheet Narasi",
        "Boleh kosong. Teks pengganti untuk Latar Belakang, Maksud dan Tujuan, Ruang Lingkup "
        "dan Penutup laporan: satu paragraf per baris. Bagian yang tidak diisi memakai teks "
        "baku.",
    )
    guide.add("Aturan pengisian", "Isi mulai baris 4; tambahkan baris sebanyak yang diperlukan.")
    _identity_rows(guide, plan, "Monitoring dan Evaluasi", "")
    workbook = styled_workbook(
        [
            guide,
            SheetSpec(
                rc.SHEET_RAPAT,
                f"Rapat Monitoring dan Evaluasi ({_caption(plan)})",
                "Satu baris untuk setiap rapat monev.",
                RAPAT_SPECS,
            ),
            SheetSpec(
                rc.SHEET_TINDAK_LANJUT,
                f"Tindak Lanjut Rekomendasi Monev ({_caption(plan)})",
                "Satu baris untuk setiap rekomendasi; perbarui Status setiap triwulan.",
                TINDAK_LANJUT_SPECS,
            ),
            SheetSpec(
                rc.SHEET_NARASI,
                f"Narasi Laporan Monitoring dan Evaluasi ({_caption(plan)})",
                "Boleh kosong: bagian yang tidak diisi memakai teks baku.",
                NARASI_SPECS,
            ),
        ]
    )
    _date_cells(workbook[rc.SHEET_RAPAT], 2, 500)
    _date_cells(workbook[rc.SHEET_TINDAK_LANJUT], 4, 500)
    return workbook


def _protect(ws: Worksheet, rows: int, inputs: range) -> None:
    """Locks the sheet except the cells the Pokja fill; columns and rows stay resizable."""
    for r in range(FIRST_ROW, FIRST_ROW + rows):
        for c in inputs:
            ws.cell(r, c).protection = UNLOCKED
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    ws.protection.formatCells = False


def _date_cells(ws: Worksheet, column: int, last: int) -> None:
    ws.column_dimensions[openpyxl.utils.get_column_letter(column)].number_format = DATE_FORMAT
    for r in range(FIRST_ROW, last):
        ws.cell(r, column).number_format = DATE_FORMAT


# -- the command ----------------------------------------------------------------------------------


def file_names(sources: Path) -> dict[int, str]:
    """The realisation workbooks' names: the plan workbooks' names, as .xlsx."""
    found = discover(sources, Report())
    names = {number: Path(cols.WORKBOOK_HINTS[number]).name for number in cols.WORKBOOK_HINTS}
    names.update({number: f"{path.stem}.xlsx" for number, path in found.items()})
    names[rc.MONEV_NUMBER] = rc.MONEV_WORKBOOK
    return names


def write_realisation(sources: Path, folder: Path | None = None) -> Outcome:
    """Writes (or renews) the realisation workbooks of the plan in ``sources``.

    InputInvalid when the plan has errors, or when an earlier realisation workbook cannot
    be read (renewing it would lose what it holds); nothing is written then.
    """
    plan, _ = load_plan(sources)
    folder = folder or rc.default_folder(sources)
    report = Report()
    earlier = discover(folder, report) if folder.is_dir() else {}
    outcome = Outcome()
    names = file_names(sources)
    books: dict[str, openpyxl.Workbook] = {}
    for key in ComponentKey:
        component = plan.components[key.number - 1]
        lines, steps = rc.plan_lines(component), rc.plan_steps(component)
        unplaced: list[list[object]] = []
        old_lines: list[Filled] = []
        old_steps: list[Filled] = []
        old = open_workbook(earlier[key.number], report) if key.number in earlier else None
        if old is not None:
            file = earlier[key.number].name
            old_lines = _earlier(old, file, rc.SHEET_REALISASI, rc.REALISASI, LINE_KEY, report)
            old_steps = _earlier(old, file, rc.SHEET_PRIORITAS, rc.PRIORITAS, STEP_KEY, report)
            unplaced = _earlier_unplaced(old, file, report)
        line_values = _carry(
            old_lines,
            [(f"{x.kegiatan}\n{x.uraian}", x.label) for x in lines],
            rc.SHEET_REALISASI,
            outcome,
            unplaced,
        )
        step_values = _carry(
            old_steps,
            [
                (
                    f"{x.target}\n{x.rencana_aksi}\n{x.waktu}",
                    rc.line_label(x.target, x.rencana_aksi),
                )
                for x in steps
            ],
            rc.SHEET_PRIORITAS,
            outcome,
            unplaced,
        )
        books[names[key.number]] = component_workbook(plan, key, line_values, step_values, unplaced)
    report.raise_if_errors()
    monev = folder / rc.MONEV_WORKBOOK
    if rc.MONEV_NUMBER in earlier:
        outcome.kept.append(earlier[rc.MONEV_NUMBER])
    else:
        books[monev.name] = monev_workbook(plan)
    for name, workbook in books.items():
        target = folder / name
        stale = earlier.get(int(name[:2]))
        outcome.written.append(write_atomically(target, workbook.save))
        if stale is not None and stale != target:
            stale.unlink(missing_ok=True)  # the plan workbook was renamed: one file per number
    return outcome
