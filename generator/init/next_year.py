"""Next year's workbooks from this year's plan (``zi-plan init --dari``), and what changed."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from openpyxl.utils import get_column_letter

from generator import contract as cols
from generator.contract import DEFAULT_DOCUMENT_TITLE, TICK
from generator.indonesian import YEAR, join_words
from generator.init.specs import (
    FIRST_ROW,
    IDENTITY_LABELS,
    URAIAN_BAGIAN,
    SheetSpec,
    checked_hints,
    context_of,
)
from generator.init.write import Book, component_book, start_word_list, umum_book, write_all
from generator.plan.logo import NAMES as LOGO_NAMES
from generator.plan.models import ComponentKey, Marker, Plan, numbered
from generator.plan.validate import load_plan


def roll_forward(
    source: Path,
    folder: Path,
    tahun: int | None = None,
    keep_ticks: bool = False,
    force: bool = False,
    identity_hints: Mapping[str, object] | None = None,
) -> list[str]:
    """Next year's workbooks from this year's plan; returns what changed, in Indonesian.

    Reads ``source`` like a build does (InputInvalid when it has errors), then writes the
    same content into ``folder`` in the current layout: Tahun moves to ``tahun`` (default:
    the next year), years in Waktu move by as many years, month ticks are cleared unless
    ``keep_ticks``, Tanggal Penetapan and the revision are cleared. Narrative sections that
    used the standard text stay empty so that the text follows the new year.
    """
    plan, warnings = load_plan(source)
    old = plan.identity.tahun
    new = old + 1 if tahun is None else tahun
    shift = new - old
    hints = checked_hints(identity_hints)
    identity = {**_identity_values(plan), "tahun": new, **hints}
    context = context_of(identity)
    umum_name = cols.WORKBOOK_HINTS[cols.UMUM_NUMBER]
    books = {umum_name: umum_book(context, identity, _narasi_rows(plan))}
    ticks = lines = 0
    moved: list[str] = []
    schedule_rows: list[str] = []
    for component in plan.components:
        name = cols.WORKBOOK_HINTS[component.key.number]
        indikator, empty = _indikator_rows(plan, component.key, keep_ticks)
        if empty:
            cells = ", ".join(str(FIRST_ROW + index) for index in empty)
            schedule_rows.append(f"{name} › Indikator › baris {cells}")
        prioritas, changed = _prioritas_rows(plan, component.key, shift)
        ticks += sum(sum(line.months) for a in component.activities for line in a.lines)
        lines += len(indikator)
        books[name] = component_book(
            component.key, context, _uraian_rows(plan, component.key), indikator, prioritas
        )
        if changed:
            cells = ", ".join(f"D{FIRST_ROW + index}" for index in changed)
            moved.append(f"{name} › Prioritas › {cells}")
    stale = _mentions(books, old) if shift else []
    carried = [name for name in (*LOGO_NAMES, cols.WORD_LIST) if (source / name).is_file()]
    copies = {name: source / name for name in carried}
    written = write_all(folder, books, force, copies)
    start_word_list(folder)

    tahun_row = FIRST_ROW + list(IDENTITY_LABELS).index("tahun")
    tanggal_row = FIRST_ROW + list(IDENTITY_LABELS).index("tanggal")
    changes = [
        f"Workbook rencana Tahun {new} ditulis ke {folder}: "
        f"{', '.join(path.name for path in written)}.",
        f"Tahun diubah dari {old} menjadi {new} ({umum_name} › Identitas › B{tahun_row})."
        if shift
        else f"Tahun tetap {new}.",
        "Tanggal Penetapan, Revisi dan Tanggal Revisi dikosongkan. Isi tanggal penetapan "
        f"rencana kerja Tahun {new} ({umum_name} › Identitas › B{tanggal_row}).",
        f"Penandatangan ({plan.identity.penandatangan.nama}"
        + (f") dan Ketua Tim ({plan.identity.ketua_tim.nama}" if plan.identity.ketua_tim else "")
        + ") disalin; periksa apakah masih menjabat saat rencana ditetapkan.",
    ]
    if moved and shift:
        changes.append(
            f"Tahun pada kolom Waktu dimajukan {shift} tahun di: {'; '.join(moved)}."
            if shift > 0
            else f"Tahun pada kolom Waktu dimundurkan {-shift} tahun di: {'; '.join(moved)}."
        )
    if lines and keep_ticks:
        changes.append(
            f"Centang bulan pada sheet Indikator dipertahankan ({ticks} centang di {lines} "
            f"baris); periksa kembali jadwal Tahun {new}."
        )
    elif lines:
        changes.append(
            f"Centang bulan pada sheet Indikator dikosongkan ({ticks} centang). Centang "
            f"kembali bulan pelaksanaan Tahun {new}."
        )
    if schedule_rows:
        changes.append(
            "Baris Indikator yang hanya berisi centang (jadwal lanjutan kegiatan di atasnya) "
            "disalin sebagai baris kosong di tempatnya; centang kembali bulannya, atau biarkan "
            f"kosong bila tidak dipakai lagi: {'; '.join(schedule_rows)}."
        )
    standard = [s.key.value for s in plan.sections if s.standard]
    if standard:
        changes.append(
            f"Bagian Narasi yang memakai teks baku dibiarkan kosong agar tahunnya ikut "
            f"berganti: {', '.join(standard)}."
        )
    if stale:
        changes.append(
            f"Teks berikut masih menyebut tahun {old}; periksa apakah perlu diubah: "
            f"{'; '.join(stale)}."
        )
    if carried and source.resolve() != folder.resolve():
        changes.append(f"{join_words(carried)} disalin.")
    if warnings:
        changes.append(
            f"Workbook di {source} memiliki {len(warnings)} peringatan; sebagian mungkin ikut "
            f"tersalin. Periksa dengan zi-plan validate {folder}."
        )
    return changes


# -- the rows, as last year's plan holds them --------------------------------------------------


def _identity_values(plan: Plan) -> dict[str, object]:
    """Identitas as the Pokja typed it, minus the dates that belong to last year's plan."""
    identity = plan.identity
    signer, ketua = identity.penandatangan, identity.ketua_tim
    values: dict[str, object] = {
        "kementerian": identity.kementerian,
        "kantor_wilayah": identity.kantor_wilayah,
        "nama_satker": identity.nama_satker,
        "nama_singkat": identity.nama_singkat,
        "jenis_satker": identity.jenis_satker,
        "tempat": identity.tempat,
        "jabatan": signer.jabatan,
        "nama": signer.nama,
        "nip": signer.nip_display,
        "slogan": identity.slogan,
        "alamat": identity.alamat,
        "ukuran_kertas": identity.ukuran_kertas,
    }
    if identity.judul_dokumen != DEFAULT_DOCUMENT_TITLE:  # typed: carried like the slogan
        values["judul_dokumen"] = identity.judul_dokumen
    if ketua is not None:
        values |= {
            "ketua_nama": ketua.nama,
            "ketua_nip": ketua.nip_display,
            "ketua_jabatan": ketua.jabatan,
        }
    return values


