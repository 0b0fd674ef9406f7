"""The one stream rule and the exit codes, for every command (README, docs/keluaran.md).

Standard output holds only what the command produces: in text mode the paths it wrote or
the report asked for, with --format json exactly one JSON document, on failure too.
Every sentence goes to standard error. Exit codes: 0 done, 1 input or environment, 2 the
command called wrong, 3 (diff) an input it cannot read; 130 for Ctrl+C
(tests/cli/test_interrupt.py).
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from generator.cli import app, cli
from tests.conftest import SAMPLE_SOURCES, set_cell

NIAS = Path(__file__).parents[1] / "golden" / "bps_kab_nias_2025" / "sources"
PROBLEM_KEYS = {"kode", "tingkat", "file", "sheet", "sel", "pesan"}


def assert_no_traceback(result: Result) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    assert "Traceback" not in result.output


def run(*args: object) -> Result:
    return CliRunner().invoke(cli, [str(arg) for arg in args])


def break_a_tick(sources: Path) -> None:
    set_cell(sources / "02_penataan_tatalaksana.xlsx", "Indikator", "G5", "ok")


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A good unit with its realisation workbooks, a broken one, a Kantor Wilayah."""
    work = tmp_path_factory.mktemp("aliran")
    shutil.copytree(SAMPLE_SOURCES, work / "baik")
    shutil.copytree(SAMPLE_SOURCES, work / "rusak")
    break_a_tick(work / "rusak")
    shutil.copytree(SAMPLE_SOURCES, work / "kanwil" / "rutan")
    assert run("realisasi", work / "baik").exit_code == 0
    assert run("realisasi", work / "kanwil" / "rutan").exit_code == 0
    return work


def json_commands(work: Path) -> dict[str, tuple[list[object], int]]:
    """Each command that has --format json, once succeeding and once failing."""
    out = work / "keluaran"
    good, bad, missing = work / "baik", work / "rusak", work / "tidak-ada"
    docx = ["-o", out / "r.docx", "--tanpa-daftar-isi"]
    return {
        "build": (["build", good, *docx, "--json"], 0),
        "build rusak": (["build", bad, *docx], 1),
        "validate": (["validate", good], 0),
        "validate rusak": (["validate", bad], 1),
        "check": (["check", good], 0),
        "check rusak": (["check", bad], 1),
        "diff sama": (["diff", good, good], 0),
        "diff beda": (["diff", good, NIAS], 1),
        "diff tak terbaca": (["diff", good, missing], 3),
        "build-all": (["build-all", work / "kanwil", "-o", out / "kw", "--jobs", "1"], 0),
        "build-all tanpa folder": (["build-all", missing, "-o", out / "kw"], 1),
        "monev": (["monev", good, "--triwulan", "1", *docx[:1], out / "m.docx"], 0),
        "monev tanpa realisasi": (["monev", good, "--triwulan", "1", "--realisasi", missing], 1),
        "lke": (["lke", good], 0),
        "lke rusak": (["lke", bad], 1),
    }


@pytest.mark.parametrize("name", list(json_commands(Path())))
def test_format_json_prints_exactly_one_json_document(work: Path, name: str) -> None:
    args, code = json_commands(work)[name]

    result = run(*args, "--format", "json")

    assert result.exit_code == code, result.output
    document = json.loads(result.stdout)  # one document, nothing before or after it
    assert_no_traceback(result)
    if code in (1, 3) and not name.startswith(("diff beda", "check rusak")):
        assert document and all(set(problem) == PROBLEM_KEYS for problem in document)
        assert any(problem["tingkat"] == "kesalahan" for problem in document)
    assert not any(
        line.startswith(("Workbook", "Daftar Isi")) for line in result.stdout.splitlines()
    )


def test_schema_prints_one_json_document() -> None:
    result = run("schema")

    assert result.exit_code == 0
    assert json.loads(result.stdout)["title"] == "Plan"
    assert result.stderr == ""


