"""zi-plan init: fresh workbooks a Pokja can fill, and next year's plan from this year's."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from generator import contract as cols
from generator.init.workbooks import (
    DATE_FORMAT,
    IDENTITY_LABELS,
    SHEET_PETUNJUK,
    SUGGESTIONS,
    CannotWrite,
    NotAFolder,
    NumberTaken,
    WorkbooksExist,
    init_workbooks,
    roll_forward,
    shift_years,
)
from generator.plan.models import ComponentKey, Plan, SectionKey
from generator.plan.validate import load_plan
from generator.problems import InputInvalid, Severity, format_report
from generator.render.document import write
from generator.render.office import convert_to_pdf
from tests.conftest import SAMPLE_SOURCES, requires_libreoffice, set_cell
from tests.docx_reading import captioned_tables, cell_lines, data_rows, open_docx
from tests.ooxml_schema import schema_errors

HINTS = {
    "nama_satker": "Rumah Tahanan Negara Kelas I Pekanbaru",
    "nama_singkat": "Rutan Pekanbaru",
    "jenis_satker": "Rutan",
    "tahun": 2025,
}
NAMES = list(cols.WORKBOOK_HINTS.values())
PRIORITAS = "Target Prioritas dan Output"


@pytest.fixture
def fresh(tmp_path: Path) -> Path:
    folder = tmp_path / "sumber"
    init_workbooks(folder, HINTS)
    return folder


def workbook(folder: Path, number: int) -> openpyxl.Workbook:
    return openpyxl.load_workbook(folder / cols.WORKBOOK_HINTS[number])


def headers(ws: Worksheet) -> dict[str, int]:
    """Column numbers by header name, from the first of the first 10 rows that has them."""
    for row in ws.iter_rows(max_row=10):
        names = {str(c.value): c.column for c in row if c.value is not None}
        if names.keys() & {"Isi", "Teks", "KEGIATAN", "Rencana Aksi"}:
            return names
    raise AssertionError(f"no header row in {ws.title}")


def append_rows(ws: Worksheet, rows: list[Mapping[str, object]]) -> None:
    """Types rows under the last filled one, column by header name, as a Pokja would."""
    columns = headers(ws)
    last = max(c.row for row in ws.iter_rows() for c in row if c.value is not None)
    for offset, row in enumerate(rows, start=1):
        for name, value in row.items():
            ws.cell(last + offset, columns[name], value)


def validation_at(ws: Worksheet, cell: str) -> DataValidation:
    found = [dv for dv in ws.data_validations.dataValidation if cell in dv.sqref]
    assert len(found) == 1, (ws.title, cell, found)
    return found[0]


# -- what init writes --------------------------------------------------------------------------


def test_writes_the_seven_workbooks_with_petunjuk_first(fresh: Path) -> None:
    assert sorted(p.name for p in fresh.iterdir()) == NAMES
    umum = workbook(fresh, 0)
    assert umum.sheetnames == [SHEET_PETUNJUK, "Identitas", "Narasi"]
    assert umum.active.title == SHEET_PETUNJUK
    for key in ComponentKey:
        book = workbook(fresh, key.number)
        assert book.sheetnames == [SHEET_PETUNJUK, "Uraian", "Indikator", "Prioritas"]
        assert book.active.title == SHEET_PETUNJUK
        for ws in book.worksheets:
            assert f"Komponen {key.number}. {key.value}" in ws["A1"].value
            assert "(Rutan Pekanbaru · Tahun 2025)" in ws["A1"].value


def test_headers_are_the_contracts_in_row_three(fresh: Path) -> None:
    optional = ["Penanggung Jawab", "Data Dukung", "Kode LKE"]
    expected = {
        "Uraian": ["Bagian", "Teks"],
        "Indikator": [c.title for c in cols.INDIKATOR if c.key != "waktu_bulan"],
        "Prioritas": ["No", "Target Prioritas", "Rencana Aksi", "Waktu", "Output", *optional],
    }
    assert expected["Indikator"][-4:] == ["KET", *optional]
    book = workbook(fresh, 3)
    for sheet, names in expected.items():
        assert [c.value for c in book[sheet][3]] == names
    umum = workbook(fresh, 0)
    assert [c.value for c in umum["Identitas"][3]] == ["Kolom", "Isi"]
    assert [c.value for c in umum["Narasi"][3]] == ["Bagian", "Tingkat", "Teks"]


def test_identitas_lists_every_field_with_the_hints_filled(fresh: Path) -> None:
    ws = workbook(fresh, 0)["Identitas"]
    rows = {row[0].value: row[1].value for row in ws.iter_rows(min_row=4)}
    assert list(rows) == list(IDENTITY_LABELS.values())
    assert rows["Nama Satuan Kerja"] == HINTS["nama_satker"]
    assert rows["Nama Singkat"] == "Rutan Pekanbaru"
    assert rows["Jenis Satuan Kerja"] == "Rutan"
    assert rows["Tahun"] == 2025
    assert rows["Ukuran Kertas"] == "A4"
    for blank in ("Tanggal Penetapan", "Nama Penandatangan", "NIP Penandatangan", "Kementerian"):
        assert rows[blank] is None
    nip = next(row[1] for row in ws.iter_rows(min_row=4) if row[0].value == "NIP Penandatangan")
    assert nip.number_format == "@", "a typed NIP must stay 18 digits, not 1.98E+17"


def test_uraian_holds_the_suggested_purpose_and_targets(fresh: Path) -> None:
    for key, suggestion in SUGGESTIONS.items():
        ws = workbook(fresh, key.number)["Uraian"]
        rows = [(r[0].value, r[1].value) for r in ws.iter_rows(min_row=4)]
        assert rows[0] == ("Tujuan", suggestion.tujuan.format(satker=HINTS["nama_satker"]))
        assert rows[1:-1] == [("Target", target) for target in suggestion.targets]
        assert rows[-1] == ("Pengantar Tabel", suggestion.pengantar)
        assert "{" not in rows[0][1]


def test_petunjuk_says_what_to_fill_what_a_tick_is_and_where_to_send(fresh: Path) -> None:
    ws = workbook(fresh, 3)[SHEET_PETUNJUK]
    assert ws["A1"].value.startswith("PETUNJUK PENGISIAN — Komponen 3.")
    rows = {str(r[0].value): str(r[1].value) for r in ws.iter_rows(min_row=2) if r[0].value}
    for label in ("Sheet Uraian", "Sheet Indikator", "Sheet Prioritas", "Tanda centang"):
        assert label in rows
    assert "√" in rows["Tanda centang"]
    assert (
        "Sekretariat Tim Kerja Pembangunan Zona Integritas Rutan Pekanbaru"
        in (rows["Dikirim kepada"])
    )
    examples = [label for label in rows if rows[label] == "Contoh satu baris yang sudah diisi"]
    assert examples == ["Sheet Uraian", "Sheet Indikator", "Sheet Prioritas"]
    umum = workbook(fresh, 0)[SHEET_PETUNJUK]
    labels = [r[0].value for r in umum.iter_rows() if r[0].value]
    assert "Sheet Identitas" in labels and "Sheet Narasi" in labels


def test_header_and_rows_are_styled_frozen_and_fit(fresh: Path) -> None:
    for number in range(7):
        for ws in workbook(fresh, number).worksheets[1:]:
            assert all(c.font.b and c.fill.fgColor.rgb.endswith("D9E2F3") for c in ws[3])
            assert ws.freeze_panes in ("A4", "B4", "C4")
            for row in ws.iter_rows(min_row=3):
                for cell in (c for c in row if isinstance(c.value, str)):
                    where = (ws.title, cell.coordinate)
                    assert cell.alignment.wrap_text, where
                    width = ws.column_dimensions[cell.column_letter].width
                    assert max(len(word) for word in cell.value.split()) <= width, where
                    # a generous lower bound: 1.3 characters per unit of width
                    lines = sum(
                        -(-len(line) // int(width * 1.3)) or 1 for line in cell.value.split("\n")
                    )
                    assert ws.row_dimensions[cell.row].height >= lines * 15, where
    petunjuk = workbook(fresh, 3)[SHEET_PETUNJUK]
    assert all(petunjuk.row_dimensions[r].height for r in range(4, petunjuk.max_row + 1))


def test_print_setup_for_a_meeting(fresh: Path) -> None:
    for number in range(7):
        for ws in workbook(fresh, number).worksheets:
            assert ws.page_setup.orientation == "landscape"
            assert ws.page_setup.paperSize == 9  # A4
            assert ws.sheet_properties.pageSetUpPr.fitToPage
            assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)
            expected = None if ws.title == SHEET_PETUNJUK else "$3:$3"
            assert ws.print_title_rows == expected


# -- data validation, read back -------------------------------------------------------------


def test_month_cells_offer_a_tick_and_nothing_else(fresh: Path) -> None:
    ws = workbook(fresh, 2)["Indikator"]
    for column in "FGHIJKLMNOPQ":
        assert ws[f"{column}3"].value in cols.MONTH_LABELS
        for cell in (f"{column}4", f"{column}500"):
            dv = validation_at(ws, cell)
            assert (dv.type, dv.formula1, dv.allow_blank) == ("list", '"√"', True)
            assert dv.showErrorMessage and dv.error
    assert [dv for dv in ws.data_validations.dataValidation if "E4" in dv.sqref] == []


def test_bagian_tingkat_tahun_and_tanggal_are_validated(fresh: Path) -> None:
    narasi = workbook(fresh, 0)["Narasi"]
    bagian = validation_at(narasi, "A4")
    assert bagian.type == "list"
    assert bagian.formula1 == '"' + ",".join(k.value for k in SectionKey) + '"'
    assert len(bagian.formula1) <= 255, "Excel's limit for a typed list"
    tingkat = validation_at(narasi, "B200")
    assert (tingkat.type, tingkat.formula1, tingkat.formula2) == ("whole", "0", "3")
    uraian = validation_at(workbook(fresh, 1)["Uraian"], "A10")
    assert uraian.formula1 == '"Tujuan,Target,Pengantar Tabel"'
    identitas = workbook(fresh, 0)["Identitas"]
    row = {label: r for r, label in enumerate(IDENTITY_LABELS.values(), start=4)}
    tahun = validation_at(identitas, f"B{row['Tahun']}")
    assert (tahun.type, tahun.formula1, tahun.formula2) == ("whole", "2000", "2100")
    tanggal = validation_at(identitas, f"B{row['Tanggal Penetapan']}")
    assert (tanggal.type, tanggal.operator) == ("date", "between")
    assert identitas[f"B{row['Tanggal Penetapan']}"].number_format == DATE_FORMAT
    jenis = validation_at(identitas, f"B{row['Jenis Satuan Kerja']}")
    assert jenis.type == "list" and not jenis.showErrorMessage, "other kinds may be typed"


def test_every_header_explains_its_column_within_excels_limits(fresh: Path) -> None:
    for number in range(7):
        for ws in workbook(fresh, number).worksheets[1:]:
            for cell in ws[3]:
                dv = validation_at(ws, cell.coordinate)
                assert dv.showInputMessage and dv.prompt, (ws.title, cell.value)
            for dv in ws.data_validations.dataValidation:
                assert len(dv.promptTitle or "") <= 32 and len(dv.errorTitle or "") <= 32
                assert len(dv.prompt or "") <= 255 and len(dv.error or "") <= 225
    identitas = workbook(fresh, 0)["Identitas"]
    for r, label in enumerate(IDENTITY_LABELS.values(), start=4):
        assert validation_at(identitas, f"B{r}").prompt, f"no help for {label}"


def test_workbooks_are_schema_valid(fresh: Path) -> None:
    """What Excel repairs on opening is what the ECMA-376 schema rejects."""
    for name in NAMES:
        assert schema_errors(fresh / name) == [], name


@requires_libreoffice
def test_libreoffice_opens_and_prints_a_workbook(fresh: Path, tmp_path: Path) -> None:
    pdf = convert_to_pdf(fresh / "03_penataan_sdm.xlsx", tmp_path)  # OfficeFailed if not
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert "841.89 x 595.30" in info.replace("595.304", "595.30"), "A4 landscape"
    first = subprocess.run(
        ["pdftotext", "-l", "1", "-layout", str(pdf), "-"], capture_output=True, text=True
    ).stdout
    assert "PETUNJUK PENGISIAN — Komponen 3. Penataan Sistem Manajemen SDM" in first
    assert "Tanda centang" in first


# -- a fresh folder, built ------------------------------------------------------------------


def test_building_a_fresh_folder_lists_what_to_fill(fresh: Path) -> None:
    with pytest.raises(InputInvalid) as raised:
        load_plan(fresh)
    problems = raised.value.problems
    errors = [(p.code, str(p.where)) for p in problems if p.severity is Severity.ERROR]
    assert errors == [
        ("identitas-kosong", f"00_umum.xlsx › Identitas › B{row}")
        for row in (4, 5, 10, 11, 12, 13, 14)
    ]
    warnings = {p.code for p in problems if p.severity is Severity.WARNING}
    assert warnings == {"tanpa-matriks"}
    report = format_report(problems)
    assert report.splitlines()[:2] == [
        "00_umum.xlsx",
        "  KESALAHAN: Identitas › B4: Isian Kementerian wajib diisi tetapi tidak ditemukan atau "
        "kosong. Perbaiki: Isi kolom Isi pada baris Kementerian di sheet Identitas (tambahkan "
        "barisnya bila belum ada). [identitas-kosong]",
    ]
    assert report.splitlines()[-1] == "7 kesalahan, 6 peringatan."


def test_without_hints_the_unit_is_blank_and_reported(tmp_path: Path) -> None:
    init_workbooks(tmp_path / "kosong")
    with pytest.raises(InputInvalid) as raised:
        load_plan(tmp_path / "kosong")
    fields = {str(p.params["field"]) for p in raised.value.problems if p.code == "identitas-kosong"}
    assert {"Nama Satuan Kerja", "Nama Singkat", "Jenis Satuan Kerja", "Tahun"} <= fields
    title = workbook(tmp_path / "kosong", 1)["Uraian"]["A1"].value
    assert title == "Komponen 1. Manajemen Perubahan — Uraian: tujuan dan target"


# -- the round trip ---------------------------------------------------------------------------

IDENTITY = {
    "Kementerian": "Kementerian Imigrasi dan Pemasyarakatan",
    "Kantor Wilayah": "Kantor Wilayah Direktorat Jenderal Pemasyarakatan Riau",
    "Tempat Penetapan": "Pekanbaru",
    "Tanggal Penetapan": datetime(2025, 2, 10),
    "Jabatan Penandatangan": "Kepala",
    "Nama Penandatangan": "Budi Santoso",
    "NIP Penandatangan": "19800512 200501 1 003",
}


def fill_like_a_pokja(folder: Path) -> None:
    """Every sheet filled through openpyxl by header name; each Pokja copies the Petunjuk's
    example and adds a continuation line, a step and a target of its own."""
    umum_path = folder / NAMES[0]
    umum = openpyxl.load_workbook(umum_path)
    for row in umum["Identitas"].iter_rows(min_row=4):
        if row[0].value in IDENTITY:
            row[1].value = IDENTITY[str(row[0].value)]
    append_rows(
        umum["Narasi"],
        [
            {"Bagian": "Latar Belakang", "Teks": "Paragraf latar belakang Rutan Pekanbaru."},
            {"Bagian": "Dasar Hukum", "Tingkat": 1, "Teks": "Undang-Undang Nomor 25 Tahun 2009;"},
            {"Bagian": "Dasar Hukum", "Tingkat": 2, "Teks": "Pasal 1"},
        ],
    )
    umum.save(umum_path)
    for key, suggestion in SUGGESTIONS.items():
        path = folder / cols.WORKBOOK_HINTS[key.number]
        book = openpyxl.load_workbook(path)
        append_rows(
            book["Uraian"], [{"Bagian": "Target", "Teks": f"Target tambahan {key.number}."}]
        )
        example = suggestion.indikator
        first: dict[str, object] = {
            "KEGIATAN": example["kegiatan"],
            "HASIL YANG INGIN DICAPAI": example["hasil"],
            "URAIAN KEGIATAN": example["uraian"],
            "TARGET": example["target"],
            "Penanggung Jawab": example["penanggung_jawab"],
            "Data Dukung": example["data_dukung"],
        }
        first |= {cols.MONTH_LABELS[m - 1]: "√" for m in suggestion.months}
        append_rows(
            book["Indikator"],
            [first, {"URAIAN KEGIATAN": "4. Laporan akhir", "DES": "√", "KET": "Evaluasi"}],
        )
        step = suggestion.prioritas
        append_rows(
            book["Prioritas"],
            [
                {
                    "Target Prioritas": step["target"],
                    "Rencana Aksi": step["rencana_aksi"],
                    "Waktu": step["waktu"].format(tahun=2025),
                    "Output": step["output"].format(tahun=2025),
                },
                {"Rencana Aksi": "Melaporkan hasilnya kepada pimpinan"},
            ],
        )
        book.save(path)


@pytest.fixture
def filled(fresh: Path) -> Path:
    fill_like_a_pokja(fresh)
    return fresh


def test_filled_workbooks_build_without_a_problem(filled: Path) -> None:
    plan, problems = load_plan(filled)
    assert problems == []
    assert plan.identity.nama_satker == HINTS["nama_satker"]
    assert plan.identity.tanggal.isoformat() == "2025-02-10"
    assert plan.identity.penandatangan.nip == "198005122005011003"
    dasar = plan.section(SectionKey.DASAR_HUKUM)
    assert [(p.level, p.text) for p in dasar.paragraphs] == [
        (1, "Undang-Undang Nomor 25 Tahun 2009;"),
        (2, "Pasal 1"),
    ]
    assert plan.section(SectionKey.KATA_PENGANTAR).standard
    for component in plan.components:
        suggestion = SUGGESTIONS[component.key]
        assert component.targets == [
            *suggestion.targets,
            f"Target tambahan {component.key.number}.",
        ]
        [activity] = component.activities
        assert activity.kegiatan == suggestion.indikator["kegiatan"]
        first, second = activity.lines
        assert [m + 1 for m, ticked in enumerate(first.months) if ticked] == list(suggestion.months)
        assert second.months == (False,) * 11 + (True,)
        assert [line.text for line in first.uraian] == [
            line.split(". ", 1)[1] for line in suggestion.indikator["uraian"].split("\n")
        ]
        [target] = component.priorities
        assert [s.rencana_aksi for s in target.steps] == [
            suggestion.prioritas["rencana_aksi"],
            "Melaporkan hasilnya kepada pimpinan",
        ]
        assert {s.waktu for s in target.steps} == {suggestion.prioritas["waktu"].format(tahun=2025)}


def test_filled_workbooks_produce_the_expected_document(filled: Path, tmp_path: Path) -> None:
    plan, _ = load_plan(filled)
    document = open_docx(write(plan, tmp_path / "rencana.docx"))
    texts = [p.text for p in document.paragraphs]
    assert "Rumah Tahanan Negara Kelas I Pekanbaru" in texts[:12]
    assert "Tahun 2025" in texts[:12]
    assert [t for t in texts if t][-5:] == [
        "Ditetapkan di Pekanbaru",
        "Pada tanggal 10 Februari 2025",
        "Kepala,",
        "Budi Santoso",
        "NIP. 19800512 200501 1 003",
    ]
    for target in SUGGESTIONS[ComponentKey.PENATAAN_SDM].targets:
        assert any(t.endswith(target) for t in texts), target
    tables = captioned_tables(document)
    assert [t.title for t in tables] == [
        f"{kind} {key.value}" for key in ComponentKey for kind in ("Indikator", PRIORITAS)
    ]
    for key in ComponentKey:
        suggestion = SUGGESTIONS[key]
        matrix = data_rows(tables[2 * (key.number - 1)].table)
        assert len(matrix) == 2
        ticks = [[cell_lines(cells[5 + m]) == ["√"] for m in range(12)] for cells in matrix]
        assert ticks[0] == [m + 1 in suggestion.months for m in range(12)]
        assert ticks[1] == [False] * 11 + [True]
        assert cell_lines(matrix[0][1]) == [suggestion.indikator["kegiatan"]]
        assert cell_lines(matrix[1][3]) == ["Laporan akhir"]
        steps = data_rows(tables[2 * key.number - 1].table)
        assert cell_lines(steps[0][1]) == [suggestion.prioritas["target"]]
        assert cell_lines(steps[1][2]) == ["Melaporkan hasilnya kepada pimpinan"]


# -- refusing to overwrite ------------------------------------------------------------------


def test_refuses_to_overwrite_without_force(fresh: Path) -> None:
    set_cell(fresh / NAMES[1], "Uraian", "B4", "Tujuan yang sudah ditulis Pokja.")
    with pytest.raises(WorkbooksExist) as raised:
        init_workbooks(fresh, HINTS)
    message = str(raised.value)
    assert message.startswith(f"Folder {fresh} sudah berisi 00_umum.xlsx, 01_manajemen_perubahan")
    assert "Tidak ada file yang diubah." in message and "--force" in message
    assert workbook(fresh, 1)["Uraian"]["B4"].value == "Tujuan yang sudah ditulis Pokja."
    init_workbooks(fresh, HINTS, force=True)
    assert workbook(fresh, 1)["Uraian"]["B4"].value != "Tujuan yang sudah ditulis Pokja."


def test_refuses_a_folder_with_another_workbook_of_the_same_number(tmp_path: Path) -> None:
    folder = tmp_path / "sumber"
    folder.mkdir()
    shutil.copy(SAMPLE_SOURCES / "03_penataan_sdm.xlsx", folder / "03_SDM_revisi_final (2).xlsx")
    (folder / "catatan.txt").write_text("bukan workbook")
    with pytest.raises(NumberTaken) as raised:
        init_workbooks(folder, HINTS, force=True)
    assert "03_SDM_revisi_final (2).xlsx (akan ada 03_penataan_sdm.xlsx)" in str(raised.value)
    assert sorted(p.name for p in folder.iterdir()) == [
        "03_SDM_revisi_final (2).xlsx",
        "catatan.txt",
    ]


def test_a_workbook_open_in_excel_is_named_in_indonesian(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On Windows, Excel's lock makes the rename fail; the old workbook stays."""
    folder = tmp_path / "sumber"
    folder.mkdir()
    (folder / NAMES[0]).write_bytes(b"the workbook open in Excel")

    def locked(source: object, target: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("generator.files.os.replace", locked)
    with pytest.raises(CannotWrite) as raised:
        init_workbooks(folder, HINTS, force=True)

    assert str(raised.value) == (
        f"{folder / NAMES[0]} tidak dapat ditulis (tidak ada izin). Perbaiki: tutup file itu "
        "di Excel, atau periksa hak akses folder, lalu jalankan lagi."
    )
    assert (folder / NAMES[0]).read_bytes() == b"the workbook open in Excel"
    assert [p.name for p in folder.iterdir()] == [NAMES[0]]  # no temporary file left


def test_refuses_a_file_as_folder(tmp_path: Path) -> None:
    (tmp_path / "berkas").write_text("")
    with pytest.raises(NotAFolder, match="adalah file, bukan folder"):
        init_workbooks(tmp_path / "berkas", HINTS)


def test_unknown_hint_is_a_developer_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="satker"):
        init_workbooks(tmp_path, {"satker": "Rutan"})


