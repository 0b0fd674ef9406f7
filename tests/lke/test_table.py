"""The LKE shipped as package data, against the raw shared TSV."""

from __future__ import annotations

import math

import pytest

from generator.lke.table import load
from tests.lke.raw_table import pengungkit, raw_items


def test_every_item_of_the_source_is_shipped_with_its_weight() -> None:
    raw = raw_items()
    lke = load()
    assert [item.code for item in lke.items] == list(raw)
    for item in lke.items:
        assert math.isclose(item.weight, raw[item.code].weight), item.code
        assert item.question == raw[item.code].question.strip()


def test_pengungkit_is_110_items_worth_60_points_30_per_bagian() -> None:
    items = load().pengungkit
    assert len(items) == len(pengungkit()) == 110
    assert math.isclose(sum(i.weight for i in items), 60)
    for bagian in ("Pemenuhan", "Reform"):
        assert math.isclose(sum(i.weight for i in items if i.bagian == bagian), 30)


@pytest.mark.parametrize(
    ("area", "weight"), [("A", 4), ("B", 3.5), ("C", 5), ("D", 5), ("E", 7.5), ("F", 5)]
)
def test_each_area_weighs_what_the_regulation_gives_it_in_each_bagian(
    area: str, weight: float
) -> None:
    for bagian in ("Pemenuhan", "Reform"):
        items = [i for i in load().pengungkit if i.area == area and i.bagian == bagian]
        assert math.isclose(sum(i.weight for i in items), weight)
        assert {i.area_weight for i in items} == {weight}


def test_ppd2g_gets_its_own_criterion_and_says_so() -> None:
    item = load().item("PPD2G")
    assert item is not None
    assert "peningkatan kapasitas SDM" in raw_items()["PPD2G"].options  # the defect
    assert [o.text for o in item.options] == [
        "Ya, jika terdapat sistem informasi/mekanisme informasi kinerja",
        "Tidak",
    ]
    assert [o.value for o in item.options] == [1.0, 0.0]
    assert "pertanyaan lain" in item.note


@pytest.mark.parametrize("code", ["PRB3B", "PRB3C"])
def test_prb3b_and_prb3c_take_their_grouping_from_prb3a(code: str) -> None:
    lke = load()
    item, above = lke.item(code), lke.item("PRB3A")
    assert item is not None and above is not None
    assert (item.bagian, item.area, item.sub_pilar, item.sub_pilar_name) == (
        above.bagian,
        above.area,
        above.sub_pilar,
        above.sub_pilar_name,
    )
    assert math.isclose(item.weight, 2.0 / 3)
    assert "baris di atasnya" in item.note


def test_codes_in_bps_form_and_answer_values() -> None:
    lke = load()
    ppa3a = lke.item("ppa3a")
    assert ppa3a is not None
    assert ppa3a.bps_code == "A.1.I.iii.a"
    assert ppa3a.value_of("b") == 0.67
    assert ppa3a.value_of("E") is None
    prf2a = lke.item("PRF2A")
    assert prf2a is not None and prf2a.bps_code == "A.2.VI.ii.a"
    assert lke.item("PRA1A").counted  # type: ignore[union-attr]


def test_thresholds_are_data() -> None:
    thresholds = {t.name: t for t in load().thresholds}
    assert (thresholds["WBK"].total, thresholds["WBK"].pengungkit) == (75, 40)
    assert thresholds["WBK"].area_percent == 60
    assert (thresholds["WBBM"].total, thresholds["WBBM"].pengungkit) == (85, 48)
    assert thresholds["WBBM"].area_percent == 75
