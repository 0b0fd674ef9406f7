"""Checking a sources folder: each test starts from a minimal valid folder and breaks one thing."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from generator.plan.models import ComponentKey, SectionKey, Step
from generator.plan.validate import Loader, load_plan
from generator.problems import CellRef, InputInvalid, Problem, Severity
from generator.tables import Cell

SATKER = "Rumah Tahanan Negara Kelas I Pekanbaru"
UMUM = "00_umum.xlsx"
COMPONENT_FILES = [
    "01_manajemen_perubahan.xlsx",
    "02_penataan_tatalaksana.xlsx",
    "03_penataan_sdm.xlsx",
    "04_penguatan_akuntabilitas.xlsx",
    "05_penguatan_pengawasan.xlsx",
    "06_pelayanan_publik.xlsx",
]
TATALAKSANA = COMPONENT_FILES[1]
MONTHS = ["JAN", "FEB", "MAR", "APR", "MEI", "JUN", "JUL", "AGU", "SEP", "OKT", "NOV", "DES"]
IDENTITAS = {
    "Kementerian": "Kementerian Hukum dan HAM",
    "Kantor Wilayah": "Kantor Wilayah Kementerian Hukum dan HAM Riau",
    "Nama Satuan Kerja": SATKER,
    "Nama Singkat": "Rutan Pekanbaru",
    "Jenis Satuan Kerja": "Rutan",
    "Tahun": 2024,
    "Tempat Penetapan": "Pekanbaru",
    "Tanggal Penetapan": "12 Februari 2024",
    "Jabatan Penandatangan": "Kepala",
    "Nama Penandatangan": "Erwin Saleh Siregar",
    "NIP Penandatangan": "197604132000121002",
}
DROP = object()  # an Identitas row left out altogether
FIRST_ROW = 4  # every sheet has a title row and a blank row above its header (row 3)

Rows = list[list[object]]
Books = dict[str, dict[str, Rows]]


def titled(title: str, header: list[object], rows: Rows) -> Rows:
    return [[title], [], header, *rows]


def identitas(changes: dict[str, object] | None = None) -> Rows:
    fields = {**IDENTITAS, **(changes or {})}
    rows = [[label, value] for label, value in fields.items() if value is not DROP]
    return titled("Identitas Rencana Kerja ZI", ["Kolom", "Isi"], rows)


def identitas_cell(label: str) -> str:
    return f"B{FIRST_ROW + list(IDENTITAS).index(label)}"


def narasi(*rows: list[object]) -> Rows:
    return titled("Narasi", ["Bagian", "Tingkat", "Teks"], list(rows))


def uraian(*rows: list[object]) -> Rows:
    return titled("Uraian", ["Bagian", "Teks"], list(rows))


def line(kegiatan: object, ticks: dict[str, object] | None = None) -> list[object]:
    """One row of the Indikator matrix; JAN is ticked unless ``ticks`` says otherwise."""
    months = dict.fromkeys(MONTHS) | (ticks if ticks is not None else {"JAN": "√"})
    return [None, kegiatan, "Hasil", "Uraian", "Target", *months.values(), None]


def indikator(*rows: list[object]) -> Rows:
    header = ["NO", "KEGIATAN", "HASIL YANG INGIN DICAPAI", "URAIAN KEGIATAN", "TARGET"]
    return titled("Indikator", [*header, *MONTHS, "KET"], list(rows))


def step(target: object, aksi: object, waktu: object = None, output: object = None) -> list:
    return [None, target, aksi, waktu, output]


def prioritas(*rows: list[object]) -> Rows:
    header = ["No", "Target Prioritas", "Rencana Aksi", "Waktu", "Output"]
    return titled("Target Prioritas dan Output", header, list(rows))


def minimal_books() -> Books:
    """The smallest folder that builds: every required field, one row in every table."""
    books: Books = {
        UMUM: {
            "Identitas": identitas(),
            "Narasi": narasi(["Latar Belakang", 0, "Latar belakang rencana kerja."]),
        }
    }
    for name in COMPONENT_FILES:
        books[name] = {
            "Uraian": uraian(["Tujuan", "Tujuan komponen."], ["Target", "Target komponen."]),
            "Indikator": indikator(line("Kegiatan A")),
            "Prioritas": prioritas(step("Target A", "Aksi A", "Maret 2024", "Laporan")),
        }
    return books


def merge(path: Path, sheet: str, cells: str) -> None:
    workbook = openpyxl.load_workbook(path)
    workbook[sheet].merge_cells(cells)
    workbook.save(path)


def errors_of(folder: Path) -> list[Problem]:
    with pytest.raises(InputInvalid) as raised:
        load_plan(folder)
    return [p for p in raised.value.problems if p.severity is Severity.ERROR]


def where(problems: list[Problem]) -> list[tuple[str, CellRef]]:
    return [(p.code, p.where) for p in problems]


def warnings_of(problems: list[Problem]) -> list[tuple[str, CellRef]]:
    return where([p for p in problems if p.severity is Severity.WARNING])


# -- the minimal folder -----------------------------------------------------------------------


def test_minimal_sources_load_into_a_plan(write_sources) -> None:
    plan, problems = load_plan(write_sources())

    assert problems == []
    assert [c.key for c in plan.components] == list(ComponentKey)
    assert plan.identity.nama_satker == SATKER
    assert plan.identity.tahun == 2024
    assert plan.identity.tanggal == date(2024, 2, 12)
    assert plan.identity.penandatangan.nip == "197604132000121002"
    component = plan.components[0]
    assert component.tujuan == ["Tujuan komponen."]
    assert component.targets == ["Target komponen."]
    assert [a.kegiatan for a in component.activities] == ["Kegiatan A"]
    assert component.activities[0].lines[0].months == (True,) + (False,) * 11
    assert component.priorities[0].steps == [
        Step(rencana_aksi="Aksi A", waktu="Maret 2024", output="Laporan")
    ]


def test_workbook_names_are_free_after_the_number(write_sources) -> None:
    books = minimal_books()
    books["03_SDM_revisi_final (2).xlsx"] = books.pop("03_penataan_sdm.xlsx")

    plan, problems = load_plan(write_sources(books))

    assert problems == []
    assert len(plan.components) == 6


# -- Identitas --------------------------------------------------------------------------------


@pytest.mark.parametrize("label", list(IDENTITAS))
def test_a_blank_required_identitas_field_is_an_error_at_its_cell(write_sources, label) -> None:
    books = minimal_books()
    books[UMUM]["Identitas"] = identitas({label: None})

    errors = errors_of(write_sources(books))

    assert where(errors) == [
        ("identitas-kosong", CellRef(UMUM, "Identitas", identitas_cell(label)))
    ]
    assert errors[0].params == {"field": label}


def test_a_missing_identitas_row_is_an_error_naming_the_field(write_sources) -> None:
    books = minimal_books()
    books[UMUM]["Identitas"] = identitas({"Tempat Penetapan": DROP})

    errors = errors_of(write_sources(books))

    assert where(errors) == [("identitas-kosong", CellRef(UMUM, "Identitas"))]
    assert "Tempat Penetapan" in errors[0].message


@pytest.mark.parametrize(
    ("label", "value", "code"),
    [
        ("Tahun", "dua ribu dua puluh empat", "tahun-tidak-sah"),
        ("Tahun", 24, "tahun-tidak-sah"),
        ("Tahun", "2024/2025", "tahun-tidak-sah"),
        ("Tahun", 2024.5, "tahun-tidak-sah"),
        ("Tanggal Penetapan", "besok pagi", "tanggal-tidak-sah"),
        ("Tanggal Penetapan", "31 Februari 2024", "tanggal-tidak-sah"),
        ("Tanggal Penetapan", "12 Febuari 2024", "tanggal-tidak-sah"),
        ("NIP Penandatangan", "19760413200012100", "nip-bukan-18-angka"),
        ("NIP Penandatangan", "1976041320001210O2", "nip-karakter-lain"),
        ("NIP Penandatangan", "197613132000121002", "nip-tanggal-lahir"),
        ("NIP Penandatangan", "197602302000121002", "nip-tanggal-lahir"),
        ("NIP Penandatangan", "197604132000123002", "nip-jenis-kelamin"),
    ],
)
def test_an_impossible_identitas_value_is_an_error_at_its_cell(
    write_sources, label, value, code
) -> None:
    books = minimal_books()
    books[UMUM]["Identitas"] = identitas({label: value})

    errors = errors_of(write_sources(books))

    assert where(errors) == [(code, CellRef(UMUM, "Identitas", identitas_cell(label)))]
    assert str(value) in errors[0].message


@pytest.mark.parametrize("nip", ["19760413 200012 1 002", " 197604132000121002 "])
def test_a_nip_with_spaces_is_accepted(write_sources, nip) -> None:
    books = minimal_books()
    books[UMUM]["Identitas"] = identitas({"NIP Penandatangan": nip})

    plan, problems = load_plan(write_sources(books))

    assert problems == []
    assert plan.identity.penandatangan.nip == "197604132000121002"
    assert plan.identity.penandatangan.nip_display == "19760413 200012 1 002"


@pytest.mark.parametrize(
    "tanggal", ["12 Februari 2024", "12 februari 2024", "12/02/2024", datetime(2024, 2, 12)]
)
def test_tanggal_penetapan_is_read_as_text_or_excel_date(write_sources, tanggal) -> None:
    books = minimal_books()
    books[UMUM]["Identitas"] = identitas({"Tanggal Penetapan": tanggal})

    plan, problems = load_plan(write_sources(books))

    assert problems == []
    assert plan.identity.tanggal == date(2024, 2, 12)


def test_tahun_may_be_typed_as_text(write_sources) -> None:
    books = minimal_books()
    books[UMUM]["Identitas"] = identitas({"Tahun": "2025"})
    books[UMUM]["Narasi"] = narasi(["Latar Belakang", 0, "Rencana 2025."])
    for name in COMPONENT_FILES:
        books[name]["Prioritas"] = prioritas(step("Target A", "Aksi A", "Maret 2025", "Laporan"))

    plan, problems = load_plan(write_sources(books))

    assert problems == []
    assert plan.identity.tahun == 2025


# -- Narasi -----------------------------------------------------------------------------------


def test_an_unknown_bagian_is_an_error_listing_the_known_ones(write_sources) -> None:
    books = minimal_books()
    books[UMUM]["Narasi"] = narasi(
        ["Latar Belakang", 0, "Teks."], ["Latar Belakangg", 0, "Salah ketik."]
    )

    errors = errors_of(write_sources(books))

    assert where(errors) == [("bagian-tidak-dikenal", CellRef(UMUM, "Narasi", "A5"))]
    known = errors[0].params["known"]
    assert known == ", ".join(key.value for key in SectionKey)
    assert "Kata Pengantar, Latar Belakang, Maksud dan Tujuan" in errors[0].message
    assert "Penutup" in errors[0].message


def test_a_blank_tingkat_is_a_paragraph_in_prose_and_an_item_elsewhere(write_sources) -> None:
    books = minimal_books()
    books[UMUM]["Narasi"] = narasi(
        ["Latar Belakang", None, "Paragraf pertama."],
        ["Dasar Hukum", None, "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik;"],
        ["Penutup", "", "Demikian rencana kerja ini."],
    )

    plan, problems = load_plan(write_sources(books))

    assert problems == []
    levels = {
        key: [p.level for p in plan.section(key).paragraphs]
        for key in (SectionKey.LATAR_BELAKANG, SectionKey.DASAR_HUKUM, SectionKey.PENUTUP)
    }
    assert levels == {
        SectionKey.LATAR_BELAKANG: [0],
        SectionKey.DASAR_HUKUM: [1],
        SectionKey.PENUTUP: [0],
    }


def test_typed_list_numbers_are_stripped_from_the_text(write_sources) -> None:
    books = minimal_books()
    books[UMUM]["Narasi"] = narasi(
        ["Latar Belakang", 0, "Teks."],
        ["Dasar Hukum", None, "1. Undang-Undang A;\n2.  Undang-Undang B;"],
        ["Dasar Hukum", 1, "3. Peraturan C."],
        ["Pengertian Umum", 2, "a. Istilah satu."],
    )

    plan, problems = load_plan(write_sources(books))

    assert problems == []
    dasar = plan.section(SectionKey.DASAR_HUKUM).paragraphs
    assert [(p.text, p.level) for p in dasar] == [
        ("Undang-Undang A;", 1),
        ("Undang-Undang B;", 1),
        ("Peraturan C.", 1),
    ]
    pengertian = plan.section(SectionKey.PENGERTIAN_UMUM).paragraphs
    assert [(p.text, p.level) for p in pengertian] == [("Istilah satu.", 2)]


def test_typed_numbers_in_a_prose_section_stay_numbered_items(write_sources) -> None:
    books = minimal_books()
    books[UMUM]["Narasi"] = narasi(["Maksud dan Tujuan", None, "1. Maksud.\n2. Tujuan."])

    plan, _ = load_plan(write_sources(books))

    paragraphs = plan.section(SectionKey.MAKSUD_TUJUAN).paragraphs
    assert [(p.text, p.level) for p in paragraphs] == [("Maksud.", 1), ("Tujuan.", 1)]


def test_a_section_without_rows_gets_the_standard_text(write_sources) -> None:
    plan, _ = load_plan(write_sources())

    latar = plan.section(SectionKey.LATAR_BELAKANG)
    kata_pengantar = plan.section(SectionKey.KATA_PENGANTAR)
    assert latar.standard is False
    assert [p.text for p in latar.paragraphs] == ["Latar belakang rencana kerja."]
    assert kata_pengantar.standard is True
    assert SATKER in " ".join(p.text for p in kata_pengantar.paragraphs)
    assert all(section.paragraphs for section in plan.sections)
    assert [s.key for s in plan.sections] == list(SectionKey)


# -- Indikator --------------------------------------------------------------------------------


def test_a_blank_kegiatan_on_the_first_row_has_no_group(write_sources) -> None:
    books = minimal_books()
    books[TATALAKSANA]["Indikator"] = indikator(line(None), line("Kegiatan A"))

    errors = errors_of(write_sources(books))

    assert where(errors) == [
        ("kelompok-tanpa-induk", CellRef(TATALAKSANA, "Indikator", f"B{FIRST_ROW}"))
    ]
    assert errors[0].params == {"column": "KEGIATAN"}


def test_a_blank_kegiatan_continues_the_group_above(write_sources) -> None:
    books = minimal_books()
    books[TATALAKSANA]["Indikator"] = indikator(
        line("Kegiatan A"), line(None, {"FEB": "√"}), line("Kegiatan B")
    )

    plan, problems = load_plan(write_sources(books))

    assert problems == []
    activities = plan.components[1].activities
    assert [(a.kegiatan, len(a.lines)) for a in activities] == [
        ("Kegiatan A", 2),
        ("Kegiatan B", 1),
    ]
    assert activities[0].lines[1].months[1] is True


def test_merged_kegiatan_cells_continue_the_group(write_sources) -> None:
    books = minimal_books()
    books[TATALAKSANA]["Indikator"] = indikator(
        line("Kegiatan A"), line("Kegiatan A", {"FEB": "√"}), line("Kegiatan B")
    )
    folder = write_sources(books)
    merge(folder / TATALAKSANA, "Indikator", f"B{FIRST_ROW}:B{FIRST_ROW + 1}")

    plan, problems = load_plan(folder)

    assert problems == []
    activities = plan.components[1].activities
    assert [(a.kegiatan, len(a.lines)) for a in activities] == [
        ("Kegiatan A", 2),
        ("Kegiatan B", 1),
    ]


@pytest.mark.parametrize(
    "tick", ["✓", "√", "v", "V", "x", "X", 1, "1", "ya", "Ya", "TRUE", True, " √ "]
)
def test_every_tick_of_the_contract_counts(write_sources, tick) -> None:
    books = minimal_books()
    books[TATALAKSANA]["Indikator"] = indikator(line("Kegiatan A", {"MAR": tick}))

    plan, problems = load_plan(write_sources(books))

    assert problems == []
    months = plan.components[1].activities[0].lines[0].months
    assert months == (False, False, True) + (False,) * 9


@pytest.mark.parametrize("blank", [None, "", "-", 0, "0", "FALSE", "false", False])
def test_blank_dash_zero_and_false_are_no_tick(write_sources, blank) -> None:
    books = minimal_books()
    books[TATALAKSANA]["Indikator"] = indikator(line("Kegiatan A", {"JAN": "√", "MAR": blank}))

    plan, problems = load_plan(write_sources(books))

    assert problems == []
    months = plan.components[1].activities[0].lines[0].months
    assert months == (True,) + (False,) * 11


def test_an_unknown_tick_is_an_error_at_its_cell(write_sources) -> None:
    books = minimal_books()
    books[TATALAKSANA]["Indikator"] = indikator(
        line("Kegiatan A"), line(None, {"JAN": "√", "FEB": "ok"})
    )

    errors = errors_of(write_sources(books))

    assert where(errors) == [("tanda-tidak-dikenal", CellRef(TATALAKSANA, "Indikator", "G5"))]
    assert errors[0].params == {"value": "ok"}
    assert '"ok" bukan tanda centang' in errors[0].message


def test_a_line_without_any_tick_is_a_warning(write_sources) -> None:
    books = minimal_books()
    books[TATALAKSANA]["Indikator"] = indikator(line("Kegiatan A"), line(None, {}))

    plan, problems = load_plan(write_sources(books))

    assert warnings_of(problems) == [("tanpa-bulan", CellRef(TATALAKSANA, "Indikator", "F5:Q5"))]
    assert plan.components[1].activities[0].lines[1].months == (False,) * 12


def test_an_empty_indikator_sheet_is_a_warning(write_sources) -> None:
    books = minimal_books()
    books[TATALAKSANA]["Indikator"] = indikator()

    plan, problems = load_plan(write_sources(books))

    assert warnings_of(problems) == [("tanpa-matriks", CellRef(TATALAKSANA, "Indikator"))]
    assert plan.components[1].activities == []


# -- Prioritas --------------------------------------------------------------------------------


def test_waktu_and_output_given_once_are_repeated_to_the_steps(write_sources) -> None:
    books = minimal_books()
    books[TATALAKSANA]["Prioritas"] = prioritas(
        step("Target A", "Rapat", "Maret 2024", "Notulen"),
        step(None, "Sosialisasi"),
        step(None, "Evaluasi", "Juni 2024", "Laporan evaluasi"),
        step("Target B", "Monitoring", "Januari s.d. Desember 2024", "Laporan"),
    )

    plan, problems = load_plan(write_sources(books))

    assert problems == []
    priorities = plan.components[1].priorities
    assert [p.target for p in priorities] == ["Target A", "Target B"]
    assert [(s.rencana_aksi, s.waktu, s.output) for s in priorities[0].steps] == [
        ("Rapat", "Maret 2024", "Notulen"),
        ("Sosialisasi", "Maret 2024", "Notulen"),
        ("Evaluasi", "Juni 2024", "Laporan evaluasi"),
    ]
    assert [s.waktu for s in priorities[1].steps] == ["Januari s.d. Desember 2024"]


def test_a_target_without_rencana_aksi_is_a_warning(write_sources) -> None:
    books = minimal_books()
    books[TATALAKSANA]["Prioritas"] = prioritas(
        step("Target A", "Rapat", "Maret 2024", "Notulen"),
        step("Target B", None, "Mei 2024", "Laporan"),
    )

    plan, problems = load_plan(write_sources(books))

    assert warnings_of(problems) == [
        ("tanpa-rencana-aksi", CellRef(TATALAKSANA, "Prioritas", f"B{FIRST_ROW + 1}"))
    ]
    target_b = plan.components[1].priorities[1]
    assert target_b.target == "Target B"
    assert target_b.steps == [Step(rencana_aksi="", waktu="Mei 2024", output="Laporan")]


def test_each_line_of_a_rencana_aksi_cell_is_one_step_numbered_or_not(write_sources) -> None:
    books = minimal_books()
    books[TATALAKSANA]["Prioritas"] = prioritas(
        step("Target A", "1. Rapat\n2. Sosialisasi\n3. Laporan", "Maret 2024", "Notulen"),
        step("Target B", "Rapat\nMenyusun laporan", "April 2024", "Notulen"),
    )

    plan, problems = load_plan(write_sources(books))

    assert problems == []
    target_a, target_b = plan.components[1].priorities
    assert [(s.rencana_aksi, s.waktu) for s in target_a.steps] == [
        ("Rapat", "Maret 2024"),
        ("Sosialisasi", "Maret 2024"),
        ("Laporan", "Maret 2024"),
    ]
    # removing the typed numbers, as the review allows, keeps the steps apart
    assert [s.rencana_aksi for s in target_b.steps] == ["Rapat", "Menyusun laporan"]


def test_waktu_naming_another_year_is_a_warning(write_sources) -> None:
    books = minimal_books()
    books[TATALAKSANA]["Prioritas"] = prioritas(
        step("Target A", "Rapat", "Januari 2024 s.d. Maret 2023", "Notulen")
    )

    plan, problems = load_plan(write_sources(books))

    assert warnings_of(problems) == [
        ("tahun-waktu-berbeda", CellRef(TATALAKSANA, "Prioritas", f"D{FIRST_ROW}"))
    ]
    assert problems[0].params["year"] == "2023"
    assert plan.components[1].priorities[0].steps[0].waktu == "Januari 2024 s.d. Maret 2023"


# -- across the plan --------------------------------------------------------------------------


def test_another_kind_of_unit_named_in_the_text_is_a_warning(write_sources) -> None:
    books = minimal_books()
    books["03_penataan_sdm.xlsx"]["Uraian"] = uraian(
        ["Tujuan", "Meningkatkan profesionalisme pegawai Lapas."]
    )

    _, problems = load_plan(write_sources(books))

    assert warnings_of(problems) == [
        ("nama-satker-lain", CellRef("03_penataan_sdm.xlsx", "Uraian", f"B{FIRST_ROW}"))
    ]
    assert problems[0].params == {"word": "Lapas", "jenis": "Rutan"}


def test_a_control_character_is_an_error_naming_the_cell(tmp_path: Path) -> None:
    """openpyxl cannot write one into a file, so the check is fed a cell directly."""
    loader = Loader(tmp_path)
    ref = CellRef(UMUM, "Narasi", "C5")

    text = loader.text(Cell("Baris satu\x0bbaris dua", ref))

    assert text == ""
    assert where(loader.report.errors) == [("karakter-kontrol", ref)]
    assert loader.report.errors[0].params == {"char": "U+000B"}


def test_a_control_character_as_excel_stores_it_is_an_error(write_sources) -> None:
    books = minimal_books()
    books[UMUM]["Narasi"] = narasi(["Latar Belakang", 0, "Baris satu_x000B_baris dua"])

    errors = errors_of(write_sources(books))

    assert where(errors) == [("karakter-kontrol", CellRef(UMUM, "Narasi", f"C{FIRST_ROW}"))]


def test_a_missing_workbook_is_an_error(write_sources) -> None:
    books = minimal_books()
    del books["04_penguatan_akuntabilitas.xlsx"]

    errors = errors_of(write_sources(books))

    assert where(errors) == [("workbook-tidak-ada", CellRef("04_penguatan_akuntabilitas.xlsx"))]
    assert errors[0].params["number"] == "04"


def test_a_missing_sheet_is_an_error_listing_the_sheets_found(write_sources) -> None:
    books = minimal_books()
    del books["05_penguatan_pengawasan.xlsx"]["Prioritas"]

    errors = errors_of(write_sources(books))

    assert where(errors) == [
        ("sheet-tidak-ada", CellRef("05_penguatan_pengawasan.xlsx", "Prioritas"))
    ]
    assert errors[0].params == {"sheet": "Prioritas", "found": "Uraian, Indikator"}


def test_all_errors_of_a_run_are_reported_at_once(write_sources) -> None:
    books = minimal_books()
    books[UMUM]["Identitas"] = identitas({"Tahun": "tahun depan"})
    books[TATALAKSANA]["Indikator"] = indikator(line("Kegiatan A", {"JAN": "??"}))
    del books["06_pelayanan_publik.xlsx"]["Uraian"]

    errors = errors_of(write_sources(books))

    assert where(errors) == [
        ("tahun-tidak-sah", CellRef(UMUM, "Identitas", identitas_cell("Tahun"))),
        ("tanda-tidak-dikenal", CellRef(TATALAKSANA, "Indikator", f"F{FIRST_ROW}")),
        ("sheet-tidak-ada", CellRef("06_pelayanan_publik.xlsx", "Uraian")),
    ]