# -- rolling a plan forward -------------------------------------------------------------------


def test_shift_years_moves_every_year_of_a_waktu() -> None:
    assert shift_years("Januari s.d. Desember 2024", 1) == "Januari s.d. Desember 2025"
    assert shift_years("Desember 2024 – Januari 2025", 1) == "Desember 2025 – Januari 2026"
    assert shift_years("Triwulan I", 1) == "Triwulan I"
    assert shift_years("No. 12024", 1) == "No. 12024"


def _rolled(tmp_path: Path, keep_ticks: bool = False) -> tuple[Plan, Plan, list[str]]:
    """This year's sample plan, next year's plan read back (dated), and the change report."""
    old, _ = load_plan(SAMPLE_SOURCES)
    target = tmp_path / "2025"
    changes = roll_forward(SAMPLE_SOURCES, target, keep_ticks=keep_ticks)
    set_cell(target / NAMES[0], "Identitas", "B11", datetime(2025, 2, 3))
    new, _ = load_plan(target)
    return old, new, changes


def test_roll_forward_keeps_the_content_and_moves_the_year(tmp_path: Path) -> None:
    old, new, changes = _rolled(tmp_path)
    assert new.identity.tahun == 2025
    assert new.identity.model_dump(exclude={"tahun", "tanggal"}) == old.identity.model_dump(
        exclude={"tahun", "tanggal"}
    )
    assert [s for s in new.sections if not s.standard] == [
        s for s in old.sections if not s.standard
    ]
    for before, after in zip(old.components, new.components, strict=True):
        assert (after.tujuan, after.targets, after.pengantar_tabel) == (
            before.tujuan,
            before.targets,
            before.pengantar_tabel,
        )
        assert [a.kegiatan for a in after.activities] == [a.kegiatan for a in before.activities]
        for a_after, a_before in zip(after.activities, before.activities, strict=True):
            kept = [line for line in a_before.lines if line.hasil or line.uraian or line.target]
            assert [line.model_dump(exclude={"months"}) for line in a_after.lines] == [
                line.model_dump(exclude={"months"}) for line in kept
            ]
            assert all(not any(line.months) for line in a_after.lines)
        assert [
            (t.target, [s.model_dump(exclude={"waktu"}) for s in t.steps]) for t in after.priorities
        ] == [
            (t.target, [s.model_dump(exclude={"waktu"}) for s in t.steps])
            for t in before.priorities
        ]
        assert [s.waktu for t in after.priorities for s in t.steps] == [
            s.waktu.replace("2024", "2025") for t in before.priorities for s in t.steps
        ]
    assert changes[1] == "Tahun diubah dari 2024 menjadi 2025 (00_umum.xlsx › Identitas › B9)."
    assert changes[2].startswith("Tanggal Penetapan, Revisi dan Tanggal Revisi dikosongkan.")
    assert (
        "Tahun pada kolom Waktu dimajukan 1 tahun di: 01_manajemen_perubahan.xlsx › Prioritas › "
        "D4, D6, D8; " in changes[4]
    )
    assert "Centang bulan pada sheet Indikator dikosongkan (58 centang)." in changes[5]
    assert changes[6] == (
        "Baris Indikator yang hanya berisi centang tidak disalin, karena tanpa centang baris "
        "itu kosong: 02_penataan_tatalaksana.xlsx (3 baris)."
    )
    assert changes[7] == (
        "Teks berikut masih menyebut tahun 2024; periksa apakah perlu diubah: "
        "03_penataan_sdm.xlsx › Prioritas › C5; 04_penguatan_akuntabilitas.xlsx › Prioritas › E4."
    )


