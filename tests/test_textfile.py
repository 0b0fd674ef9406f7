"""kamus.txt as Notepad saves it: UTF-8 with or without BOM, "Unicode" (UTF-16 with BOM),
ANSI (cp1252, with a warning naming the file); read by build and check, never a crash."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli
from generator.textfile import read_text_file
from tests.conftest import assert_no_traceback, set_cell

WORDS = "# kata satuan kerja\nCafézoom\nSIMPEG\n"
NOTEPAD = {
    "UTF-8": WORDS.encode("utf-8"),
    "UTF-8 dengan BOM": b"\xef\xbb\xbf" + WORDS.encode("utf-8"),
    "Unicode (UTF-16 LE)": b"\xff\xfe" + WORDS.replace("\n", "\r\n").encode("utf-16-le"),
    "Unicode big endian": b"\xfe\xff" + WORDS.encode("utf-16-be"),
}


@pytest.mark.parametrize("saved", list(NOTEPAD))
def test_notepads_encodings_read_as_typed(tmp_path: Path, saved: str) -> None:
    path = tmp_path / "kamus.txt"
    path.write_bytes(NOTEPAD[saved])

    read = read_text_file(path)

    assert read.lines == ["# kata satuan kerja", "Cafézoom", "SIMPEG"]
    assert read.problems == []


def test_ansi_is_read_as_windows_1252_with_a_warning_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "kamus.txt"
    path.write_bytes(WORDS.encode("cp1252") + b"\x81\n")  # 0x81: undefined in cp1252

    read = read_text_file(path)

    assert read.lines == ["# kata satuan kerja", "Cafézoom", "SIMPEG", "\ufffd"]
    [warning] = read.problems
    assert (warning.code, warning.where.file, warning.severity.value) == (
        "teks-bukan-utf8",
        "kamus.txt",
        "warning",
    )
    assert "Pengodean UTF-8" in warning.message


def test_a_missing_file_is_empty_and_an_unreadable_one_a_warning(tmp_path: Path) -> None:
    (tmp_path / "kamus.txt").mkdir()  # a folder of that name: not readable as a file

    assert read_text_file(tmp_path / "tidak-ada.txt").lines == []
    assert read_text_file(tmp_path / "tidak-ada.txt").problems == []
    [warning] = read_text_file(tmp_path / "kamus.txt").problems
    assert warning.code == "teks-tidak-terbaca"
    assert warning.where.file == "kamus.txt"


def test_a_cut_utf16_file_is_read_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "kamus.txt"
    path.write_bytes(NOTEPAD["Unicode (UTF-16 LE)"] + b"\x41")  # an odd byte at the end

    read = read_text_file(path)

    assert read.lines[:3] == ["# kata satuan kerja", "Cafézoom", "SIMPEG"]
    assert [p.code for p in read.problems] == ["teks-rusak"]


def _with_unknown_word(sources: Path, encoding: str, bom: bytes = b"") -> None:
    """The sample's kamus.txt saved again in ``encoding``, with a word only it knows."""
    set_cell(sources / "01_manajemen_perubahan.xlsx", "Uraian", "B4", "Program Cafézoom.")
    kamus = sources / "kamus.txt"
    words = kamus.read_text(encoding="utf-8") + "Cafézoom\n"
    kamus.write_bytes(bom + words.encode(encoding))


SAVED_AS = {
    "UTF-8": ("utf-8", b""),
    "UTF-8 dengan BOM": ("utf-8", b"\xef\xbb\xbf"),
    "Unicode (UTF-16 LE)": ("utf-16-le", b"\xff\xfe"),
    "Unicode big endian": ("utf-16-be", b"\xfe\xff"),
}


@pytest.mark.parametrize("saved", list(SAVED_AS))
def test_check_and_build_know_the_words_of_every_notepad_encoding(
    sources: Path, tmp_path: Path, saved: str
) -> None:
    _with_unknown_word(sources, *SAVED_AS[saved])

    checked = CliRunner().invoke(cli, ["check", str(sources)])
    built = CliRunner().invoke(
        cli, ["build", str(sources), "-o", str(tmp_path / "r.docx"), "--tanpa-daftar-isi"]
    )

    assert checked.exit_code == 0, checked.output
    assert built.exit_code == 0, built.output
    assert "Pemeriksaan sebelum tanda tangan: 0 temuan." in built.stderr


def test_check_reads_an_ansi_word_list_and_says_how_to_save_it(sources: Path) -> None:
    _with_unknown_word(sources, "cp1252")

    checked = CliRunner().invoke(cli, ["check", str(sources), "--format", "json"])

    assert_no_traceback(checked)
    assert checked.exit_code == 1
    assert "Cafézoom" not in checked.output  # the word was read: not a spelling finding
    assert '"kode": "teks-bukan-utf8"' in checked.output
    assert '"file": "kamus.txt"' in checked.output
