"""Sheets read as tables: finding the workbooks, the header row, rows of cells."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from generator import contract as cols
from generator.contract import Column
from generator.problems import CellRef, Report
from generator.tables import Table, discover, read_table
from tests.workbook_xml import sheet_of, written

MONTHS = ["JAN", "FEB", "MAR", "APR", "MEI", "JUN", "JUL", "AGU", "SEP", "OKT", "NOV", "DES"]
INDIKATOR_HEADER = [
    "NO", "KEGIATAN", "HASIL YANG INGIN DICAPAI", "URAIAN KEGIATAN", "TARGET", *MONTHS, "KET",
]  # fmt: skip
BAGIAN_TEKS = (Column("bagian", ("Bagian",)), Column("teks", ("Teks",)))


def table_of(
    make_workbook, rows: list[list[object]], columns=BAGIAN_TEKS, sheet: str = "Data"
) -> tuple[Table | None, Report]:
    path = make_workbook("01_x.xlsx", {sheet: rows})
    report = Report()
    return read_table(sheet_of(path, sheet), "01_x.xlsx", columns, report), report


# -- discover ---------------------------------------------------------------------------------


def test_discover_finds_workbooks_by_leading_number(tmp_path: Path) -> None:
    names = ["00_umum.xlsx", "01_MP.xlsm", "03_SDM_revisi_final (2).xlsx", "06_pelayanan.XLSX"]
    for name in names:
        (tmp_path / name).touch()

    report = Report()
    found = discover(tmp_path, report)

    assert found == {
        0: tmp_path / "00_umum.xlsx",
        1: tmp_path / "01_MP.xlsm",
        3: tmp_path / "03_SDM_revisi_final (2).xlsx",
        6: tmp_path / "06_pelayanan.XLSX",
    }
    assert report.problems == []


@pytest.mark.parametrize(
    "name",
    [
        "~$00_umum.xlsx",  # Excel's lock file while the workbook is open
        ".02_tatalaksana.xlsx",  # hidden file
        "02_tatalaksana.xls",
        "02_tatalaksana.csv",
        "02_tatalaksana.xlsx.bak",
    ],
)
def test_discover_ignores_files_that_are_not_numbered_workbooks(tmp_path: Path, name) -> None:
    (tmp_path / name).touch()
    report = Report()

    assert discover(tmp_path, report) == {}
    assert report.problems == []


@pytest.mark.parametrize(
    "name",
    [
        "tatalaksana_02.xlsx",  # the number must lead
        "002_tatalaksana.xlsx",  # three digits are not a workbook number
    ],
)
def test_discover_names_an_xlsx_it_does_not_take(tmp_path: Path, name) -> None:
    (tmp_path / name).touch()
    report = Report()

    assert discover(tmp_path, report) == {}
    assert [(p.code, p.where) for p in report.warnings] == [
        ("workbook-tidak-dipakai", CellRef(name))
    ]


def test_discover_ignores_a_folder_named_like_a_workbook(tmp_path: Path) -> None:
    (tmp_path / "02_tatalaksana.xlsx").mkdir()
    report = Report()

    assert discover(tmp_path, report) == {}
    assert report.problems == []


def test_discover_reports_two_workbooks_with_the_same_number(tmp_path: Path) -> None:
    (tmp_path / "03_penataan_sdm.xlsx").touch()
    (tmp_path / "03_SDM_revisi_final (2).xlsx").touch()
    report = Report()

    found = discover(tmp_path, report)

    assert found == {3: tmp_path / "03_SDM_revisi_final (2).xlsx"}  # the first, by name
    assert [(p.code, p.where) for p in report.errors] == [
        ("workbook-ganda", CellRef("03_penataan_sdm.xlsx"))
    ]
    assert report.errors[0].params == {"number": "03", "other": "03_SDM_revisi_final (2).xlsx"}
    assert "03_SDM_revisi_final (2).xlsx" in report.errors[0].message


def test_discover_does_not_count_a_lock_file_as_a_second_workbook(tmp_path: Path) -> None:
    (tmp_path / "03_penataan_sdm.xlsx").touch()
    (tmp_path / "~$03_penataan_sdm.xlsx").touch()
    report = Report()

    assert discover(tmp_path, report) == {3: tmp_path / "03_penataan_sdm.xlsx"}
    assert report.problems == []


def test_discover_reports_a_missing_folder(tmp_path: Path) -> None:
    report = Report()

    assert discover(tmp_path / "tidak-ada", report) == {}
    assert [(p.code, p.where) for p in report.errors] == [
        ("folder-tidak-ada", CellRef(str(tmp_path / "tidak-ada")))
    ]


# -- read_table -------------------------------------------------------------------------------


def test_read_table_finds_the_header_below_a_title(make_workbook) -> None:
    rows = [
        ["Pokja Manajemen Perubahan — Uraian"],
        [],
        [None, "diisi oleh sekretariat"],
        ["Bagian", "Teks"],
        ["Tujuan", "Tujuan komponen."],
    ]

    table, report = table_of(make_workbook, rows)

    assert table is not None
    assert table.header_row == 4
    assert table.columns == {"bagian": 0, "teks": 1}
    assert [row["teks"].value for row in table.rows] == ["Tujuan komponen."]
    assert table.rows[0]["teks"].ref == CellRef("01_x.xlsx", "Data", "B5")
    assert report.problems == []


def test_read_table_looks_for_the_header_in_the_first_ten_rows_only(make_workbook) -> None:
    title = [[f"judul {i}"] for i in range(9)]

    found, _ = table_of(make_workbook, [*title, ["Bagian", "Teks"], ["Tujuan", "x"]])
    too_low, report = table_of(make_workbook, [*title, [], ["Bagian", "Teks"], ["Tujuan", "x"]])

    assert found is not None
    assert found.header_row == 10
    assert too_low is None
    assert [(p.code, p.where) for p in report.errors] == [
        ("judul-kolom-tidak-ada", CellRef("01_x.xlsx", "Data"))
    ]
    assert report.errors[0].params["missing"] == "Bagian, Teks"


def test_read_table_matches_headers_ignoring_case_and_spaces(make_workbook) -> None:
    rows = [
        ["  no ", "target  PRIORITAS", "Rencana\nAksi", "WAKTU", "output"],
        [1, "Target A", "Aksi A", "Maret 2024", "Laporan"],
    ]

    table, report = table_of(make_workbook, rows, cols.PRIORITAS, "Prioritas")

    assert table is not None
    assert table.columns == {"no": 0, "target": 1, "rencana_aksi": 2, "waktu": 3, "output": 4}
    assert table.rows[0]["rencana_aksi"].value == "Aksi A"
    assert report.problems == []


def test_read_table_names_a_missing_required_column_and_the_headers_found(make_workbook) -> None:
    rows = [["Judul"], ["No", "Target Prioritas", "Rencana Aksi", "Output"], [1, "A", "B", "C"]]

    table, report = table_of(make_workbook, rows, cols.PRIORITAS, "Prioritas")

    assert table is None
    assert [(p.code, p.where) for p in report.errors] == [
        ("kolom-wajib-tidak-ada", CellRef("01_x.xlsx", "Prioritas", "baris 2"))
    ]
    problem = report.errors[0]
    assert problem.params == {
        "missing": "Waktu",
        "found": "No, Target Prioritas, Rencana Aksi, Output",
    }
    assert "Waktu" in problem.message
    assert "No, Target Prioritas, Rencana Aksi, Output" in problem.message


def test_read_table_warns_about_extra_columns_and_reads_the_rest(make_workbook) -> None:
    rows = [
        ["Bagian", "Catatan Pokja", "Teks", "Paraf"],
        ["Tujuan", "jangan dicetak", "Tujuan komponen.", "ok"],
    ]

    table, report = table_of(make_workbook, rows)

    assert table is not None
    assert table.columns == {"bagian": 0, "teks": 2}
    assert list(table.rows[0]) == ["bagian", "teks"]
    assert report.errors == []
    assert [(p.code, p.where) for p in report.warnings] == [
        ("kolom-diabaikan", CellRef("01_x.xlsx", "Data", "baris 1"))
    ]
    assert report.warnings[0].params == {"extra": "Catatan Pokja, Paraf"}


def test_read_table_reads_a_two_row_header_with_months_under_waktu_bulan(make_workbook) -> None:
    top = ["NO", "KEGIATAN", "HASIL YANG INGIN DICAPAI", "URAIAN KEGIATAN", "TARGET", "WAKTU/BULAN"]
    top += [None] * 11 + ["KET"]
    below = [None] * 5 + MONTHS + [None]
    data = [1, "SOP", "Hasil", "Uraian", "Target", "√", *[None] * 11, "catatan"]
    path = make_workbook("02_x.xlsx", {"Indikator": [["Judul"], top, below, data]})
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["Indikator"]
    sheet.merge_cells("F2:Q2")
    for column in "ABCDER":
        sheet.merge_cells(f"{column}2:{column}3")
    workbook.save(path)
    report = Report()

    table = read_table(sheet_of(path, "Indikator"), "02_x.xlsx", cols.INDIKATOR, report)

    assert table is not None
    assert table.header_row == 2
    assert [table.columns[key] for key in cols.MONTH_KEYS] == list(range(5, 17))
    assert table.columns["ket"] == 17
    assert len(table.rows) == 1
    row = table.rows[0]
    assert row["kegiatan"].value == "SOP"
    assert row["m1"].value == "√"
    assert row["m1"].ref == CellRef("02_x.xlsx", "Indikator", "F4")
    assert row["ket"].value == "catatan"
    assert report.problems == []


def test_read_table_repeats_a_merged_value_and_marks_the_covered_cells(make_workbook) -> None:
    rows = [["Bagian", "Teks"], ["Target", "satu"], [None, "dua"], [None, "tiga"]]
    path = make_workbook("01_x.xlsx", {"Data": rows})
    workbook = openpyxl.load_workbook(path)
    workbook["Data"].merge_cells("A2:A4")
    workbook.save(path)
    report = Report()

    table = read_table(sheet_of(path, "Data"), "01_x.xlsx", BAGIAN_TEKS, report)

    assert table is not None
    cells = [row["bagian"] for row in table.rows]
    assert [cell.value for cell in cells] == ["Target", "Target", "Target"]
    assert [cell.merged for cell in cells] == [False, True, True]
    assert [cell.ref.cell for cell in cells] == ["A2", "A3", "A4"]
    assert [row["teks"].merged for row in table.rows] == [False, False, False]


def test_read_table_skips_blank_rows_and_keeps_true_addresses(make_workbook) -> None:
    rows = [["Bagian", "Teks"], ["Tujuan", "satu"], [], [None, "   "], ["Target", "dua"]]

    table, report = table_of(make_workbook, rows)

    assert table is not None
    assert [(row["bagian"].value, row["teks"].ref.cell) for row in table.rows] == [
        ("Tujuan", "B2"),
        ("Target", "B5"),
    ]
    assert report.problems == []


def test_read_table_cell_refs_name_column_and_row(make_workbook) -> None:
    line = [None, "Kegiatan", "Hasil", "Uraian", "Target", *[None] * 12, None]
    rows = [["Judul"], [], INDIKATOR_HEADER, *[line] * 8, [*line[:7], "√", *line[8:]]]

    table, _ = table_of(make_workbook, rows, cols.INDIKATOR, "Indikator")

    assert table is not None
    last = table.rows[-1]
    assert last["m3"].value == "√"
    assert last["m3"].ref == CellRef("01_x.xlsx", "Indikator", "H12")
    assert str(last["m3"].ref) == "01_x.xlsx › Indikator › H12"
    assert last["kegiatan"].ref.cell == "B12"


@pytest.mark.parametrize(("value", "shown"), [(0.75, "75%"), (1, "100%")])
def test_read_table_shows_percentages_as_typed(make_workbook, value, shown) -> None:
    path = make_workbook("01_x.xlsx", {"Data": [["Bagian", "Teks"], ["Target", value]]})
    workbook = openpyxl.load_workbook(path)
    workbook["Data"]["B2"].number_format = "0%"
    workbook.save(path)

    table = read_table(sheet_of(path, "Data"), "01_x.xlsx", BAGIAN_TEKS, Report())

    assert table is not None
    assert table.rows[0]["teks"].text == shown


def test_read_table_refuses_a_formula_never_calculated(make_workbook) -> None:
    rows = (
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Bagian</t></is></c>'
        '<c r="B1" t="inlineStr"><is><t>Teks</t></is></c></row>'
        '<row r="2"><c r="A2" t="inlineStr"><is><t>Tujuan</t></is></c><c r="B2"><f>A2</f></c></row>'
        '<row r="3"><c r="A3" t="inlineStr"><is><t>Target</t></is></c>'
        '<c r="B3" t="str"><f>""</f><v></v></c></row>'  # calculated: an empty text
    )
    report = Report()

    table = read_table(
        sheet_of(written(make_workbook, rows), "Data"), "01_x.xlsx", BAGIAN_TEKS, report
    )

    assert table is not None
    assert [(p.code, p.where.cell) for p in report.problems] == [("rumus-tanpa-nilai", "B2")]
    assert report.errors  # its value is unknown: nothing may be printed in its place
    assert CellRef("01_x.xlsx", "Data", "B2") in table.rejected


def test_a_missing_folder_names_the_full_path_and_init(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    report = Report()
    discover(Path("sumber"), report)
    (problem,) = report.errors
    assert str(tmp_path / "sumber") in problem.message
    assert "zi-plan init sumber" in problem.message


def test_a_folder_without_workbooks_lists_the_xlsx_files_not_taken(tmp_path: Path) -> None:
    from generator.plan.validate import load_plan
    from generator.problems import InputInvalid

    (tmp_path / "Pokja 03 SDM final.xlsx").write_bytes(b"")
    with pytest.raises(InputInvalid) as raised:
        load_plan(tmp_path)
    errors = [p for p in raised.value.problems if p.severity.value == "error"]
    (problem,) = errors  # one line, not seven missing workbooks
    assert problem.code == "folder-tanpa-workbook"
    assert str(tmp_path.resolve()) in problem.message
    assert "Pokja 03 SDM final.xlsx" in problem.message
    assert f"zi-plan init {tmp_path}" in problem.message


def test_an_unnumbered_workbook_is_named_with_the_rename_to_make(tmp_path: Path) -> None:
    (tmp_path / "00_umum.xlsx").write_bytes(b"")
    (tmp_path / "Pokja 03 SDM final.xlsx").write_bytes(b"")
    report = Report()
    assert list(discover(tmp_path, report)) == [0]
    (problem,) = report.problems
    assert (problem.code, problem.where) == (
        "workbook-tidak-dipakai",
        CellRef("Pokja 03 SDM final.xlsx"),
    )
    assert "03_penataan_sdm.xlsx" in problem.message
