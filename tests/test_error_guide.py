"""docs/laporan-kesalahan.md, the guide the Pokja read: every code the tool can print has
its row there (what it means, what to do)."""

from __future__ import annotations

import re
from pathlib import Path

from generator.messages import MESSAGES

GUIDE = Path(__file__).resolve().parents[1] / "docs" / "laporan-kesalahan.md"


def documented_codes(text: str) -> dict[str, str]:
    """Code -> its row, for every table row whose first cell names codes in backticks."""
    rows = {}
    for line in text.splitlines():
        if not line.startswith("| `"):
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split(" | ")]
        for code in re.findall(r"`([a-z0-9-]+)`", cells[0]):
            rows[code] = line
    return rows


def test_every_message_code_has_a_row_in_the_guide() -> None:
    rows = documented_codes(GUIDE.read_text(encoding="utf-8"))

    assert [code for code in MESSAGES if code not in rows] == []


def test_every_row_says_what_happened_and_what_to_do() -> None:
    for code, row in documented_codes(GUIDE.read_text(encoding="utf-8")).items():
        cells = [cell.strip() for cell in row.strip().strip("|").split(" | ")]
        assert len(cells) >= 3 and all(cells[1:3]), code


def test_a_code_missing_from_the_guide_is_found() -> None:
    rows = documented_codes("| `ada` | artinya | yang dilakukan |\n| kode | `tidak` | x |\n")
    assert set(rows) == {"ada"}
