"""The change model: a change's label."""

from __future__ import annotations

from generator.diff import Change, Kind


def test_change_label_joins_its_parts() -> None:
    change = Change("G", "Target", Kind.CHANGED, "Target ke-2", "Waktu", "a", "b")
    assert change.label == "Target › Target ke-2 › Waktu"
