"""Reading a version back: sources folders, build --json files, and the errors of both."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli
from generator.diff import PlanFileError, diff_plans, load_any
from generator.plan.models import Plan
from generator.problems import InputInvalid
from tests.conftest import SAMPLE_SOURCES, set_cell
from tests.diff.plan_edits import UMUM


def test_diff_of_json_round_trip_is_equal(sample: Plan, tmp_path: Path) -> None:
    path = tmp_path / "rencana.json"
    path.write_text(sample.model_dump_json(indent=2), encoding="utf-8")
    assert load_any(path) == sample
    assert diff_plans(load_any(SAMPLE_SOURCES), load_any(path)).equal


def test_missing_path(tmp_path: Path) -> None:
    with pytest.raises(PlanFileError) as raised:
        load_any(tmp_path / "lama")
    assert str(raised.value) == (
        f"{tmp_path / 'lama'}: Folder sumber atau file JSON ini tidak ditemukan. "
        "Perbaiki: Periksa nama dan lokasinya. [rencana-tidak-ada]"
    )


def test_neither_folder_nor_json(tmp_path: Path) -> None:
    path = tmp_path / "rencana.docx"
    path.write_bytes(b"PK")
    with pytest.raises(PlanFileError, match="bukan folder sumber dan bukan file JSON"):
        load_any(path)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"{not json", "Isi file bukan rencana kerja yang sah ("),
        (b'{"identity": {}}', "Isi file bukan rencana kerja yang sah (identity.kementerian: "),
        (b"\xff\xfe\x00", "File ini bukan teks JSON (bukan UTF-8)."),
    ],
)
def test_json_that_is_not_a_plan(tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "rencana.json"
    path.write_bytes(content)
    with pytest.raises(PlanFileError) as raised:
        load_any(path)
    assert expected in str(raised.value)
    assert "Perbaiki: Buat ulang file dengan zi-plan build --json" in str(raised.value)


def test_sources_with_errors_raise_every_problem(sources: Path) -> None:
    set_cell(sources / UMUM, "Identitas", "B14", "123")
    with pytest.raises(InputInvalid) as raised:
        load_any(sources)
    assert [p.code for p in raised.value.problems if p.severity == "error"] == [
        "nip-bukan-18-angka"
    ]


def test_build_json_is_a_diff_input(sources: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    built = runner.invoke(
        cli,
        [
            "build",
            str(SAMPLE_SOURCES),
            "-o",
            str(tmp_path / "p.docx"),
            "--json",
            "--tanpa-daftar-isi",
        ],
    )
    assert built.exit_code == 0
    archived = tmp_path / "p.json"
    assert runner.invoke(cli, ["diff", str(archived), str(SAMPLE_SOURCES)]).exit_code == 0


def test_diff_says_it_could_not_read_with_its_own_exit_code(tmp_path: Path) -> None:
    """1 is "different" (make diff lets it pass); an unreadable input is 3."""
    from click.testing import CliRunner

    from generator.cli import cli
    from tests.conftest import SAMPLE_SOURCES

    broken = tmp_path / "rusak.json"
    broken.write_text("{ bukan json", encoding="utf-8")

    result = CliRunner().invoke(cli, ["diff", str(broken), str(SAMPLE_SOURCES)])

    assert result.exit_code == 3
    assert "Traceback" not in result.output