def _narasi_rows(plan: Plan) -> list[list[object]]:
    return [
        [section.key.value, paragraph.level, paragraph.text]
        for section in plan.sections
        if not section.standard
        for paragraph in section.paragraphs
    ]


def _uraian_rows(plan: Plan, key: ComponentKey) -> list[list[object]]:
    component = plan.components[key.number - 1]
    return [
        [bagian, text]
        for bagian, texts in zip(
            URAIAN_BAGIAN,
            (component.tujuan, component.targets, component.pengantar_tabel),
            strict=True,
        )
        for text in texts
    ]


def _indikator_rows(
    plan: Plan, key: ComponentKey, keep_ticks: bool
) -> tuple[list[list[object]], list[int]]:
    """One row per planned line, list items with the labels the document shows; and the
    rows of lines that held only ticks, written empty when the ticks are cleared (the plan
    keeps such a line as a schedule line of the line above; so does next year's)."""
    rows: list[list[object]] = []
    empty: list[int] = []
    for activity in plan.components[key.number - 1].activities:
        counters: dict[str, dict[Marker, int]] = {"hasil": {}, "uraian": {}, "target": {}}
        for index, line in enumerate(activity.lines):
            texts = [
                "\n".join(
                    f"{label} {text}".strip()
                    for label, text in numbered(getattr(line, name), counters[name])
                )
                for name in counters
            ]
            extra = [line.ket, line.penanggung_jawab, line.data_dukung, line.kode_lke]
            if index and not keep_ticks and not any(texts + extra):
                empty.append(len(rows))
            ticks = [TICK if ticked and keep_ticks else None for ticked in line.months]
            kegiatan = activity.kegiatan if index == 0 else None
            rows.append([None, kegiatan, *texts, *ticks, *extra])
    return rows, empty


def shift_years(text: str, shift: int) -> str:
    """``Januari s.d. Desember 2024`` moved by one year is ``Januari s.d. Desember 2025``."""
    return YEAR.sub(lambda match: str(int(match.group()) + shift), text)


def _prioritas_rows(
    plan: Plan, key: ComponentKey, shift: int
) -> tuple[list[list[object]], list[int]]:
    """One row per step; Waktu and Output only where they change. Also the rows whose
    Waktu had a year moved."""
    rows: list[list[object]] = []
    moved: list[int] = []
    for target in plan.components[key.number - 1].priorities:
        for index, step in enumerate(target.steps):
            before = target.steps[index - 1] if index else None
            waktu = step.waktu if before is None or step.waktu != before.waktu else ""
            output = step.output if before is None or step.output != before.output else ""
            if shift_years(waktu, shift) != waktu:
                moved.append(len(rows))
                waktu = shift_years(waktu, shift)
            rows.append(
                [
                    None,
                    target.target if before is None else None,
                    step.rencana_aksi,
                    waktu,
                    output,
                    step.penanggung_jawab,
                    step.data_dukung,
                    step.kode_lke,
                ]
            )
    return rows, moved


def _mentions(books: Mapping[str, Book], year: int) -> list[str]:
    """The cells, outside Identitas and Waktu, whose text still names ``year``."""
    pattern = re.compile(rf"(?<!\d){year}(?!\d)")
    found = []
    for name, sheets in books.items():
        for sheet in sheets:
            if not isinstance(sheet, SheetSpec) or sheet.name == cols.SHEET_IDENTITAS:
                continue
            for r, row in enumerate(sheet.rows, start=FIRST_ROW):
                for c, value in enumerate(row, start=1):
                    if isinstance(value, str) and pattern.search(value):
                        found.append(f"{name} › {sheet.name} › {get_column_letter(c)}{r}")
    return found
