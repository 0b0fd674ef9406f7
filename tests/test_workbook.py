"""Reading the Pokja workbooks: finding files, opening them safely, reading tables by header."""

from __future__ import annotations

import zipfile
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from generator import contract as cols
from generator.contract import Column
from generator.problems import CellRef, Report
from generator.xlsx.reader import (
    Sheet,
    Table,
    discover,
    display_text,
    find_sheet,
    open_workbook,
    read_table,
)

MONTHS = ["JAN", "FEB", "MAR", "APR", "MEI", "JUN", "JUL", "AGU", "SEP", "OKT", "NOV", "DES"]
INDIKATOR_HEADER = [
    "NO", "KEGIATAN", "HASIL YANG INGIN DICAPAI", "URAIAN KEGIATAN", "TARGET", *MONTHS, "KET",
]  # fmt: skip
BAGIAN_TEKS = (Column("bagian", ("Bagian",)), Column("teks", ("Teks",)))


def sheet_of(path: Path, name: str) -> Sheet:
    """The sheet as the loader sees it: saved, then opened again from disk."""
    report = Report()
    workbook = open_workbook(path, report)
    assert workbook is not None, report.problems
    sheet = find_sheet(workbook, name)
    assert sheet is not None
    return sheet


def table_of(
    make_workbook, rows: list[list[object]], columns=BAGIAN_TEKS, sheet: str = "Data"
) -> tuple[Table | None, Report]:
    path = make_workbook("01_x.xlsx", {sheet: rows})
    report = Report()
    return read_table(sheet_of(path, sheet), "01_x.xlsx", columns, report), report


def codes(report: Report) -> list[str]:
    return [problem.code for problem in report.problems]


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
        "tatalaksana_02.xlsx",  # the number must lead
        "002_tatalaksana.xlsx",  # three digits are not a workbook number
    ],
)
def test_discover_ignores_files_that_are_not_numbered_workbooks(tmp_path: Path, name) -> None:
    (tmp_path / name).touch()
    report = Report()

    assert discover(tmp_path, report) == {}
    assert report.problems == []


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


# -- open_workbook ----------------------------------------------------------------------------


def open_bytes(tmp_path: Path, data: bytes) -> tuple[object, Report]:
    path = tmp_path / "02_penataan_tatalaksana.xlsx"
    path.write_bytes(data)
    report = Report()
    return open_workbook(path, report), report


def zip_bytes(tmp_path: Path, members: dict[str, bytes]) -> bytes:
    path = tmp_path / "archive.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path.read_bytes()


def test_open_workbook_opens_a_real_workbook(make_workbook, tmp_path: Path) -> None:
    path = make_workbook("00_umum.xlsx", {"Identitas": [["Kolom", "Isi"]]})
    report = Report()

    workbook = open_workbook(path, report)

    assert workbook is not None
    assert workbook.sheetnames == ["Identitas"]
    assert report.problems == []


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "file-kosong"),
        (bytes(range(256)) * 8, "file-bukan-xlsx"),
        (b"<html><body><table><tr><td>1</td></tr></table></body></html>", "file-html"),
        (b"\xef\xbb\xbf<?xml version='1.0'?><html></html>", "file-html"),
        (b"  \r\n<!DOCTYPE html><html></html>", "file-html"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096), "file-xls-lama"),
    ],
    ids=["empty", "random-bytes", "html", "html-with-bom", "html-after-blanks", "ole-xls"],
)
def test_open_workbook_names_what_the_file_really_is(tmp_path: Path, data, code) -> None:
    workbook, report = open_bytes(tmp_path, data)

    assert workbook is None
    assert [(p.code, p.where) for p in report.errors] == [
        (code, CellRef("02_penataan_tatalaksana.xlsx"))
    ]


def test_open_workbook_rejects_a_zip_without_a_workbook(tmp_path: Path) -> None:
    data = zip_bytes(tmp_path, {"word/document.xml": b"<w:document/>", "notes.txt": b"hi"})

    workbook, report = open_bytes(tmp_path, data)

    assert workbook is None
    assert codes(report) == ["file-bukan-xlsx"]


