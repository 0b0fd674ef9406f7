"""zi-plan init: the seven workbooks written, styled and printable, built back, and refusals."""

from __future__ import annotations

import shutil
import subprocess
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from generator import contract as cols
from generator.cli import cli
from generator.init import init_workbooks
from generator.init.petunjuk import SHEET_PETUNJUK
from generator.init.suggestions import SUGGESTIONS
from generator.init.write import FolderProblem
from generator.plan.models import ComponentKey, SectionKey
from generator.plan.validate import load_plan
from generator.problems import InputInvalid, Severity, format_report
from generator.render.document import write
from generator.render.office import convert_to_pdf
from tests.conftest import SAMPLE_SOURCES, assert_no_traceback, requires_libreoffice, set_cell
from tests.docx_reading import captioned_tables, cell_lines, data_rows, open_docx
from tests.images import png
from tests.init.conftest import HINTS, NAMES, append_rows, workbook
from tests.ooxml_schema import schema_errors

# -- what init writes ----------------------------------------------------------------------


def test_writes_the_seven_workbooks_with_petunjuk_first(fresh: Path) -> None:
    assert sorted(p.name for p in fresh.iterdir()) == [*NAMES, "kamus.txt"]
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


# -- a fresh folder, built -----------------------------------------------------------------


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
    assert warnings == {"tanpa-matriks", "tanpa-prioritas", "logo-tidak-ada"}
    report = format_report(problems)
    assert report.splitlines()[:2] == [
        "00_umum.xlsx",
        "  KESALAHAN: Identitas › B4: Isian Kementerian wajib diisi tetapi tidak ditemukan atau "
        "kosong. Perbaiki: Isi kolom Isi pada baris Kementerian di sheet Identitas (tambahkan "
        "barisnya bila belum ada). [identitas-kosong]",
    ]
    assert report.splitlines()[-1] == "7 kesalahan, 13 peringatan."


# -- the round trip ------------------------------------------------------------------------


PRIORITAS = "Target Prioritas dan Output"

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
    png(fresh / "logo.png")
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
        "Kepala Rumah Tahanan Negara Kelas I Pekanbaru,",
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


# -- refusing to overwrite -----------------------------------------------------------------


def test_refuses_to_overwrite_without_force(fresh: Path) -> None:
    set_cell(fresh / NAMES[1], "Uraian", "B4", "Tujuan yang sudah ditulis Pokja.")
    with pytest.raises(FolderProblem) as raised:
        init_workbooks(fresh, HINTS)
    assert raised.value.problem.code == "workbook-sudah-ada"
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
    with pytest.raises(FolderProblem) as raised:
        init_workbooks(folder, HINTS, force=True)
    assert raised.value.problem.code == "nomor-workbook-terpakai"
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
    with pytest.raises(FolderProblem) as raised:
        init_workbooks(folder, HINTS, force=True)
    assert raised.value.problem.code == "workbook-tidak-dapat-ditulis"

    assert str(raised.value) == (
        f"{folder / NAMES[0]} tidak dapat ditulis (tidak ada izin). Perbaiki: tutup file itu "
        "di Excel, atau periksa hak akses folder, lalu jalankan lagi."
    )
    assert (folder / NAMES[0]).read_bytes() == b"the workbook open in Excel"
    assert [p.name for p in folder.iterdir()] == [NAMES[0]]  # no temporary file left


def test_refuses_a_file_as_folder(tmp_path: Path) -> None:
    (tmp_path / "berkas").write_text("")
    with pytest.raises(FolderProblem, match="adalah file, bukan folder") as raised:
        init_workbooks(tmp_path / "berkas", HINTS)
    assert raised.value.problem.code == "folder-berupa-file"


def test_the_command_line_reports_a_refusal_as_a_problem(fresh: Path) -> None:
    """init's refusals reach the user as every other error does: where, what, code; exit 1."""
    before = {p.name: p.read_bytes() for p in fresh.iterdir()}
    result = CliRunner().invoke(cli, ["init", str(fresh)])
    assert_no_traceback(result)
    assert result.exit_code == 1
    assert result.stderr == (
        f"{fresh}: Folder {fresh} sudah berisi {', '.join(NAMES)}. Tidak ada file yang diubah. "
        "Perbaiki: pilih folder lain, atau jalankan lagi dengan --force untuk menimpanya. "
        "[workbook-sudah-ada]\n"
    )
    assert result.stdout == ""
    assert {p.name: p.read_bytes() for p in fresh.iterdir()} == before