def test_build_as_json_names_what_it_wrote_and_the_warnings(work: Path, tmp_path: Path) -> None:
    result = run("build", work / "baik", "-o", tmp_path / "r.docx", "--json", "--format", "json",
                 "--tanpa-daftar-isi")  # fmt: skip

    document = json.loads(result.stdout)
    assert document["dokumen"] == str(tmp_path / "r.docx")
    assert document["json"] == str(tmp_path / "r.json")
    assert json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["identity"]
    assert {p["kode"] for p in document["masalah"]} == {"tanpa-matriks", "baris-hanya-centang"}
    assert "Daftar Isi" in result.stderr  # the sentence: on standard error


@pytest.mark.parametrize(
    "args",
    [
        ["build", "{baik}", "-o", "{tmp}/r.docx", "--json", "--tanpa-daftar-isi"],
        ["init", "{tmp}/baru", "--tahun", "2025"],
        ["init", "{tmp}/depan", "--dari", "{baik}"],
        ["realisasi", "{baik}", "-o", "{tmp}/realisasi"],
        ["monev", "{baik}", "--triwulan", "1", "-o", "{tmp}/m.docx", "--tanpa-daftar-isi"],
        ["build-all", "{kanwil}", "-o", "{tmp}/kw", "--jobs", "1"],
        ["monev-all", "{kanwil}", "--triwulan", "1", "-o", "{tmp}/kw", "--jobs", "1"],
    ],
    ids=lambda args: args[0] + (" --dari" if "--dari" in args else ""),
)
def test_in_text_mode_standard_output_holds_only_the_paths_written(
    work: Path, tmp_path: Path, args: list[str]
) -> None:
    places = {"baik": work / "baik", "kanwil": work / "kanwil", "tmp": tmp_path}

    result = run(*(arg.format(**places) for arg in args))

    assert result.exit_code == 0, result.output
    written = result.stdout.splitlines()
    assert written
    assert all(Path(line).is_file() for line in written), written
    assert result.stderr  # the sentences are there, on standard error


def test_the_makefiles_archive_still_finds_the_json_path(work: Path, tmp_path: Path) -> None:
    result = run("build", work / "baik", "-o", tmp_path / "r.docx", "--json", "--tanpa-daftar-isi")

    assert [line for line in result.stdout.splitlines() if line.endswith(".json")] == [
        str(tmp_path / "r.json")
    ]
    assert result.stdout.splitlines()[-1] == str(tmp_path / "r.docx")


# --quiet


@pytest.mark.parametrize("flag", ["-q", "--quiet"])
def test_a_quiet_build_prints_only_the_path(work: Path, tmp_path: Path, flag: str) -> None:
    loud = run("build", work / "baik", "-o", tmp_path / "r.docx", "--tanpa-daftar-isi")
    quiet = run("build", work / "baik", "-o", tmp_path / "r.docx", "--tanpa-daftar-isi", flag)

    assert "peringatan" in loud.stderr
    assert (quiet.exit_code, quiet.stderr, quiet.stdout) == (0, "", f"{tmp_path / 'r.docx'}\n")


def test_a_quiet_build_still_says_every_error_and_nothing_else(work: Path, tmp_path: Path) -> None:
    result = run("build", work / "rusak", "-o", tmp_path / "r.docx", "-q")

    assert result.exit_code == 1
    assert "KESALAHAN: Indikator › G5" in result.stderr
    assert "[tanda-tidak-dikenal]" in result.stderr
    assert "peringatan" not in result.stderr
    assert result.stderr.splitlines()[-2:] == [
        "1 kesalahan.",
        "Dokumen tidak dibuat. Perbaiki kesalahan di atas, lalu jalankan lagi.",
    ]
    assert result.stdout == ""


def test_a_quiet_monev_prints_only_the_path(work: Path, tmp_path: Path) -> None:
    target = tmp_path / "m.docx"
    result = run("monev", work / "baik", "--triwulan", "1", "-o", target, "--tanpa-daftar-isi",
                 "-q")  # fmt: skip

    assert (result.exit_code, result.stderr, result.stdout) == (0, "", f"{target}\n")


