"""The rules of reading what people type (issue 13): continuation rows, fill down, initials,
NIPs, ticks, month headers, rows that hold only ticks or dashes, workbooks in another format.
Each test writes real workbooks, and where the document changes, reads the .docx back."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from generator import indonesian
from generator.monev.contract import plan_lines
from generator.plan.models import Marker, Plan, SectionKey, Step
from generator.plan.parse import split_lines, split_marker
from generator.plan.validate import load_plan
from generator.problems import CellRef, InputInvalid, Problem, Severity
from generator.render.document import write
from tests.docx_reading import dump
from tests.plan.test_validate import (
    COMPONENT_FILES,
    MONTHS,
    TATALAKSANA,
    UMUM,
    identitas,
    indikator,
    line,
    minimal_books,
    narasi,
    prioritas,
    step,
    titled,
)

SDM = COMPONENT_FILES[2]


def loaded(folder: Path) -> tuple[Plan, list[Problem]]:
    return load_plan(folder)


def problems_of(folder: Path) -> list[Problem]:
    try:
        return load_plan(folder)[1]
    except InputInvalid as exc:
        return exc.problems


def errors(folder: Path) -> list[tuple[str, CellRef]]:
    return [(p.code, p.where) for p in problems_of(folder) if p.severity is Severity.ERROR]


def built(plan: Plan, tmp_path: Path) -> str:
    return dump(write(plan, tmp_path / "plan.docx"))


def tatalaksana(plan: Plan):  # the component the tests change
    return plan.components[1]


# -- 1. a Prioritas row with only Waktu/Output continues the step above ----------------------


def test_a_row_with_only_waktu_or_output_adds_a_line_to_the_step_above(
    write_sources, tmp_path: Path
) -> None:
    books = minimal_books()
    books[TATALAKSANA]["Prioritas"] = prioritas(
        step("Target A", "Aksi A", "Maret 2024", "Laporan kegiatan"),
        step(None, None, None, "Dokumentasi foto"),
        step(None, None, "Juni 2024", None),
        step(None, "Aksi B"),
    )
    plan, _ = loaded(write_sources(books))

    steps = tatalaksana(plan).priorities[0].steps
    assert steps == [
        Step(
            rencana_aksi="Aksi A",
            waktu="Maret 2024\nJuni 2024",
            output="Laporan kegiatan\nDokumentasi foto",
        ),
        # a step with no Waktu/Output of its own repeats the one above, as before
        Step(
            rencana_aksi="Aksi B",
            waktu="Maret 2024\nJuni 2024",
            output="Laporan kegiatan\nDokumentasi foto",
        ),
    ]
    document = built(plan, tmp_path)
    assert "| 1. Aksi A | Maret 2024⏎Juni 2024 | Laporan kegiatan⏎Dokumentasi foto |" in document


def test_a_merged_rencana_aksi_cell_continues_its_step_with_a_second_output(
    write_sources, tmp_path: Path
) -> None:
    books = minimal_books()
    books[TATALAKSANA]["Prioritas"] = prioritas(
        step("Target A", "Aksi A", "Maret 2024", "Laporan"),
        step(None, None, None, "Notulen rapat"),
    )
    folder = write_sources(books)
    workbook = openpyxl.load_workbook(folder / TATALAKSANA)
    workbook["Prioritas"].merge_cells("C4:C5")
    workbook.save(folder / TATALAKSANA)

    plan, _ = loaded(folder)

    assert [(s.rencana_aksi, s.output) for s in tatalaksana(plan).priorities[0].steps] == [
        ("Aksi A", "Laporan\nNotulen rapat")
    ]


# -- 2. fill down ---------------------------------------------------------------------------


def test_a_kegiatan_or_target_typed_again_on_the_next_row_is_one_group(
    write_sources, tmp_path: Path
) -> None:
    books = minimal_books()
    books[TATALAKSANA]["Indikator"] = indikator(
        line("Sosialisasi SOP"),
        line("Sosialisasi SOP", {"MAR": "√"}),
        line("Evaluasi SOP"),
        line("Sosialisasi SOP"),  # not next to its group: a group of its own
    )
    books[TATALAKSANA]["Prioritas"] = prioritas(
        step("Target SOP", "Aksi 1", "Maret 2024", "Laporan"),
        step("Target SOP", "Aksi 2"),
        step("target sop ", "Aksi 3"),  # Excel's fill down, with a stray space and other case
    )
    plan, _ = loaded(write_sources(books))

    component = tatalaksana(plan)
    assert [(a.kegiatan, len(a.lines)) for a in component.activities] == [
        ("Sosialisasi SOP", 2),
        ("Evaluasi SOP", 1),
        ("Sosialisasi SOP", 1),
    ]
    assert [(t.target, [s.rencana_aksi for s in t.steps]) for t in component.priorities] == [
        ("Target SOP", ["Aksi 1", "Aksi 2", "Aksi 3"])
    ]
    document = built(plan, tmp_path)
    assert document.count("| 1. | Sosialisasi SOP |") == 1
    assert "| 2. | Evaluasi SOP |" in document
    assert "| 3. | Sosialisasi SOP |" in document
    assert document.count("Target SOP") == 1


# -- 3. initials are not list letters -------------------------------------------------------


def test_a_declared_plain_paragraph_keeps_the_initial_of_a_name(
    write_sources, tmp_path: Path
) -> None:
    books = minimal_books()
    books[UMUM]["Narasi"] = narasi(
        ["Latar Belakang", 0, "Latar belakang rencana kerja."],
        ["Penutup", 0, "H. Ahmad Syafii, S.H."],
        ["Penutup", 0, "- tanda hubung diketik di awal paragraf"],
        ["Penutup", None, "R. Soeprapto, kepala seksi"],  # Tingkat blank: a name, not a letter
        ["Dasar Hukum", 2, "a. butir huruf"],
    )
    plan, _ = loaded(write_sources(books))

    penutup = plan.section(SectionKey.PENUTUP).paragraphs
    assert [(p.text, p.level) for p in penutup] == [
        ("H. Ahmad Syafii, S.H.", 0),
        ("- tanda hubung diketik di awal paragraf", 0),
        ("R. Soeprapto, kepala seksi", 0),
    ]
    assert [(p.text, p.level) for p in plan.section(SectionKey.DASAR_HUKUM).paragraphs] == [
        ("butir huruf", 2)
    ]
    document = built(plan, tmp_path)
    assert "H. Ahmad Syafii, S.H." in document
    assert "R. Soeprapto, kepala seksi" in document


def test_capital_letters_are_list_letters_only_in_a_run_from_a() -> None:
    assert split_marker("H. Ahmad Syafii") == split_lines("H. Ahmad Syafii")[0]
    assert split_marker("H. Ahmad Syafii").marker is Marker.PLAIN
    assert split_marker("a. Satu").marker is Marker.LETTER
    run = split_lines("A. Pengungkit\nB. Hasil")
    assert [(x.text, x.marker) for x in run] == [
        ("Pengungkit", Marker.LETTER),
        ("Hasil", Marker.LETTER),
    ]
    assert [x.text for x in split_lines("A. Satu\nH. Ahmad")] == ["A. Satu", "H. Ahmad"]


# -- 4. NIP ------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", [197604132000121002, 1.97604132000121e17, "1.97604132000121E+17"])
def test_a_nip_excel_cut_to_15_digits_says_so_as_excel_shows_it(write_sources, value) -> None:
    books = minimal_books()
    books[UMUM]["Identitas"] = identitas({"NIP Penandatangan": value})

    problems = [p for p in problems_of(write_sources(books)) if p.severity is Severity.ERROR]

    assert [(p.code, p.where.cell) for p in problems] == [("nip-terpotong-excel", "B14")]
    message = problems[0].message
    assert "Excel telah memotongnya" in message
    assert "1.97604132000121E+17" in message and "197604132000121000" in message
    assert "e+17" not in message
    assert "Format Cells › Text" in message


@pytest.mark.parametrize(
    "typed",
    [
        "NIP. 19760413 200012 1 002",
        "NIP: 19760413.200012.1.002",
        "nip 19760413-200012-1-002",
        "19760413 – 200012 – 1 – 002",
    ],
)
def test_a_nip_with_its_label_dots_or_dashes_prints_in_the_standard_form(
    write_sources, tmp_path: Path, typed
) -> None:
    books = minimal_books()
    books[UMUM]["Identitas"] = identitas({"NIP Penandatangan": typed})
    plan, _ = loaded(write_sources(books))

    assert plan.identity.penandatangan.nip == "197604132000121002"
    assert "NIP. 19760413 200012 1 002" in built(plan, tmp_path)


def test_a_nip_with_other_characters_names_the_characters_to_remove(write_sources) -> None:
    books = minimal_books()
    books[UMUM]["Identitas"] = identitas({"NIP Penandatangan": "19760413 200012 1 002 (Kepala)"})

    problems = [p for p in problems_of(write_sources(books)) if p.severity is Severity.ERROR]

    assert [p.code for p in problems] == ["nip-karakter-lain"]
    assert 'Hapus "(" "K" "e" "p" "a" "l" ")" dari sel itu' in problems[0].message


# -- 5. ticks ----------------------------------------------------------------------------------

TICKED = ["√", "✓", "✔", "☑", "V", "v", "Y", "y", "X", "x", "1", "ya", "Ya"]


def test_every_accepted_tick_ticks_its_month_and_a_dash_does_not(
    write_sources, tmp_path: Path
) -> None:
    books = minimal_books()
    books[TATALAKSANA]["Indikator"] = indikator(
        *(line(f"Kegiatan {n}", {"JAN": t, "FEB": "-", "MAR": 0}) for n, t in enumerate(TICKED))
    )
    plan, problems = loaded(write_sources(books))

    lines = [a.lines[0].months[:3] for a in tatalaksana(plan).activities]
    assert lines == [(True, False, False)] * len(TICKED)
    assert not [p for p in problems if p.where.file == TATALAKSANA]
    assert built(plan, tmp_path).count("| √ |") >= len(TICKED)


@pytest.mark.parametrize("value", ["✗", "ok", "tidak", "2"])
def test_a_month_cell_that_is_neither_tick_nor_blank_is_named(write_sources, value) -> None:
    books = minimal_books()
    books[TATALAKSANA]["Indikator"] = indikator(line("Kegiatan A", {"JAN": "√", "MAR": value}))

    assert errors(write_sources(books)) == [
        ("tanda-tidak-dikenal", CellRef(TATALAKSANA, "Indikator", "H4"))
    ]


# -- 6. month headers -------------------------------------------------------------------------

INDONESIAN_SHORT = ["JAN", "PEB", "MAR", "APR", "MEI", "JUN", "JUL", "AGT", "SEP", "OKT", "NOP"]
FULL = list(indonesian.MONTHS)


@pytest.mark.parametrize(
    "months",
    [
        [*INDONESIAN_SHORT, "DES"],
        [m.lower() for m in INDONESIAN_SHORT] + ["des"],
        ["Jan", "Peb", "Mar", "Apr", "Mei", "Jun", "Jul", "Ags", "Sep", "Okt", "Nov", "Des"],
        FULL,
        [datetime(2025, m, 1) for m in range(1, 13)],  # Excel made "Jan" a date: Jan-25
    ],
    ids=["short", "lower", "ags-nov", "full", "dates"],
)
def test_month_headers_as_offices_type_them(write_sources, months) -> None:
    header = ["NO", "KEGIATAN", "HASIL YANG INGIN DICAPAI", "URAIAN KEGIATAN", "TARGET"]
    ticks = [None] * 12
    ticks[1] = ticks[10] = "√"  # PEB and NOP
    books = minimal_books()
    books[TATALAKSANA]["Indikator"] = titled(
        "Indikator",
        [*header, *months, "KET"],
        [[None, "Kegiatan A", "Hasil", "Uraian", "Target", *ticks, None]],
    )
    folder = write_sources(books)
    if isinstance(months[0], datetime):
        workbook = openpyxl.load_workbook(folder / TATALAKSANA)
        for cell in workbook["Indikator"][3][5:17]:
            cell.number_format = "mmm-yy"
        workbook.save(folder / TATALAKSANA)

    plan, _ = loaded(folder)

    months_ticked = tatalaksana(plan).activities[0].lines[0].months
    assert [MONTHS[i] for i, ticked in enumerate(months_ticked) if ticked] == ["FEB", "NOV"]


# -- 7. rows of ticks alone, rows of dashes alone ---------------------------------------------


def _schedule_books():
    books = minimal_books()
    dashes = dict.fromkeys(MONTHS, "-")
    books[TATALAKSANA]["Indikator"] = indikator(
        line("Kegiatan Jadwal", {"JAN": "√"}),
        [None, None, None, None, None, *([None, "√"] * 6), None],  # ticks alone: row 5
        [None, None, None, None, None, *dashes.values(), None],  # dashes alone: row 6
        [None, None, None, None, None, *(["√"] * 12), None],  # ticks alone: row 7
    )
    return books


def test_ticks_alone_are_a_schedule_line_and_dashes_alone_are_left_out_with_warnings(
    write_sources, tmp_path: Path
) -> None:
    plan, problems = loaded(write_sources(_schedule_books()))

    activity = tatalaksana(plan).activities[0]
    assert [sum(line.months) for line in activity.lines] == [1, 6, 12]
    warned = [(p.code, p.where) for p in problems if p.where.file == TATALAKSANA]
    assert warned == [
        ("baris-hanya-centang", CellRef(TATALAKSANA, "Indikator", "baris 5, 7")),
        ("baris-tanpa-isi", CellRef(TATALAKSANA, "Indikator", "baris 6")),
    ]
    assert (
        '"Kegiatan Jadwal"' in next(p for p in problems if p.code == "baris-hanya-centang").message
    )
    # the document prints the three lines, the one of dashes not at all
    document = built(plan, tmp_path)
    rows = document.splitlines()
    first = next(i for i, row in enumerate(rows) if "Kegiatan Jadwal" in row)
    assert [row.count("√") for row in rows[first : first + 4]] == [1, 6, 12, 0]
    assert not rows[first + 3].startswith("| ^ |")  # no fourth line in the group
    # monev's realisation rows follow the plan: the same three lines
    assert len(plan_lines(tatalaksana(plan))) == 3


def test_init_dari_keeps_a_line_of_ticks_alone_in_its_place(write_sources, tmp_path: Path) -> None:
    from generator.init.next_year import roll_forward

    folder = write_sources(_schedule_books())
    with_ticks = roll_forward(folder, tmp_path / "2025a", keep_ticks=True)
    cleared = roll_forward(folder, tmp_path / "2025b")

    old, _ = loaded(folder)
    sheet = openpyxl.load_workbook(tmp_path / "2025a" / TATALAKSANA)["Indikator"]
    assert [sum(c.value == "√" for c in row[5:17]) for row in sheet.iter_rows(min_row=4)] == [
        1,
        6,
        12,
    ]
    assert not any("baris 5, 6" in change for change in with_ticks)
    assert any("Indikator › baris 5, 6" in change for change in cleared)
    # with the ticks kept, next year's matrix is this year's
    identity = openpyxl.load_workbook(tmp_path / "2025a" / UMUM)
    identity["Identitas"]["B11"] = "12 Februari 2025"
    identity.save(tmp_path / "2025a" / UMUM)
    new, _ = loaded(tmp_path / "2025a")
    assert tatalaksana(new).activities == tatalaksana(old).activities


# -- 9. a workbook in a format that is not read -----------------------------------------------


@pytest.mark.parametrize(
    ("name", "code", "said"),
    [
        ("03_penataan_sdm.ods", "workbook-format-lain", "OpenDocument"),
        ("03_penataan_sdm.xls", "workbook-format-lain", "Excel 97-2003 (.xls)"),
        ("03_penataan_sdm.xlsx", "workbook-berupa-folder", "folder"),
        ("03_penataan_sdm.xlsx", "workbook-tautan-rusak", "tautan"),
    ],
    ids=["ods", "xls", "folder", "broken-link"],
)
def test_a_file_named_like_a_workbook_but_not_read_says_why(
    write_sources, name, code, said
) -> None:
    folder = write_sources()
    (folder / SDM).unlink()
    if code == "workbook-berupa-folder":
        (folder / name).mkdir()
    elif code == "workbook-tautan-rusak":
        os.symlink(folder / "hilang.xlsx", folder / name)
    else:
        (folder / name).write_bytes(b"not read")

    problems = [p for p in problems_of(folder) if p.severity is Severity.ERROR]

    assert [(p.code, p.where) for p in problems] == [(code, CellRef(name))]
    assert said in problems[0].message and "03" in problems[0].message
    if code == "workbook-format-lain":
        assert "Excel Workbook (*.xlsx)" in problems[0].message
        assert "LibreOffice Calc" in problems[0].message and "WPS" in problems[0].message


def test_a_folder_of_ods_files_names_each_not_the_folder(write_sources, tmp_path: Path) -> None:
    folder = write_sources()
    for path in folder.glob("*.xlsx"):
        path.rename(path.with_suffix(".ods"))

    problems = problems_of(folder)

    assert {p.code for p in problems} == {"workbook-format-lain"}
    assert len(problems) == 7
