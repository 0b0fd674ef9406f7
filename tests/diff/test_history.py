"""The Riwayat Perubahan page that build --riwayat appends."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from generator.cli import cli
from generator.plan.validate import load_plan
from generator.render.document import write
from tests.conftest import SAMPLE_SOURCES, set_cell
from tests.docx_reading import open_docx
from tests.ooxml_schema import schema_errors


def test_build_riwayat_appends_the_changes(sources: Path, tmp_path: Path) -> None:
    set_cell(next(sources.glob("02_*.xlsx")), "Prioritas", "D4", "Maret 2024")
    target = tmp_path / "p.docx"
    result = CliRunner().invoke(
        cli,
        [
            "build",
            str(sources),
            "-o",
            str(target),
            "--riwayat",
            str(SAMPLE_SOURCES),
            "--tanpa-daftar-isi",
        ],
    )
    assert result.exit_code == 0
    texts = [p.text for p in open_docx(target).paragraphs]
    start = texts.index("Riwayat Perubahan")
    assert texts[start + 2] == "1 perubahan: 1 diubah."
    assert texts[start + 4].startswith("–\tDiubah: Target Prioritas dan Rencana Aksi")
    assert texts[start + 4].endswith("› Waktu (semula: Februari 2024; menjadi: Maret 2024)")
    assert schema_errors(target) == []


def test_no_riwayat_page_without_the_option(tmp_path: Path) -> None:
    plan = load_plan(SAMPLE_SOURCES)[0]

    target = write(plan, tmp_path / "p.docx")
    assert "Riwayat Perubahan" not in [p.text for p in open_docx(target).paragraphs]


def test_riwayat_keeps_file_names_as_typed_and_names_the_version(
    sources: Path, tmp_path: Path
) -> None:
    set_cell(next(sources.glob("02_*.xlsx")), "Prioritas", "D4", "Maret 2024")
    target = tmp_path / "p.docx"
    result = CliRunner().invoke(
        cli,
        [
            "build",
            str(sources),
            "-o",
            str(target),
            "--riwayat",
            str(SAMPLE_SOURCES),
            "--tanpa-daftar-isi",
            "--tanpa-periksa",
        ],
    )
    assert result.exit_code == 0, result.output
    paragraphs = open_docx(target).paragraphs
    texts = [p.text for p in paragraphs]
    start = texts.index("Riwayat Perubahan")
    assert texts[start + 1].startswith(f"Dibandingkan dengan versi: {SAMPLE_SOURCES} (")
    heading = paragraphs[start + 3]
    assert "02_penataan_tatalaksana.xlsx" in heading.text
    assert not heading.style.font.all_caps  # Word would print 02_PENATAAN_TATALAKSANA.XLSX
    assert not any(run.font.all_caps for run in heading.runs)


def test_diff_report_names_both_versions(sources: Path) -> None:
    set_cell(next(sources.glob("02_*.xlsx")), "Prioritas", "D4", "Maret 2024")
    result = CliRunner().invoke(cli, ["diff", str(SAMPLE_SOURCES), str(sources)])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    old = next(line for line in lines if line.startswith("  Lama: "))
    new = next(line for line in lines if line.startswith("  Baru: "))
    assert old[len("  Lama: ") :] != new[len("  Baru: ") :]
    assert old.startswith(f"  Lama: {SAMPLE_SOURCES} (")
    assert new.startswith(f"  Baru: {sources} (")
