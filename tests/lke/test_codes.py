"""Kode LKE in the three forms plans write, and the warning for a code naming no item."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.lke.codes import resolve, split_codes
from generator.lke.lines import code_problems
from generator.lke.table import load
from generator.problems import CellRef, Severity
from tests.lke.plans import load_lines, step, write_plan
from tests.lke.raw_table import pengungkit

ROMAN = ["i", "ii", "iii", "iv", "v", "vi"]


def bps_form(code: str) -> str:
    """PPA3A -> A.1.I.iii.a, written out here from the code's letters."""
    part = "1" if code[1] == "P" else "2"
    area = "ABCDEF".index(code[2])
    return f"A.{part}.{ROMAN[area].upper()}.{ROMAN[int(code[3]) - 1]}.{code[4].lower()}"


@pytest.mark.parametrize("code", sorted(pengungkit()))
def test_every_item_is_found_by_each_of_the_three_forms(code: str) -> None:
    lke = load()
    component = "ABCDEF".index(code[2]) + 1
    local = bps_form(code).split(".", 2)[1] + "." + bps_form(code).split(".", 3)[3]
    for typed in (code, code.lower(), bps_form(code), bps_form(code) + ".", local):
        item = resolve(typed, component, lke)
        assert item is not None and item.code == code, typed


def test_the_component_fixes_the_area_of_a_short_code() -> None:
    lke = load()
    assert resolve("1.iii.a", 1, lke).code == "PPA3A"  # type: ignore[union-attr]
    assert resolve("1.iii.a", 5, lke).code == "PPE3A"  # type: ignore[union-attr]
    assert resolve("2.ii.a", 6, lke).code == "PRF2A"  # type: ignore[union-attr]
    assert resolve("1.vii.a", 1, lke) is None


def test_area_first_codes_are_read_in_their_own_component() -> None:
    """BPS Kab. Nias writes A.<area>.<I|II>...: A.1.II.i.a in Manajemen Perubahan is PRA1A
    (BPS's own reading, PPB1A, is Tatalaksana's item)."""
    lke = load()
    assert resolve("A.1.II.i.a", 1, lke).code == "PRA1A"  # type: ignore[union-attr]
    assert resolve("A.1.II.i.a", 2, lke).code == "PPB1A"  # type: ignore[union-attr]
    assert resolve("A.2.I.ii.c", 2, lke).code == "PPB2C"  # type: ignore[union-attr]


@pytest.mark.parametrize("typed", ["A.1.II.ii.", "A.1.II.ii", "PPB2", "A.1.II.ii.z", "X", ""])
def test_incomplete_codes_name_no_item(typed: str) -> None:
    assert resolve(typed, 2, load()) is None


def test_one_cell_may_name_several_items() -> None:
    assert split_codes("PPA3A, A.1.I.iii.b; 1.iii.c dan PPA2A\nPPA2B") == [
        "PPA3A",
        "A.1.I.iii.b",
        "1.iii.c",
        "PPA2A",
        "PPA2B",
    ]


def test_a_broken_code_is_a_warning_at_its_cell_with_the_nearest_items(tmp_path: Path) -> None:
    folder = write_plan(
        tmp_path / "sources",
        prioritas={
            2: [
                step("SOP mengacu pada peta proses bisnis instansi", "Menyusun SOP", "PPB1A"),
                step(
                    "Pemberian pelayanan kepada publik sudah menggunakan teknologi informasi",
                    "Membuat daftar aplikasi layanan",
                    "A.1.II.ii.",
                ),
                step("Keterbukaan informasi", "Membentuk PPID", "PPB3A, PPZ9"),
            ]
        },
    )
    loader, lines = load_lines(folder)

    problems = code_problems(loader, lines)

    assert [(p.code, p.where, p.severity) for p in problems] == [
        (
            "kode-lke-tidak-dikenal",
            CellRef("02_penataan_tatalaksana.xlsx", "Prioritas", "H3"),
            Severity.WARNING,
        ),
        (
            "kode-lke-tidak-dikenal",
            CellRef("02_penataan_tatalaksana.xlsx", "Prioritas", "H4"),
            Severity.WARNING,
        ),
    ]
    first = problems[0].message
    assert first.startswith('Kode LKE "A.1.II.ii." tidak cocok dengan butir LKE mana pun')
    # nearest by text first (the target is PPB2C's criterion), then the sub-pilar's others
    assert 'yang paling mirip: A.1.II.ii.c (PPB2C) "Pemberian pelayanan kepada publik' in first
    assert "lalu A.1.II.ii.a (PPB2A), A.1.II.ii.b (PPB2B)" in first
    assert '"PPZ9"' in problems[1].message
    assert [line.items[0].code for line in lines if line.items] == ["PPB1A", "PPB3A"]
    assert lines[2].unknown == ("PPZ9",)