@pytest.mark.parametrize("command", ["build-all", "monev-all"])
def test_quiet_batches_print_only_the_recap_and_the_failed_units(
    work: Path, tmp_path: Path, command: str
) -> None:
    kanwil = tmp_path / "kanwil"
    shutil.copytree(work / "kanwil", kanwil)
    args = [command, kanwil, "-o", tmp_path / "kw", "--jobs", "1", "-q"]
    args += ["--triwulan", "1"] if command == "monev-all" else []

    clean = run(*args)
    shutil.copytree(work / "rusak", kanwil / "rusak")
    shutil.copytree(work / "baik" / "realisasi", kanwil / "rusak" / "realisasi")
    failed = run(*args)

    assert (clean.exit_code, clean.stderr) == (0, "")
    assert Path(clean.stdout.strip()).is_file()
    assert failed.exit_code == 1
    assert "GAGAL" in failed.stderr and "G5" in failed.stderr
    assert "berhasil" not in failed.stderr and "Menyusun" not in failed.stderr


# exit codes


@pytest.mark.parametrize(
    "args",
    [
        ["build", "--tidak-ada"],
        ["validate", "a", "b"],
        ["build", "--format", "xml"],
        ["monev", "sources"],  # --triwulan missing
        ["init", "baru", "--pertahankan-centang"],
        ["lke", "sources", "--realisasi", "r"],
        ["perintah-lain"],
    ],
)
def test_a_command_called_wrong_exits_2(args: list[str]) -> None:
    result = run(*args)

    assert result.exit_code == 2
    assert result.stdout == ""
    assert "Galat: " in result.stderr
    assert "Lihat '" in result.stderr


def _unreadable(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """As without read permission (the tests may run as root, whom chmod does not stop)."""
    real = os.scandir

    def scandir(path: object = ".") -> object:
        if Path(str(path)).resolve() == folder.resolve():
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)  # type: ignore[arg-type]

    def access(path: object, mode: int) -> bool:
        return Path(str(path)).resolve() != folder.resolve() and real_access(path, mode)  # type: ignore[arg-type]

    real_access = os.access
    monkeypatch.setattr(app.os, "scandir", scandir)
    monkeypatch.setattr(app.os, "access", access)  # click's own check asks os.access


@pytest.mark.parametrize(
    "command",
    ["build", "validate", "check", "lke", "realisasi", "build-all", "monev-all", "init --dari"],
)
def test_an_unreadable_folder_exits_1_in_indonesian(
    work: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    folder = tmp_path / "terkunci"
    shutil.copytree(work / "baik", folder)
    _unreadable(monkeypatch, folder)
    args = {
        "build-all": ["build-all", folder, "-o", tmp_path / "kw"],
        "monev-all": ["monev-all", folder, "--triwulan", "1", "-o", tmp_path / "kw"],
        "init --dari": ["init", tmp_path / "baru", "--dari", folder],
    }.get(command, [command, folder])

    result = run(*args)

    assert result.exit_code == 1, result.output
    assert f"Folder {folder} ada tetapi isinya tidak dapat dibaca (tidak ada izin)" in result.stderr
    assert "Periksa hak akses folder itu" in result.stderr
    assert "[folder-tidak-terbaca]" in result.stderr
    assert "not readable" not in result.output
    assert_no_traceback(result)


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["build-all", "{missing}"], "folder-tidak-ditemukan"),
        (["monev-all", "{missing}", "--triwulan", "1"], "folder-tidak-ditemukan"),
        (["init", "{tmp}/baru", "--dari", "{missing}"], "folder-tidak-ditemukan"),
        (["build", "{missing}"], "folder-tidak-ada"),
        (["build", "{file}"], "folder-berupa-file"),
        (["validate", "{file}"], "folder-berupa-file"),
        (["build-all", "{file}"], "folder-berupa-file"),
        (["build-all", "{kanwil}", "-o", "{file}"], "folder-berupa-file"),
        (["realisasi", "{baik}", "-o", "{file}"], "folder-berupa-file"),
        (["build-all", "{tmp}"], "folder-tanpa-satuan-kerja"),
    ],
)
def test_a_missing_or_wrong_folder_exits_1_naming_it(
    work: Path, tmp_path: Path, args: list[str], code: str
) -> None:
    (tmp_path / "catatan.txt").write_text("bukan folder", encoding="utf-8")
    places = {
        "missing": tmp_path / "tidak-ada",
        "file": tmp_path / "catatan.txt",
        "tmp": tmp_path,
        "kanwil": work / "kanwil",
        "baik": work / "baik",
    }
    named = [arg.format(**places) for arg in args]

    result = run(*named)

    assert result.exit_code == 1, result.output
    assert f"[{code}]" in result.stderr
    assert any(str(place) in result.stderr for place in places.values())
    assert_no_traceback(result)


