"""LibreOffice is found where its installers put it, or where ZI_PLAN_SOFFICE says; when it
is missing, the advice fits the user's system and the written .docx is named."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli
from generator.render import office
from tests.conftest import SAMPLE_SOURCES, assert_no_traceback


def stub(path: Path) -> Path:
    path.parent.mkdir(parents=True)
    path.write_text("#!/bin/sh\nexit 0\n")
    path.chmod(0o755)
    return path


@pytest.fixture
def no_path(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A machine whose PATH holds no LibreOffice and whose install folders are empty."""
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))
    monkeypatch.delenv(office.ENVIRONMENT_VARIABLE, raising=False)
    monkeypatch.setattr(office.platform, "system", lambda: "Linux")
    opt = str(tmp_path / "opt/libreoffice*/program/soffice")
    monkeypatch.setitem(office.INSTALL_GLOBS, "Linux", (opt,))
    return tmp_path


def test_an_opt_install_outside_path_is_found_newest_first(no_path: Path) -> None:
    stub(no_path / "opt/libreoffice7.6/program/soffice")
    newest = stub(no_path / "opt/libreoffice24.8/program/soffice")

    assert office.soffice() == str(newest)


def test_the_environment_variable_names_the_program(
    no_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    named = stub(no_path / "elsewhere" / "soffice")
    monkeypatch.setenv(office.ENVIRONMENT_VARIABLE, str(named))
    assert office.soffice() == str(named)

    monkeypatch.setenv(office.ENVIRONMENT_VARIABLE, str(no_path / "missing"))
    assert office.soffice() is None


def test_windows_install_folders_are_searched(
    no_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(office.platform, "system", lambda: "Windows")
    monkeypatch.setenv("ProgramFiles", str(no_path / "Program Files"))
    monkeypatch.delenv("ProgramFiles(x86)", raising=False)
    monkeypatch.delenv("LOCALAPPDATA", raising=False)
    program = stub(no_path / "Program Files/LibreOffice/program/soffice.exe")

    assert office.soffice() == str(program)


@pytest.mark.parametrize(
    ("system", "advice"),
    [("Windows", "libreoffice.org (penginstal Windows)"), ("Linux", "apt-get install")],
)
def test_pdf_without_libreoffice_names_the_written_docx_and_advises_for_the_system(
    no_path: Path, monkeypatch: pytest.MonkeyPatch, system: str, advice: str
) -> None:
    monkeypatch.setattr(office.platform, "system", lambda: system)
    target = no_path / "rencana.docx"

    result = CliRunner().invoke(
        cli, ["build", str(SAMPLE_SOURCES), "-o", str(target), "--pdf", "--tanpa-periksa"]
    )

    assert result.exit_code == 1
    assert_no_traceback(result)
    assert target.exists()
    assert f"Dokumen Word tetap ditulis: {target}" in result.stderr
    assert advice in result.stderr and office.ENVIRONMENT_VARIABLE in result.stderr


def test_a_libreoffice_refusing_the_export_options_still_converts(
    no_path: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """An older LibreOffice that fails on the JSON filter options: the same documents again
    as a plain PDF, whose pages the Daftar Isi then finds by their text."""
    program = no_path / "old" / "soffice"
    program.parent.mkdir()
    program.write_text(
        "#!/bin/sh\n"
        'case "$*" in *"{"*) exit 77;; esac\n'  # the JSON options: refused
        'while [ "$1" != "--outdir" ]; do shift; done; out="$2"; shift 2\n'
        'for f in "$@"; do n=${f##*/}; echo "%PDF-1.4" > "$out/${n%.docx}.pdf"; done\n'  # no PATH
    )
    program.chmod(0o755)
    monkeypatch.setenv(office.ENVIRONMENT_VARIABLE, str(program))
    documents = [tmp_path / "a.docx", tmp_path / "b.docx"]
    for document in documents:
        document.write_bytes(b"")
    outdir = tmp_path / "pdf"
    outdir.mkdir()

    pdfs = office.convert_many(documents, outdir, destinations=True)

    assert [pdf.name for pdf in pdfs] == ["a.pdf", "b.pdf"]
    assert all(pdf.read_bytes().startswith(b"%PDF") for pdf in pdfs)
    with pytest.raises(office.OfficeFailed):  # without the options, a failure stays one
        program.write_text("#!/bin/sh\nexit 77\n")
        office.convert_many(documents, outdir, destinations=True)
