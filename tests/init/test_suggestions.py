"""The suggested texts of each component, pre-filled in Uraian."""

from __future__ import annotations

from pathlib import Path

from generator.init.suggestions import SUGGESTIONS
from tests.init.conftest import HINTS, workbook


def test_uraian_holds_the_suggested_purpose_and_targets(fresh: Path) -> None:
    for key, suggestion in SUGGESTIONS.items():
        ws = workbook(fresh, key.number)["Uraian"]
        rows = [(r[0].value, r[1].value) for r in ws.iter_rows(min_row=4)]
        assert rows[0] == ("Tujuan", suggestion.tujuan.format(satker=HINTS["nama_satker"]))
        assert rows[1:-1] == [("Target", target) for target in suggestion.targets]
        assert rows[-1] == ("Pengantar Tabel", suggestion.pengantar)
        assert "{" not in rows[0][1]