def test_roll_forward_keeps_ticks_when_asked(tmp_path: Path) -> None:
    old, new, changes = _rolled(tmp_path, keep_ticks=True)
    assert [c.activities for c in new.components] == [c.activities for c in old.components]
    assert any("dipertahankan (58 centang" in line for line in changes)


def test_roll_forward_needs_the_date_and_says_where(tmp_path: Path) -> None:
    roll_forward(SAMPLE_SOURCES, tmp_path / "2025")
    with pytest.raises(InputInvalid) as raised:
        load_plan(tmp_path / "2025")
    errors = [p for p in raised.value.problems if p.severity is Severity.ERROR]
    assert [(p.code, str(p.where)) for p in errors] == [
        ("identitas-kosong", "00_umum.xlsx › Identitas › B11")
    ]


def test_roll_forward_copies_the_logo_and_takes_a_year(sources: Path, tmp_path: Path) -> None:
    (sources / "logo.png").write_bytes(b"\x89PNG logo")
    changes = roll_forward(sources, tmp_path / "2027", tahun=2027)
    assert (tmp_path / "2027" / "logo.png").read_bytes() == b"\x89PNG logo"
    assert "logo.png disalin." in changes
    assert any("dimajukan 3 tahun" in line for line in changes)
    ws = workbook(tmp_path / "2027", 1)["Prioritas"]
    assert ws["D4"].value == "Januari 2027"


def test_roll_forward_of_a_broken_folder_reports_its_problems(tmp_path: Path) -> None:
    with pytest.raises(InputInvalid):
        roll_forward(tmp_path / "tidak-ada", tmp_path / "baru")
    assert not (tmp_path / "baru").exists()
