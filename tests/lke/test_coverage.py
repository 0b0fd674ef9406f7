"""Coverage of the LKE by a plan's lines, against weights computed from the raw TSV, and
on the real BPS Provinsi Aceh 2025 plan."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.lke.coverage import coverage, format_coverage
from generator.lke.lines import code_problems
from generator.problems import CellRef
from tests.conftest import set_cell
from tests.lke.plans import load_lines, matrix_line, step, write_plan
from tests.lke.raw_table import pengungkit

ACEH = Path(__file__).parent / "aceh_sources"


def sentence(codes_without_action: set[str]) -> str:
    """The expected sentence, with the weights summed from the raw TSV."""
    raw = pengungkit()
    weight = sum(raw[code].weight for code in codes_without_action)
    shown = f"{weight:.2f}".replace(".", ",")
    count = len(codes_without_action)
    return f"{count} butir LKE belum memiliki rencana aksi ({shown} dari 60 poin pengungkit)."


@pytest.fixture
def coded_plan(tmp_path: Path) -> Path:
    return write_plan(
        tmp_path / "sources",
        prioritas={
            1: [
                step(
                    "Tim ZI",
                    "Rapat pembentukan tim",
                    "PPA1A",
                    waktu="Januari 2025",
                    data_dukung="SK Tim",
                ),
                step(None, "Pembinaan tim", "A.1.I.i.a"),
                step("Rencana kerja ZI", "Menyusun rencana kerja", "A.1.I.ii.a"),
                step("Monev", None, "1.iii.a"),  # a target coded, but no rencana aksi
            ],
            4: [step("Sistem informasi kinerja", "Menyusun SOP data kinerja", "PPD2G, PPD2H")],
            5: [step("SPIP", "Membentuk tim SPIP", "A.1.V.ii.")],  # broken: counts for nothing
        },
        indikator={2: [matrix_line("Layanan TI", "Daftar aplikasi layanan", "A.1.II.ii.c", "3 6")]},
    )


def test_coverage_counts_coded_lines_by_weight(coded_plan: Path) -> None:
    loader, lines = load_lines(coded_plan)

    result = coverage(lines)

    covered = {"PPA1A", "PPA2A", "PPB2C", "PPD2G", "PPD2H"}
    missing = set(pengungkit()) - covered
    assert {c.item.code for c in result.missing} == missing
    assert result.sentence == sentence(missing)
    assert abs(result.missing_weight - sum(pengungkit()[c].weight for c in missing)) < 1e-9
    by_code = {c.item.code: c for c in result.items}
    ppa1a = by_code["PPA1A"]  # the second step takes its target's Waktu, not its Data Dukung
    counts = (len(ppa1a.lines), ppa1a.with_action, ppa1a.with_time, ppa1a.with_evidence)
    assert counts == (2, 2, 2, 1)
    ppa3a = by_code["PPA3A"]  # coded through the component (1.iii.a) but without an action
    assert (len(ppa3a.lines), ppa3a.with_action, ppa3a.covered) == (1, 0, False)
    ppb2c = by_code["PPB2C"]  # a matrix line: an action, with months
    assert (len(ppb2c.lines), ppb2c.with_action, ppb2c.with_time) == (1, 1, 1)
    assert [p.where for p in code_problems(loader, lines)] == [
        CellRef("05_penguatan_pengawasan.xlsx", "Prioritas", "H2")
    ]


def test_per_area_weights_and_gaps(coded_plan: Path) -> None:
    _, lines = load_lines(coded_plan)
    raw = pengungkit()

    result = coverage(lines)

    for area in result.areas:
        codes = [code for code in raw if code[2] == area.area]
        assert [c.item.code for c in area.items] == codes
        assert abs(area.weight - sum(raw[c].weight for c in codes)) < 1e-9
    text = format_coverage(result)
    assert "A.1.I.i.a (PPA1A)" in text
    assert text.endswith(sentence(set(raw) - {"PPA1A", "PPA2A", "PPB2C", "PPD2G", "PPD2H"}))


def test_a_plan_without_codes_gets_suggestions_that_are_never_counted(tmp_path: Path) -> None:
    folder = write_plan(
        tmp_path / "sources",
        prioritas={
            5: [step("Whistle Blowing System telah diterapkan", "Membentuk tim WBS", None)],
            6: [
                step(
                    "Survei kepuasan masyarakat",
                    "Melaksanakan survei kepuasan masyarakat terhadap pelayanan setiap triwulan",
                    None,
                )
            ],
        },
    )
    _, lines = load_lines(folder)

    result = coverage(lines)

    assert not result.coded
    assert result.sentence.startswith("Rencana kerja ini belum mencantumkan Kode LKE")
    assert [s.items[0].code for s in result.suggestions] == ["PPE4A", "PPF4A"]
    assert len(result.missing) == 110  # suggestions cover nothing
    assert "saran saja, tidak dihitung" in format_coverage(result)


# -- the real plan of BPS Provinsi Aceh 2025 -------------------------------------------------
#
# By hand, from ../shared/reference/other-units/bps-prov-aceh-2025.txt: the entries whose
# "Rencana aksi" is empty for every line of their code are
#   Pemenuhan: A.1.I.iv.a PPA4A, A.1.I.iv.c PPA4C, A.1.I.iv.d PPA4D (1.50 / 4 each = 0.375),
#              A.1.VI.v.a PPF5A (1.00 / 3 = 0.333...)                          = 1.458333
#   Reform:    PRA1B 1.0, PRA2A 1.0, PRC1A 1.5, PRC2A 1.5, PRC3A 2.0, PRD1A 2.0, PRD2A 1.5,
#              PRD3A 1.5, PRE1A 2.5, PRE2A 3.0, PRE3A 1.0, PRE3B 1.0             = 19.5
#   16 items, 20.958333 points. Entry [19] is coded "A.1.II.ii." (letter lost): as typed it
#   names no item, so PPB2C (2.00 / 4 = 0.5) has no line either: 17 items, 21.458333.
ACEH_MISSING = {
    "PPA4A", "PPA4C", "PPA4D", "PPF5A", "PRA1B", "PRA2A", "PRC1A", "PRC2A", "PRC3A",
    "PRD1A", "PRD2A", "PRD3A", "PRE1A", "PRE2A", "PRE3A", "PRE3B",
}  # fmt: skip


def test_aceh_as_typed_17_items_without_action_and_the_broken_code_is_a_warning() -> None:
    loader, lines = load_lines(ACEH)

    result = coverage(lines)

    assert result.sentence == (
        "17 butir LKE belum memiliki rencana aksi (21,46 dari 60 poin pengungkit)."
    )
    assert {c.item.code for c in result.missing} == ACEH_MISSING | {"PPB2C"}
    assert result.sentence == sentence(ACEH_MISSING | {"PPB2C"})
    [problem] = code_problems(loader, lines)
    assert problem.where == CellRef("02_penataan_tatalaksana.xlsx", "Prioritas", "H7")
    assert '"A.1.II.ii."' in problem.message
    assert "yang paling mirip: A.1.II.ii.c (PPB2C)" in problem.message


def test_aceh_with_the_broken_code_corrected_16_items_20_96_points(tmp_path: Path) -> None:
    sources = tmp_path / "aceh"
    shutil.copytree(ACEH, sources)
    set_cell(sources / "02_penataan_tatalaksana.xlsx", "Prioritas", "H7", "A.1.II.ii.c")
    loader, lines = load_lines(sources)

    result = coverage(lines)

    assert result.sentence == (
        "16 butir LKE belum memiliki rencana aksi (20,96 dari 60 poin pengungkit)."
    )
    assert {c.item.code for c in result.missing} == ACEH_MISSING
    assert code_problems(loader, lines) == []


def test_the_committed_aceh_workbooks_are_the_reference_as_the_script_writes_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import openpyxl

    from tests.lke.make_aceh_sources import main

    main(tmp_path)
    assert capsys.readouterr().out.startswith("150 entries written")
    for committed in sorted(ACEH.glob("*.xlsx")):
        fresh = openpyxl.load_workbook(tmp_path / committed.name)
        kept = openpyxl.load_workbook(committed)
        assert kept.sheetnames == fresh.sheetnames
        for name in kept.sheetnames:
            assert list(kept[name].values) == list(fresh[name].values), (committed.name, name)
