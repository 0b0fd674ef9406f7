"""The appendix table data and the review finding made from the coverage."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.lke.appendix import appendix_rows, coverage_finding
from generator.lke.coverage import coverage
from generator.problems import CellRef, Severity
from tests.lke.plans import load_lines, step, write_plan
from tests.lke.raw_table import pengungkit
from tests.lke.test_coverage import ACEH


def test_one_row_per_item_in_lke_order_with_the_lines_that_serve_it() -> None:
    _, lines = load_lines(ACEH)

    rows = appendix_rows(coverage(lines))

    raw = pengungkit()
    assert len(rows) == len(raw)
    assert [row.item.split(" (")[1].split(")")[0] for row in rows] == list(raw)  # TSV order
    first = rows[0]
    assert first.area == "I. Manajemen Perubahan (Pemenuhan)"
    assert first.sub_pilar == "i. Penyusunan Tim Kerja"
    assert first.item.startswith("A.1.I.i.a (PPA1A) Unit kerja telah membentuk tim")
    # each line of the Rencana Aksi cell is a step (issue 17's one rule), numbered or not
    target = "01 Prioritas: Unit kerja telah membentuk tim untuk melakukan pembangunan Zona "
    assert len(first.lines) == 6 and all(line.startswith(target) for line in first.lines)
    assert first.lines[0].endswith(
        "— Rapat Pembentukan Tim Kerja Pembangunan ZI BPS Provinsi Aceh Tahun 2025"
    )
    assert first.lines[-1].endswith("— Pembinaan Tim CAN Tahun 2025")
    ppa4a = next(row for row in rows if "(PPA4A)" in row.item)
    assert ppa4a.lines == ()  # coded, but no rencana aksi


def test_the_review_finding_is_the_coverage_sentence_with_the_heaviest_gaps() -> None:
    _, lines = load_lines(ACEH)

    finding = coverage_finding(coverage(lines), "aceh_sources")

    assert finding is not None
    assert (finding.code, finding.severity, finding.where) == (
        "lke-belum-ada-rencana-aksi",
        Severity.WARNING,
        CellRef("aceh_sources"),
    )
    assert finding.message == (
        "17 butir LKE belum memiliki rencana aksi (21,46 dari 60 poin pengungkit). Perbaiki: "
        "Tambahkan rencana aksi untuk butir yang bobotnya terbesar: PRE2A (3,00), PRE1A (2,50), "
        "PRC3A (2,00) (rinciannya: zi-plan lke)."
    )


def test_no_finding_for_a_plan_without_codes(tmp_path: Path) -> None:
    folder = write_plan(tmp_path / "s", prioritas={1: [step("Tim", "Rapat", None)]})
    _, lines = load_lines(folder)
    assert coverage_finding(coverage(lines), "s") is None


def test_check_reports_the_coverage_sentence_for_a_coded_plan(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from generator.cli import cli

    sources = tmp_path / "aceh"
    shutil.copytree(ACEH, sources)

    result = CliRunner().invoke(cli, ["check", str(sources)])

    assert result.exit_code == 1
    assert (
        "17 butir LKE belum memiliki rencana aksi (21,46 dari 60 poin pengungkit)." in result.stderr
    )
    assert "[lke-belum-ada-rencana-aksi]" in result.stderr


def test_build_appends_the_lke_appendix_when_asked(tmp_path: Path) -> None:
    from click.testing import CliRunner
    from docx import Document

    from generator.cli import cli
    from tests.ooxml_schema import schema_errors

    target = tmp_path / "rencana.docx"
    args = ["build", str(ACEH), "-o", str(target), "--tanpa-daftar-isi", "--tanpa-periksa"]

    result = CliRunner().invoke(cli, [*args, "--lampiran-lke"])

    assert result.exit_code == 0, result.output
    document = Document(str(target))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[-1] == "Lampiran: Pemetaan Rencana Aksi terhadap LKE"
    table = document.tables[-1]
    items = {row.cells[2].text.split(" (")[1].split(")")[0] for row in table.rows[1:]}
    assert items == set(pengungkit())
    ppa4a = next(row for row in table.rows[1:] if "(PPA4A)" in row.cells[2].text)
    assert ppa4a.cells[3].text == "Belum ada rencana aksi."
    assert schema_errors(target) == []

    without = tmp_path / "tanpa.docx"
    CliRunner().invoke(cli, [*args[:2], "-o", str(without), *args[4:]])
    assert "Lampiran: Pemetaan Rencana Aksi terhadap LKE" not in {
        p.text for p in Document(str(without)).paragraphs
    }