# outputs that cannot be written


@pytest.mark.parametrize(
    ("args", "blocked"),
    [
        (["build", "{baik}", "-o", "{tmp}/r.docx", "--json"], "r.json"),
        (["build", "{baik}", "-o", "{tmp}/r.docx", "--pdf"], "r.pdf"),
        (["build", "{baik}", "-o", "{tmp}/r.docx"], "r.docx"),
        (["monev", "{baik}", "--triwulan", "1", "-o", "{tmp}/r.docx", "--json"], "r.json"),
        (["diff", "{baik}", "{baik}", "-o", "{tmp}/r.docx"], "r.docx"),
    ],
)
def test_an_output_onto_a_folder_is_refused_before_anything_is_written(
    work: Path, tmp_path: Path, args: list[str], blocked: str
) -> None:
    (tmp_path / blocked).mkdir()
    old = {name: f"lama {name}".encode() for name in ("r.docx", "r.json") if name != blocked}
    for name, content in old.items():
        (tmp_path / name).write_bytes(content)

    named = [arg.format(baik=work / "baik", tmp=tmp_path) for arg in args]
    no_libreoffice = ["--tanpa-daftar-isi"] if args[0] in ("build", "monev") else []

    result = run(*named, *no_libreoffice)

    assert result.exit_code == 1, result.output
    assert f"{tmp_path / blocked}: Di tempat file ini akan ditulis ada folder" in result.stderr
    assert "[keluaran-berupa-folder]" in result.stderr
    assert_no_traceback(result)
    for name, content in old.items():  # the previous good files, untouched
        assert (tmp_path / name).read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([blocked, *old])


def test_an_unwritable_folder_is_refused_before_anything_is_written(
    work: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "r.docx").write_bytes(b"lama")
    real = os.access
    monkeypatch.setattr(
        app.os, "access", lambda path, mode: False if Path(path) == tmp_path else real(path, mode)
    )

    result = run("build", work / "baik", "-o", tmp_path / "r.docx", "--json")

    assert result.exit_code == 1
    assert f"{tmp_path / 'r.docx'}: Tidak ada izin menulis ke lokasi ini." in result.stderr
    assert (tmp_path / "r.docx").read_bytes() == b"lama"
    assert not (tmp_path / "r.json").exists()


def test_a_json_that_fails_after_the_document_is_an_error_not_a_traceback(
    work: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Should the JSON fail only while being written (disk full): an Indonesian error
    naming it, exit 1, and no half-written JSON; the previous one stays."""
    (tmp_path / "r.json").write_bytes(b"lama")
    real = Path.write_text

    def disk_full(self: Path, *args: object, **kwargs: object) -> int:
        if self.suffix == ".json":
            raise OSError(28, "No space left on device")
        return real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "write_text", disk_full)

    result = run("build", work / "baik", "-o", tmp_path / "r.docx", "--json", "--tanpa-daftar-isi")

    assert result.exit_code == 1
    assert f"{tmp_path / 'r.json'}: Dokumen tidak dapat ditulis (ruang disk penuh)" in result.stderr
    assert (tmp_path / "r.json").read_bytes() == b"lama"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.docx", "r.json"]
    assert_no_traceback(result)