def test_open_workbook_reports_a_truncated_workbook(make_workbook, tmp_path: Path) -> None:
    """A cut-off copy loses the zip directory at its end: it starts like a zip, ends short."""
    whole = make_workbook("whole.xlsx", {"Data": [["Bagian", "Teks"], ["Tujuan", "x"]]})
    data = whole.read_bytes()

    workbook, report = open_bytes(tmp_path, data[: len(data) // 2])

    assert workbook is None
    assert codes(report) == ["file-terpotong"]


def test_open_workbook_reports_a_damaged_workbook(make_workbook, tmp_path: Path) -> None:
    whole = make_workbook("whole.xlsx", {"Data": [["Bagian", "Teks"]]})
    with zipfile.ZipFile(whole) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    members["xl/workbook.xml"] = b"<workbook><sheets><sheet name="

    workbook, report = open_bytes(tmp_path, zip_bytes(tmp_path, members))

    assert workbook is None
    assert codes(report) == ["file-rusak"]
    assert "detail" in report.errors[0].params


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


# -- cells as Excel writes them ----------------------------------------------------------------

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
SHARED_STRINGS_TYPE = (
    b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
    b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
)


def written(
    make_workbook, rows: str, after: str = "", strings: str = "", prolog: str = "", book=None
) -> Path:
    """A workbook whose sheet Data is ``rows`` as a program wrote them into its XML, with
    ``after`` (merged ranges) behind the rows and ``strings`` as its shared strings (with
    ``prolog`` before them); ``book`` changes workbook.xml."""
    # the date makes openpyxl write a date style, s="1"
    path = make_workbook("01_x.xlsx", {"Data": [["sementara", datetime(2024, 1, 1)]]})
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    sheet = f'<worksheet xmlns="{MAIN}"><sheetData>{rows}</sheetData>{after}</worksheet>'
    members["xl/worksheets/sheet1.xml"] = sheet.encode()
    if strings:
        members["xl/sharedStrings.xml"] = f'{prolog}<sst xmlns="{MAIN}">{strings}</sst>'.encode()
        types = members["[Content_Types].xml"]
        members["[Content_Types].xml"] = types.replace(b"</Types>", SHARED_STRINGS_TYPE)
    if book:
        members["xl/workbook.xml"] = book(members["xl/workbook.xml"])
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def test_shared_strings_read_as_their_text_without_formatting(make_workbook) -> None:
    strings = (
        "<si><t>Bagian</t></si>"
        '<si><r><t xml:space="preserve">Rapat </t></r><r><rPr><b/></rPr><t>koordinasi</t></r>'
        '<rPh sb="0" eb="1"><t>ラ</t></rPh></si>'
    )
    rows = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'

    sheet = sheet_of(written(make_workbook, rows, strings=strings), "Data")

    assert sheet.values == {(0, 0): "Bagian", (0, 1): "Rapat koordinasi"}


def test_shared_strings_keep_typed_escapes_as_text(make_workbook) -> None:
    """Excel guards a typed _xHHHH_ as _x005F_xHHHH_: typed _x000B_ is text, not a
    control character; x005F_ typed on its own stays, and a stored _x000B_ is one."""
    strings = (
        "<si><t>Kode _x005F_x000B_ dan x005F_ tetap</t></si>"
        "<si><t>Baris satu_x000B_baris dua</t></si>"
    )
    rows = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'

    sheet = sheet_of(written(make_workbook, rows, strings=strings), "Data")

    assert sheet.values == {
        (0, 0): "Kode _x000B_ dan x005F_ tetap",
        (0, 1): "Baris satu\x0bbaris dua",
    }


def test_whole_numbers_read_as_integers_as_typed(make_workbook) -> None:
    rows = '<row r="1"><c r="A1"><v>2024</v></c><c r="B1"><v>2024.5</v></c><c r="C1"><v>1</v></c>'
    rows += "</row>"

    values = sheet_of(written(make_workbook, rows), "Data").values

    assert [(type(v), v) for v in values.values()] == [(int, 2024), (float, 2024.5), (int, 1)]


def test_cells_without_an_address_follow_the_cell_before_them(make_workbook) -> None:
    rows = (
        '<row r="2"><c r="B2" t="inlineStr"><is><t>b</t></is></c>'
        '<c t="inlineStr"><is><t>c</t></is></c></row>'
        '<row><c t="inlineStr"><is><t>a</t></is></c></row>'
    )

    values = sheet_of(written(make_workbook, rows), "Data").values

    assert values == {(1, 1): "b", (1, 2): "c", (2, 0): "a"}


def test_dates_count_from_1904_when_the_workbook_says_so(make_workbook) -> None:
    """Excel for Mac used to count days from 1904; the same serial is then four years later."""
    rows = '<row r="1"><c r="A1" s="1"><v>45334</v></c></row>'

    def date1904(book: bytes) -> bytes:
        return book.replace(b"<workbookPr/>", b'<workbookPr date1904="1"/>')

    windows = sheet_of(written(make_workbook, rows), "Data")
    mac = sheet_of(written(make_workbook, rows, book=date1904), "Data")

    assert windows.values[(0, 0)] == datetime(2024, 2, 12)
    assert mac.values[(0, 0)] == datetime(2028, 2, 13)


def test_read_table_warns_about_a_formula_never_calculated(make_workbook) -> None:
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
    assert [(p.code, p.where.cell) for p in report.warnings] == [("rumus-tanpa-nilai", "B2")]


def test_a_doctype_behind_the_first_megabyte_is_refused(make_workbook) -> None:
    """The quick look at each part's start misses it; libxml2 would call it bad XML."""
    prolog = "<!--" + "x" * 1024 * 1024 + '-->\n<!DOCTYPE sst [<!ENTITY lol "lol">]>'
    rows = '<row r="1"><c r="A1" t="s"><v>0</v></c></row>'
    path = written(make_workbook, rows, strings="<si><t>&lol;</t></si>", prolog=prolog)
    report = Report()

    assert open_workbook(path, report) is None
    assert codes(report) == ["file-entitas-xml"]


def test_a_merged_range_spelt_with_character_references_is_not_expanded(make_workbook) -> None:
    """The size check reads the raw XML; &#88;FD is XFD only once parsed."""
    rows = '<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>'
    merge = '<mergeCells count="1"><mergeCell ref="A1:&#88;FD1048576"/></mergeCells>'
    report = Report()

    assert open_workbook(written(make_workbook, rows, after=merge), report) is None
    assert codes(report) == ["file-rusak"]


# -- display_text -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "number_format", "expected"),
    [
        (0.5, "0%", "50%"),
        (0.125, "0.0%", "12.5%"),
        (1.0, "0%", "100%"),
        (0.07, "0%", "7%"),
        (3.0, "General", "3"),
        (2024.0, "General", "2024"),
        (2.5, "General", "2.5"),
        (0.1 + 0.2, "General", "0.3"),
        (12, "General", "12"),
        (datetime(2024, 2, 12), "General", "12 Februari 2024"),
        (datetime(2024, 12, 1, 0, 0), "dd/mm/yyyy", "1 Desember 2024"),
        (date(2025, 8, 17), "General", "17 Agustus 2025"),
        (True, "General", "TRUE"),
        (False, "General", "FALSE"),
        (None, "General", ""),
        ("  Rutan Pekanbaru \n", "General", "Rutan Pekanbaru"),
    ],
)
def test_display_text_shows_values_as_excel_does(value, number_format, expected) -> None:
    assert display_text(value, number_format) == expected


def test_display_text_keeps_all_digits_of_a_long_number() -> None:
    assert display_text(1234567.5) == "1234567.5"
