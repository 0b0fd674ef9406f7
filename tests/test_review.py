"""zi-plan check: each finding has a workbook that triggers it; the sample is clean."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from generator.cli import cli
from generator.plan.validate import Loader
from generator.problems import CellRef
from generator.review import review
from tests.conftest import SAMPLE_SOURCES, set_cell

LONG_SENTENCE = (
    "Manajemen Perubahan bertujuan untuk mengubah secara sistematis dan konsisten terhadap "
    "mekanisme kerja pegawai."
)


def findings(folder: Path) -> list[tuple[str, CellRef, str]]:
    loader = Loader(folder)
    return [(p.code, p.where, p.message) for p in review(loader, loader.load())]


def workbook(folder: Path, number: int) -> Path:
    return next(folder.glob(f"{number:02d}_*.xlsx"))


def test_the_sample_comes_out_clean() -> None:
    assert findings(SAMPLE_SOURCES) == []


def test_misspelled_word_is_found_once_with_its_first_cell(sources: Path) -> None:
    set_cell(workbook(sources, 2), "Prioritas", "C4", "Rapat pemamfaatan ruang")
    set_cell(workbook(sources, 2), "Prioritas", "C5", "Rapat pemamfaatan kedua")
    ((code, where, message),) = findings(sources)
    assert code == "ejaan"
    assert where == CellRef("02_penataan_tatalaksana.xlsx", "Prioritas", "C4")
    assert message.startswith(
        'Kata "pemamfaatan" tidak ada di kamus bahasa Indonesia (juga di 1 tempat lain).'
    )


def test_misspelled_word_is_quoted_as_typed(sources: Path) -> None:
    set_cell(workbook(sources, 2), "Prioritas", "C4", "Rapat Pemamfaatan ruang")
    ((code, _, message),) = findings(sources)
    assert code == "ejaan"
    assert message.startswith('Kata "Pemamfaatan" tidak ada di kamus')


def test_names_places_and_people_of_identitas_are_known_words(sources: Path) -> None:
    umum = workbook(sources, 0)
    book = openpyxl.load_workbook(umum)
    row = next(
        r[0].row for r in book["Identitas"].iter_rows() if r[0].value == "Nama Penandatangan"
    )
    set_cell(umum, "Identitas", f"B{row}", "Wibisanaputra Halimunda")
    set_cell(workbook(sources, 2), "Prioritas", "C4", "Rapat bersama Wibisanaputra")
    assert findings(sources) == []


def test_word_in_kamus_is_accepted(sources: Path) -> None:
    set_cell(workbook(sources, 2), "Prioritas", "C4", "Rapat dengan Kasubsi Binadik")
    assert [f[0] for f in findings(sources)] == ["ejaan"]
    with (sources / "kamus.txt").open("a", encoding="utf-8") as kamus:
        kamus.write("Kasubsi\nBinadik  # seksi pembinaan\n")
    assert findings(sources) == []


def test_derived_words_are_judged_by_their_root(sources: Path) -> None:
    set_cell(workbook(sources, 2), "Prioritas", "C4", "Terselenggaranya pemutakhiran data")
    assert findings(sources) == []


def test_another_units_word(sources: Path) -> None:
    set_cell(workbook(sources, 6), "Prioritas", "C7", "Mensosialisasikan media di Lapas")
    assert ("nama-satker-lain", CellRef("06_pelayanan_publik.xlsx", "Prioritas", "C7")) in [
        f[:2] for f in findings(sources)
    ]


def test_same_sentence_in_two_components(sources: Path) -> None:
    set_cell(workbook(sources, 1), "Uraian", "B4", LONG_SENTENCE)
    set_cell(workbook(sources, 2), "Uraian", "B4", LONG_SENTENCE)
    ((code, where, message),) = findings(sources)
    assert code == "kalimat-ganda"
    assert where == CellRef("02_penataan_tatalaksana.xlsx", "Uraian", "B4")
    assert "01_manajemen_perubahan.xlsx › Uraian › B4" in message


def test_same_sentence_twice_in_one_component_is_fine(sources: Path) -> None:
    set_cell(workbook(sources, 1), "Uraian", "B4", f"{LONG_SENTENCE} {LONG_SENTENCE}")
    assert findings(sources) == []


def test_own_name_written_another_way(sources: Path) -> None:
    set_cell(workbook(sources, 2), "Prioritas", "E4", "Rutan Klas I Pekanbaru memakai e-Gov")
    found = findings(sources)
    where = CellRef("02_penataan_tatalaksana.xlsx", "Prioritas", "E4")
    assert [f[:2] for f in found] == [("ejaan", where), ("nama-satker-beda", where)]
    assert '"Rutan Klas I Pekanbaru"' in found[1][2]


def test_official_names_are_fine(sources: Path) -> None:
    set_cell(workbook(sources, 2), "Prioritas", "E4", "Rutan Pekanbaru memakai e-Gov")
    assert findings(sources) == []


@pytest.mark.parametrize("typed", ["1. Rapat pokja", "a. Rapat pokja"])
def test_number_typed_where_the_document_numbers(sources: Path, typed: str) -> None:
    set_cell(workbook(sources, 2), "Prioritas", "C4", typed)
    ((code, where, message),) = findings(sources)
    assert code == "nomor-diketik"
    assert where == CellRef("02_penataan_tatalaksana.xlsx", "Prioritas", "C4")
    assert message.startswith(f'Teks diawali nomor "{typed.split()[0]}"')


def test_typed_number_advice_keeps_the_steps_apart(sources: Path) -> None:
    set_cell(workbook(sources, 2), "Prioritas", "C4", "1. Rapat\n2. Menyusun laporan")
    ((code, _, message),) = findings(sources)
    assert code == "nomor-diketik"
    assert "Hapus nomor ketikan itu dari sel." not in message
    assert "satu baris tetap satu langkah" in message


def test_list_markers_in_matrix_cells_are_fine(sources: Path) -> None:
    set_cell(workbook(sources, 2), "Indikator", "C4", "1. Rapat pokja\n2. Laporan")
    assert findings(sources) == []


def test_waktu_in_another_year(sources: Path) -> None:
    set_cell(workbook(sources, 2), "Prioritas", "D4", "Januari 2023")
    assert [f[:2] for f in findings(sources)] == [
        ("tahun-waktu-berbeda", CellRef("02_penataan_tatalaksana.xlsx", "Prioritas", "D4"))
    ]


def test_tanggal_penetapan_in_another_year(sources: Path) -> None:
    umum = workbook(sources, 0)
    wb = openpyxl.load_workbook(umum)
    row = next(r for r in wb["Identitas"].iter_rows() if r[0].value == "Tanggal Penetapan")
    row[1].value = dt.datetime(2023, 12, 28)
    wb.save(umum)
    ((code, _, message),) = findings(sources)
    assert code == "tahun-tanggal-berbeda"
    assert message.startswith("Tanggal Penetapan berada di tahun 2023, bukan tahun rencana 2024.")


def test_cli_check_exit_codes(sources: Path) -> None:
    runner = CliRunner()
    clean = runner.invoke(cli, ["check", str(sources)])
    assert clean.exit_code == 0 and clean.stderr.strip() == "Tidak ada temuan."
    assert clean.stdout == ""
    set_cell(workbook(sources, 2), "Prioritas", "C4", "Rapat pemamfaatan ruang")
    found = runner.invoke(cli, ["check", str(sources)])
    assert found.exit_code == 1
    assert "02_penataan_tatalaksana.xlsx" in found.stderr
    assert "Prioritas › C4" in found.stderr and "[ejaan]" in found.stderr
    assert found.stderr.rstrip().endswith(
        "1 temuan. Periksa dan putuskan sebelum dokumen ditandatangani."
    )


def test_build_counts_findings_and_points_to_check(sources: Path, tmp_path: Path) -> None:
    set_cell(workbook(sources, 2), "Prioritas", "C4", "Rapat pemamfaatan ruang")
    result = CliRunner().invoke(
        cli, ["build", str(sources), "-o", str(tmp_path / "p.docx"), "--tanpa-daftar-isi"]
    )
    assert result.exit_code == 0
    assert (
        f"Pemeriksaan sebelum tanda tangan: 1 temuan (rinciannya: zi-plan check {sources})."
        in result.stderr
    )


def test_a_very_long_word_is_quoted_short_as_validation_quotes_a_cell(sources: Path) -> None:
    word = "pemamfaatan" * 2_700  # 29,700 letters: one cell, within Excel's limit
    set_cell(workbook(sources, 2), "Prioritas", "C4", f"Rapat {word} ruang")
    ((code, _, message),) = findings(sources)
    assert code == "ejaan"
    quoted = message.split('"')[1]
    assert quoted.endswith("…") and word.startswith(quoted[:-1])
    assert len(quoted) <= 81
    assert len(message) < 300


def test_an_initial_is_not_a_typed_letter_but_a_run_of_capitals_is(sources: Path) -> None:
    set_cell(workbook(sources, 2), "Prioritas", "C4", "H. Ahmad memimpin rapat")
    assert [code for code, _, _ in findings(sources)] == ["ejaan"]  # the name, not "H."
    set_cell(workbook(sources, 2), "Prioritas", "C4", "A. Rapat pokja\nB. Menyusun laporan")
    ((code, _, message),) = findings(sources)
    assert code == "nomor-diketik"
    assert message.startswith('Teks diawali nomor "A."')
